//! Drafting through the API as the app uses it: a pasted column is one undoable edit, and a
//! paste with one bad cell changes nothing.

use yusuan_api::{
    draft_history, draft_new, draft_set_many, draft_undo, import_file, load_draft, Library,
};

mod common;

use common::{drafted, fixture, library, pilot_target, section_title, set_line, NOW};
use yusuan_domain::SectionKind;
use yusuan_testkit::{all_text, section_text};

/// The desk (as the window opens it) with 万里街道 2025 imported and rolled forward: its folder,
/// the desk, the new draft's view and its id.
fn wanli_desk() -> (
    tempfile::TempDir,
    yusuan_api::Desk,
    yusuan_api::DraftView,
    i64,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = yusuan_api::Desk::open(dir.path()).unwrap();
    let imported = desk.import_path(
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        yusuan_api::Yearless::FromFileName,
        NOW,
    );
    let view = desk.start_draft("user", imported.id.unwrap(), NOW).unwrap();
    let id = yusuan_api::parse_draft_ref(&view.draft).unwrap().0;
    (dir, desk, view, id)
}

#[test]
fn a_pasted_column_is_one_edit_and_a_bad_cell_changes_nothing() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    let (a, b) = ("支出|一般公共预算|2010507|项目支出", "经济|30101|人员经费");
    let before = load_draft(&lib, id, None).unwrap();
    let value = |d: &yusuan_api::draft::Draft, k: &str| {
        d.leaf(&yusuan_api::draft::LeafKey::parse(k).unwrap())
            .unwrap()
            .value
            .to_string()
    };
    let edits = draft_set_many(
        &mut lib,
        id,
        &[(a.into(), "500000".into()), (b.into(), "6100000".into())],
        NOW,
    )
    .unwrap();
    assert_eq!(edits.len(), 2);
    let after = load_draft(&lib, id, None).unwrap();
    assert_eq!(
        (value(&after, a), value(&after, b)),
        ("500000".to_string(), "6100000".to_string())
    );
    assert_eq!(
        draft_history(&lib, id).unwrap().len(),
        1,
        "one event for the whole paste"
    );
    draft_undo(&mut lib, id, NOW).unwrap();
    let undone = load_draft(&lib, id, None).unwrap();
    assert_eq!(
        (value(&undone, a), value(&undone, b)),
        (value(&before, a), value(&before, b))
    );
    // One cell that is not an amount: refused, nothing changes.
    let err = draft_set_many(
        &mut lib,
        id,
        &[(a.into(), "1".into()), (b.into(), "五万".into())],
        NOW,
    )
    .unwrap_err();
    assert!(err.to_string().contains("不是金额"), "{err}");
    assert_eq!(
        value(&load_draft(&lib, id, None).unwrap(), a),
        value(&before, a)
    );
}

#[test]
fn a_new_line_takes_its_names_from_the_catalogue_or_is_flagged() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    // 2013901 is not in wanli's tables but in the catalogue (seed 000 prints it).
    set_line(&mut lib, id, "支出|一般公共预算|2013901|基本支出", "100000");
    // 2130101: its 类 has a name, its 款 and 项 are in no catalogue this build knows.
    set_line(&mut lib, id, "支出|一般公共预算|2130101|项目支出", "50000");
    let d = load_draft(&lib, id, None).unwrap();
    assert_eq!(
        (d.name_of("20139"), d.name_of("2013901"), d.name_of("213")),
        ("社会工作事务", "行政运行", "农林水支出")
    );
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    let exp = doc.table(yusuan_domain::TableKind::Expenditure).unwrap();
    assert!(
        exp.rows
            .iter()
            .any(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2013901")
                && r.label == "行政运行")
    );
    let r005: Vec<String> = yusuan_api::draft_check(&lib, id)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == "R005")
        .map(|f| f.actual.unwrap_or_default())
        .collect();
    // Both unnamed levels the tables print, each once: the 款 and the 项.
    assert_eq!(r005, ["21301", "2130101"]);
}

