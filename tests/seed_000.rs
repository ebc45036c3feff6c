//! Seed 000 (中共上海市委社会工作部, 2026, Shanghai 11 tables) through the real CLI:
//! init → import → list → show --format json, with every number of every table asserted.

mod common;

use common::{cell, fixture, golden, numbers_tsv, root, yusuan};
use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_domain::{Document, LedgerSide, RegionalFormat, TableKind, Unit};

const SEED: &str = "000_e54fcd81d7b1024c.txt";

fn imported() -> (tempfile::TempDir, String, Document) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db").display().to_string();
    let r = yusuan(&["--db", &db, "init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = yusuan(&["--db", &db, "import", fixture(SEED).to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("已导入为文档 1"), "{}", r.stdout);
    let r = yusuan(&["--db", &db, "show", "1", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Document = serde_json::from_str(&r.stdout).unwrap();
    (dir, db, doc)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn every_number_matches_the_golden_file() {
    let (_dir, _db, doc) = imported();
    golden(
        &root().join("fixtures/golden/000_e54fcd81d7b1024c.numbers.tsv"),
        &numbers_tsv(&doc),
    );
    assert_eq!(doc.numbers().len(), 275);
}

#[test]
fn cover_contents_units_sections_projects() {
    let (_dir, _db, doc) = imported();
    assert_eq!(doc.meta.title, "上海市2026年市级部门预算");
    assert_eq!(doc.meta.department, "中共上海市委社会工作部");
    assert_eq!(doc.meta.year, 2026);
    assert_eq!(doc.meta.format, RegionalFormat::Shanghai11);
    assert_eq!(doc.meta.published.as_deref(), Some("2026年2月"));
    assert_eq!(doc.contents.len(), 18);
    assert_eq!(doc.contents[5].title, "2026年部门财务收支预算总表");
    let units: Vec<&str> = doc.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        units,
        ["中共上海市委社会工作部本部", "上海市社会工作发展服务中心"]
    );
    // 行政单位1家, 事业单位1家 (line 54): the 本部 is 行政, the 中心 事业.
    let kinds: Vec<yusuan_domain::UnitKind> = doc.units.iter().map(|u| u.kind).collect();
    assert_eq!(
        kinds,
        [
            yusuan_domain::UnitKind::Administrative,
            yusuan_domain::UnitKind::Institution
        ]
    );
    // 行政单位1家, 事业单位1家: counted, but which unit is which the text does not say.
    let c = doc.stated.unit_counts.as_ref().unwrap();
    assert_eq!(
        (c.administrative, c.civil_service, c.institutions),
        (1, 0, 1)
    );
    let sections: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sections,
        [
            "中共上海市委社会工作部（部门）主要职能",
            "中共上海市委社会工作部（部门）机构设置",
            "名词解释",
            "2026年部门预算编制说明",
            "其他相关情况说明"
        ]
    );
    assert!(doc.sections[3].paragraphs[0]
        .text
        .starts_with("2026年，中共上海市委社会工作部收入预算6,864万元"));
    let projects: Vec<&str> = doc.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(projects, ["办公用房修缮及装修项目", "信息工作项目"]);
    for p in &doc.projects {
        assert_eq!(p.parts.len(), 7, "{}", p.name);
    }
    // Stated totals: 共计约2829.55万元; 项目金额：25万元.
    let totals: Vec<String> = doc
        .projects
        .iter()
        .map(|p| p.total.map(|a| a.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(totals, ["2829.55万元", "25万元"]);
    // The 绩效目标 parts print indicators as run-on text: 7 and 3 indicators.
    let forms: Vec<(&str, usize)> = doc
        .performance_forms
        .iter()
        .map(|f| (f.project.as_str(), f.indicators.len()))
        .collect();
    assert_eq!(forms, [("办公用房修缮及装修项目", 7), ("信息工作项目", 3)]);
    // 其他相关情况说明: 政府采购 with its parts, the 绩效 summary, the 国有资产 counts.
    let p = doc.stated.procurement.as_ref().unwrap();
    let parts: Vec<String> = [
        Some(p.total),
        p.goods,
        p.works,
        p.services,
        p.reserved_for_small_firms,
    ]
    .iter()
    .map(|a| a.map(|a| a.to_string()).unwrap_or_default())
    .collect();
    assert_eq!(
        parts,
        [
            "1382.56万元",
            "20.02万元",
            "1004.84万元",
            "357.71万元",
            "0.00万元"
        ]
    );
    let perf = doc.stated.performance.as_ref().unwrap();
    assert_eq!(
        (
            perf.units,
            perf.projects,
            perf.amount.map(|a| a.to_string())
        ),
        (Some(2), Some(17), Some("3196.78万元".into()))
    );
    let assets = doc.stated.assets.as_ref().unwrap();
    assert_eq!(
        (
            assets.vehicles,
            assets.costly_equipment,
            assets.vehicles_to_buy
        ),
        (Some(0), Some(0), Some(0))
    );
    assert!(doc.unrecognised.is_empty(), "{:?}", doc.unrecognised);
    let titles: Vec<(Option<&str>, TableKind)> = doc
        .tables
        .iter()
        .map(|t| (t.number.as_deref(), t.kind))
        .collect();
    assert_eq!(titles.len(), 11);
    assert_eq!(titles[0], (Some("1"), TableKind::FinancialSummary));
    assert_eq!(titles[10], (Some("11"), TableKind::ThreePublic));
}

#[test]
fn sample_cells_of_every_table() {
    let (_dir, _db, doc) = imported();
    use TableKind::*;
    // 1 财务收支预算总表: two-sided.
    let t = doc.table(FinancialSummary).unwrap();
    let income: Vec<&str> = t
        .rows
        .iter()
        .filter(|r| r.side == Some(LedgerSide::Income))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        income,
        [
            "一、财政拨款收入",
            "1. 一般公共预算",
            "2. 政府性基金预算",
            "3. 国有资本经营预算",
            "二、事业收入",
            "三、事业单位经营收入",
            "四、其他收入",
            "收入总计"
        ]
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "收入总计", "本年收入/预算数"),
        Some(d("68643213"))
    );
    assert_eq!(
        cell(
            &doc,
            FinancialSummary,
            "四、住房保障支出",
            "本年支出/预算数"
        ),
        Some(d("5363528"))
    );
    assert_eq!(
        cell(
            &doc,
            FinancialSummary,
            "2. 政府性基金预算",
            "本年收入/预算数"
        ),
        None
    );
    // 2 收入预算总表
    assert_eq!(
        cell(&doc, Income, "2013999", "收入预算/财政拨款收入"),
        Some(d("26266891"))
    );
    assert_eq!(
        cell(&doc, Income, "2101102", "收入预算/合计"),
        Some(d("474290"))
    );
    assert_eq!(cell(&doc, Income, "合计", "收入预算/事业收入"), None);
    assert_eq!(doc.table(Income).unwrap().rows.len(), 21);
    // 3 支出预算总表
    assert_eq!(
        cell(&doc, Expenditure, "2013901", "支出预算/基本支出"),
        Some(d("20492868"))
    );
    assert_eq!(
        cell(&doc, Expenditure, "2013901", "支出预算/项目支出"),
        Some(d("5370928"))
    );
    assert_eq!(
        cell(&doc, Expenditure, "合计", "支出预算/项目支出"),
        Some(d("32097819"))
    );
    // 4 支出预算分单位明细表
    assert_eq!(
        cell(
            &doc,
            ExpenditureByUnit,
            "上海市社会工作发展服务中心",
            "基本支出/公用经费"
        ),
        Some(d("1820658"))
    );
    assert_eq!(
        cell(&doc, ExpenditureByUnit, "合计", "项目支出"),
        Some(d("32097819"))
    );
    // 5 财政拨款收支预算总表
    assert_eq!(
        cell(&doc, FiscalSummary, "支出总计", "财政拨款支出/一般公共预算"),
        Some(d("68643213"))
    );
    assert_eq!(
        cell(&doc, FiscalSummary, "三、卫生健康支出", "财政拨款支出/合计"),
        Some(d("1928968"))
    );
    // 6 财政拨款支出预算明细表
    assert_eq!(
        cell(
            &doc,
            FiscalByUnit,
            "中共上海市委社会工作部",
            "财政拨款支出/基本支出/人员经费"
        ),
        Some(d("24738939"))
    );
    // 7 一般公共预算支出功能分类预算表
    assert_eq!(
        cell(
            &doc,
            GeneralPublicFunction,
            "22102",
            "一般公共预算支出/合计"
        ),
        Some(d("5363528"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicFunction,
            "2109999",
            "一般公共预算支出/项目支出"
        ),
        Some(d("30000"))
    );
    // 8, 9: empty fund tables, printed with their 合计 row only.
    for kind in [GovernmentFundFunction, StateCapitalFunction] {
        let t = doc.table(kind).unwrap();
        assert_eq!(t.rows.len(), 1, "{kind:?}");
        assert_eq!(t.rows[0].label, "合计");
        assert_eq!(t.amount_count(), 0);
        assert_eq!(t.columns.len(), 3);
    }
    // 10 一般公共预算基本支出部门预算经济分类预算表: the header of its first page is misaligned.
    let t = doc.table(GeneralPublicBasicEconomic).unwrap();
    let cols: Vec<String> = t.columns.iter().map(|c| c.name()).collect();
    assert_eq!(
        cols,
        [
            "一般公共预算基本支出/合计",
            "一般公共预算基本支出/人员经费",
            "一般公共预算基本支出/公用经费"
        ]
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30217",
            "一般公共预算基本支出/公用经费"
        ),
        Some(d("55000"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30217",
            "一般公共预算基本支出/人员经费"
        ),
        None
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "301",
            "一般公共预算基本支出/人员经费"
        ),
        Some(d("29674875"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "31002",
            "一般公共预算基本支出/合计"
        ),
        Some(d("160000"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "合计",
            "一般公共预算基本支出/公用经费"
        ),
        Some(d("6870518"))
    );
    assert_eq!(t.rows.len(), 36);
    // Line 296 lost its empty 人员经费 cell in extraction; the 款 rows below decide the column.
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "302",
            "一般公共预算基本支出/公用经费"
        ),
        Some(d("6710518"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "302",
            "一般公共预算基本支出/人员经费"
        ),
        None
    );
    // 11 三公: in 万元.
    let t = doc.table(ThreePublic).unwrap();
    assert_eq!(t.unit, Unit::WanYuan);
    let r = &t.rows[0];
    let printed: Vec<String> = r
        .cells
        .iter()
        .map(|c| c.amount().map(|v| v.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        printed,
        ["62.10", "49.60", "5.50", "7.00", "", "7.00", "504.99"]
    );
    assert_eq!(
        t.columns[5].name(),
        "“三公”经费预算数/公务用车购置及运行费/运行费"
    );
    let n = doc.numbers();
    let op = n.iter().find(|e| e.column == "机关运行经费预算数").unwrap();
    assert_eq!(op.value_yuan, d("5049900"));
}

#[test]
fn list_shows_the_document_and_the_store_keeps_every_amount() {
    let (_dir, db, doc) = imported();
    let r = yusuan(&["--db", &db, "list", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["department"], "中共上海市委社会工作部");
    assert_eq!(v[0]["format"], "上海11张表");
    assert_eq!(v[0]["tables"], 11);
    assert_eq!(v[0]["amounts"], 259);
    let store = yusuan_store::Store::open(std::path::Path::new(&db)).unwrap();
    let rows = store.amount_rows(1).unwrap();
    // The store keeps the tables' amounts in long form (the narrative's numbers live in the model).
    let titles: Vec<&str> = doc.tables.iter().map(|t| t.title.as_str()).collect();
    let from_model: Vec<(String, String, String)> = doc
        .numbers()
        .into_iter()
        .filter(|n| titles.contains(&n.table.as_str()))
        .map(|n| (n.row_label, n.column, n.value_yuan.to_string()))
        .collect();
    assert_eq!(rows, from_model);
}

#[test]
fn importing_twice_is_detected() {
    let (_dir, db, _doc) = imported();
    let r = yusuan(&["--db", &db, "import", fixture(SEED).to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("已导入过（文档编号 1）"), "{}", r.stdout);
    let r = yusuan(&["--db", &db, "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}
