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
    let tables: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["key"]["table"] != "other")
        .collect();
    assert_eq!(tables.len(), 875);
    for k in [0, 1] {
        assert_eq!(
            tables.iter().filter(|l| !l["amounts"][k].is_null()).count(),
            875
        );
    }
    let stated: Vec<String> = lines
        .iter()
        .filter(|l| l["key"]["table"] == "other")
        .map(|l| {
            format!(
                "{}/{}",
                l["table_title"].as_str().unwrap(),
                l["row_label"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        stated.iter().any(|s| s == "政府采购预算情况/政府采购预算"),
        "{stated:?}"
    );
    // 国有资产: 7 vehicles at 2024's count date, 8 at 2025's (counts, column 数量).
    let cars = lines
        .iter()
        .find(|l| l["key"]["label"] == "国有资产占有使用情况/车辆")
        .unwrap_or_else(|| panic!("vehicle counts aligned: {stated:?}"));
    assert_eq!(
        (cars["amounts"][0].as_str(), cars["amounts"][1].as_str()),
        (Some("7"), Some("8"))
    );
    let amount = |l: &serde_json::Value, k: usize| l["amounts"][k].as_str().map(d);
    let find = |table: &str, code: &str, label: &str, column: &str| {
        lines
            .iter()
            .find(|l| {
                l["key"]["table"] == table
                    && l["key"]["code"] == code
                    && l["key"]["label"] == label
                    && l["key"]["column"] == column
            })
            .unwrap_or_else(|| panic!("{table} {code}{label} {column}"))
    };
    // Totals (read against both PDFs: 156,211,123 and 189,767,551 元).
    let total = find("expenditure", "", "合计", "支出预算/合计");
    assert_eq!(
        (amount(total, 0), amount(total, 1)),
        (Some(d("156211123")), Some(d("189767551")))
    );
    assert_eq!(total["change"], "33556428");
    assert_eq!(total["change_percent"], "21.48");
    // The 类 lines' changes add up to the total change.
    let classes: Decimal = lines
        .iter()
        .filter(|l| {
            l["key"]["table"] == "expenditure"
                && l["key"]["code"].as_str().unwrap().len() == 3
                && l["key"]["column"] == "支出预算/合计"
        })
        .map(|l| d(l["change"].as_str().unwrap()))
        .sum();
    assert_eq!(classes, d("33556428"));
    // 2080705 公益性岗位补贴: 421.23 → 58.28 万元, flagged.
    let l = find("expenditure", "2080705", "", "支出预算/合计");
    assert!(l["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "beyond_threshold"));
    // 三公: 公务用车购置费 25 → 15 万元, with the reason the 2025 narrative gives.
    let l = lines
        .iter()
        .find(|l| {
            l["key"]["table"] == "three_public"
                && l["key"]["column"].as_str().unwrap().ends_with("/购置费")
        })
        .unwrap();
    assert_eq!(l["change"], "-100000");
    assert!(l["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "three_public"));
    assert_eq!(l["reason"], "购置车辆类型不同");
    // The narrative's "比2024年预算增加3,355.65万元": the two rounded totals subtracted; the exact
    // change is 3,355.64万元 — a rounding tail (Q002, 提示), no disagreement (Q001) or wrong word.
    let findings = c["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_eq!(
            (f["rule"].as_str(), f["severity"].as_str()),
            (Some("Q002"), Some("info")),
            "{f}"
        );
        assert_eq!(
            (f["expected"].as_str(), f["actual"].as_str()),
            (Some("3355.64万元"), Some("3355.65万元"))
        );
    }
    // Chart series: trend and 基本/项目.
    let s = &v["series"];
    assert_eq!(s["trend"][0]["values"][0], "156211123");
    assert_eq!(s["trend"][1]["values"][0], "189767551");
    assert_eq!(s["by_basic_project"].as_array().unwrap().len(), 2);
    // The whole comparison as CSV, a golden file.
    let r = yusuan(&["compare", a, b, "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    golden(
        &root().join("fixtures/golden/compare-wanli-2024-2025.csv"),
        &r.stdout,
    );
    let r = yusuan(&["compare", a, b]);
    assert!(
        r.stdout.contains(&format!("共 {} 行", lines.len())),
        "{}",
        r.stdout
    );
}

/// One library document is compared with every other year of its department; a department with
/// one year only gets a clear error.
#[test]
fn one_document_pairs_with_its_department_in_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    let db = db.to_str().unwrap();
    let files = [fixture(B), fixture("000_e54fcd81d7b1024c.txt"), fixture(A)];
    for f in &files {
        let r = yusuan(&["--db", db, "import", f.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let r = yusuan(&["--db", db, "compare", "1", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let docs: Vec<(i64, &str)> = v["comparison"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["year"].as_i64().unwrap(), d["label"].as_str().unwrap()))
        .collect();
    assert_eq!(docs, [(2024, "3"), (2025, "1")]);
    let r = yusuan(&["--db", db, "compare", "2"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("无法比较"), "{}", r.stderr);
}

/// The desk (what the app's `compare_documents` command calls): one id compares every year of
/// its department; the view carries lines, findings and chart series.
#[test]
fn the_desk_compares_for_the_app() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut lib =
            yusuan_api::Library::open(&yusuan_api::LibraryKind::User.path_in(dir.path())).unwrap();
        for f in [A, B] {
            yusuan_api::import_file(&mut lib, &fixture(f), "2026-11-22T00:00:00Z").unwrap();
        }
    }
    let desk = yusuan_api::Desk::open(dir.path()).unwrap();
    let view = desk.compare("user", &[2]).unwrap();
    assert_eq!(
        view.comparison
            .documents
            .iter()
            .map(|d| d.year)
            .collect::<Vec<_>>(),
        [2024, 2025]
    );
    assert_eq!(view.series.trend.len(), 2);
    let w = view.series.waterfall.as_ref().unwrap();
    assert_eq!(
        w.start + w.steps.iter().map(|s| s.1).sum::<Decimal>() + w.other,
        w.end
    );
    assert_eq!(w.steps.len(), 10);
    assert!(desk.compare("user", &[99]).is_err());
    let json = serde_json::to_value(&view).unwrap();
    assert!(
        json["comparison"]["lines"][0]["amounts"][0].is_string(),
        "amounts cross as decimal strings"
    );
}

/// `--format xlsx -o FILE`: the same columns as the CSV, amounts as exact numbers.
#[test]
fn compare_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("比较.xlsx");
    let (a, b) = (fixture(A), fixture(B));
    let r = yusuan(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let csv = yusuan(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "csv",
    ])
    .stdout;
    let lines = yusuan_import::xlsx_lines("比较.xlsx", &std::fs::read(&out).unwrap()).unwrap();
    let rows: Vec<&yusuan_import::Line> = lines
        .iter()
        .filter(|l| !l.cells.is_empty() && !l.text.trim().is_empty())
        .collect();
    assert_eq!(
        rows.len(),
        csv.lines().count() + 1,
        "title line, header and every aligned line"
    );
    let total = rows
        .iter()
        .find(|l| {
            l.cells.first().is_some_and(|c| c == "支出预算总表")
                && l.cells.get(2).is_some_and(|c| c == "合计")
                && l.cells.get(3).is_some_and(|c| c == "支出预算/合计")
        })
        .unwrap();
    assert_eq!(&total.cells[4..7], ["156211123", "189767551", "33556428"]);
    assert!(
        yusuan(&[
            "compare",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "xlsx"
        ])
        .code
            != 0,
        "xlsx needs -o"
    );
}

/// The app's 对比 export: the same lines as the CLI's workbook, headers in Chinese, amounts exact.
#[test]
fn the_desk_exports_the_comparison_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let now = "2026-12-01T00:00:00Z";
    let mut desk = yusuan_api::Desk::open(dir.path()).unwrap();
    let a = desk
        .import_path(&fixture(A), yusuan_api::Yearless::FromFileName, now)
        .id
        .unwrap();
    let b = desk
        .import_path(&fixture(B), yusuan_api::Yearless::FromFileName, now)
        .id
        .unwrap();
    let out = dir.path().join("对比.xlsx");
    let written = desk.export_comparison("user", &[a, b], &out).unwrap();
    assert_eq!(written, out.display().to_string());
    let lines = yusuan_import::xlsx_lines("对比.xlsx", &std::fs::read(&out).unwrap()).unwrap();
    let rows: Vec<&yusuan_import::Line> = lines
        .iter()
        .filter(|l| !l.cells.is_empty() && !l.text.trim().is_empty())
        .collect();
    let shown = desk
        .compare("user", &[a, b])
        .unwrap()
        .comparison
        .lines
        .len();
    assert_eq!(
        rows.len(),
        shown + 2,
        "title line, header and every aligned line"
    );
    assert!(rows.iter().any(|l| l.cells.starts_with(&[
        "表".to_string(),
        "科目编码".into(),
        "行".into(),
        "栏目".into(),
        "2024年（元）".into(),
        "2025年（元）".into(),
        "增减（元）".into()
    ])));
    let total = rows
        .iter()
        .find(|l| {
            l.cells.first().is_some_and(|c| c == "支出预算总表")
                && l.cells.get(2).is_some_and(|c| c == "合计")
                && l.cells.get(3).is_some_and(|c| c == "支出预算/合计")
        })
        .unwrap();
    assert_eq!(&total.cells[4..7], ["156211123", "189767551", "33556428"]);
    // A folder that is not there: a clear error, no file.
    let err = desk
        .export_comparison("user", &[a, b], &dir.path().join("nowhere/对比.xlsx"))
        .unwrap_err();
    assert!(err.to_string().contains("无法写入文件"), "{err}");
}