#[test]
fn the_editor_lists_the_history_by_line_name_and_saves_named_versions() {
    let (_dir, mut desk, view, id) = wanli_desk();
    assert!(view.history.is_empty() && view.versions.is_empty());
    let key = "支出|一般公共预算|2010507|项目支出";
    let line = view.lines.iter().find(|l| l.key == key).unwrap().clone();
    desk.edit_draft(id, &set(key, "500000"), NOW).unwrap();
    let undone = desk.draft_undo(id, NOW).unwrap();
    assert!(
        undone.history[0].undone,
        "an undone edit is listed as undone"
    );
    desk.edit_draft(id, &set(key, "600000"), NOW).unwrap();
    desk.draft_save_version(id, "一上", false, NOW).unwrap();
    let view = desk.draft_view(id).unwrap();
    // Newest first, by the line's name, with the amounts before and after.
    let first = &view.history[0];
    assert_eq!(
        (
            first.action.as_str(),
            first.target.as_str(),
            first.old_value.as_str(),
            first.new_value.as_str()
        ),
        (
            "修改",
            line.label.as_str(),
            line.value_yuan.as_str(),
            "600000"
        )
    );
    assert!(!first.undone);
    assert_eq!(view.versions.len(), 1);
    assert_eq!(
        (
            view.versions[0].name.as_str(),
            view.versions[0].locked,
            view.versions[0].hash.len()
        ),
        ("一上", false, 12)
    );
    // Locking makes the draft read-only; an empty name is refused and changes nothing.
    let err = desk.draft_save_version(id, " ", true, NOW).unwrap_err();
    assert!(err.to_string().contains("版本名称不能为空"), "{err}");
    assert!(desk.draft_view(id).unwrap().locked.is_none());
    let locked = desk.draft_save_version(id, "批复", true, NOW).unwrap();
    assert_eq!(locked.locked.as_deref(), Some("批复"));
    assert_eq!(
        locked
            .versions
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>(),
        vec!["一上", "批复"]
    );
    assert!(
        desk.edit_draft(id, &set(key, "1"), NOW).is_err(),
        "a locked draft refuses edits"
    );
}

#[test]
fn a_draft_compares_with_last_year_and_a_version_with_the_draft_now() {
    let (_dir, mut desk, view, id) = wanli_desk();
    let key = "支出|一般公共预算|2010507|项目支出";
    desk.draft_save_version(id, "一上", false, NOW).unwrap();
    desk.edit_draft(id, &set(key, "600000"), NOW).unwrap();
    let total = |v: &yusuan_api::CompareView| {
        v.comparison
            .lines
            .iter()
            .find(|l| l.row_label == "收入总计" && l.key.column.contains("预算数"))
            .map(|l| (l.amounts.clone(), l.change))
            .unwrap()
    };
    let d = |s: &str| Some(s.parse::<rust_decimal::Decimal>().unwrap());
    // The draft beside last year's document: 收入总计 up by the edit.
    let with_source = desk
        .compare_references(std::slice::from_ref(&view.draft))
        .unwrap();
    assert_eq!(with_source.comparison.documents.len(), 2);
    assert_eq!(
        total(&with_source),
        (
            vec![d("189767551"), d("189929251")],
            "161700".parse().unwrap()
        )
    );
    // 一上 beside the draft now: only what was edited since differs.
    let with_version = desk
        .compare_references(&[format!("{}@一上", view.draft), view.draft.clone()])
        .unwrap();
    assert_eq!(total(&with_version).1, "161700".parse().unwrap());
    let changed: Vec<&str> = with_version
        .comparison
        .lines
        .iter()
        .filter(|l| !l.change.is_zero())
        .map(|l| l.table_title.as_str())
        .collect();
    assert!(!changed.is_empty() && changed.len() < 40, "{changed:?}");
    // A version that does not exist: a clear error.
    let err = desk
        .compare_references(&[format!("{}@二上", view.draft), view.draft.clone()])
        .unwrap_err();
    assert!(err.to_string().contains("没有名为“二上”的版本"), "{err}");
}

