//! Seeds 002 (three 绩效目标申报表), 003 (seven 项目经费情况说明 with their forms) and 004 (Hubei
//! 15-table format, 万元, joined codes) through the real CLI, with golden files of every number
//! and hand-written assertions read from the source text.

mod common;

use common::{cell, golden, import_fixture, numbers_tsv, root};
use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_domain::{Document, IndicatorValue, Operator, RegionalFormat, TableKind, Unit};

fn import(name: &str) -> (Document, serde_json::Value) {
    let (doc, report) = import_fixture(name);
    golden(
        &root().join(format!(
            "fixtures/golden/{}.numbers.tsv",
            name.trim_end_matches(".txt")
        )),
        &numbers_tsv(&doc),
    );
    (doc, report)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn seed_002_performance_forms() {
    let (doc, report) = import("002_e0c4b3d6f0f45810.txt");
    assert_eq!(report["unrecognised"].as_array().unwrap().len(), 0);
    assert_eq!(doc.meta.format, RegionalFormat::PerformanceForms);
    assert_eq!(doc.meta.department, "上海市松江区人民政府九里亭街道办事处");
    assert_eq!(doc.meta.year, 2026);
    let f: Vec<(&str, usize, Decimal)> = doc
        .performance_forms
        .iter()
        .map(|f| {
            (
                f.project.as_str(),
                f.indicators.len(),
                f.funds.total.unwrap().value,
            )
        })
        .collect();
    assert_eq!(
        f,
        [
            ("编外人员工作经费", 8, d("36118005.00")),
            ("党群综合服务", 33, d("5721160.00")),
            ("社区自治管理", 7, d("2975000.00"))
        ]
    );
    let first = &doc.performance_forms[0];
    assert_eq!(
        first.implementer.as_deref(),
        Some("上海市松江区九里亭街道社区党群服务中心")
    );
    assert_eq!(first.period.as_deref(), Some("2026-01-01至2026-12-31"));
    assert_eq!(first.funds.total.unwrap().unit, Unit::Yuan);
    assert_eq!(
        first.indicators[0].value,
        IndicatorValue::Measured {
            operator: Operator::Ge,
            value: d("236.00"),
            measure: Some("人".into())
        }
    );
    assert_eq!(
        (
            first.indicators[7].level1.as_str(),
            first.indicators[7].name.as_str()
        ),
        ("满意度指标", "居民满意度")
    );
    // `<p>` tags in the goal text are gone.
    assert!(doc.performance_forms[1]
        .annual_goal
        .as_deref()
        .is_some_and(|g| g.starts_with("完成区域内两新组织党建工作")));
    let last = &doc.performance_forms[1].indicators[32];
    assert_eq!(
        (last.name.as_str(), last.printed.as_str()),
        ("社区居民满意度", "≥90.00(%)")
    );
}

#[test]
fn seed_003_project_descriptions() {
    let (doc, report) = import("003_f631a08b6fb80526.txt");
    assert_eq!(report["warnings"].as_array().unwrap().len(), 0);
    assert_eq!(report["unrecognised"].as_array().unwrap().len(), 0);
    assert_eq!(doc.meta.format, RegionalFormat::ProjectDescriptions);
    // The opening sentence is the 绩效 summary: 7 projects, 725.56万元.
    let perf = doc.stated.performance.as_ref().unwrap();
    assert_eq!(
        (perf.projects, perf.amount.map(|a| a.to_string())),
        (Some(7), Some("725.56万元".into()))
    );
    assert_eq!(doc.meta.department, "中共上海市松江区委组织部");
    let projects: Vec<(&str, usize, String)> = doc
        .projects
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.parts.len(),
                p.total.map(|a| a.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        projects,
        [
            ("干部工作", 7, "66.78万元".to_string()),
            ("党建工作", 7, "198.00万元".into()),
            ("公务员工作", 7, "57.45万元".into()),
            ("业务培训", 7, "87.40万元".into()),
            ("网络信息系统运行与维护", 7, "39.93万元".into()),
            ("党代表工作经费", 7, "1.8万元".into()),
            ("局、处级干部体检费", 7, "274.20万元".into()),
        ]
    );
    // Every itemised budget adds up to its stated total (read against the seed: the numbered
    // items, not their `(1)` details), with the number of items per project.
    for (p, expected_items) in doc.projects.iter().zip([8, 21, 7, 10, 8, 0, 2]) {
        let top: Vec<_> = p
            .parts
            .iter()
            .flat_map(|x| &x.items)
            .filter(|i| i.level == yusuan_domain::ItemLevel::Item)
            .collect();
        assert_eq!(top.len(), expected_items, "{}", p.name);
        if !top.is_empty() {
            let sum: Decimal = top.iter().map(|i| i.amount.to_yuan()).sum();
            assert_eq!(sum, p.total.unwrap().to_yuan(), "{}", p.name);
        }
    }
    // The total is located where it was printed, not at the heading: 274.20万元 on line 621.
    assert_eq!(
        doc.projects[6]
            .total_printed
            .as_ref()
            .map(|(p, l)| (p.as_str(), l.line)),
        Some(("274.20万元", Some(621)))
    );
    let items: Vec<(String, String)> = doc.projects[0]
        .parts
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| i.level == yusuan_domain::ItemLevel::Item)
        .map(|i| (i.label.clone(), i.amount.to_string()))
        .collect();
    assert_eq!(items.len(), 8);
    // The computations inside the items, with unit price and quantity (lines 45–51, 399–405).
    let sums: Vec<(String, String, String)> = doc
        .projects
        .iter()
        .flat_map(|p| &p.parts)
        .flat_map(|p| &p.items)
        .filter(|i| i.level == yusuan_domain::ItemLevel::Computation)
        .filter_map(|i| {
            Some((
                i.unit_price?.to_string(),
                i.quantity?.to_string(),
                i.amount.to_string(),
            ))
        })
        .collect();
    assert_eq!(
        sums[0],
        (
            "4000.00元".to_string(),
            "36".to_string(),
            "14.40万元".to_string()
        )
    );
    assert!(
        sums.contains(&(
            "60.00元".to_string(),
            "2400".to_string(),
            "144000.00元".to_string()
        )),
        "{sums:?}"
    );
    assert_eq!(sums.len(), 7);
    // Every other amount of the descriptions is kept too (level 4), as printed: the 业务培训 split
    // (line 363) and the 党建 split whose second half is printed in 元 where 万元 is meant (line 95).
    let others: Vec<(String, String, Option<u32>)> = doc
        .projects
        .iter()
        .flat_map(|p| &p.parts)
        .flat_map(|p| &p.items)
        .filter(|i| i.level == yusuan_domain::ItemLevel::Mention)
        .map(|i| (i.label.clone(), i.printed.clone(), i.location.line))
        .collect();
    assert!(
        others.contains(&("干部教育工作培训费".into(), "45.90万元".into(), Some(363))),
        "{others:?}"
    );
    assert!(
        others.contains(&("基层党建培训经费".into(), "41.50万元".into(), Some(363))),
        "{others:?}"
    );
    assert!(
        others.contains(&("党建服务中心专项经费".into(), "133.00元".into(), Some(95))),
        "{others:?}"
    );
    assert_eq!(
        items[0],
        ("干部探望慰问".to_string(), "6.00万元".to_string())
    );
    assert_eq!(
        items[3],
        ("干部档案数字化扫描".to_string(), "5.28万元".to_string())
    );
    assert_eq!(doc.performance_forms.len(), 7);
    let f = &doc.performance_forms[0];
    assert_eq!(f.project, "干部工作经费");
    assert_eq!(f.funds.total.unwrap().value, d("667800.00"));
    assert_eq!(
        (
            f.indicators[0].level2.as_str(),
            f.indicators[0].name.as_str()
        ),
        ("经济成本指标", "干部工作相关费用成本可控")
    );
}

