//! A Jiangsu explanation restated in the department's own words: a real 2018 disclosure (中共
//! 江苏省委办公厅, narrative and tables in two files) rolled to 2019, two lines changed, and the
//! text read back — its figures follow the lines, last year's reasons go where nothing changes,
//! are asked about (R010) where something does, and give way to the draft's own.

use yusuan_api::{draft_check, draft_document, draft_new, draft_reason, import_file, Library};

mod common;

use common::{drafted, export_explained, fixture, library, rolled, section_title, set_line, NOW};

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

/// The line 2210202 (提租补贴) 基本支出 set to 3,500,000 元: 23.98万元 more than rolled forward.
fn raise_housing(lib: &mut Library, id: i64) {
    set_line(lib, id, "支出|一般公共预算|2210202|基本支出", "3500000");
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
    let (_dir, mut lib) = library();
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
    // (the item's heading a paragraph of its own, as printed)
    assert_eq!(line(&text, "一、"), "一、收支预算总体情况说明");
    assert_eq!(
        line(&text, "江苏省委办公厅2019年度收入"),
        "江苏省委办公厅2019年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各持平。其中："
    );
    assert_eq!(line(&text, "基本支出"), "基本支出10403.11万元，占42.53%；项目支出12081.46万元，占49.40%；单位预留机动经费1973.86万元，占8.07%。");
    assert!(
        r010(&lib, id).is_empty(),
        "no change, nothing carried to ask about"
    );

    // Two lines change: the figures, changes and shares follow; last year's reasons stay where
    // a figure changes, and are asked about.
    raise_housing(&mut lib, id);
    set_line(
        &mut lib,
        id,
        "支出|一般公共预算|2080504|基本支出",
        "2000000",
    );
    let text = explanation(&lib, id);
    assert_eq!(
        line(&text, "1．行政事业单位离退休（款）未归口管理"),
        "1．行政事业单位离退休（款）未归口管理的行政单位离退休（项）支出200.00万元，与上年相比减少48.77万元，减少19.60%。主要原因是退休人员工资改由社保发放，经费支出相应减少。"
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
        .ends_with("减少19.60%。主要原因是离休人员减少。"));
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
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
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
    set_line(&mut lib, id, "支出|一般公共预算|2010507|基本支出", "500000");
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

/// The 情况说明 rewritten in the department's words for the new year (a heading renamed, a
/// sentence added): its amounts stay bound to the draft — a line changed later shows in it —
/// an amount the draft does not have is refused (nothing recorded), a change written otherwise
/// than the draft has it is printed as the draft has it and said, and undo puts back the
/// restated text and the reasons.
#[test]
fn an_explanation_written_in_the_departments_words_stays_bound_to_the_lines() {
    let (_dir, mut lib, id) = drafted(&[
        "pdf/jiangsu-shengwei-2018-bumen-yusuan-text.pdf",
        "pdf/jiangsu-shengwei-2018-bumen-yusuan-tables.pdf",
    ]);
    let title = section_title(&lib, id, |k| {
        k == yusuan_domain::SectionKind::BudgetExplanation
    });
    let restated = explanation(&lib, id);
    let events = yusuan_api::draft_history(&lib, id).unwrap().len();

    // An amount the draft does not have: refused, naming it; nothing recorded.
    let e = yusuan_api::draft_section(
        &mut lib,
        id,
        &title,
        "一、收支总体情况\n本部门2019年度收入、支出预算总计24458.43万元，其中专项经费123.45万元。",
        NOW,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("专项经费123.45万元") && e.contains("不是草稿中的数字"),
        "{e}"
    );
    assert_eq!(yusuan_api::draft_history(&lib, id).unwrap().len(), events);
    assert_eq!(explanation(&lib, id), restated);

    // The department's words: printed as written.
    let written = "一、收支预算总体情况\n江苏省委办公厅2019年度收入、支出预算总计24458.43万元，与上年相比增加（减少）0万元。\n二、住房保障\n住房保障（类）支出3015.16万元，与上年预算数一致，主要原因是住房改革政策未作调整。";
    let t = yusuan_api::draft_section(&mut lib, id, &title, written, NOW).unwrap();
    assert!(t.corrections.is_empty(), "{:?}", t.corrections);
    assert_eq!(explanation(&lib, id).concat(), written.replace('\n', ""));

    // A line changes: the amounts and the no-change words follow; the reason written stays.
    raise_housing(&mut lib, id);
    let text = explanation(&lib, id).concat();
    assert!(
        text.contains("总计24482.41万元，与上年相比增加23.98万元")
            && text.contains("住房保障（类）支出3039.14万元，与上年预算数相比增加23.98万元，增长0.80%，主要原因是住房改革政策未作调整。"),
        "{text}"
    );

    // A change written otherwise than the draft has it: printed as the draft has it, and said.
    let t = yusuan_api::draft_section(
        &mut lib,
        id,
        &title,
        "一、收支预算总体情况\n江苏省委办公厅2019年度收入、支出预算总计24482.41万元，与上年相比增加100.00万元。",
        NOW,
    )
    .unwrap();
    assert_eq!(t.corrections.len(), 1, "{:?}", t.corrections);
    assert!(t.corrections[0].written.contains("增加100.00万元"));
    assert!(t.corrections[0].printed.contains("增加23.98万元"));

    // Undo: the text written before; again: last year's, restated.
    yusuan_api::draft_undo(&mut lib, id, NOW).unwrap();
    assert!(explanation(&lib, id)
        .concat()
        .contains("主要原因是住房改革政策未作调整"));
    yusuan_api::draft_undo(&mut lib, id, NOW).unwrap(); // the line
    yusuan_api::draft_undo(&mut lib, id, NOW).unwrap(); // the first text
    assert_eq!(explanation(&lib, id), restated);
    yusuan_api::draft_redo(&mut lib, id, NOW).unwrap();
    assert_eq!(explanation(&lib, id).concat(), written.replace('\n', ""));
}

/// A year after Yusuan: the 2026 document a draft exported — its items comparing with the 2025
/// 执行数 typed for them — imported and rolled to 2027 keeps its own sentences. Each item's
/// 执行数 clause is bound to the item: left out while the draft holds no 2026 执行数, printed
/// from it once typed.
#[test]
fn an_exported_explanation_with_actuals_is_restated_the_next_year() {
    let (dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"]);
    yusuan_api::draft_actual(&mut lib, id, "2010507", "1404200", NOW).unwrap();
    let item = "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”";
    assert!(line(&explanation(&lib, id), item).contains("比2025年执行数140.42万元减少96.59万元"));
    let pdf = dir.path().join("2026.pdf");
    export_explained(&mut lib, id, &pdf);

    let mut next = Library::open(&dir.path().join("next.db")).unwrap();
    let id2 = rolled(&mut next, &[&pdf]);
    let d = yusuan_api::load_draft(&next, id2, None).unwrap();
    assert!(
        d.restated
            .iter()
            .any(|r| r.kind == yusuan_domain::SectionKind::BudgetExplanation),
        "the 2026 编制说明 is restated"
    );
    assert_eq!(
        line(&explanation(&next, id2), item),
        format!("{item}科目43.83万元，主要用于统计信息事务统计管理。")
    );
    yusuan_api::draft_actual(&mut next, id2, "2010507", "500000", NOW).unwrap();
    assert_eq!(
        line(&explanation(&next, id2), item),
        format!("{item}科目43.83万元，比2026年执行数50.00万元减少6.17万元，下降12.34%，主要用于统计信息事务统计管理。")
    );
}

/// Putuo 2024 compares each item with its 执行数 in a sentence of its own (`2023年当年预算执行数为
/// 60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。`). Rolled
/// to 2025 the sentence is kept in its words: left out (with its reason) while no 2024 执行数 is
/// typed, printed with this year's budget and the typed 执行数 once it is, its reason asked
/// about (R010) until the department writes this year's.
#[test]
fn an_items_own_actuals_sentence_is_restated_in_its_words() {
    let (dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"]);
    let item = |lib: &Library, n: &str| {
        explanation(lib, id)
            .into_iter()
            .find(|p| p.starts_with(n))
            .unwrap_or_else(|| panic!("no item {n}"))
    };
    // No 执行数 typed: the sentence and its reason are left out.
    assert_eq!(
        item(&lib, "1."),
        "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。"
    );
    // Typed: the budget against it, in the source's words; last year's reason, asked about.
    yusuan_api::draft_actual(&mut lib, id, "2010507", "600000", NOW).unwrap();
    yusuan_api::draft_actual(&mut lib, id, "2012902", "426000", NOW).unwrap();
    yusuan_api::draft_actual(&mut lib, id, "2059999", "0", NOW).unwrap();
    assert_eq!(
        item(&lib, "1."),
        "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。\
         2024年当年预算执行数为60.00万元，2025年预算安排25.77万元，比2024年预算执行数减少57.05%。\
         主要原因是：项目调整。"
    );
    assert!(
        r010(&lib, id).iter().any(|k| k.contains("2010507")),
        "{:?}",
        r010(&lib, id)
    );
    // Equal: 持平; from nothing: the rise itself.
    assert!(
        item(&lib, "2.").contains(
            "2024年当年预算执行数为42.60万元，2025年预算安排42.60万元，比2024年预算执行数持平。"
        ),
        "{}",
        item(&lib, "2.")
    );
    assert!(item(&lib, "9.").contains("2024年当年预算执行数为0.00万元，2025年预算安排25.00万元，比2024年预算执行数增加25.00万元。"), "{}", item(&lib, "9."));
    // This year's reason, in last year's place.
    draft_reason(&mut lib, id, "说明|项|2010507", "普查任务减少", NOW).unwrap();
    assert!(
        item(&lib, "1.").ends_with("减少57.05%。主要原因是普查任务减少。"),
        "{}",
        item(&lib, "1.")
    );
    assert!(!r010(&lib, id).iter().any(|k| k.contains("2010507")));
    // And it exports and reads back.
    export_explained(&mut lib, id, &dir.path().join("执行数.pdf"));
}

/// The counts of the department's units by kind (机构设置's 行政单位/参公单位/事业单位) are lines
/// of the draft: a restated text's `下属1家机关和1家参公事业单位` follows them, and a change of
/// them asks for no reason (it is the department's organisation, not money).
#[test]
fn the_units_by_kind_are_lines_a_restated_text_follows() {
    let (_dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"]);
    let running = |lib: &Library| {
        let doc = draft_document(lib, id, None).unwrap();
        doc.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .map(|p| p.text.clone())
            .find(|t| t.contains("机关运行经费预算为"))
            .expect("the 机关运行经费 sentence")
    };
    assert!(
        running(&lib).contains("下属1家机关和1家参公事业单位"),
        "{}",
        running(&lib)
    );
    let lines = yusuan_api::draft_lines(&lib, id).unwrap();
    let count = |key: &str| {
        lines
            .iter()
            .find(|l| l.key == key)
            .map(|l| l.value_yuan.clone())
    };
    assert_eq!(
        (
            count("情况|行政单位"),
            count("情况|参公单位"),
            count("情况|事业单位")
        ),
        (Some("1".into()), Some("1".into()), Some("4".into()))
    );
    set_line(&mut lib, id, "情况|行政单位", "2");
    set_line(&mut lib, id, "情况|参公单位", "0");
    assert!(
        running(&lib).contains("下属2家机关和0家参公事业单位"),
        "{}",
        running(&lib)
    );
    let asked: Vec<String> = draft_check(&lib, id)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == "R001")
        .filter_map(|f| f.location.row)
        .collect();
    assert!(!asked.iter().any(|k| k.starts_with("情况|")), "{asked:?}");
}