#[test]
fn procurement_is_its_parts_or_one_total_never_both() {
    let (_dir, mut lib, id) =
        drafted(&["pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf"]);
    // The office states 货物 0, 工程 0, 服务 34 万元: a total of its own is refused, a part is edited.
    let err = yusuan_api::draft_set(&mut lib, id, "采购|合计", "500000", NOW).unwrap_err();
    assert!(err.to_string().contains("合计由分项相加"), "{err}");
    set_line(&mut lib, id, "采购|货物", "60000");
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    let p = doc.stated.procurement.unwrap();
    assert_eq!(
        (
            p.total.to_yuan().to_string(),
            p.goods.unwrap().to_yuan().to_string()
        ),
        ("400000".to_string(), "60000".to_string())
    );
    assert!(yusuan_api::draft_lines(&lib, id)
        .unwrap()
        .iter()
        .any(|l| l.key == "采购|货物"
            && l.label == "政府采购预算 货物"
            && l.change_yuan == "60000"));
    // Undo brings the stated figure back.
    draft_undo(&mut lib, id, NOW).unwrap();
    let p = yusuan_api::draft_document(&lib, id, None)
        .unwrap()
        .stated
        .procurement
        .unwrap();
    assert_eq!(p.total.to_yuan().to_string(), "340000");
}

#[test]
fn the_state_owned_assets_and_performance_figures_are_lines_of_the_draft() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    let text = |lib: &Library| {
        let doc = yusuan_api::draft_document(lib, id, None).unwrap();
        section_text(&doc, SectionKind::OtherExplanations)
    };
    // Rolled forward as stated in 2025 (8 vehicles, 49 projects with targets), each a line with
    // its measure.
    let lines = yusuan_api::draft_lines(&lib, id).unwrap();
    let vehicles = lines.iter().find(|l| l.key == "情况|车辆").unwrap();
    assert_eq!(
        (vehicles.value_yuan.as_str(), vehicles.unit.as_str()),
        ("8", "辆")
    );
    assert!(text(&lib).contains("共有车辆8辆"), "{}", text(&lib));
    // Next year's count, stated by the user, is what the narrative says.
    set_line(&mut lib, id, "情况|车辆", "7");
    set_line(&mut lib, id, "情况|绩效项目", "52");
    let t = text(&lib);
    assert!(
        t.contains("共有车辆7辆") && t.contains("编报绩效目标的项目52个"),
        "{t}"
    );
    // A count is a whole number.
    let err = yusuan_api::draft_set(&mut lib, id, "情况|车辆", "7.5", NOW).unwrap_err();
    assert!(err.to_string().contains("整数"), "{err}");
    assert!(
        text(&lib).contains("共有车辆7辆"),
        "a refused value changes nothing"
    );
}

#[test]
fn a_carried_section_is_rewritten_as_one_undoable_edit() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    let functions = section_title(&lib, id, |k| k == SectionKind::Functions);
    let explanation = section_title(&lib, id, |k| k == SectionKind::BudgetExplanation);
    let paragraphs = |lib: &Library| {
        let doc = yusuan_api::draft_document(lib, id, None).unwrap();
        doc.sections
            .iter()
            .find(|s| s.title == functions)
            .unwrap()
            .paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    let before = paragraphs(&lib);
    assert!(!before.is_empty());
    // Two paragraphs, a line each; the derived document prints them.
    yusuan_api::draft_section(
        &mut lib,
        id,
        &functions,
        "负责街道社区治理。\n\n统筹辖区社会工作。",
        NOW,
    )
    .unwrap();
    assert_eq!(
        paragraphs(&lib),
        ["负责街道社区治理。", "统筹辖区社会工作。"]
    );
    // Undo brings last year's text back.
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(paragraphs(&lib), before);
    // The 编制说明 states the draft's numbers: a text with none is refused, nothing changes.
    let events = yusuan_api::draft_history(&lib, id).unwrap().len();
    let err =
        yusuan_api::draft_section(&mut lib, id, &explanation, "随便写的说明", NOW).unwrap_err();
    assert!(err.to_string().contains("没有写出任何金额"), "{err}");
    assert_eq!(yusuan_api::draft_history(&lib, id).unwrap().len(), events);
    assert!(yusuan_api::draft_section(&mut lib, id, "不存在的部分", "x", NOW).is_err());
}

