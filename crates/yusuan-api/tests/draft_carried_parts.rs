//! A carried project, form or indicator is the user's to change like any other part: a whole
//! 绩效目标表 deleted, an indicator printed with its 一级/二级 blank removed, a project printed
//! without a name renamed in one step — each one undoable edit; and undo is exact: a refused edit
//! records nothing, so undo takes back the last edit that was made.

use std::path::PathBuf;
use yusuan_api::{draft_history, draft_redo, draft_undo, Library};

mod common;

use common::{drafted, fixture, library, pilot_target, rolled, NOW};

fn forms(lib: &Library, id: i64) -> Vec<(String, usize)> {
    yusuan_api::draft_forms(lib, id)
        .unwrap()
        .into_iter()
        .map(|f| (f.project, f.indicators.len()))
        .collect()
}

#[test]
fn a_whole_form_is_deleted_as_one_edit_and_comes_back_where_it_was() {
    let (_dir, mut lib, id) = drafted(&["001_e395be5bb9699fb6.txt"]);
    pilot_target(&mut lib, id);
    let before = forms(&lib, id);
    assert_eq!(
        before,
        [
            ("培训经费".to_string(), 10),
            ("社区治理创新".to_string(), 1)
        ]
    );
    let second = before[0].0.clone();
    let e = yusuan_api::draft_form_delete(&mut lib, id, &second, NOW).unwrap();
    assert_eq!(e.target, second);
    let after = forms(&lib, id);
    assert_eq!(after, [("社区治理创新".to_string(), 1)]);
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    assert_eq!(
        doc.performance_forms.len(),
        1,
        "the derived document prints the other form only"
    );
    assert_eq!(draft_history(&lib, id).unwrap().len(), 2, "one edit");
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(
        forms(&lib, id),
        before,
        "back where it was, every indicator"
    );
    draft_redo(&mut lib, id, NOW).unwrap();
    assert_eq!(forms(&lib, id), after);
    // A form that is not there: refused, the forms named; nothing recorded.
    let err = yusuan_api::draft_form_delete(&mut lib, id, "没有的项目", NOW)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("没有的项目") && err.contains("社区治理创新"),
        "{err}"
    );
    assert_eq!(draft_history(&lib, id).unwrap().len(), 2);
}

/// Seed 001 with the 一级/二级 cells of its form's first indicators printed blank (made up: the
/// real documents print every level; a form read from an unseen layout need not).
fn blank_levels(dir: &std::path::Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture("001_e395be5bb9699fb6.txt")).unwrap();
    let printed = "一级指标 二级指标 三级指标 年度指标值\n\n产出指标\n\n数量指标\n\n社区培训人数";
    assert!(text.contains(printed));
    let file = dir.join("blank-levels.txt");
    std::fs::write(
        &file,
        text.replace(
            printed,
            "一级指标 二级指标 三级指标 年度指标值\n\n社区培训人数",
        ),
    )
    .unwrap();
    file
}

#[test]
fn an_indicator_printed_without_its_levels_is_removed() {
    let (dir, mut lib) = library();
    let id = rolled(&mut lib, &[&blank_levels(dir.path())]);
    let fs = yusuan_api::draft_forms(&lib, id).unwrap();
    let paths: Vec<String> = fs[0].indicators.iter().map(|i| i.path.clone()).collect();
    let blank = paths
        .iter()
        .find(|p| p.starts_with("//"))
        .unwrap_or_else(|| panic!("an indicator with blank levels: {paths:?}"))
        .clone();
    let form = fs[0].project.clone();
    yusuan_api::draft_indicator_remove(&mut lib, id, &form, &blank, NOW).unwrap();
    let left: Vec<String> = yusuan_api::draft_forms(&lib, id).unwrap()[0]
        .indicators
        .iter()
        .map(|i| i.path.clone())
        .collect();
    assert_eq!(left.len(), paths.len() - 1);
    assert!(!left.contains(&blank));
    // A new indicator still needs its levels.
    let err = yusuan_api::draft_indicator_set(&mut lib, id, &form, "//新指标", "≥1(个)", NOW)
        .unwrap_err()
        .to_string();
    assert!(err.contains("一级和二级"), "{err}");
    draft_undo(&mut lib, id, NOW).unwrap();
    let back: Vec<String> = yusuan_api::draft_forms(&lib, id).unwrap()[0]
        .indicators
        .iter()
        .map(|i| i.path.clone())
        .collect();
    assert_eq!(back, paths, "undo puts it back where it was");
}

