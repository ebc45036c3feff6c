//! 预算执行: a year's 预算 beside its 决算, code by code. The 决算 is real (中共上海市普陀区委社会工作部
//! 2024, in 万元); its 2024 预算 is made here the way a user makes one — a blank draft of the
//! Shanghai format, its 一般公共预算 lines typed (made-up amounts), exported to the standard PDF
//! and imported — since no real 预算 of that department is in the fixtures.

use std::path::Path;
use yusuan_api::{import_file, Library};

mod common;

use common::{blank, export_explained, shegongbu, with_juesuan, NOW};

#[test]
fn a_years_budget_stands_beside_its_final_accounts_code_by_code() {
    let (dir, mut lib, juesuan) = with_juesuan();
    let budget = a_typed_budget(&mut lib, dir.path());

    let view = yusuan_api::department_view(&lib, budget, &Default::default()).unwrap();
    let [e] = view.execution.as_slice() else {
        panic!("one year with both: {:?}", view.execution.len());
    };
    assert_eq!(
        (e.budget.label.as_str(), e.final_accounts.label.as_str()),
        (budget.to_string().as_str(), juesuan.to_string().as_str())
    );
    let row = |code: &str| {
        let l = e.lines.iter().find(|l| l.code == code).unwrap();
        (
            l.budget.map(|v| v.normalize().to_string()),
            l.actual.map(|v| v.normalize().to_string()),
            l.difference.normalize().to_string(),
            l.rate_percent.map(|v| v.to_string()),
        )
    };
    let s = |v: &str| Some(v.to_string());
    // The 决算 prints (万元) 行政运行 51.32, 其他社会工作事务支出 202.24, 社会工作事务 264.87.
    assert_eq!(
        row("2013901"),
        (s("600000"), s("513200"), "-86800".into(), s("85.53"))
    );
    assert_eq!(
        row("2013999"),
        (s("2500000"), s("2022400"), "-477600".into(), s("80.90"))
    );
    assert_eq!(
        row("20139"),
        (s("3100000"), s("2648700"), "-451300".into(), s("85.44"))
    );
    // Budgeted and not spent; spent and not budgeted.
    assert_eq!(
        row("2070199"),
        (s("10000"), None, "-10000".into(), s("0.00"))
    );
    assert_eq!(row("2080505"), (None, s("61800"), "61800".into(), None));
    let total = e.total.as_ref().unwrap();
    assert_eq!(
        (
            total.budget,
            total.actual.map(|v| v.normalize().to_string())
        ),
        (Some(rust_decimal::Decimal::from(3_110_000)), s("3078200"))
    );
    // From the 决算's side the same pair.
    let other = yusuan_api::department_view(&lib, juesuan, &Default::default()).unwrap();
    assert_eq!(other.execution, view.execution);
}

/// The department's 2024 预算 as a user makes it: a blank Shanghai draft, its lines and sections
/// typed, exported to the standard PDF and imported; the imported document's id.
fn a_typed_budget(lib: &mut Library, dir: &Path) -> i64 {
    let id = blank(lib, "shanghai-9-bumen", &shegongbu(2024));
    for (key, yuan, name) in [
        ("支出|一般公共预算|2013901|基本支出", "600000", "行政运行"),
        (
            "支出|一般公共预算|2013999|项目支出",
            "2500000",
            "其他社会工作事务支出",
        ),
        (
            "支出|一般公共预算|2070199|项目支出",
            "10000",
            "其他文化和旅游支出",
        ),
    ] {
        yusuan_api::draft_add_line(lib, id, key, yuan, &[(String::new(), name.into())], NOW)
            .unwrap();
    }
    yusuan_api::draft_add_line(
        lib,
        id,
        "经济|30101|人员经费",
        "600000",
        &[(String::new(), "基本工资".into())],
        NOW,
    )
    .unwrap();
    for (title, text) in [
        (
            "中共上海市普陀区委社会工作部（部门）主要职能",
            "负责社会工作。",
        ),
        (
            "中共上海市普陀区委社会工作部（部门）机构设置",
            "本部门只有本部一家预算单位。",
        ),
    ] {
        yusuan_api::draft_section(lib, id, title, text, NOW).unwrap();
    }
    let pdf = dir.join("预算2024.pdf");
    export_explained(lib, id, &pdf);
    import_file(lib, &pdf, NOW).unwrap().id
}
