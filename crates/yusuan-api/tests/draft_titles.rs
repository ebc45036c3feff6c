//! Renaming a table or section of a draft as the department titles it this year: one undoable
//! edit, the 目录 follows, the export reads back; a title that would not be read as the same table
//! or section, one taken, or one the draft does not have is refused and nothing is recorded.

use yusuan_api::{draft_document, draft_history, draft_redo, draft_rename, draft_undo};

mod common;

use common::{drafted, export_explained, NOW};

#[test]
fn a_table_and_a_section_are_renamed_in_one_edit_each_and_undone() {
    let (dir, mut lib, id) = drafted(&[
        "pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf",
        "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf",
    ]);
    let before = draft_document(&lib, id, None).unwrap();
    let listed = |doc: &yusuan_domain::Document, t: &str| doc.contents.iter().any(|c| c.title == t);
    assert!(listed(&before, "财政拨款支出预算表"));

    // Refused, nothing recorded.
    let events = draft_history(&lib, id).unwrap().len();
    for (title, new, says) in [
        ("收入预算总表", "某某表", "读不出是“收入预算总表”这张表"),
        ("收入预算总表", "支出预算总表", "已有标题为“支出预算总表”"),
        ("预算表", "预算表（功能科目）", "没有标题为“预算表”"),
        (
            "一、主要职能",
            "一、工作概况",
            "读不出是“一、主要职能”这一部分",
        ),
        ("一、主要职能", " ", "新标题是空的"),
    ] {
        let e = draft_rename(&mut lib, id, title, new, NOW)
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{title} → {new}: {e}");
    }
    assert_eq!(draft_history(&lib, id).unwrap().len(), events);

    // A table: its title, its 目录 entry; a section: its heading.
    let e = draft_rename(
        &mut lib,
        id,
        "财政拨款支出预算表",
        "财政拨款支出预算表（功能科目）",
        NOW,
    )
    .unwrap();
    assert_eq!(
        (e.target.as_str(), e.old.as_deref()),
        ("表", Some("财政拨款支出预算表"))
    );
    draft_rename(&mut lib, id, "一、主要职能", "一、部门主要职能", NOW).unwrap();
    let after = draft_document(&lib, id, None).unwrap();
    let table = after
        .tables
        .iter()
        .find(|t| t.title == "财政拨款支出预算表（功能科目）")
        .expect("renamed table");
    let was = before
        .tables
        .iter()
        .find(|t| t.title == "财政拨款支出预算表")
        .unwrap();
    assert_eq!(table.rows, was.rows, "its rows kept");
    assert!(
        listed(&after, "财政拨款支出预算表（功能科目）") && !listed(&after, "财政拨款支出预算表")
    );
    assert!(after.sections.iter().any(|s| s.title == "一、部门主要职能"));
    assert_eq!(draft_history(&lib, id).unwrap().len(), events + 2);

    // Exported under the new titles, read back.
    let o = export_explained(&mut lib, id, &dir.path().join("改标题.pdf"));
    assert!(o.preflight.is_some());

    // Undo both, redo one.
    draft_undo(&mut lib, id, NOW).unwrap();
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(draft_document(&lib, id, None).unwrap(), before);
    draft_redo(&mut lib, id, NOW).unwrap();
    let redone = draft_document(&lib, id, None).unwrap();
    assert!(redone
        .tables
        .iter()
        .any(|t| t.title == "财政拨款支出预算表（功能科目）"));
}
