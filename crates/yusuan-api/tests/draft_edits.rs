//! Every kind of draft edit, made through the API on real documents rolled forward, is undone by
//! its stored inverse and redone by the stored edit: the draft after undo is byte for byte the
//! draft before the edit, and after redo byte for byte the draft after it. The history names
//! each edit in Chinese.

mod common;

use common::{drafted, fixture, rolled, section_title, NOW};
use yusuan_api::{draft_redo, draft_undo, Edit, Library, RowEdit};

/// The draft's stored state.
fn state(lib: &Library, id: i64) -> String {
    lib.store().draft(id).unwrap().state_json
}

/// Makes an edit; undoes it (the draft as before, byte for byte), redoes it (as after), and
/// checks the history's newest item names it as `shown`.
fn round_trip(
    lib: &mut Library,
    id: i64,
    shown: &str,
    edit: impl FnOnce(&mut Library) -> Result<Edit, yusuan_api::ApiError>,
) {
    let before = state(lib, id);
    let e = edit(lib).unwrap_or_else(|e| panic!("{shown}: {e}"));
    assert!(e.seq > 0, "{shown}: an edit is recorded");
    let after = state(lib, id);
    assert_ne!(before, after, "{shown}: the edit changed the draft");
    let items = yusuan_api::draft_history_items(lib, id).unwrap();
    assert_eq!(items[0].action, shown, "{shown}: {:?}", items[0].target);
    draft_undo(lib, id, NOW).unwrap().expect("an edit to undo");
    assert!(
        state(lib, id) == before,
        "{shown}: undo gives the draft before"
    );
    draft_redo(lib, id, NOW).unwrap().expect("an edit to redo");
    assert!(
        state(lib, id) == after,
        "{shown}: redo gives the draft after"
    );
    // And back once more, from the inverse the redo stored.
    draft_undo(lib, id, NOW).unwrap().expect("an edit to undo");
    assert!(state(lib, id) == before, "{shown}: undo again");
    draft_redo(lib, id, NOW).unwrap().expect("an edit to redo");
}

/// A section the draft generates from its numbers (its 情况说明), not one carried as written.
fn generated(kind: yusuan_domain::SectionKind) -> bool {
    use yusuan_domain::SectionKind::*;
    matches!(kind, BudgetExplanation | OtherExplanations)
}

#[test]
fn lines_reasons_texts_and_print_style_round_trip() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    let line = "支出|一般公共预算|2010507|项目支出";
    round_trip(&mut lib, id, "修改", |lib| {
        yusuan_api::draft_set(lib, id, line, "123456", NOW)
    });
    let other = "支出|一般公共预算|2010101|基本支出";
    round_trip(&mut lib, id, "粘贴", |lib| {
        let pairs = [
            (line.to_string(), "200000".to_string()),
            (other.to_string(), "300000".to_string()),
        ];
        yusuan_api::draft_set_many(lib, id, &pairs, NOW).map(|mut e| e.remove(0))
    });
    round_trip(&mut lib, id, "修改", |lib| {
        yusuan_api::draft_add_line(
            lib,
            id,
            "支出|一般公共预算|2010550|项目支出",
            "5000",
            &[],
            NOW,
        )
    });
    round_trip(&mut lib, id, "填写原因", |lib| {
        yusuan_api::draft_reason(lib, id, line, "新增专项工作。", NOW)
    });
    let carried = section_title(&lib, id, |k| !generated(k));
    round_trip(&mut lib, id, "改写文字", |lib| {
        yusuan_api::draft_section(lib, id, &carried, "本街道负责辖区内的公共服务。", NOW)
            .map(|t| t.edit)
    });
    let generated = section_title(&lib, id, generated);
    let reference = format!("draft:{id}");
    let doc = yusuan_api::reference_document(&lib, &reference).unwrap();
    let printed = doc
        .sections
        .iter()
        .find(|s| s.title == generated)
        .map(yusuan_api::draft::edit::section_text)
        .unwrap();
    round_trip(&mut lib, id, "改写情况说明", |lib| {
        yusuan_api::draft_section(lib, id, &generated, &printed, NOW).map(|t| t.edit)
    });
    round_trip(&mut lib, id, "印法", |lib| {
        yusuan_api::draft_print(lib, id, "零值单元格", "留空", NOW)
    });
    round_trip(&mut lib, id, "上年执行数", |lib| {
        yusuan_api::draft_actual(lib, id, "2010507", "140.42万元", NOW)
    });
    round_trip(&mut lib, id, "分配到单位", |lib| {
        let centre = "上海市普陀区万里街道社区事务受理服务中心";
        yusuan_api::draft_place(lib, id, line, Some(centre), Some("1,000"), NOW)
    });
}