#[test]
fn a_project_is_renamed_in_one_step_its_parts_form_and_funds_kept() {
    let (_dir, mut lib, id) = drafted(&["000_e54fcd81d7b1024c.txt"]);
    let line = yusuan_api::load_draft(&lib, id, None)
        .unwrap()
        .leaves
        .iter()
        .find(|l| l.key.to_string().ends_with("|项目支出"))
        .unwrap()
        .key
        .to_string();
    yusuan_api::draft_project_fund(&mut lib, id, "信息工作项目", &line, "250000", NOW).unwrap();
    let projects = yusuan_api::draft_projects(&lib, id).unwrap();
    let old = projects
        .iter()
        .find(|p| p.name == "信息工作项目")
        .expect("信息工作项目")
        .clone();
    let form_before = yusuan_api::draft_forms(&lib, id)
        .unwrap()
        .into_iter()
        .find(|f| f.project == "信息工作项目")
        .unwrap();
    let doc_before = yusuan_api::draft_document(&lib, id, None).unwrap();
    let k = projects
        .iter()
        .position(|p| p.name == "信息工作项目")
        .unwrap()
        + 1;
    // By its place in the list, as a project printed without a name is named.
    yusuan_api::draft_project_rename(&mut lib, id, &format!("#{k}"), "社区培训经费", NOW).unwrap();
    let renamed = yusuan_api::draft_projects(&lib, id)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "社区培训经费")
        .expect("renamed");
    assert_eq!(
        renamed.funded_yuan.as_deref(),
        Some("250000"),
        "its funds follow"
    );
    assert_eq!(
        renamed
            .parts
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>(),
        old.parts.iter().map(|p| p.text.clone()).collect::<Vec<_>>()
    );
    let form = yusuan_api::draft_forms(&lib, id)
        .unwrap()
        .into_iter()
        .find(|f| f.project == "社区培训经费")
        .expect("its form follows");
    assert_eq!(form.indicators.len(), form_before.indicators.len());
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    assert!(
        doc.projects.iter().any(|p| p.name == "社区培训经费")
            && doc.projects.iter().all(|p| p.name != "信息工作项目")
    );
    assert_eq!(doc.projects.len(), doc_before.projects.len());
    assert_eq!(draft_history(&lib, id).unwrap().len(), 2, "one edit");
    // A name another project has: refused, nothing recorded.
    assert!(yusuan_api::draft_project_rename(
        &mut lib,
        id,
        "社区培训经费",
        "办公用房修缮及装修项目",
        NOW
    )
    .is_err());
    assert_eq!(draft_history(&lib, id).unwrap().len(), 2);
    draft_undo(&mut lib, id, NOW).unwrap();
    assert!(yusuan_api::draft_forms(&lib, id)
        .unwrap()
        .iter()
        .any(|f| f.project == "信息工作项目"));
    let back = yusuan_api::draft_projects(&lib, id)
        .unwrap()
        .into_iter()
        .find(|p| p.name == "信息工作项目")
        .expect("the old name back");
    assert_eq!(back.funded_yuan.as_deref(), Some("250000"));
    draft_redo(&mut lib, id, NOW).unwrap();
    assert!(yusuan_api::draft_projects(&lib, id)
        .unwrap()
        .iter()
        .any(|p| p.name == "社区培训经费"));
}

/// Undo is exact: a refused edit records nothing, and undo takes back the last edit recorded —
/// the earlier edits stay.
#[test]
fn a_refused_edit_records_nothing_and_undo_takes_back_exactly_the_last_edit() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"]);
    let line = "支出|一般公共预算|2010507|项目支出";
    yusuan_api::draft_set(&mut lib, id, line, "500000", NOW).unwrap();
    let figure = yusuan_draft_figure(&lib, id);
    yusuan_api::draft_reason(&mut lib, id, &figure, "新增社区服务项目", NOW).unwrap();
    // A generated section cannot be rewritten: refused, nothing recorded.
    let sections = yusuan_api::draft_document(&lib, id, None).unwrap().sections;
    let generated = sections
        .iter()
        .find(|s| s.title.contains("编制说明") || s.title.contains("收支预算"))
        .map(|s| s.title.clone())
        .expect("a generated section");
    assert!(yusuan_api::draft_section(&mut lib, id, &generated, "改写", NOW).is_err());
    assert!(yusuan_api::draft_set(&mut lib, id, line, "五万", NOW).is_err());
    assert_eq!(
        draft_history(&lib, id).unwrap().len(),
        2,
        "the refused edits are not in the history"
    );
    let undone = draft_undo(&mut lib, id, NOW)
        .unwrap()
        .expect("an edit to undo");
    assert_eq!(undone.action, "填写原因", "the last edit made");
    let d = yusuan_api::load_draft(&lib, id, None).unwrap();
    assert!(!d.reasons.contains_key(&figure));
    assert_eq!(
        d.leaf(&yusuan_api::draft::LeafKey::parse(line).unwrap())
            .unwrap()
            .value
            .to_string(),
        "500000",
        "the edit before stays"
    );
}

fn yusuan_draft_figure(lib: &Library, id: i64) -> String {
    let d = yusuan_api::load_draft(lib, id, None).unwrap();
    yusuan_api::draft::narrative::figures(&d)
        .first()
        .expect("a narrative figure")
        .key
        .clone()
}
