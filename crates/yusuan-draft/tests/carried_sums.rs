//! A carried grid's totals follow an edited item: the real Jiangsu 政府采购预算表 (合计 over
//! 货物/服务 over 专项 over items) and Hubei's 资产配置预算表 (its total rows printed three times
//! over the assets), rolled forward, edited as the window edits them, and derived for the PDF.

mod common;

use common::{fixture, JIANGSU};
use yusuan_draft::carried::{insert_carried_row, remove_carried_row, set_carried_cell};
use yusuan_draft::{derive, roll_forward};
use yusuan_testkit::title_containing;

/// The printed cells of column `c` of the derived table titled (containing) `title`.
fn column(draft: &yusuan_draft::Draft, title: &str, c: usize) -> Vec<String> {
    let doc = derive(draft);
    let t = doc
        .tables
        .iter()
        .find(|t| t.title.contains(title))
        .unwrap_or_else(|| panic!("{title}"));
    t.rows
        .iter()
        .map(|r| {
            r.cells
                .get(c)
                .map(|x| x.printed().to_string())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn jiangsu_procurement_totals_follow_an_item() {
    let (mut d, _) = roll_forward(&fixture(JIANGSU), 1, None).unwrap();
    let title = title_containing(d.layout.iter().map(|t| &t.title), "政府采购预算表");
    let before = column(&d, "政府采购预算表", 3);
    assert_eq!(&before[..4], ["1,281.76", "355.67", "300.00", "18.00"]);
    // 台式计算机 18.00 → 20.50: its 专项, its 货物 and the 合计 follow; nothing else moves.
    let old = set_carried_cell(&mut d, &title, 4, 4, "20.50").unwrap();
    assert_eq!(old, "18.00");
    let after = column(&d, "政府采购预算表", 3);
    let moved: Vec<(usize, &str, &str)> = before
        .iter()
        .zip(&after)
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(k, (b, a))| (k, b.as_str(), a.as_str()))
        .collect();
    assert_eq!(
        moved,
        [
            (0, "1,281.76", "1,284.26"),
            (1, "355.67", "358.17"),
            (2, "300.00", "302.50"),
            (3, "18.00", "20.50")
        ]
    );
    // An item of the 服务 group removed (培训费's 住宿服务 8.00, 1-based row n - 1): its 专项,
    // 服务C and 合计 lose it.
    let n = after.len();
    assert_eq!(
        (
            after[n - 3].as_str(),
            after[n - 2].as_str(),
            after[13].as_str()
        ),
        ("16.00", "8.00", "926.09")
    );
    remove_carried_row(&mut d, &title, n - 1).unwrap();
    let removed = column(&d, "政府采购预算表", 3);
    assert_eq!(
        (
            removed[0].as_str(),
            removed[13].as_str(),
            removed[n - 3].as_str()
        ),
        ("1,276.26", "918.09", "8.00")
    );
    // A blank row appended, then its amount typed (as the window does): it joins the last total.
    insert_carried_row(&mut d, &title, None, &[]).unwrap();
    set_carried_cell(&mut d, &title, n, 4, "1.00").unwrap();
    let typed = column(&d, "政府采购预算表", 3);
    assert_eq!(
        (
            typed[0].as_str(),
            typed[13].as_str(),
            typed[n - 3].as_str(),
            typed[n - 1].as_str()
        ),
        ("1,277.26", "919.09", "9.00", "1.00")
    );
    remove_carried_row(&mut d, &title, n).unwrap();
    assert_eq!(column(&d, "政府采购预算表", 3), removed);
    // A row appended joins the last total (培训费) with its amount.
    insert_carried_row(
        &mut d,
        &title,
        None,
        &["".into(), "".into(), "".into(), "2.00".into()],
    )
    .unwrap();
    let appended = column(&d, "政府采购预算表", 3);
    assert_eq!(
        (
            appended[0].as_str(),
            appended[13].as_str(),
            appended[n - 3].as_str(),
            appended[n - 1].as_str()
        ),
        ("1,278.26", "920.09", "10.00", "2.00")
    );
    // The last item of a 专项 removed (其他货物 40.51 under 会议费) and put back where it was, as
    // 撤销 does: every total as before.
    let k = appended.iter().position(|v| v == "40.51").unwrap();
    let before_undo = appended.clone();
    let cells = remove_carried_row(&mut d, &title, k + 1).unwrap();
    let gone = column(&d, "政府采购预算表", 3);
    assert_eq!(
        (gone[0].as_str(), gone[1].as_str(), gone[k - 2].as_str()),
        ("1,237.75", "317.66", "15.16")
    );
    insert_carried_row(&mut d, &title, Some(k + 1), &cells).unwrap();
    assert_eq!(column(&d, "政府采购预算表", 3), before_undo);
}

#[test]
fn hubei_asset_totals_follow_an_asset() {
    let (mut d, _) = roll_forward(&fixture("004_dd8ce94d1496a6c0.txt"), 1, None).unwrap();
    let title = title_containing(d.layout.iter().map(|t| &t.title), "资产配置预算表");
    let doc = derive(&d);
    let t = doc.tables.iter().find(|t| t.title == title).unwrap();
    let total_col = t
        .columns
        .iter()
        .position(|c| c.name() == "总金额(万元)")
        .unwrap();
    let before = column(&d, "资产配置预算表", total_col);
    // The grid keeps its two head rows; then the total rows, then the assets.
    let first = before.iter().position(|v| v == "35.45").unwrap();
    assert_eq!(
        &before[..first + 4],
        ["总金额(万元)", "", "35.45", "35.45", "35.45", "0.3"]
    );
    // 碎纸机 0.3 → 0.5 万元 (1-based row first + 4): the three total rows follow.
    set_carried_cell(&mut d, &title, first + 4, total_col + 1, "0.5").unwrap();
    let after = column(&d, "资产配置预算表", total_col);
    assert_eq!(&after[first..first + 4], ["35.65", "35.65", "35.65", "0.5"]);
    assert_eq!(&after[first + 4..], &before[first + 4..]);
    assert_eq!(&after[..first], &before[..first]);
}