/// The 年度预算安排 text of the draft's first project.
fn first_budget_part(lib: &Library, id: i64) -> String {
    yusuan_api::draft_projects(lib, id).unwrap()[0]
        .parts
        .iter()
        .find(|p| p.kind == "年度预算安排")
        .unwrap()
        .text
        .clone()
}

/// A project's description is rewritten part by part: the amounts of the new text are read as an
/// import reads them (so P001/P003 check what the user wrote), each change is undoable, a new
/// project starts unwritten (R006) and the export prints what was written.
#[test]
fn a_project_description_is_rewritten_part_by_part() {
    let (_dir, mut lib, id) = drafted(&["000_e54fcd81d7b1024c.txt"]);
    let projects = yusuan_api::draft_projects(&lib, id).unwrap();
    assert_eq!(projects.len(), 2);
    let name = projects[0].name.clone();
    let budget_before = first_budget_part(&lib, id);
    let project = |lib: &Library| {
        yusuan_api::draft_document(lib, id, None)
            .unwrap()
            .projects
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
    };

    // Two items and a computation that add up: read, and nothing to report.
    let text = "该项目年度预算安排12.00万元。\n1.培训费2.40万元：单价300元×80人=2.40万元；\n2.宣传费9.60万元。";
    yusuan_api::draft_project_part(&mut lib, id, &name, "年度预算安排", text, NOW).unwrap();
    let p = project(&lib);
    assert_eq!(
        p.total.unwrap().to_yuan(),
        rust_decimal::Decimal::from(120_000)
    );
    let budget = p
        .parts
        .iter()
        .find(|x| x.kind == yusuan_domain::ProjectPartKind::Budget)
        .unwrap();
    let items: Vec<(String, String, u8)> = budget
        .items
        .iter()
        .map(|i| {
            (
                i.label.clone(),
                i.amount.to_yuan().normalize().to_string(),
                u8::from(i.level),
            )
        })
        .collect();
    assert!(
        items.contains(&("培训费".into(), "24000".into(), 1))
            && items.contains(&("宣传费".into(), "96000".into(), 1)),
        "{items:?}"
    );
    assert!(
        budget
            .items
            .iter()
            .any(|i| i.level == yusuan_domain::ItemLevel::Computation
                && i.quantity == Some(rust_decimal::Decimal::from(80))),
        "{items:?}"
    );
    let about = |lib: &Library| {
        yusuan_api::draft_check(lib, id)
            .unwrap()
            .into_iter()
            .filter(|f| (f.rule == "P001" || f.rule == "P003") && f.message.contains(&name))
            .count()
    };
    assert_eq!(about(&lib), 0);
    // Items that do not add up to the total: P001, as in a published document.
    let slip = "该项目年度预算安排12.00万元。\n1.培训费2.40万元；\n2.宣传费9.00万元。";
    yusuan_api::draft_project_part(&mut lib, id, &name, "年度预算安排", slip, NOW).unwrap();
    assert_eq!(about(&lib), 1, "P001 for the slip");
    // Undo twice: the first text, then last year's.
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(first_budget_part(&lib, id), text);
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(first_budget_part(&lib, id), budget_before);
    // A part that is not one of the seven, a project that is not there: refused, named.
    let err =
        yusuan_api::draft_project_part(&mut lib, id, &name, "其他说明", "x", NOW).unwrap_err();
    assert!(err.to_string().contains("年度预算安排"), "{err}");
    assert!(
        yusuan_api::draft_project_part(&mut lib, id, "没有的项目", "项目概述", "x", NOW)
            .unwrap_err()
            .to_string()
            .contains(&name)
    );

    a_new_project_starts_unwritten(&mut lib, id, &name);
}

