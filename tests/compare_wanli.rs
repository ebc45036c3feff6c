//! The two real 万里街道 PDFs (2024 and 2025) compared through the CLI: every line accounted
//! for, totals reconciled, and the change the 2025 narrative states against 2024 agreeing with
//! the comparison (up to its rounding tail).

mod common;

use common::{fixture, golden, root, yusuan};
use rust_decimal::Decimal;
use std::str::FromStr;

const A: &str = "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf";
const B: &str = "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn wanli_2024_against_2025() {
    let (a, b) = (fixture(A), fixture(B));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    // Order on the command line does not matter: oldest first.
    let r = yusuan(&["compare", b, a, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let c = &v["comparison"];
    assert_eq!(c["documents"][0]["year"], 2024);
    assert_eq!(c["documents"][1]["year"], 2025);
    let lines = c["lines"].as_array().unwrap();
    // Every table amount of both documents is on exactly one line (875 each; no table line new
    // or removed), then the numbers stated in the text (项目, 政府采购, 绩效).
    let tables: Vec<&serde_json::Value> = lines.iter().filter(|l| l["key"]["table"] != "other").collect();
    assert_eq!(tables.len(), 875);
    for k in [0, 1] {
        assert_eq!(tables.iter().filter(|l| !l["amounts"][k].is_null()).count(), 875);
    }
    let stated: Vec<String> = lines.iter().filter(|l| l["key"]["table"] == "other").map(|l| format!("{}/{}", l["table_title"].as_str().unwrap(), l["row_label"].as_str().unwrap())).collect();
    assert!(stated.iter().any(|s| s == "政府采购预算情况/政府采购预算"), "{stated:?}");
    let amount = |l: &serde_json::Value, k: usize| l["amounts"][k].as_str().map(d);
    let find = |table: &str, code: &str, label: &str, column: &str| {
        lines
            .iter()
            .find(|l| l["key"]["table"] == table && l["key"]["code"] == code && l["key"]["label"] == label && l["key"]["column"] == column)
            .unwrap_or_else(|| panic!("{table} {code}{label} {column}"))
    };
    // Totals (read against both PDFs: 156,211,123 and 189,767,551 元).
    let total = find("expenditure", "", "合计", "支出预算/合计");
    assert_eq!((amount(total, 0), amount(total, 1)), (Some(d("156211123")), Some(d("189767551"))));
    assert_eq!(total["change"], "33556428");
    assert_eq!(total["change_percent"], "21.48");
    // The 类 lines' changes add up to the total change.
    let classes: Decimal = lines
        .iter()
        .filter(|l| l["key"]["table"] == "expenditure" && l["key"]["code"].as_str().unwrap().len() == 3 && l["key"]["column"] == "支出预算/合计")
        .map(|l| d(l["change"].as_str().unwrap()))
        .sum();
    assert_eq!(classes, d("33556428"));
    // 2080705 公益性岗位补贴: 421.23 → 58.28 万元, flagged.
    let l = find("expenditure", "2080705", "", "支出预算/合计");
    assert!(l["flags"].as_array().unwrap().iter().any(|f| f == "beyond_threshold"));
    // 三公: 公务用车购置费 25 → 15 万元, with the reason the 2025 narrative gives.
    let l = lines
        .iter()
        .find(|l| l["key"]["table"] == "three_public" && l["key"]["column"].as_str().unwrap().ends_with("/购置费"))
        .unwrap();
    assert_eq!(l["change"], "-100000");
    assert!(l["flags"].as_array().unwrap().iter().any(|f| f == "three_public"));
    assert_eq!(l["reason"], "购置车辆类型不同");
    // The narrative's "比2024年预算增加3,355.65万元": the two rounded totals subtracted; the exact
    // change is 3,355.64万元 — a rounding tail (C002, 提示), no disagreement (C001) or wrong word.
    let findings = c["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!((f["rule"].as_str(), f["severity"].as_str()), (Some("C002"), Some("info")), "{f}");
        assert_eq!((f["expected"].as_str(), f["actual"].as_str()), (Some("3355.64万元"), Some("3355.65万元")));
    }
    // Chart series: trend and 基本/项目.
    let s = &v["series"];
    assert_eq!(s["trend"][0]["values"][0], "156211123");
    assert_eq!(s["trend"][1]["values"][0], "189767551");
    assert_eq!(s["by_basic_project"].as_array().unwrap().len(), 2);
    // The whole comparison as CSV, a golden file.
    let r = yusuan(&["compare", a, b, "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    golden(&root().join("fixtures/golden/compare-wanli-2024-2025.csv"), &r.stdout);
    let r = yusuan(&["compare", a, b]);
    assert!(r.stdout.contains(&format!("共 {} 行", lines.len())), "{}", r.stdout);
}
