//! A department draft's units through the API: placing a line in a unit is one undoable edit
//! that never moves the department's tables; a unit's own 单位预算 (`draft:N/单位`) is derived,
//! checked, exported as CSV and PDF like a draft; a unit view is read-only and a wrong unit is
//! refused with the units there are.

use yusuan_api::{
    draft_lines, draft_place, draft_redo, draft_set, draft_undo, draft_unit_money, load_draft,
    numbers_csv_for, reference_check, reference_document, Library,
};

mod common;

use common::{drafted, NOW};

#[test]
fn placing_is_one_undoable_edit_and_a_unit_view_is_a_draft_of_its_own() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    let reference = format!("draft:{id}");
    let start = load_draft(&lib, id, None).unwrap();
    let units = draft_unit_money(&lib, id).unwrap();
    // Six units, nothing placed yet: the money is the department's, not yet any unit's.
    assert_eq!(units.len(), 7, "{units:?}");
    assert!(units[..6]
        .iter()
        .all(|u| u.lines == 0 && u.value_yuan == "0"));
    let centre = units[1].name.clone();
    assert_eq!(centre, "上海市普陀区万里街道社区事务受理服务中心");
    let dept_csv = numbers_csv_for(&reference, &reference_document(&lib, &reference).unwrap());
    let line = "支出|一般公共预算|2010507|项目支出";
    let whole = load_draft(&lib, id, None)
        .unwrap()
        .leaf(&yusuan_api::draft::LeafKey::parse(line).unwrap())
        .unwrap()
        .value;
    let e = draft_place(&mut lib, id, line, Some(&centre), Some("1,000"), NOW).unwrap();
    assert_eq!(e.new.as_deref(), Some(format!("{line}@{centre}").as_str()));
    // The department's numbers are exactly as they were; the centre has its 1,000 元.
    assert_eq!(
        numbers_csv_for(&reference, &reference_document(&lib, &reference).unwrap()),
        dept_csv
    );
    let lines = draft_lines(&lib, id).unwrap();
    let placed = lines.iter().find(|l| l.budget_unit == centre).unwrap();
    assert_eq!(
        (placed.key.as_str(), placed.value_yuan.as_str()),
        (format!("{line}@{centre}").as_str(), "1000")
    );
    let unit_ref = format!("{reference}/{centre}");
    let unit_doc = reference_document(&lib, &unit_ref).unwrap();
    assert_eq!(unit_doc.meta.department, centre);
    assert!(numbers_csv_for(&unit_ref, &unit_doc)
        .lines()
        .any(|l| l.contains("1000")));
    reference_check(&lib, &unit_ref).unwrap();
    // The unit's line is edited by its address; undo and redo move the money back and forth.
    draft_set(&mut lib, id, &format!("{line}@{centre}"), "2000", NOW).unwrap();
    draft_undo(&mut lib, id, NOW).unwrap();
    draft_undo(&mut lib, id, NOW).unwrap();
    let undone = load_draft(&lib, id, None).unwrap();
    // Every line back where it was (`#N` names the same line as before), none in a unit.
    assert!(undone == start, "undo puts the draft back as it was");
    assert!(undone.leaves.iter().all(|l| l.unit.is_none()));
    assert_eq!(
        undone
            .leaf(&yusuan_api::draft::LeafKey::parse(line).unwrap())
            .unwrap()
            .value,
        whole
    );
    draft_redo(&mut lib, id, NOW).unwrap();
    assert_eq!(draft_unit_money(&lib, id).unwrap()[1].value_yuan, "1000");
    // Refused, nothing changes: a unit the draft has not, more than the line holds.
    let before = load_draft(&lib, id, None).unwrap();
    let err = draft_place(&mut lib, id, line, Some("别的单位"), None, NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("可选的单位") && err.contains(&centre), "{err}");
    let err = draft_place(
        &mut lib,
        id,
        &format!("{line}@{centre}"),
        None,
        Some("5000"),
        NOW,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("只有 1000 元"), "{err}");
    let err = reference_document(&lib, &format!("{reference}/别的单位"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("可选的单位"), "{err}");
    assert_eq!(load_draft(&lib, id, None).unwrap(), before);
}

#[test]
fn undoing_the_first_placing_brings_back_the_units_typed_row() {
    let (_dir, mut lib, id) = drafted(&["000_e54fcd81d7b1024c.txt"]);
    let before = load_draft(&lib, id, None).unwrap();
    let centre = "上海市社会工作发展服务中心";
    let line = before
        .leaves
        .iter()
        .find(|l| matches!(l.key, yusuan_api::draft::LeafKey::Spend { .. }) && !l.value.is_zero())
        .unwrap()
        .address();
    draft_place(&mut lib, id, &line, Some(centre), None, NOW).unwrap();
    let placed = load_draft(&lib, id, None).unwrap();
    assert_ne!(
        placed.layout, before.layout,
        "the centre's rows now sum its lines"
    );
    // A unit line that does not exist is not typed into being; a unit with lines is not removed.
    let err = draft_set(
        &mut lib,
        id,
        &format!("经济|30101|人员经费@{centre}"),
        "1",
        NOW,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("先把部门的金额分配给它"), "{err}");
    let err = yusuan_api::draft_unit_remove(&mut lib, id, centre, NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("分配给它的明细行"), "{err}");
    draft_undo(&mut lib, id, NOW).unwrap();
    assert!(
        load_draft(&lib, id, None).unwrap() == before,
        "undo puts back the typed row and its cells"
    );
    draft_redo(&mut lib, id, NOW).unwrap();
    assert!(
        load_draft(&lib, id, None).unwrap() == placed,
        "redo places it again"
    );
}

#[test]
fn a_projects_share_moves_with_its_line_and_back_on_undo() {
    let (_dir, mut lib, id) = drafted(&["000_e54fcd81d7b1024c.txt"]);
    let line = "支出|一般公共预算|2013999|项目支出";
    let centre = "上海市社会工作发展服务中心";
    yusuan_api::draft_project_fund(&mut lib, id, "信息工作项目", line, "250000", NOW).unwrap();
    draft_place(&mut lib, id, line, Some(centre), None, NOW).unwrap();
    let share = |lib: &Library| {
        load_draft(lib, id, None).unwrap().project_funds["信息工作项目"][0]
            .line
            .clone()
    };
    assert_eq!(share(&lib), format!("{line}@{centre}"));
    assert!(reference_check(&lib, &format!("draft:{id}"))
        .unwrap()
        .iter()
        .all(|f| f.rule != "R008"));
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(share(&lib), line);
    draft_redo(&mut lib, id, NOW).unwrap();
    assert_eq!(share(&lib), format!("{line}@{centre}"));
}