/// A new project: seven parts to write, R006 until they are; a project removed is brought back
/// by undo where it was.
fn a_new_project_starts_unwritten(lib: &mut Library, id: i64, name: &str) {
    yusuan_api::draft_project_add(lib, id, "社区治理创新项目", NOW).unwrap();
    let r006 = |lib: &Library| {
        yusuan_api::draft_check(lib, id)
            .unwrap()
            .into_iter()
            .filter(|f| f.rule == "R006" && f.message.contains("社区治理创新项目"))
            .count()
    };
    assert_eq!(r006(lib), 7);
    assert!(
        yusuan_api::draft_project_add(lib, id, "社区治理创新项目", NOW).is_err(),
        "a name twice"
    );
    yusuan_api::draft_project_part(
        lib,
        id,
        "社区治理创新项目",
        "项目概述",
        "开展社区治理创新试点。",
        NOW,
    )
    .unwrap();
    assert_eq!(r006(lib), 6);
    yusuan_api::draft_project_remove(lib, id, name, NOW).unwrap();
    assert_eq!(yusuan_api::draft_projects(lib, id).unwrap().len(), 2);
    draft_undo(lib, id, NOW).unwrap();
    let names: Vec<String> = yusuan_api::draft_projects(lib, id)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names[0], name, "back where it was");
    assert_eq!(names.len(), 3);
}

/// A 绩效目标表's indicators: a target value set (read as a printed form is: K006 checks it), an
/// indicator added in its group and removed (undo puts it back where it was), a project's first
/// target starting its form (K003 asks for the other kinds) and its last one taking it away.
#[test]
fn performance_targets_are_set_added_and_removed() {
    let (_dir, mut lib, id) = drafted(&["001_e395be5bb9699fb6.txt"]);
    let forms = yusuan_api::draft_forms(&lib, id).unwrap();
    let form = forms
        .iter()
        .find(|f| f.project == "培训经费")
        .expect("the 培训经费 form");
    let path = "产出指标/数量指标/社区培训人数";
    assert_eq!(
        form.indicators
            .iter()
            .find(|i| i.path == path)
            .unwrap()
            .printed,
        ">1580.00(人)"
    );
    let indicator = |lib: &Library, path: &str| {
        let doc = yusuan_api::draft_document(lib, id, None).unwrap();
        let f = doc
            .performance_forms
            .into_iter()
            .find(|f| f.project == "培训经费")
            .unwrap();
        f.indicators
            .iter()
            .position(|i| format!("{}/{}/{}", i.level1, i.level2, i.name) == path)
            .map(|k| (k, f.indicators[k].clone()))
    };
    // A new target: read as a printed form.
    yusuan_api::draft_indicator_set(&mut lib, id, "培训经费", path, "≥1600(人)", NOW).unwrap();
    let (_, i) = indicator(&lib, path).unwrap();
    assert_eq!(
        i.value,
        yusuan_domain::IndicatorValue::Measured {
            operator: yusuan_domain::Operator::Ge,
            value: 1600.into(),
            measure: Some("人".into())
        }
    );
    // A comparison with nothing after it: K006 names the indicator.
    yusuan_api::draft_indicator_set(&mut lib, id, "培训经费", path, "≥", NOW).unwrap();
    assert!(yusuan_api::draft_check(&lib, id)
        .unwrap()
        .iter()
        .any(|f| f.rule == "K006" && f.message.contains("社区培训人数")));
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(indicator(&lib, path).unwrap().1.printed, "≥1600(人)");
    // Added in its group (after the last 效益指标/社会效益指标), removed, brought back by undo.
    let new = "效益指标/社会效益指标/居民知晓率";
    yusuan_api::draft_indicator_set(&mut lib, id, "培训经费", new, "≥90(%)", NOW).unwrap();
    let (k, _) = indicator(&lib, new).unwrap();
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    let f = doc
        .performance_forms
        .iter()
        .find(|f| f.project == "培训经费")
        .unwrap();
    assert_eq!(
        (
            f.indicators[k - 1].level1.as_str(),
            f.indicators[k - 1].level2.as_str()
        ),
        ("效益指标", "社会效益指标")
    );
    assert!(f.indicators[k + 1..]
        .iter()
        .all(|i| !(i.level1 == "效益指标" && i.level2 == "社会效益指标")));
    yusuan_api::draft_indicator_remove(&mut lib, id, "培训经费", new, NOW).unwrap();
    assert!(indicator(&lib, new).is_none());
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(indicator(&lib, new).unwrap().0, k, "back where it was");
    // Bad input: refused, named.
    assert!(
        yusuan_api::draft_indicator_set(&mut lib, id, "培训经费", "社区培训人数", "≥1", NOW)
            .unwrap_err()
            .to_string()
            .contains("一级指标/二级指标/三级指标")
    );
    assert!(yusuan_api::draft_indicator_remove(
        &mut lib,
        id,
        "培训经费",
        "产出指标/数量指标/没有",
        NOW
    )
    .is_err());
    a_first_target_starts_a_form_and_the_last_ends_it(&mut lib, id);
}

