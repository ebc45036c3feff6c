//! A Jiangsu explanation restated in the department's own words: a real 2018 disclosure (中共
//! 江苏省委办公厅, narrative and tables in two files) rolled to 2019, two lines changed, and the
//! text read back — its figures follow the lines, last year's reasons go where nothing changes,
//! are asked about (R010) where something does, and give way to the draft's own.

use std::path::PathBuf;
use yusuan_api::{
    draft_check, draft_document, draft_new, draft_reason, draft_set, import_file, Library,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

const NOW: &str = "2026-12-01T00:00:00Z";

fn explanation(lib: &Library, id: i64) -> Vec<String> {
    let doc = draft_document(lib, id, None).unwrap();
    let s = doc
        .sections
        .iter()
        .find(|s| s.kind == yusuan_domain::SectionKind::BudgetExplanation)
        .expect("a 情况说明");
    s.paragraphs.iter().map(|p| p.text.clone()).collect()
}

fn line<'a>(text: &'a [String], starts: &str) -> &'a str {
    text.iter()
        .find(|p| p.starts_with(starts))
        .unwrap_or_else(|| panic!("no paragraph starting {starts}: {text:#?}"))
}

fn r010(lib: &Library, id: i64) -> Vec<String> {
    draft_check(lib, id)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == "R010")
        .map(|f| f.location.row.unwrap_or_default())
        .collect()
}

#[test]
fn a_restated_explanation_follows_the_lines_and_asks_about_last_years_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let a = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf"),
        NOW,
    )
    .unwrap();
    let b = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf"),
        NOW,
    )
    .unwrap();
    assert!(b.attached && b.id == a.id);
    let id = yusuan_api::parse_draft_ref(&draft_new(&mut lib, a.id, None, NOW).unwrap().draft)
        .unwrap()
        .0;

    // Rolled, nothing changed: last year's sentences with no change and no reason.
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "一、"),
        "一、收支预算总体情况说明江苏省委办公厅2019年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各持平。其中："
    );
    assert_eq!(line(&text, "基本支出"), "基本支出10403.11万元，占42.53%；项目支出12081.46万元，占49.40%；单位预留机动经费1973.86万元，占8.07%。");
    assert!(
        r010(&lib, id).is_empty(),
        "no change, nothing carried to ask about"
    );

    // Two lines change: the figures, changes and shares follow; last year's reasons stay where
    // a figure changes, and are asked about.
    draft_set(
        &mut lib,
        id,
        "支出|一般公共预算|2210202|基本支出",
        "3500000",
        NOW,
    )
    .unwrap();
    draft_set(
        &mut lib,
        id,
        "支出|一般公共预算|2080504|基本支出",
        "2000000",
        NOW,
    )
    .unwrap();
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "1．行政事业单位离退休（款）未归口管理"),
        "1．行政事业单位离退休（款）未归口管理的行政单位离退休（项）支出200.00万元，与上年相比减少48.77万元，下降19.60%。主要原因是退休人员工资改由社保发放，经费支出相应减少。"
    );
    assert_eq!(line(&text, "基本支出"), "基本支出10378.32万元，占42.48%；项目支出12081.46万元，占49.45%；单位预留机动经费1973.86万元，占8.08%。");
    let asked = r010(&lib, id);
    assert!(
        asked.contains(&"说明|提租补贴".to_string())
            && asked.contains(&"说明|基本支出".to_string()),
        "{asked:?}"
    );

    // The draft's own reasons: for the line (as R001 asks), or under the key R010 names.
    draft_reason(
        &mut lib,
        id,
        "支出|一般公共预算|2080504|基本支出",
        "离休人员减少",
        NOW,
    )
    .unwrap();
    draft_reason(&mut lib, id, "说明|提租补贴", "提租补贴标准提高", NOW).unwrap();
    let text = explanation(&lib, id);
    assert!(line(&text, "1．行政事业单位离退休（款）未归口管理")
        .ends_with("下降19.60%。主要原因是离休人员减少。"));
    assert_eq!(
        line(&text, "2．住房改革支出（款）提租补贴"),
        "2．住房改革支出（款）提租补贴（项）支出2323.86万元，与上年相比增加23.98万元，增长1.04%。主要原因是提租补贴标准提高。"
    );
    let asked = r010(&lib, id);
    assert!(!asked.contains(&"说明|提租补贴".to_string()), "{asked:?}");
    // A key no restated reason has is refused as before.
    assert!(draft_reason(&mut lib, id, "说明|没有这一项", "x", NOW).is_err());
}

/// Shanghai's 编制说明 restated (万里街道 2025 → 2026): an item compares with the 执行数 typed for
/// it, in its own sentence; a reason in a paragraph of its own explains the figure its words name
/// (`财政拨款收入支出增加的主要原因是…`) — gone while it does not change, asked about once it does,
/// replaced by the draft's.
#[test]
fn a_restated_item_compares_with_its_actuals_and_a_lone_reason_follows_its_figure() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("t.db")).unwrap();
    let a = import_file(
        &mut lib,
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        NOW,
    )
    .unwrap();
    let id = yusuan_api::parse_draft_ref(&draft_new(&mut lib, a.id, None, NOW).unwrap().draft)
        .unwrap()
        .0;
    let text = explanation(&lib, id);
    assert!(
        !text.iter().any(|p| p.contains("主要原因是项目调整")),
        "no change, no reason: {text:#?}"
    );
    yusuan_api::draft_actual(&mut lib, id, "2010507", "1404200", NOW).unwrap();
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”"),
        "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目43.83万元，比2025年执行数140.42万元减少96.59万元，下降68.79%，主要用于统计信息事务统计管理。"
    );
    draft_set(
        &mut lib,
        id,
        "支出|一般公共预算|2010507|基本支出",
        "500000",
        NOW,
    )
    .unwrap();
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "财政拨款收入支出增加"),
        "财政拨款收入支出增加的主要原因是项目调整。"
    );
    assert_eq!(r010(&lib, id), vec!["说明|财政拨款收入".to_string()]);
    draft_reason(&mut lib, id, "说明|财政拨款收入", "新增专项普查任务", NOW).unwrap();
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "财政拨款收入支出增加"),
        "财政拨款收入支出增加的主要原因是新增专项普查任务。"
    );
    assert!(r010(&lib, id).is_empty());
}
