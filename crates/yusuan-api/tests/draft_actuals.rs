//! 上年执行数 on real documents: typed for one code, pasted as a column, taken from last year's
//! real 决算 by code; the 编制说明 compares each 项 with it in the source's Putuo wording; each change is
//! one undoable edit; bad input is refused and changes nothing; the export reads it back.

use std::path::Path;
use yusuan_api::{draft_history, draft_undo, import_file, load_draft, Library};

mod common;

use common::{blank, drafted, fixture, shegongbu, with_juesuan, NOW};

/// The 编制说明's item sentences that compare with 执行数.
fn compared(lib: &Library, id: i64) -> Vec<String> {
    let doc = yusuan_api::draft_document(lib, id, None).unwrap();
    doc.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.text.contains("执行数"))
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn typed_and_pasted_actuals_are_compared_in_the_explanation_and_undone_as_one_edit() {
    let (dir, mut lib, id) = drafted(&["pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"]);
    assert!(
        compared(&lib, id).is_empty(),
        "no 执行数, no comparison with it"
    );
    yusuan_api::draft_actual(&mut lib, id, "2010507", "140.42万元", NOW).unwrap();
    // In the source's own wording (its 2024 sentence, restated), last year's reason kept for the
    // user to check (R010).
    assert_eq!(compared(&lib, id), ["1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2024年当年预算执行数为140.42万元，2025年预算安排25.77万元，比2024年预算执行数减少81.65%。主要原因是：项目调整。"]);
    let views = yusuan_api::draft_actuals(&lib, id).unwrap();
    let v = views.iter().find(|v| v.code == "2010507").unwrap();
    assert_eq!(
        (
            v.actual_yuan.as_deref(),
            v.budget_yuan.as_str(),
            v.rate_percent.as_deref()
        ),
        (Some("1404200"), "257700", Some("544.90"))
    );
    // A column pasted from a spreadsheet: a header, amounts with separators, a code the draft's
    // lines do not use (listed, not set).
    let r = yusuan_api::draft_actuals_paste(
        &mut lib,
        id,
        "科目编码\t科目名称\t执行数\n2120101\t行政运行\t12,000,000\n2010350\t事业运行\t305000\n",
        NOW,
    )
    .unwrap();
    assert_eq!(
        r.matched
            .iter()
            .map(|m| (m.code.as_str(), m.rate_percent.as_deref()))
            .collect::<Vec<_>>(),
        [("2120101", Some("72.28"))]
    );
    assert_eq!(r.unmatched, ["2010350"]);
    assert_eq!(compared(&lib, id).len(), 2);
    assert_eq!(draft_history(&lib, id).unwrap().len(), 2, "one edit each");
    draft_undo(&mut lib, id, NOW).unwrap();
    assert_eq!(
        load_draft(&lib, id, None)
            .unwrap()
            .actuals
            .keys()
            .collect::<Vec<_>>(),
        ["2010507"]
    );
    // Bad input: refused, named, nothing recorded.
    for (code, value, says) in [
        ("2010", "1", "功能分类科目编码"),
        ("2010507", "五万", "不是金额"),
        ("2010507", "-5", "负数"),
    ] {
        let e = yusuan_api::draft_actual(&mut lib, id, code, value, NOW)
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{e}");
    }
    let e = yusuan_api::draft_actuals_paste(&mut lib, id, "2120101\t十二万\n", NOW)
        .unwrap_err()
        .to_string();
    assert!(e.contains("第 1 行"), "{e}");
    assert_eq!(
        draft_history(&lib, id)
            .unwrap()
            .iter()
            .filter(|e| !e.undone)
            .count(),
        1
    );
    // Cleared with an empty value.
    yusuan_api::draft_actual(&mut lib, id, "2010507", "", NOW).unwrap();
    assert!(compared(&lib, id).is_empty());
    draft_undo(&mut lib, id, NOW).unwrap();
    exports_with_the_comparison(&mut lib, id, &dir.path().join("d.pdf"));
}