#[test]
fn seed_004_hubei_fifteen_tables() {
    let (doc, report) = import("004_dd8ce94d1496a6c0.txt");
    assert_eq!(
        report["unrecognised"].as_array().unwrap().len(),
        0,
        "{}",
        report["unrecognised"]
    );
    assert_eq!(
        report["warnings"].as_array().unwrap().len(),
        0,
        "{}",
        report["warnings"]
    );
    use TableKind::*;
    assert_eq!(doc.meta.format, RegionalFormat::Hubei15);
    assert_eq!(doc.meta.year, 2026);
    assert!(doc.tables.iter().all(|t| t.unit == Unit::WanYuan));
    let numbers: Vec<Option<&str>> = doc.tables.iter().map(|t| t.number.as_deref()).collect();
    // 表 11 (政府采购预算表) is listed in the contents but not printed in the document.
    assert_eq!(
        numbers,
        [
            Some("1"),
            Some("2"),
            Some("3"),
            Some("4"),
            Some("5-1"),
            Some("6"),
            Some("7"),
            Some("8"),
            Some("9"),
            Some("10"),
            Some("12"),
            Some("13"),
            Some("14"),
            Some("15"),
            None
        ]
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "收 入 总 计", "收入/预算数"),
        Some(d("880.84"))
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "十八、住房保障支出", "支出/预算数"),
        Some(d("43.21"))
    );
    assert_eq!(
        cell(&doc, Income, "143001", "本年收入/一般公共预算"),
        Some(d("880.84"))
    );
    assert_eq!(
        cell(&doc, Income, "143001", "上年结转结余/单位资金"),
        Some(d("0.00"))
    );
    assert_eq!(doc.table(Income).unwrap().columns.len(), 17);
    assert_eq!(
        cell(&doc, Expenditure, "2010399", "项目支出"),
        Some(d("417.00"))
    );
    assert_eq!(
        cell(&doc, Expenditure, "合计", "基本支出"),
        Some(d("463.84"))
    );
    assert_eq!(cell(&doc, Expenditure, "合计", "事业单位经营支出"), None);
    assert_eq!(
        cell(&doc, FiscalSummary, "（八）卫生健康支出", "支出/预算数"),
        Some(d("47.91"))
    );
    assert_eq!(
        cell(&doc, GeneralPublicFunction, "2010350", "基本支出/公用经费"),
        Some(d("28.80"))
    );
    assert_eq!(
        cell(&doc, GeneralPublicFunction, "合计", "基本支出/人员经费"),
        Some(d("435.04"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30399",
            "本年一般公共预算基本支出/人员经费"
        ),
        Some(d("7.56"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "302",
            "本年一般公共预算基本支出/公用经费"
        ),
        Some(d("28.80"))
    );
    let t = doc.table(ThreePublic).unwrap();
    assert_eq!(t.rows.len(), 1);
    assert!(t
        .note
        .as_deref()
        .is_some_and(|n| n.contains("无一般公共预算“三公”经费")));
    for k in [
        GovernmentFundFunction,
        StateCapitalFunction,
        PurchasedServices,
    ] {
        let t = doc.table(k).unwrap();
        assert!(t.rows.is_empty() && t.note.is_some(), "{k:?}");
    }
    assert_eq!(
        cell(&doc, Projects, "42010726143T000000100", "合计"),
        Some(d("333.20"))
    );
    // Table 7 (三公, line 272) prints 0.00 in every column, with its 说明; tables 8 and 9 print no
    // rows, only their 说明 (lines 281, 294).
    assert_eq!(
        cell(&doc, ThreePublic, "", "“三公”经费合计"),
        Some(d("0.00"))
    );
    assert_eq!(
        cell(&doc, ThreePublic, "", "公务用车购置及运行费/公务用车运行费"),
        Some(d("0.00"))
    );
    for kind in [ThreePublic, GovernmentFundFunction, StateCapitalFunction] {
        let t = doc.table(kind).unwrap();
        assert!(
            t.note
                .as_deref()
                .is_some_and(|n| n.starts_with("说明：2026 年度本单位无")),
            "{kind:?}: {:?}",
            t.note
        );
    }
    assert_eq!(
        cell(
            &doc,
            Projects,
            "42010726143T000000101",
            "本年拨款/一般公共预算"
        ),
        Some(d("83.80"))
    );
    // The 项目支出绩效目标表 grids are read into forms.
    let forms: Vec<(&str, String, usize)> = doc
        .performance_forms
        .iter()
        .map(|f| {
            (
                f.project.as_str(),
                f.funds.total.map(|a| a.to_string()).unwrap_or_default(),
                f.indicators.len(),
            )
        })
        .collect();
    // Table 14 (整体支出绩效目标表) is the department's own form: its 收入 合计 (line 366) and the
    // two 年度绩效指标 blocks (lines 396–407), each value the 预期当年实现值 column.
    assert_eq!(
        forms,
        [
            (
                "部门整体支出：青山区城市运行管理中心",
                "880.84万元".to_string(),
                8
            ),
            ("网上群众工作部年度费用", "333.2万元".to_string(), 4),
            ("青山区网格员终端服务项目", "83.8万元".to_string(), 4)
        ]
    );
    let whole = &doc.performance_forms[0];
    let firsts: Vec<(&str, &str)> = whole
        .indicators
        .iter()
        .take(4)
        .map(|i| (i.name.as_str(), i.printed.as_str()))
        .collect();
    assert_eq!(
        firsts,
        [
            ("制发群众诉求办理情况月报", "12 期"),
            ("按时办结率", "100%"),
            ("群众诉求受理率", "100%"),
            ("群众满意度", "≥88%")
        ]
    );
    assert_eq!(
        (
            whole.indicators[5].name.as_str(),
            whole.indicators[5].printed.as_str()
        ),
        ("运营商每月提供语音通话时长", "≥1000 分钟")
    );
    let i = &doc.performance_forms[2].indicators[1];
    assert_eq!(
        (i.level2.as_str(), i.name.as_str(), i.printed.as_str()),
        ("数量指标", "运营商每月提供语音通话时长", "≥1000 分钟")
    );
    // Tables 13–15 are grids; their numbers keep their heads and labels, and counts, years,
    // postcodes, phone numbers and shares are not money (read against lines 340–494).
    let numbers = doc.numbers();
    let find = |table: &str, label: &str, column: &str| {
        numbers
            .iter()
            .filter(|n| {
                n.table.starts_with(table) && n.row_label.ends_with(label) && n.column == column
            })
            .map(|n| n.value_yuan)
            .collect::<Vec<_>>()
    };
    assert_eq!(find("表 13", "/碎纸机", "单价(万元)"), [d("1000")]);
    assert_eq!(find("表 13", "/台式计算机", "总金额(万元)"), [d("40000")]);
    assert_eq!(find("表 13", "/台式计算机", "资产数量"), []); // 5 台, a count
    assert_eq!(find("表 14", "收入 构成/财政拨款", "第6列"), [d("8067700")]); // 806.77 in 2025
    assert_eq!(find("表 14", "支出 构成/人员类项目支出", "第5列"), []); // 49%, a share
    assert_eq!(find("表 15", "项目当年预算", "第4列"), [d("3332000")]);
    assert_eq!(find("表 15", "碎纸机", "第4列"), [d("3000")]); // 0.3万元; its 数量 3 is not money
    for not_money in [
        "20260000",
        "4300800000",
        "688651570000",
        "10000",
        "30000",
        "120000",
    ] {
        let hits: Vec<_> = numbers
            .iter()
            .filter(|n| n.table.starts_with("表 1") && n.value_yuan == d(not_money))
            .collect();
        assert!(hits.is_empty(), "{not_money} stored as money: {hits:?}");
    }
    let sections: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(
        sections.iter().any(|s| s.contains("名词解释")),
        "{sections:?}"
    );
    assert!(
        sections.iter().any(|s| s.contains("情况说明")),
        "{sections:?}"
    );
}

#[test]
fn seed_001_space_separated_cells() {
    let (doc, report) = import("001_e395be5bb9699fb6.txt");
    use TableKind::*;
    assert_eq!(doc.meta.department, "嘉定区地区工作办公室");
    assert_eq!(doc.meta.year, 2024);
    assert_eq!(doc.meta.format, RegionalFormat::Shanghai11);
    assert_eq!(doc.tables.len(), 11);
    assert_eq!(doc.tables[1].number.as_deref(), Some("2"));
    assert_eq!(doc.tables[1].title, "2024年部门收入预算总表");
    // Blanks are not printed; the tables' own sums (and sibling tables) place the values.
    assert_eq!(
        cell(&doc, Expenditure, "2120102", "支出预算/项目支出"),
        Some(d("11443950"))
    );
    assert_eq!(
        cell(&doc, Expenditure, "2120102", "支出预算/基本支出"),
        None
    );
    assert_eq!(
        cell(&doc, Expenditure, "2120101", "支出预算/基本支出"),
        Some(d("2441289"))
    );
    assert_eq!(
        cell(&doc, Expenditure, "229", "支出预算/项目支出"),
        Some(d("1160000"))
    );
    assert_eq!(
        cell(
            &doc,
            GovernmentFundFunction,
            "2296002",
            "政府性基金预算支出/项目支出"
        ),
        Some(d("1160000"))
    );
    assert_eq!(
        cell(
            &doc,
            GovernmentFundFunction,
            "合计",
            "政府性基金预算支出/项目支出"
        ),
        Some(d("1160000"))
    );
    assert_eq!(
        cell(&doc, Income, "2210201", "收入预算/财政拨款收入"),
        Some(d("382296"))
    );
    assert_eq!(cell(&doc, Income, "2210201", "收入预算/事业收入"), None);
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30228",
            "一般公共预算基本支出/公用经费"
        ),
        Some(d("68133"))
    );
    assert_eq!(
        cell(
            &doc,
            GeneralPublicBasicEconomic,
            "30302",
            "一般公共预算基本支出/人员经费"
        ),
        Some(d("50280"))
    );
    assert_eq!(
        cell(
            &doc,
            ExpenditureByUnit,
            "上海市嘉定区社会建设工作事务中心",
            "基本支出/公用经费"
        ),
        Some(d("106353"))
    );
    assert_eq!(
        cell(
            &doc,
            ExpenditureByUnit,
            "上海市嘉定区社会建设工作事务中心",
            "项目支出"
        ),
        None
    );
    assert_eq!(
        cell(&doc, FinancialSummary, "2、政府性基金", "本年收入/预算数"),
        Some(d("1160000"))
    );
    assert_eq!(
        cell(
            &doc,
            FiscalSummary,
            "一、一般公共预算资金",
            "财政拨款收入/预算数"
        ),
        Some(d("16701071"))
    );
    // The 三公 row prints 0.50 0.50 31.80 for seven columns: the table's sums leave 因公出国 or
    // 公务接待 for the second 0.50; the narrative (公务接待费预算0.5万元, 因公出国（境）费预算0万元,
    // 机关运行经费预算为31.8万元, lines 630–647) decides.
    assert_eq!(
        cell(&doc, ThreePublic, "", "“三公”经费预算数/公务接待费"),
        Some(d("0.50"))
    );
    assert_eq!(
        cell(&doc, ThreePublic, "", "“三公”经费预算数/因公出国(境)费"),
        None
    );
    assert_eq!(
        cell(&doc, ThreePublic, "", "机关运行经费预算数"),
        Some(d("31.80"))
    );
    // The 财政拨款收支总表's 支出 side prints fewer numbers than columns (lines 371–384): each
    // row names a 功能类, and the fund tables give the class's amount in each fund, so
    // `五、其他支出 1,160,000 1,160,000` is 合计 and 政府性基金 (line 382), not 一般公共预算.
    assert_eq!(
        cell(
            &doc,
            FiscalSummary,
            "五、其他支出",
            "财政拨款支出/政府性基金预算"
        ),
        Some(d("1160000"))
    );
    assert_eq!(
        cell(
            &doc,
            FiscalSummary,
            "五、其他支出",
            "财政拨款支出/一般公共预算"
        ),
        None
    );
    assert_eq!(
        cell(
            &doc,
            FiscalSummary,
            "一、社会保障和就业支出",
            "财政拨款支出/一般公共预算"
        ),
        Some(d("636140"))
    );
    // Nothing is left undecided.
    let warnings: Vec<String> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(warnings.len(), 0, "{warnings:?}");
    // Everything is understood: the repeated 重点项目经费情况说明 heading (line 703) heads the
    // 绩效目标填报表 that follow it (it was left unrecognised before).
    let unrecognised = report["unrecognised"].as_array().unwrap();
    assert!(unrecognised.is_empty(), "{unrecognised:?}");
    assert_eq!(doc.projects.len(), 1);
    assert_eq!(
        doc.projects[0].total.map(|a| a.to_string()).as_deref(),
        Some("64.705万元")
    );
    // The space-separated 绩效目标填报表, names wrapped over lines.
    let f = &doc.performance_forms[0];
    assert_eq!(
        (f.project.as_str(), f.funds.total.unwrap().value),
        ("培训经费", d("647050.00"))
    );
    let names: Vec<&str> = f.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names.len(), 10);
    assert_eq!(names[8], "社区自治项目考核评比机制");
    assert_eq!(f.indicators[8].printed, "健全");
    let notes: Vec<&str> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["message"].as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("三公") && n.contains("文字说明")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("财政拨款收支预算总表") && n.contains("功能类")),
        "{notes:?}"
    );
}