/// A project without a form: its first target starts one (K003 asks for 效益 and 满意度) and its
/// last one removed takes the form away.
fn a_first_target_starts_a_form_and_the_last_ends_it(lib: &mut Library, id: i64) {
    yusuan_api::draft_project_add(lib, id, "社区治理创新", NOW).unwrap();
    pilot_target(lib, id);
    let forms = yusuan_api::draft_forms(lib, id).unwrap();
    assert_eq!(
        forms
            .iter()
            .find(|f| f.project == "社区治理创新")
            .unwrap()
            .indicators
            .len(),
        1
    );
    assert!(yusuan_api::draft_check(lib, id)
        .unwrap()
        .iter()
        .any(|f| f.rule == "K003" && f.message.contains("社区治理创新")));
    yusuan_api::draft_indicator_remove(lib, id, "社区治理创新", "产出指标/数量指标/试点社区", NOW)
        .unwrap();
    assert!(
        yusuan_api::draft_forms(lib, id)
            .unwrap()
            .iter()
            .all(|f| f.project != "社区治理创新"),
        "an empty form goes"
    );
}

/// A figure the generated sections state that last year's document did not (Jiangsu's
/// 省委办公厅 2018 states no 国有资产): added as a line with `draft add`, it is printed in the one
/// 情况说明 the format has; a count keeps its measure.
#[test]
fn a_stated_figure_last_year_lacked_is_added_and_printed() {
    let (_dir, mut lib) = library();
    import_file(
        &mut lib,
        &fixture("pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf"),
        NOW,
    )
    .unwrap();
    let o = import_file(
        &mut lib,
        &fixture("pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf"),
        NOW,
    )
    .unwrap();
    assert!(o.attached);
    let id = yusuan_api::parse_draft_ref(&draft_new(&mut lib, o.id, None, NOW).unwrap().draft)
        .unwrap()
        .0;
    let lines = yusuan_api::draft_lines(&lib, id).unwrap();
    assert!(lines.iter().all(|l| l.key != "情况|车辆"));
    yusuan_api::draft_add_line(&mut lib, id, "情况|车辆", "12", &[], NOW).unwrap();
    let doc = yusuan_api::draft_document(&lib, id, None).unwrap();
    let text = all_text(&doc);
    assert!(text.contains("共有车辆12辆"), "{text}");
    assert!(
        yusuan_api::draft_add_line(&mut lib, id, "情况|车辆", "13", &[], NOW)
            .unwrap_err()
            .to_string()
            .contains("已有明细行")
    );
    assert!(
        yusuan_api::draft_add_line(&mut lib, id, "情况|购置车辆", "1.5", &[], NOW)
            .unwrap_err()
            .to_string()
            .contains("整数")
    );
    // No 错误 from the figures the draft generates in this format.
    assert!(yusuan_api::draft_check(&lib, id)
        .unwrap()
        .iter()
        .all(|f| f.severity != yusuan_api::Severity::Error));
}

/// The command that sets a line's amount.
fn set(key: &str, value: &str) -> yusuan_api::DraftCommand {
    yusuan_api::DraftCommand::SetLeaf {
        key: key.to_string(),
        value: value.to_string(),
    }
}