/// The draft with its 执行数 exports and reads back, the comparison's figures printed.
fn exports_with_the_comparison(lib: &mut Library, id: i64, out: &Path) {
    let findings = yusuan_api::draft_check(lib, id).unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f.severity != yusuan_api::Severity::Error),
        "{findings:?}"
    );
    let explanations = findings
        .iter()
        .filter(|f| f.severity == yusuan_api::Severity::Warning)
        .map(|f| (f.rule.to_string(), "已核实".to_string()))
        .collect();
    let req = yusuan_api::ExportRequest {
        explanations,
        ..Default::default()
    };
    let done = yusuan_api::export_file(
        lib,
        &format!("draft:{id}"),
        yusuan_api::OutFormat::Pdf,
        out,
        &req,
        NOW,
    )
    .unwrap();
    assert!(done.preflight.unwrap().narrative_figures > 0);
    let text = String::from_utf8_lossy(
        &std::process::Command::new("pdftotext")
            .arg(out)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .replace('\n', "");
    assert!(
        text.contains("2024年当年预算执行数为140.42万元，2025年预算安排25.77万元，比2024年预算执行数减少81.65%"),
        "the comparison is printed"
    );
}

#[test]
fn actuals_are_taken_from_last_years_real_final_accounts_by_code() {
    let (_dir, mut lib, juesuan) = with_juesuan();
    let id = blank(&mut lib, "shanghai-9-bumen", &shegongbu(2025));
    yusuan_api::draft_add_line(
        &mut lib,
        id,
        "支出|一般公共预算|2013901|基本支出",
        "600000",
        &[(String::new(), "行政运行".into())],
        NOW,
    )
    .unwrap();
    yusuan_api::draft_add_line(
        &mut lib,
        id,
        "支出|一般公共预算|2013999|项目支出",
        "2500000",
        &[(String::new(), "其他社会工作事务支出".into())],
        NOW,
    )
    .unwrap();
    yusuan_api::draft_add_line(
        &mut lib,
        id,
        "支出|一般公共预算|2070199|项目支出",
        "10000",
        &[(String::new(), "其他文化和旅游支出".into())],
        NOW,
    )
    .unwrap();
    let r = yusuan_api::draft_actuals_from(&mut lib, id, juesuan, NOW).unwrap();
    // The 决算 prints (万元) 行政运行 51.32, 其他社会工作事务支出 202.24, 社会工作事务 264.87.
    let got: Vec<(String, Option<String>)> = r
        .matched
        .iter()
        .map(|m| (m.code.clone(), m.actual_yuan.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("201".to_string(), Some("2648700".to_string())),
            ("20139".into(), Some("2648700".into())),
            ("2013901".into(), Some("513200".into())),
            ("2013999".into(), Some("2022400".into())),
        ]
    );
    assert_eq!(
        r.unmatched,
        ["207", "20701", "2070199"],
        "codes the 决算 does not print are listed"
    );
    let said = compared(&lib, id);
    assert!(
        said.iter().any(|s| s.contains(
            "行政运行（项）”科目60.00万元，比2024年执行数51.32万元增加8.68万元，增长16.91%"
        )),
        "{said:?}"
    );
    // Not a 决算, or a 决算 of another year: refused, nothing recorded.
    let budget = import_file(
        &mut lib,
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        NOW,
    )
    .unwrap()
    .id;
    let before = draft_history(&lib, id).unwrap().len();
    assert!(yusuan_api::draft_actuals_from(&mut lib, id, budget, NOW)
        .unwrap_err()
        .to_string()
        .contains("不是决算"));
    let other_year = blank(&mut lib, "shanghai-9-bumen", &shegongbu(2027));
    assert!(
        yusuan_api::draft_actuals_from(&mut lib, other_year, juesuan, NOW)
            .unwrap_err()
            .to_string()
            .contains("2026年的决算")
    );
    assert_eq!(draft_history(&lib, id).unwrap().len(), before);
}