#[test]
fn units_projects_and_titles_round_trip() {
    let (_dir, mut lib, id) = drafted(&["000_e54fcd81d7b1024c.txt"]);
    round_trip(&mut lib, id, "增加单位", |lib| {
        yusuan_api::draft_unit_add(lib, id, "新设中心", None, NOW)
    });
    round_trip(&mut lib, id, "删除单位", |lib| {
        yusuan_api::draft_unit_remove(lib, id, "新设中心", NOW)
    });
    let centre = "上海市社会工作发展服务中心";
    let title = section_title(&lib, id, |k| !generated(k));
    round_trip(&mut lib, id, "改写单位文字", |lib| {
        yusuan_api::draft_unit_text(lib, id, centre, &title, "中心负责社会工作服务。", NOW)
    });
    let line = "支出|一般公共预算|2013999|项目支出";
    round_trip(&mut lib, id, "项目资金", |lib| {
        yusuan_api::draft_project_fund(lib, id, "信息工作项目", line, "250000", NOW)
    });
    round_trip(&mut lib, id, "改写项目说明", |lib| {
        yusuan_api::draft_project_part(lib, id, "信息工作项目", "项目概述", "信息化运维。", NOW)
    });
    round_trip(&mut lib, id, "项目改名", |lib| {
        yusuan_api::draft_project_rename(lib, id, "信息工作项目", "信息化工作项目", NOW)
    });
    round_trip(&mut lib, id, "新增项目", |lib| {
        yusuan_api::draft_project_add(lib, id, "新项目", NOW)
    });
    round_trip(&mut lib, id, "删除项目", |lib| {
        yusuan_api::draft_project_remove(lib, id, "新项目", NOW)
    });
    let table = yusuan_api::load_draft(&lib, id, None).unwrap().layout[0]
        .title
        .clone();
    round_trip(&mut lib, id, "改标题", |lib| {
        yusuan_api::draft_rename(lib, id, &table, &format!("{table}（草案）"), NOW)
    });
}

#[test]
fn carried_tables_and_forms_round_trip() {
    let (_dir, mut lib, id) = drafted(&["004_dd8ce94d1496a6c0.txt"]);
    let grid = "表 15. 青山区城市运行管理中心 2027 年项目支出绩效目标表";
    round_trip(&mut lib, id, "改单元格", |lib| {
        yusuan_api::draft_cell(lib, id, grid, 7, 2, "2027", NOW)
    });
    round_trip(&mut lib, id, "增加行", |lib| {
        yusuan_api::draft_row(lib, id, grid, RowEdit::Add, NOW)
    });
    round_trip(&mut lib, id, "删除行", |lib| {
        yusuan_api::draft_row(lib, id, grid, RowEdit::Remove(7), NOW)
    });
    round_trip(&mut lib, id, "粘贴整表", |lib| {
        yusuan_api::draft_table_paste(lib, id, grid, "项目名称\t新的项目\n起始年度\t2027\n", NOW)
    });
}

#[test]
fn forms_and_indicators_round_trip() {
    let (_dir, mut lib, id) = drafted(&["001_e395be5bb9699fb6.txt"]);
    let form = "培训经费".to_string();
    let d = yusuan_api::load_draft(&lib, id, None).unwrap();
    let f = d
        .performance_forms
        .iter()
        .find(|f| f.project == form)
        .unwrap();
    let i = &f.indicators[0];
    let path = format!("{}/{}/{}", i.level1, i.level2, i.name);
    round_trip(&mut lib, id, "绩效指标", |lib| {
        yusuan_api::draft_indicator_set(lib, id, &form, &path, "≥99(%)", NOW)
    });
    round_trip(&mut lib, id, "绩效指标", |lib| {
        yusuan_api::draft_indicator_remove(lib, id, &form, &path, NOW)
    });
    round_trip(&mut lib, id, "删除绩效目标表", |lib| {
        yusuan_api::draft_form_delete(lib, id, &form, NOW)
    });
}

/// A library whose history was recorded before edits were typed (an action's name, its target
/// and the values as strings; no typed edit): its events are still undone and redone — read by
/// the migration into typed edits — and listed by name.
#[test]
fn events_recorded_before_edits_were_typed_are_undone_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let line = "支出|一般公共预算|2010507|项目支出";
    let (id, before) = {
        let mut lib = Library::open(&path).unwrap();
        let id = rolled(
            &mut lib,
            &[&fixture(
                "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
            )],
        );
        let d = yusuan_api::load_draft(&lib, id, None).unwrap();
        let key = yusuan_api::draft::LeafKey::parse(line).unwrap();
        let before = d.leaf(&key).unwrap().value;
        yusuan_api::draft_set(&mut lib, id, line, "123456", NOW).unwrap();
        yusuan_api::draft_reason(&mut lib, id, line, "新增专项工作。", NOW).unwrap();
        (id, before)
    };
    // As an earlier version recorded them.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let events = [
        (1, "set", Some(before.to_string()), "123456"),
        (2, "reason", None, "新增专项工作。"),
    ];
    for (seq, action, old, new) in events {
        conn.execute(
            "UPDATE draft_events SET edit_json = NULL, inverse_json = NULL, action = ?2, target = ?3, old_value = ?4, new_value = ?5 WHERE seq = ?1",
            rusqlite::params![seq, action, line, old, new],
        )
        .unwrap();
    }
    drop(conn);
    let mut lib = Library::open(&path).unwrap();
    let items = yusuan_api::draft_history_items(&lib, id).unwrap();
    let shown: Vec<&str> = items.iter().map(|i| i.action.as_str()).collect();
    assert_eq!(shown, ["填写原因", "修改"]);
    assert_eq!(items[1].new_value, "123456");
    let value = |lib: &Library| {
        let d = yusuan_api::load_draft(lib, id, None).unwrap();
        let key = yusuan_api::draft::LeafKey::parse(line).unwrap();
        (d.leaf(&key).unwrap().value, d.reasons.get(line).cloned())
    };
    draft_undo(&mut lib, id, NOW).unwrap().unwrap();
    draft_undo(&mut lib, id, NOW).unwrap().unwrap();
    assert_eq!(value(&lib), (before, None));
    draft_redo(&mut lib, id, NOW).unwrap().unwrap();
    draft_redo(&mut lib, id, NOW).unwrap().unwrap();
    assert_eq!(
        value(&lib),
        (
            "123456".parse().unwrap(),
            Some("新增专项工作。".to_string())
        )
    );
}
