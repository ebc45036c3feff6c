//! Each rule on small made-up tables (positive and negative), and docs/rules.md kept in sync
//! with the registry.

use rust_decimal::Decimal;
use yusuan_check::{check, rules_markdown, Severity};
use yusuan_domain::{
    Cell, Column, DocKind, Document, DocumentMeta, FunctionCode, LedgerSide, Location,
    ProjectPartKind, RegionalFormat, Row, RowCode, Scope, Table, TableKind, Unit,
};

/// A printed cell: blank for "", else the amount as printed (thousands separators allowed).
fn amount(v: &str) -> Cell {
    if v.is_empty() {
        Cell::Blank
    } else {
        Cell::Amount {
            value: v.replace(',', "").parse::<Decimal>().unwrap(),
            printed: v.into(),
        }
    }
}

fn row(code: Option<&str>, label: &str, vals: &[&str]) -> Row {
    Row {
        code: code.map(|c| RowCode::Function(FunctionCode::parse(c).unwrap())),
        label: label.into(),
        side: None,
        cells: vals.iter().map(|v| amount(v)).collect(),
        location: Location::line(1),
    }
}

/// A row of one side of a two-sided (收入 | 支出) summary table.
fn side_row(label: &str, side: LedgerSide, vals: &[&str]) -> Row {
    Row {
        side: Some(side),
        location: Location::line(9),
        ..row(None, label, vals)
    }
}

fn doc(tables: Vec<Table>) -> Document {
    let mut d = Document::new(DocumentMeta {
        title: "测试".into(),
        department: "测试部门".into(),
        year: 2026,
        kind: DocKind::Budget,
        scope: Scope::Department,
        format: RegionalFormat::Shanghai11,
        region: None,
        published: None,
    });
    d.tables = tables;
    d
}

fn expenditure(unit: Unit, rows: Vec<Row>) -> Table {
    Table {
        title: "2026年部门支出预算总表".into(),
        number: None,
        kind: TableKind::Expenditure,
        unit,
        compiled_by: None,
        columns: ["合计", "基本支出", "项目支出"]
            .iter()
            .map(|c| Column {
                path: vec!["支出预算".into(), c.to_string()],
            })
            .collect(),
        rows,
        note: None,
        location: Location::default(),
    }
}

fn rules_of(d: &Document) -> Vec<(&'static str, Severity)> {
    check(d).into_iter().map(|f| (f.rule, f.severity)).collect()
}

#[test]
fn t001_row_total_equals_its_parts() {
    let ok = doc(vec![expenditure(
        Unit::Yuan,
        vec![row(Some("2013901"), "行政运行", &["30", "10", "20"])],
    )]);
    assert!(rules_of(&ok).is_empty());
    let one_yuan_off = doc(vec![expenditure(
        Unit::Yuan,
        vec![row(Some("2013901"), "行政运行", &["31", "10", "20"])],
    )]);
    assert_eq!(rules_of(&one_yuan_off), [("T001", Severity::Error)]);
    let f = &check(&one_yuan_off)[0];
    assert_eq!(
        (f.expected.as_deref(), f.actual.as_deref()),
        (Some("30元"), Some("31元"))
    );
    // In 万元 a 0.01 tail is a hint; more is an error.
    let tail = doc(vec![expenditure(
        Unit::WanYuan,
        vec![row(
            Some("2013901"),
            "行政运行",
            &["30.01", "10.00", "20.00"],
        )],
    )]);
    assert_eq!(rules_of(&tail), [("T001", Severity::Info)]);
    let wrong = doc(vec![expenditure(
        Unit::WanYuan,
        vec![row(
            Some("2013901"),
            "行政运行",
            &["30.50", "10.00", "20.00"],
        )],
    )]);
    assert_eq!(rules_of(&wrong), [("T001", Severity::Error)]);
}

#[test]
fn t002_class_equals_the_sum_of_its_items() {
    let rows = |k: &str| {
        vec![
            row(Some("201"), "一般公共服务支出", &[k, k, ""]),
            row(Some("20139"), "社会工作事务", &["30", "30", ""]),
            row(Some("2013901"), "行政运行", &["10", "10", ""]),
            row(Some("2013950"), "事业运行", &["20", "20", ""]),
            row(None, "合计", &[k, k, ""]),
        ]
    };
    assert!(rules_of(&doc(vec![expenditure(Unit::Yuan, rows("30"))])).is_empty());
    let found = rules_of(&doc(vec![expenditure(Unit::Yuan, rows("31"))]));
    // 201 ≠ Σ款 in two columns; the 合计 row equals Σ类 (both 31).
    assert_eq!(
        found,
        [("T002", Severity::Error), ("T002", Severity::Error)]
    );
}

#[test]
fn t003_income_total_equals_expenditure_total() {
    let table = |exp: &str| Table {
        title: "2026年部门财务收支预算总表".into(),
        number: None,
        kind: TableKind::FinancialSummary,
        unit: Unit::Yuan,
        compiled_by: None,
        columns: vec![
            Column {
                path: vec!["本年收入".into(), "预算数".into()],
            },
            Column {
                path: vec!["本年支出".into(), "预算数".into()],
            },
        ],
        rows: vec![
            side_row("收入总计", LedgerSide::Income, &["100", ""]),
            side_row("支出总计", LedgerSide::Expenditure, &["", exp]),
        ],
        note: None,
        location: Location::default(),
    };
    assert!(rules_of(&doc(vec![table("100")])).is_empty());
    assert_eq!(
        rules_of(&doc(vec![table("99")])),
        [("T003", Severity::Error)]
    );
}

/// A three-sided 收支预算总表 in 万元 as Jiangsu prints it: 收入 | 支出 by 功能分类 | 支出 by 支出用途.
fn jiangsu_summary(reserve: &str) -> Table {
    use LedgerSide::{Expenditure as E, Income as I};
    Table {
        title: "收支预算总表".into(),
        number: None,
        kind: TableKind::FinancialSummary,
        unit: Unit::WanYuan,
        compiled_by: None,
        columns: [
            ["收入", "金额"],
            ["支出", "功能分类/金额"],
            ["支出", "支出用途/金额"],
        ]
        .iter()
        .map(|p| Column {
            path: p.iter().map(|s| s.to_string()).collect(),
        })
        .collect(),
        rows: vec![
            side_row("一、财政拨款", I, &["10,070.48", "", ""]),
            side_row("二、其他资金", I, &["80.00", "", ""]),
            side_row("一、一般公共服务支出", E, &["", "7,827.46", ""]),
            side_row("二、住房保障支出", E, &["", "2,323.02", ""]),
            side_row("一、基本支出", E, &["", "", "5,678.17"]),
            side_row("二、项目支出", E, &["", "", "3,314.68"]),
            side_row("三、单位预留机动经费", E, &["", "", reserve]),
            side_row("收入合计", I, &["10,150.48", "", ""]),
            side_row("当年支出小计", E, &["", "10,150.48", "10,150.48"]),
        ],
        note: None,
        location: Location::default(),
    }
}

#[test]
fn t005_each_sides_items_add_up_to_its_total() {
    assert!(rules_of(&doc(vec![(jiangsu_summary("1,157.63"))])).is_empty());
    // 单位预留机动经费 misprinted: the 支出用途 items no longer make the 当年支出小计; the 功能分类
    // column and the 收入 side still do.
    let f = check(&doc(vec![(jiangsu_summary("1,157.36"))]));
    assert_eq!(
        f.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>(),
        [("T005", Severity::Error)]
    );
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("10150.21万元"), Some("10150.48万元"))
    );
    // A 万元 rounding tail is a 提示.
    assert_eq!(
        rules_of(&doc(vec![(jiangsu_summary("1,157.64"))])),
        [("T005", Severity::Info)]
    );
}

#[test]
fn rules_md_is_generated_from_the_registry() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let md = rules_markdown();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &md).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        md,
        "run UPDATE_GOLDEN=1 cargo test -p yusuan-check"
    );
}

#[test]
fn t004_tables_listed_in_the_contents_are_printed() {
    let mut d = doc(vec![expenditure(
        Unit::Yuan,
        vec![row(Some("2013901"), "行政运行", &["30", "10", "20"])],
    )]);
    d.contents = vec![yusuan_domain::ContentsEntry {
        number: Some("3".into()),
        title: "2026年部门支出预算总表".into(),
        level: 1,
    }];
    assert!(rules_of(&d).is_empty());
    d.contents.push(yusuan_domain::ContentsEntry {
        number: Some("十一".into()),
        title: "政府采购预算表".into(),
        level: 1,
    });
    assert_eq!(rules_of(&d), [("T004", Severity::Error)]);
    // A narrative without tables that says its tables are attached (Jiangsu publishes them as a
    // file of their own): not missing. Without those words, or with tables of its own: missing.
    let mut narrative = doc(vec![]);
    narrative.contents = d.contents.clone();
    assert_eq!(
        rules_of(&narrative),
        [("T004", Severity::Error), ("T004", Severity::Error)]
    );
    narrative.unrecognised.push(yusuan_domain::Unrecognised {
        text: "2026年度部门预算公开表附后。".into(),
        location: Location::line(40),
    });
    assert!(rules_of(&narrative).is_empty());
    d.unrecognised = narrative.unrecognised.clone();
    assert_eq!(rules_of(&d), [("T004", Severity::Error)]);
    // Its title printed in the body (a line not read as a table's, `十一、政府采购预算表`): a layout
    // not read, a 提示 — never the document's missing table. A sentence naming it is no title.
    d.unrecognised.push(yusuan_domain::Unrecognised {
        text: "详见附表，本部门2026年安排的政府采购预算表中的各项均按规定编列。".into(),
        location: Location::line(60),
    });
    assert_eq!(rules_of(&d), [("T004", Severity::Error)]);
    d.unrecognised.push(yusuan_domain::Unrecognised {
        text: "十一、政府采购预算表".into(),
        location: Location::line(61),
    });
    assert_eq!(rules_of(&d), [("T004", Severity::Info)]);
}

/// A made-up table of `kind` with columns `group/name…`.
fn table(kind: TableKind, unit: Unit, group: &str, names: &[&str], rows: Vec<Row>) -> Table {
    Table {
        title: format!("2026年{}", kind.label()),
        number: None,
        kind,
        unit,
        compiled_by: None,
        columns: names
            .iter()
            .map(|c| Column {
                path: vec![group.into(), c.to_string()],
            })
            .collect(),
        rows,
        note: None,
        location: Location::default(),
    }
}

fn eco_row(code: &str, label: &str, vals: &[&str]) -> Row {
    Row {
        code: Some(RowCode::Economic(
            yusuan_domain::EconomicCode::parse(code).unwrap(),
        )),
        ..row(None, label, vals)
    }
}

#[test]
fn x001_income_and_expenditure_agree_per_code() {
    let income = |v: &str| {
        table(
            TableKind::Income,
            Unit::Yuan,
            "收入预算",
            &["合计", "财政拨款收入"],
            vec![row(Some("2013901"), "行政运行", &[v, v])],
        )
    };
    let exp = expenditure(
        Unit::Yuan,
        vec![row(Some("2013901"), "行政运行", &["30", "10", "20"])],
    );
    assert!(rules_of(&doc(vec![income("30"), exp.clone()])).is_empty());
    assert_eq!(
        rules_of(&doc(vec![income("31"), exp])),
        [("X001", Severity::Error)]
    );
}

/// Issue 23, class 5: a total printed without decimals (`20849` 万元) against the same total
/// printed to the fen elsewhere (`20849.45`) was rounded where it was printed: a 提示, never a
/// 错误; a difference beyond that rounding stays one.
#[test]
fn x001_a_total_printed_without_decimals_is_compared_at_its_precision() {
    let income = |v: &str| {
        table(
            TableKind::Income,
            Unit::WanYuan,
            "收入预算",
            &["合计", "财政拨款收入"],
            vec![row(Some("2013901"), "行政运行", &[v, v])],
        )
    };
    let exp = expenditure(
        Unit::WanYuan,
        vec![row(
            Some("2013901"),
            "行政运行",
            &["20849.45", "10000.00", "10849.45"],
        )],
    );
    assert_eq!(
        rules_of(&doc(vec![income("20849"), exp.clone()])),
        [("X001", Severity::Info)]
    );
    assert_eq!(
        rules_of(&doc(vec![income("20850.45"), exp.clone()])),
        [("X001", Severity::Error)]
    );
    assert_eq!(
        rules_of(&doc(vec![income("20851"), exp])),
        [("X001", Severity::Error)]
    );
}

#[test]
fn x002_financial_summary_matches_the_totals() {
    let side = |label: &str, side: LedgerSide, v: &str| Row {
        side: Some(side),
        ..row(None, label, &[v])
    };
    let fs = |v: &str| Table {
        rows: vec![
            side("收入总计", LedgerSide::Income, v),
            side("支出总计", LedgerSide::Expenditure, v),
        ],
        ..table(
            TableKind::FinancialSummary,
            Unit::Yuan,
            "本年收入",
            &["预算数"],
            vec![],
        )
    };
    let exp = expenditure(Unit::Yuan, vec![row(None, "合计", &["30", "10", "20"])]);
    assert!(rules_of(&doc(vec![fs("30"), exp.clone()])).is_empty());
    assert_eq!(
        rules_of(&doc(vec![fs("31"), exp])),
        [("X002", Severity::Error)]
    );
}

#[test]
fn x003_basic_expenditure_matches_the_economic_table() {
    let f = table(
        TableKind::GeneralPublicFunction,
        Unit::Yuan,
        "一般公共预算支出",
        &["合计", "基本支出", "项目支出"],
        vec![row(None, "合计", &["30", "10", "20"])],
    );
    let e = |v: &str| {
        table(
            TableKind::GeneralPublicBasicEconomic,
            Unit::Yuan,
            "一般公共预算基本支出",
            &["合计", "人员经费", "公用经费"],
            vec![row(None, "合计", &[v, v, "0"])],
        )
    };
    assert!(rules_of(&doc(vec![f.clone(), e("10")])).is_empty());
    assert_eq!(
        rules_of(&doc(vec![f, e("11")])),
        [("X003", Severity::Error)]
    );
}

#[test]
fn x004_fiscal_tables_within_the_expenditure_table() {
    let exp = expenditure(
        Unit::Yuan,
        vec![row(Some("2013901"), "行政运行", &["30", "10", "20"])],
    );
    let gp = |v: &[&str]| {
        table(
            TableKind::GeneralPublicFunction,
            Unit::Yuan,
            "一般公共预算支出",
            &["合计", "基本支出", "项目支出"],
            vec![row(Some("2013901"), "行政运行", v)],
        )
    };
    let income = |fiscal: &str, other: &str| {
        table(
            TableKind::Income,
            Unit::Yuan,
            "收入预算",
            &["合计", "财政拨款收入", "事业收入"],
            vec![row(None, "合计", &["30", fiscal, other])],
        )
    };
    // Part of the money is 事业收入: the fiscal tables may be smaller, never larger.
    assert!(rules_of(&doc(vec![
        exp.clone(),
        gp(&["25", "10", "15"]),
        income("25", "5")
    ]))
    .iter()
    .all(|r| r.0 != "X004"));
    assert!(rules_of(&doc(vec![
        exp.clone(),
        gp(&["35", "10", "25"]),
        income("25", "5")
    ]))
    .contains(&("X004", Severity::Error)));
    // All income is 财政拨款: equal.
    assert!(rules_of(&doc(vec![
        exp.clone(),
        gp(&["30", "10", "20"]),
        income("30", "0")
    ]))
    .iter()
    .all(|r| r.0 != "X004"));
    assert!(
        rules_of(&doc(vec![exp, gp(&["25", "10", "15"]), income("30", "0")]))
            .contains(&("X004", Severity::Error))
    );
}

#[test]
fn x005_units_add_up_to_the_department() {
    let by_unit = |v: &str| {
        table(
            TableKind::ExpenditureByUnit,
            Unit::Yuan,
            "支出",
            &["合计", "基本支出", "项目支出"],
            vec![row(None, "合计", &[v, "10", "20"])],
        )
    };
    let exp = expenditure(Unit::Yuan, vec![row(None, "合计", &["30", "10", "20"])]);
    assert!(rules_of(&doc(vec![by_unit("30"), exp.clone()]))
        .iter()
        .all(|r| r.0 != "X005"));
    assert!(rules_of(&doc(vec![by_unit("31"), exp])).contains(&("X005", Severity::Error)));
}

#[test]
fn x006_x007_three_public_against_the_economic_table() {
    let tp = |reception: &str, running: &str| {
        let mut t = table(
            TableKind::ThreePublic,
            Unit::WanYuan,
            "“三公”经费预算数",
            &["合计", "公务接待费"],
            vec![row(None, "", &[reception, reception, running])],
        );
        t.columns.push(Column {
            path: vec!["机关运行经费预算数".into()],
        });
        t
    };
    let eco = table(
        TableKind::GeneralPublicBasicEconomic,
        Unit::Yuan,
        "一般公共预算基本支出",
        &["合计", "人员经费", "公用经费"],
        vec![
            row(None, "合计", &["500000", "300000", "200000"]),
            eco_row("30217", "公务接待费", &["20000", "", "20000"]),
        ],
    );
    assert!(rules_of(&doc(vec![tp("2.00", "20.00"), eco.clone()])).is_empty());
    assert_eq!(
        rules_of(&doc(vec![tp("1.35", "20.00"), eco.clone()])),
        [("X006", Severity::Warning)]
    );
    assert_eq!(
        rules_of(&doc(vec![tp("2.00", "25.00"), eco])),
        [("X007", Severity::Warning)]
    );
}

/// A document with one narrative section of these paragraphs (of no regional template, so the
/// template's sections are not asked for).
fn with_text(mut d: Document, paragraphs: &[&str]) -> Document {
    d.meta.format = RegionalFormat::Other("测试".into());
    d.sections.push(yusuan_domain::Section {
        kind: yusuan_domain::SectionKind::BudgetExplanation,
        title: "2026年部门预算编制说明".into(),
        paragraphs: paragraphs
            .iter()
            .enumerate()
            .map(|(k, t)| yusuan_domain::Paragraph {
                text: t.to_string(),
                location: Location::line(100 + k as u32),
            })
            .collect(),
        location: Location::line(99),
    });
    d
}

fn totals_doc() -> Document {
    let income = table(
        TableKind::Income,
        Unit::Yuan,
        "收入预算",
        &["合计", "财政拨款收入", "事业收入"],
        vec![row(None, "合计", &["68643213", "68643213", "0"])],
    );
    let exp = expenditure(
        Unit::Yuan,
        vec![
            row(None, "合计", &["68643213", "61566618", "7076595"]),
            row(
                Some("201"),
                "一般公共服务支出",
                &["57791200", "50714605", "7076595"],
            ),
            row(
                Some("208"),
                "社会保障和就业支出",
                &["10852013", "10852013", "0"],
            ),
        ],
    );
    doc(vec![income, exp])
}

#[test]
fn n001_narrative_amounts_match_the_tables() {
    let ok = with_text(totals_doc(), &["2026年，本部门收入预算6,864.32万元，其中：财政拨款收入6,864万元；事业收入0万元。支出预算6,864.32万元。", "1.“一般公共服务支出”科目5,779.12万元。"]);
    assert!(rules_of(&ok).is_empty(), "{:?}", check(&ok));
    let wrong = with_text(totals_doc(), &["2026年，本部门收入预算6,964.32万元。"]);
    assert_eq!(rules_of(&wrong), [("N001", Severity::Error)]);
    let f = &check(&wrong)[0];
    assert_eq!(
        (f.expected.as_deref(), f.actual.as_deref()),
        (Some("6864.32万元"), Some("6,964.32万元"))
    );
    // One unit in the last printed digit off: a hint.
    let tail = with_text(totals_doc(), &["本部门支出预算6,864.33万元。"]);
    assert_eq!(rules_of(&tail), [("N001", Severity::Info)]);
    // An amount after 增加/减少 is a change, not a level; unknown names are left alone.
    let change = with_text(
        totals_doc(),
        &["支出预算6,864.32万元，比2025年预算增加1,491万元，主要原因是新设单位。宣传经费12万元。"],
    );
    assert!(rules_of(&change).is_empty(), "{:?}", check(&change));
}

#[test]
fn n002_yuan_written_for_wan() {
    let slip = with_text(
        totals_doc(),
        &["“一般公共服务支出”科目5,779.12元，主要用于…"],
    );
    assert_eq!(rules_of(&slip), [("N002", Severity::Error)]);
    assert_eq!(check(&slip)[0].expected.as_deref(), Some("5779.12万元"));
}

#[test]
fn n003_shares_are_recomputed() {
    let ok = with_text(totals_doc(), &["支出预算6,864.32万元，其中：基本支出6,156.66万元，占89.69%；项目支出707.66万元，占10.31%。"]);
    assert!(rules_of(&ok).is_empty(), "{:?}", check(&ok));
    let wrong = with_text(
        totals_doc(),
        &["支出预算6,864.32万元，其中：基本支出6,156.66万元，占79.69%。"],
    );
    assert_eq!(rules_of(&wrong), [("N003", Severity::Warning)]);
}

#[test]
fn n004_n005_change_wording_and_rate() {
    let ok = with_text(
        totals_doc(),
        &["收入预算6,864.32万元。比上年增加1,491.00万元，增幅27.75%，主要原因是新设单位。"],
    );
    assert!(rules_of(&ok).is_empty(), "{:?}", check(&ok));
    let word = with_text(
        totals_doc(),
        &["收入预算6,864.32万元。比上年增加1,491.00万元，减幅27.75%，主要原因是新设单位。"],
    );
    assert_eq!(rules_of(&word), [("N004", Severity::Warning)]);
    let rate = with_text(
        totals_doc(),
        &["收入预算6,864.32万元。比上年增加1,491.00万元，增幅37.75%，主要原因是新设单位。"],
    );
    assert_eq!(rules_of(&rate), [("N005", Severity::Warning)]);
    // Issue 24, class 2: a rate after 减少 (or 增加, 降低) is checked like one after 下降 —
    // found when wrong, silent when right and when it rounds to the printed precision.
    let down = |pct: &str| {
        with_text(
            totals_doc(),
            &[&format!(
                "收入预算6,864.32万元。比上年减少1,000.00万元，减少{pct}，主要原因是项目完成。"
            )],
        )
    };
    assert!(
        rules_of(&down("12.72%")).is_empty(),
        "{:?}",
        check(&down("12.72%"))
    );
    assert!(
        rules_of(&down("12.7%")).is_empty(),
        "{:?}",
        check(&down("12.7%"))
    );
    assert_eq!(rules_of(&down("12.34%")), [("N005", Severity::Warning)]);
    let up = with_text(
        totals_doc(),
        &["收入预算6,864.32万元。比上年增加1,491.00万元，增加27.75%，主要原因是新设单位。"],
    );
    assert!(rules_of(&up).is_empty(), "{:?}", check(&up));
    let contradicts = with_text(
        totals_doc(),
        &["收入预算6,864.32万元。比上年增加1,491.00万元，降低27.75%，主要原因是新设单位。"],
    );
    assert_eq!(rules_of(&contradicts), [("N004", Severity::Warning)]);
    // Issue 24, class 1: a rate after this year's figure, last year's stated before it (no change
    // amount): (B−A)÷A. 60.13 → 25.77 is −57.14 %.
    let two = |rate: &str| {
        with_text(
            totals_doc(),
            &[&format!(
                "2025年执行数60.13万元，2026年预算安排25.77万元，{rate}，主要原因是项目完成。"
            )],
        )
    };
    assert!(
        rules_of(&two("减少57.14%")).is_empty(),
        "{:?}",
        check(&two("减少57.14%"))
    );
    assert!(
        rules_of(&two("下降57.1%")).is_empty(),
        "{:?}",
        check(&two("下降57.1%"))
    );
    assert_eq!(rules_of(&two("减少1.20%")), [("N005", Severity::Warning)]);
    assert_eq!(rules_of(&two("增长57.14%")), [("N004", Severity::Warning)]);
    // A share is no rate; an amount not named as last year's is no base.
    let share = with_text(
        totals_doc(),
        &["2026年预算安排25.77万元，其中：培训费12.00万元，占46.57%。"],
    );
    assert!(rules_of(&share).is_empty(), "{:?}", check(&share));
}

fn project(
    name: &str,
    total: &str,
    items: &[&str],
    kinds: &[yusuan_domain::ProjectPartKind],
) -> yusuan_domain::ProjectDescription {
    use yusuan_domain::{Amount, ItemisedAmount, ProjectPart};
    let parts = kinds
        .iter()
        .map(|k| ProjectPart {
            kind: *k,
            heading: k.label().into(),
            text: String::new(),
            items: if *k == ProjectPartKind::Budget {
                items
                    .iter()
                    .map(|v| ItemisedAmount {
                        label: "项".into(),
                        amount: Amount::wan(v.parse().unwrap()),
                        unit_price: None,
                        quantity: None,
                        printed: format!("{v}万元"),
                        location: Location::line(5),
                        level: yusuan_domain::ItemLevel::Item,
                    })
                    .collect()
            } else {
                vec![]
            },
            location: Location::line(2),
            line_locations: vec![],
        })
        .collect();
    yusuan_domain::ProjectDescription {
        name: name.into(),
        total: Some(Amount::wan(total.parse().unwrap())),
        total_printed: None,
        parts,
        location: Location::line(1),
    }
}

fn form(project: &str, total_yuan: &str, level1: &[&str]) -> yusuan_domain::PerformanceForm {
    use yusuan_domain::{Amount, Indicator, IndicatorValue, PerformanceForm};
    PerformanceForm {
        project: project.into(),
        department: None,
        implementer: None,
        period: None,
        funds: yusuan_domain::Funds {
            total: Some(Amount::yuan(total_yuan.parse().unwrap())),
            ..Default::default()
        },
        annual_goal: None,
        indicators: level1
            .iter()
            .map(|l| Indicator {
                level1: l.to_string(),
                level2: String::new(),
                name: "指标".into(),
                value: IndicatorValue::Word {
                    operator: None,
                    text: "好".into(),
                },
                printed: "好".into(),
                location: Location::line(9),
            })
            .collect(),
        location: Location::line(8),
    }
}

#[test]
fn p001_items_add_up_to_the_project_total() {
    let mut d = doc(vec![]);
    d.projects = vec![project(
        "干部工作",
        "66.78",
        &["6.00", "60.78"],
        &ProjectPartKind::STANDARD,
    )];
    assert!(rules_of(&d).is_empty(), "{:?}", check(&d));
    d.projects = vec![project(
        "干部工作",
        "66.78",
        &["6.00", "50.78"],
        &ProjectPartKind::STANDARD,
    )];
    assert_eq!(rules_of(&d), [("P001", Severity::Error)]);
}

#[test]
fn p002_k002_k003_forms_against_projects() {
    let mut d = doc(vec![]);
    d.projects = vec![
        project(
            "局、处级干部体检费",
            "274.20",
            &[],
            &ProjectPartKind::STANDARD,
        ),
        project("党建工作", "198.00", &[], &ProjectPartKind::STANDARD),
    ];
    d.performance_forms = vec![
        form(
            "局级、处级干部 体检费",
            "2742000",
            &["产出指标", "效益指标", "满意度指标"],
        ),
        form(
            "党建工作经费",
            "1980000",
            &["产出指标", "效益指标", "满意度指标"],
        ),
    ];
    assert!(rules_of(&d).is_empty(), "{:?}", check(&d));
    d.performance_forms[1].funds.total =
        Some(yusuan_domain::Amount::yuan("1890000".parse().unwrap()));
    assert_eq!(rules_of(&d), [("P002", Severity::Warning)]);
    d.performance_forms.pop();
    assert_eq!(rules_of(&d), [("K002", Severity::Warning)]);
    d.performance_forms[0].indicators.pop();
    assert!(rules_of(&d).contains(&("K003", Severity::Warning)));
}

#[test]
fn k001_seven_parts() {
    let mut d = doc(vec![]);
    d.projects = vec![project(
        "信息工作",
        "25",
        &[],
        &ProjectPartKind::STANDARD[..6],
    )];
    assert_eq!(rules_of(&d), [("K001", Severity::Warning)]);
    assert!(check(&d)[0].message.contains("绩效目标"));
    assert_eq!(
        check(&d)[0].expected.as_deref(),
        Some("七个部分：项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标")
    );
}

#[test]
fn s001_procurement_parts() {
    use yusuan_domain::{Amount, Procurement};
    let mut d = doc(vec![]);
    let w = |v: &str| Amount::wan(v.parse().unwrap());
    d.stated.procurement = Some(Procurement {
        total: w("173.95"),
        goods: Some(w("5.95")),
        works: Some(w("0")),
        services: Some(w("168")),
        reserved_for_small_firms: None,
        reserved_for_micro_firms: None,
        location: Location::line(3),
    });
    assert!(rules_of(&d).is_empty());
    d.stated.procurement.as_mut().unwrap().services = Some(w("158"));
    assert_eq!(rules_of(&d), [("S001", Severity::Error)]);
    d.stated.procurement.as_mut().unwrap().services = Some(w("168.01"));
    assert_eq!(rules_of(&d), [("S001", Severity::Info)]);
}

#[test]
fn s002_summary_counts_the_projects() {
    use yusuan_domain::{Amount, PerformanceSummary};
    let mut d = doc(vec![]);
    d.meta.format = RegionalFormat::ProjectDescriptions;
    d.projects = vec![
        project("甲", "10", &[], &ProjectPartKind::STANDARD),
        project("乙", "5", &[], &ProjectPartKind::STANDARD),
    ];
    d.stated.performance = Some(PerformanceSummary {
        units: None,
        projects: Some(2),
        amount: Some(Amount::wan("15".parse().unwrap())),
        location: Location::line(1),
    });
    assert!(rules_of(&d).is_empty(), "{:?}", check(&d));
    d.stated.performance.as_mut().unwrap().projects = Some(3);
    assert_eq!(rules_of(&d), [("S002", Severity::Warning)]);
}

#[test]
fn w001_w002_w003_text() {
    let d = with_text(doc(vec![]), &["2026年本部门下属2家单位，2025年完成调整。"]);
    assert!(rules_of(&d).is_empty(), "{:?}", check(&d));
    let d = with_text(doc(vec![]), &["本部门下属XX家单位。"]);
    assert_eq!(rules_of(&d), [("W001", Severity::Warning)]);
    // In a heading too.
    let mut d = with_text(doc(vec![]), &["2026年本部门下属2家单位。"]);
    d.sections[0].title = "第二部分 上海市普陀区XX局 2024年度部门决算表".into();
    assert_eq!(rules_of(&d), [("W001", Severity::Warning)]);
    let long =
        "本部门主要职能是负责协调推进社会工作，加强党的建设，完善社会治理体系，提升服务水平。";
    let d = with_text(doc(vec![]), &[long, long]);
    assert_eq!(rules_of(&d), [("W002", Severity::Info)]);
    let d = with_text(
        doc(vec![]),
        &["2023年部门预算安排如下。依据《2021年工作方案》执行。"],
    );
    assert_eq!(rules_of(&d), [("W003", Severity::Info)]);
}

#[test]
fn n006_a_change_needs_a_reason() {
    let ok = with_text(
        totals_doc(),
        &["支出预算6,864.32万元，比2025年预算增加1,491万元，主要原因是新设单位。"],
    );
    assert!(rules_of(&ok).is_empty(), "{:?}", check(&ok));
    let bare = with_text(
        totals_doc(),
        &["支出预算6,864.32万元，比2025年预算增加1,491万元。"],
    );
    assert_eq!(rules_of(&bare), [("N006", Severity::Warning)]);
}

#[test]
fn d001_d002_d003_codes() {
    let exp = |label: &str| {
        expenditure(
            Unit::Yuan,
            vec![row(Some("2080505"), label, &["30", "10", "20"])],
        )
    };
    let gp = |label: &str| {
        table(
            TableKind::GeneralPublicFunction,
            Unit::Yuan,
            "一般公共预算支出",
            &["合计", "基本支出", "项目支出"],
            vec![row(Some("2080505"), label, &["30", "10", "20"])],
        )
    };
    let name = "机关事业单位基本养老保险缴费支出";
    assert!(rules_of(&doc(vec![exp(name), gp(name)])).is_empty());
    // Two names for one code in one document.
    assert_eq!(
        rules_of(&doc(vec![exp(name), gp("养老保险缴费")])),
        [("D001", Severity::Warning), ("D002", Severity::Info)]
    );
    // A name unlike the catalogue's, the same in every table: a hint.
    assert_eq!(
        rules_of(&doc(vec![exp("养老保险缴费"), gp("养老保险缴费")])),
        [("D002", Severity::Info)]
    );
    // A 类 that does not exist.
    assert_eq!(
        rules_of(&doc(vec![expenditure(
            Unit::Yuan,
            vec![row(Some("2180101"), "不存在的科目", &["30", "10", "20"])]
        )])),
        [("D003", Severity::Info)]
    );
}

#[test]
fn k004_k005_empty_tables_and_template_sections() {
    let empty = table(
        TableKind::StateCapitalFunction,
        Unit::Yuan,
        "国有资本经营预算支出",
        &["合计", "基本支出", "项目支出"],
        vec![],
    );
    assert_eq!(
        rules_of(&doc(vec![empty.clone()]))
            .iter()
            .filter(|r| r.0 == "K004")
            .count(),
        1
    );
    let noted = Table {
        note: Some("注：本部门无国有资本经营预算财政拨款安排的预算，故本表为空表。".into()),
        ..empty
    };
    assert!(rules_of(&doc(vec![noted])).iter().all(|r| r.0 != "K004"));
    // The test documents are Shanghai-format without sections: K005 lists what is missing.
    let mut d = with_text(doc(vec![]), &["本部门主要职能是…"]);
    d.meta.format = RegionalFormat::Shanghai11;
    d.sections[0].kind = yusuan_domain::SectionKind::Functions;
    let f: Vec<_> = check(&d).into_iter().filter(|f| f.rule == "K005").collect();
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("机构设置") && !f[0].message.contains("主要职能"),
        "{}",
        f[0].message
    );
    d.meta.format = RegionalFormat::Hubei15;
    assert!(rules_of(&d).iter().all(|r| r.0 != "K005"));
}

#[test]
fn x008_summaries_match_the_class_rows() {
    let fiscal = |v: &str| Table {
        columns: [
            "财政拨款收入/预算数",
            "财政拨款支出/合计",
            "财政拨款支出/一般公共预算",
            "财政拨款支出/政府性基金预算",
        ]
        .iter()
        .map(|c| Column {
            path: c.split('/').map(String::from).collect(),
        })
        .collect(),
        rows: vec![Row {
            side: Some(LedgerSide::Expenditure),
            ..row(None, "一、一般公共服务支出", &["", v, v, ""])
        }],
        ..table(TableKind::FiscalSummary, Unit::Yuan, "", &[], vec![])
    };
    let gp = table(
        TableKind::GeneralPublicFunction,
        Unit::Yuan,
        "一般公共预算支出",
        &["合计", "基本支出", "项目支出"],
        vec![row(Some("201"), "一般公共服务支出", &["30", "10", "20"])],
    );
    assert!(
        rules_of(&doc(vec![fiscal("30"), gp.clone()])).is_empty(),
        "{:?}",
        check(&doc(vec![fiscal("30"), gp.clone()]))
    );
    assert_eq!(
        rules_of(&doc(vec![fiscal("31"), gp])),
        [("X008", Severity::Error)]
    );
}

#[test]
fn s003_s004_counts_and_products() {
    use yusuan_domain::{BudgetUnit, UnitCounts, UnitKind};
    let mut d = doc(vec![]);
    d.units = vec![
        BudgetUnit {
            name: "本部".into(),
            code: None,
            kind: UnitKind::Other,
        },
        BudgetUnit {
            name: "中心".into(),
            code: None,
            kind: UnitKind::Other,
        },
    ];
    d.stated.unit_counts = Some(UnitCounts {
        administrative: 1,
        civil_service: 0,
        institutions: 1,
        location: Location::line(54),
    });
    assert!(rules_of(&d).is_empty());
    d.stated.unit_counts.as_mut().unwrap().institutions = 2;
    assert_eq!(rules_of(&d), [("S003", Severity::Warning)]);
    let ok = with_text(
        doc(vec![]),
        &["培训费3天*800人*60.00元/人/天=144000.00元。"],
    );
    assert!(rules_of(&ok).is_empty());
    let wrong = with_text(doc(vec![]), &["租车费用0.35万元*7=2.55万元。"]);
    assert_eq!(rules_of(&wrong), [("S004", Severity::Error)]);
    assert_eq!(check(&wrong)[0].expected.as_deref(), Some("2.45万元"));
}

#[test]
fn k006_indicator_values() {
    let mut d = doc(vec![]);
    d.performance_forms = vec![form("培训", "100", &["产出指标", "效益指标", "满意度指标"])];
    assert!(rules_of(&d).is_empty());
    d.performance_forms[0].indicators[2].printed = "≥".into();
    assert_eq!(rules_of(&d), [("K006", Severity::Warning)]);
    d.performance_forms[0].indicators[2].printed = String::new();
    assert_eq!(rules_of(&d), [("K006", Severity::Warning)]);
}

#[test]
fn n007_change_against_the_documents_own_prior_year_column() {
    let text = |v: &str| Cell::Text { text: v.into() };
    let perf = Table {
        columns: (1..=5)
            .map(|k| Column {
                path: vec![format!("第{k}列")],
            })
            .collect(),
        rows: vec![
            Row {
                cells: vec![
                    text("总体资金情况"),
                    text("当年金额"),
                    text("占比"),
                    text("近两年收支金额"),
                    Cell::Blank,
                ],
                ..row(None, "部门总体 资金情况", &[])
            },
            Row {
                cells: vec![
                    text("合 计"),
                    amount("880.84"),
                    text("100%"),
                    amount("806.77"),
                    amount("0"),
                ],
                ..row(None, "收入 构成/合 计", &[])
            },
        ],
        ..table(
            TableKind::DepartmentPerformance,
            Unit::WanYuan,
            "",
            &[],
            vec![],
        )
    };
    let ok = with_text(
        doc(vec![perf.clone()]),
        &["2026年收支总预算880.84万元。比2025年预算增加74.07万元，主要是人员增加。"],
    );
    assert!(
        rules_of(&ok).iter().all(|r| r.0 != "N007"),
        "{:?}",
        check(&ok)
    );
    let wrong = with_text(
        doc(vec![perf]),
        &["2026年收支总预算880.84万元。比2025年预算增加73.87万元，主要是人员增加。"],
    );
    assert!(
        rules_of(&wrong).contains(&("N007", Severity::Warning)),
        "{:?}",
        check(&wrong)
    );
}

#[test]
fn s005_parts_with_a_unit_slip() {
    let ok = with_text(
        doc(vec![]),
        &["预算资金约198.00万元（其中党建工作经费65.00万元，党建服务中心专项经费133.00万元）。"],
    );
    assert!(rules_of(&ok).is_empty(), "{:?}", check(&ok));
    let slip = with_text(
        doc(vec![]),
        &["预算资金约198.00万元（其中党建工作经费65.00万元，党建服务中心专项经费133.00元）。"],
    );
    assert_eq!(rules_of(&slip), [("S005", Severity::Error)]);
    // A partial list (it adds up neither way) is left alone.
    let partial = with_text(
        doc(vec![]),
        &["预算资金约198.00万元（其中党建工作经费65.00万元，宣传经费33.00元）。"],
    );
    assert!(rules_of(&partial).is_empty(), "{:?}", check(&partial));
}

#[test]
fn n001_a_funds_income_is_not_the_departments() {
    // 政府性基金收入预算 is not the department's 收入预算 (which the name ends with).
    let d = with_text(totals_doc(), &["本部门政府性基金收入预算0万元。"]);
    assert!(rules_of(&d).is_empty(), "{:?}", check(&d));
}

#[test]
fn n008_one_prior_year_figure() {
    let ok = with_text(
        doc(vec![]),
        &[
            "“三公”经费预算数为62.10万元，与2025年预算持平。",
            "本年“三公”经费预算数为62.10万元，比2025年预算增加0万元，主要原因是无变化。",
        ],
    );
    assert!(
        rules_of(&ok).iter().all(|r| r.0 != "N008"),
        "{:?}",
        check(&ok)
    );
    let wrong = with_text(
        doc(vec![]),
        &[
            "“三公”经费预算数为62.10万元，与2025年预算持平。",
            "“三公”经费预算数为62.10万元，比2025年预算减少5万元，主要原因是压减。",
        ],
    );
    assert!(
        rules_of(&wrong).contains(&("N008", Severity::Warning)),
        "{:?}",
        check(&wrong)
    );
}

#[test]
fn a_total_printed_with_fewer_decimals_than_its_parts_is_a_rounding_tail() {
    // 合计 printed to the 元 over parts printed to the fen: 22,118,861 above 22,118,861.34 is how
    // it was rounded (提示); among cells printed alike a 1-元 difference is a mistake (错误).
    let t001 = |rows: Vec<Row>| -> Vec<Severity> {
        check(&doc(vec![expenditure(Unit::Yuan, rows)]))
            .into_iter()
            .filter(|f| f.rule == "T001")
            .map(|f| f.severity)
            .collect()
    };
    assert_eq!(
        t001(vec![row(
            Some("2010301"),
            "行政运行",
            &["22118861", "22000000.00", "118861.34"]
        )]),
        vec![Severity::Info]
    );
    assert_eq!(
        t001(vec![row(
            Some("2010301"),
            "行政运行",
            &["22118862", "22000000.00", "118861.34"]
        )]),
        vec![Severity::Error]
    );
    assert_eq!(
        t001(vec![row(
            Some("2010301"),
            "行政运行",
            &["22118862", "22000000", "118861"]
        )]),
        vec![Severity::Error]
    );
    // The same between a 类 and its 项 (T002).
    let t002: Vec<Severity> = check(&doc(vec![expenditure(
        Unit::Yuan,
        vec![
            row(Some("201"), "一般公共服务支出", &["300", "300", ""]),
            row(Some("20103"), "政府办公厅", &["300", "300", ""]),
            row(Some("2010301"), "行政运行", &["100.40", "100.40", ""]),
            row(
                Some("2010302"),
                "一般行政管理事务",
                &["199.80", "199.80", ""],
            ),
        ],
    )]))
    .into_iter()
    .filter(|f| f.rule == "T002")
    .map(|f| f.severity)
    .collect();
    assert!(
        !t002.is_empty() && t002.iter().all(|s| *s == Severity::Info),
        "{t002:?}"
    );
}

#[test]
fn a_paragraph_read_twice_raises_its_finding_once() {
    use yusuan_domain::{Paragraph, Section, SectionKind};
    // The same sentence with a placeholder, printed (or extracted) twice in one section.
    let mut d = doc(vec![]);
    let text = "2026年收入预算XX万元，主要原因是。";
    d.sections = vec![Section {
        kind: SectionKind::BudgetExplanation,
        title: "部门预算编制说明".into(),
        paragraphs: vec![
            Paragraph {
                text: text.into(),
                location: Location::line(10),
            },
            Paragraph {
                text: text.into(),
                location: Location::line(30),
            },
        ],
        location: Location::line(9),
    }];
    let findings = check(&d);
    let mut found: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.rule != "W002")
        .map(|f| (f.rule, f.message.as_str()))
        .collect();
    let all = found.len();
    found.sort();
    found.dedup();
    assert!(all > 0, "the placeholder is found");
    assert_eq!(found.len(), all, "each finding once: {findings:#?}");
    assert!(
        findings
            .iter()
            .all(|f| f.location.line != Some(30) || f.rule == "W002"),
        "none at the repeated paragraph"
    );
}

#[test]
fn x009_the_ledger_splits_basic_spending_as_the_economic_table_does() {
    // 财务收支总表: 支出 side with 合计 / 人员经费 / 公用经费 / 项目支出 columns.
    let fs = |personnel: &str, public: &str| {
        let mut t = table(
            TableKind::FinancialSummary,
            Unit::Yuan,
            "本年支出",
            &["合计", "人员经费", "公用经费", "项目支出"],
            vec![],
        );
        t.columns.insert(
            0,
            Column {
                path: vec!["本年收入".into(), "预算数".into()],
            },
        );
        t.rows = vec![
            Row {
                side: Some(LedgerSide::Income),
                ..row(None, "收入总计", &["130", "", "", "", ""])
            },
            Row {
                side: Some(LedgerSide::Expenditure),
                ..row(None, "支出总计", &["", "130", personnel, public, "30"])
            },
        ];
        t
    };
    let eco = table(
        TableKind::GeneralPublicBasicEconomic,
        Unit::Yuan,
        "一般公共预算基本支出",
        &["合计", "人员经费", "公用经费"],
        vec![row(None, "合计", &["100", "80", "20"])],
    );
    let x009 = |d: &Document| {
        check(d)
            .into_iter()
            .filter(|f| f.rule == "X009")
            .map(|f| (f.severity, f.location.column.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    assert!(
        x009(&doc(vec![fs("80", "20"), eco.clone()])).is_empty(),
        "the same split"
    );
    assert_eq!(
        x009(&doc(vec![fs("70", "30"), eco.clone()])),
        [
            (Severity::Error, "人员经费".to_string()),
            (Severity::Error, "公用经费".to_string())
        ]
    );
    // Basic spending of other funds too (the totals differ): the two splits need not agree.
    assert!(x009(&doc(vec![fs("90", "30"), eco])).is_empty());
}

#[test]
fn k007_an_empty_tables_note_names_its_own_fund() {
    let fund_table = |kind: TableKind, note: &str| Table {
        note: Some(note.into()),
        ..table(kind, Unit::Yuan, "支出", &["合计"], vec![])
    };
    let k007 = |t: Table| {
        check(&doc(vec![t]))
            .into_iter()
            .filter(|f| f.rule == "K007")
            .map(|f| f.severity)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        k007(fund_table(
            TableKind::StateCapitalFunction,
            "注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。"
        )),
        [Severity::Error]
    );
    assert!(k007(fund_table(
        TableKind::StateCapitalFunction,
        "注：本部门无国有资本经营预算财政拨款安排的预算，故本表为空表。"
    ))
    .is_empty());
    assert!(k007(fund_table(
        TableKind::GovernmentFundFunction,
        "本部门2026年无政府性基金预算支出，故本表为空表。"
    ))
    .is_empty());
    assert!(
        k007(fund_table(
            TableKind::GovernmentFundFunction,
            "故本表为空表。"
        ))
        .is_empty(),
        "a note naming no fund"
    );
}

#[test]
fn w001_an_announced_reason_with_nothing_after_it() {
    let w001 = |text: &str| {
        check(&with_text(doc(vec![]), &[text]))
            .into_iter()
            .filter(|f| f.rule == "W001")
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    let found = w001("2026年支出预算比2025年增加12.00万元，主要原因是。");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("原因说明是空的"), "{found:?}");
    assert!(w001("2026年支出预算比2025年增加12.00万元，主要原因是新增社区服务项目。").is_empty());
    // Issue 24, class 5: the finding names the figure whose reason is empty, the sentence
    // printed over two lines.
    let found = check(&with_text(
        doc(vec![]),
        &[
            "（二）公务用车购置及运行费1.20万元，与2025年预算",
            "持平，主要原因是。",
        ],
    ))
    .into_iter()
    .filter(|f| f.rule == "W001")
    .map(|f| f.message)
    .collect::<Vec<_>>();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("“公务用车购置及运行费”的原因说明是空的"),
        "{found:?}"
    );
}

#[test]
fn n009_an_increase_cannot_end_at_nothing() {
    let n009 = |d: &Document| {
        check(d)
            .into_iter()
            .filter(|f| f.rule == "N009")
            .map(|f| f.severity)
            .collect::<Vec<_>>()
    };
    // The level printed just before: 0 万元, yet 增加.
    assert_eq!(
        n009(&with_text(
            doc(vec![]),
            &["政府性基金预算拨款支出0万元，比2025年预算增加12万元。"]
        )),
        [Severity::Error]
    );
    assert!(n009(&with_text(
        doc(vec![]),
        &["政府性基金预算拨款支出50万元，比2025年预算增加12万元。"]
    ))
    .is_empty());
    assert!(
        n009(&with_text(
            doc(vec![]),
            &["政府性基金预算拨款支出0万元，比2025年预算减少12万元。"]
        ))
        .is_empty(),
        "a decrease to nothing is fine"
    );
    // No level in the sentence: the fund's table is empty (its note says so) while a general
    // public budget table is printed.
    let gp = table(
        TableKind::GeneralPublicFunction,
        Unit::Yuan,
        "一般公共预算支出",
        &["合计", "基本支出", "项目支出"],
        vec![row(None, "合计", &["30", "10", "20"])],
    );
    let gf = Table {
        note: Some("本部门无政府性基金预算，故本表为空表。".into()),
        ..table(
            TableKind::GovernmentFundFunction,
            Unit::Yuan,
            "政府性基金预算支出",
            &["合计"],
            vec![],
        )
    };
    assert_eq!(
        n009(&with_text(
            doc(vec![gp.clone(), gf.clone()]),
            &["政府性基金预算支出比2025年预算增加12万元。"]
        )),
        [Severity::Error]
    );
    assert!(
        n009(&with_text(
            doc(vec![gp, gf]),
            &["一般公共预算支出比2025年预算增加12万元。"]
        ))
        .is_empty(),
        "its table is not 0"
    );
}

#[test]
fn d004_a_name_of_another_code() {
    let d004 = |year: i32, code: &str, name: &str| {
        let mut d = doc(vec![expenditure(
            Unit::Yuan,
            vec![row(Some(code), name, &["10", "10", ""])],
        )]);
        d.meta.year = year;
        check(&d)
            .into_iter()
            .filter(|f| f.rule == "D004" || f.rule == "D002")
            .map(|f| (f.rule, f.severity))
            .collect::<Vec<_>>()
    };
    // 210's name before 2019, in a 2026 budget: one finding (not also D002).
    assert_eq!(
        d004(2026, "210", "医疗卫生与计划生育支出"),
        [("D004", Severity::Warning)]
    );
    // In a 2018 budget it was the name: neither D004 nor D002 (the catalogue's later name).
    assert!(d004(2018, "210", "医疗卫生与计划生育支出").is_empty());
    assert!(d004(2018, "20805", "行政事业单位离退休").is_empty());
    assert_eq!(
        d004(2026, "20805", "行政事业单位离退休"),
        [("D004", Severity::Warning)]
    );
    assert!(d004(2026, "210", "卫生健康支出").is_empty());
    // 30202 under the name of its sibling 30201 (办公费): the code or the name is wrong.
    let eco = |name: &str| {
        let t = table(
            TableKind::GeneralPublicBasicEconomic,
            Unit::Yuan,
            "一般公共预算基本支出",
            &["合计", "人员经费", "公用经费"],
            vec![eco_row("30202", name, &["5", "", "5"])],
        );
        check(&doc(vec![t]))
            .into_iter()
            .filter(|f| f.rule == "D004" || f.rule == "D002")
            .map(|f| (f.rule, f.message))
            .collect::<Vec<_>>()
    };
    let found = eco("办公费");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "D004");
    assert!(found[0].1.contains("30201"), "{found:?}");
    assert!(eco("印刷费").is_empty());
    // A name the catalogue does not know is only D002's (提示).
    assert_eq!(
        eco("印刷装订费").iter().map(|f| f.0).collect::<Vec<_>>(),
        ["D002"]
    );
    // 30202 咨询费: 咨询费 is 30203's in the standard, though no document here prints 30203.
    let found = eco("咨询费");
    assert_eq!(
        found.iter().map(|f| f.0).collect::<Vec<_>>(),
        ["D004"],
        "{found:?}"
    );
    assert!(found[0].1.contains("30203"), "{found:?}");
}

/// The economic classification's standard (`data/economic-codes.tsv`) names every economic
/// code the real documents print as they print it, and is a tree: each 款 under a 类 it lists.
#[test]
fn the_economic_standard_agrees_with_the_real_documents() {
    let standard: std::collections::BTreeMap<&str, &str> =
        yusuan_check::economic_standard().collect();
    assert!(standard.len() > 100, "{}", standard.len());
    for code in standard.keys() {
        assert!(
            code.len() == 3 || standard.contains_key(&code[..3]),
            "{code} has no 类"
        );
    }
    let printed = include_str!("../data/codes.tsv");
    let mut checked = 0;
    for line in printed.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        let (Some(code), Some(name)) = (f.next(), f.next()) else {
            continue;
        };
        if !code.starts_with('3') {
            continue;
        }
        let known = standard
            .get(code)
            .unwrap_or_else(|| panic!("{code} {name} printed but not in the standard"));
        assert_eq!(
            yusuan_domain::name_key(known),
            yusuan_domain::name_key(name),
            "{code}"
        );
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn p003_sub_items_add_up_to_their_item() {
    // `1. 12万元` with `(1) 5万元`, `(2) x万元`, then `2. 8万元` (P001: 12 + 8 = 20).
    let with_subs = |second: &str| {
        let mut p = project(
            "会议保障",
            "20",
            &["12", "5", second, "8"],
            &ProjectPartKind::STANDARD,
        );
        let budget = p
            .parts
            .iter_mut()
            .find(|x| x.kind == ProjectPartKind::Budget)
            .unwrap();
        budget.items[1].level = yusuan_domain::ItemLevel::SubItem;
        budget.items[2].level = yusuan_domain::ItemLevel::SubItem;
        let mut d = doc(vec![]);
        d.projects = vec![p];
        check(&d)
            .into_iter()
            .filter(|f| f.rule == "P003")
            .map(|f| f.severity)
            .collect::<Vec<_>>()
    };
    assert!(with_subs("7").is_empty(), "5 + 7 = 12");
    assert_eq!(with_subs("6"), [Severity::Error], "5 + 6 ≠ 12");
    assert_eq!(with_subs("7.01"), [Severity::Info], "a 万元 tail");
}

#[test]
fn n006_a_reason_given_as_a_sentence_that_ends_in_the_change() {
    let n006 = |text: &str| {
        check(&with_text(doc(vec![]), &[text]))
            .into_iter()
            .filter(|f| f.rule == "N006")
            .count()
    };
    // Why, then the effect: a reason without the words 主要原因.
    assert_eq!(n006("基本支出预算数为5,678.17万元，与上年相比减少238.10万元，下降4.02%。退休人员退休费由省社保机构统一发放，单位支出减少。"), 0);
    // No reason at all: still a 警告.
    assert_eq!(n006("基本支出预算数为5,678.17万元，与上年相比减少238.10万元，下降4.02%。项目支出预算数为3,314.68万元。"), 1);
    // A sentence with the other direction explains nothing.
    assert_eq!(
        n006(
            "基本支出预算数为5,678.17万元，与上年相比减少238.10万元，下降4.02%。培训任务明显增加。"
        ),
        1
    );
}

/// A made-up project description: its overview restates the budget as `overview`, its
/// 年度预算安排 states 56.12万元 and itemises it.
fn restated(overview: &str) -> Document {
    let text = format!(
        "按照本市预算绩效管理工作的总体要求，本预算部门开展了2026年项目预算绩效目标编报工作。\n\n项目经费情况说明（社区治理）\n\n一、项目概述\n\n{overview}\n\n二、立项依据\n\n根据区委区政府工作安排。\n\n三、实施主体\n\n社区治理科。\n\n四、实施方案\n\n开展社区治理试点。\n\n五、实施周期\n\n2026年1月1日至2026年12月31日\n\n六、年度预算安排\n\n社区治理共计56.12万元，具体如下：\n\n1.试点经费30.00万元。\n\n2.宣传经费26.12万元。\n\n七、绩效目标\n\n完成试点。\n"
    );
    yusuan_import::import_text("made-up.txt", text.as_bytes())
        .unwrap()
        .document
}

#[test]
fn p004_a_project_budget_restated_with_another_figure() {
    let p004 = |d: &Document| {
        yusuan_check::check(d)
            .into_iter()
            .filter(|f| f.rule == "P004")
            .collect::<Vec<_>>()
    };
    // Restated with another figure: a 警告 with both.
    let f = p004(&restated(
        "本项目2026年预算安排57.80万元，用于社区治理试点。",
    ));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (
            f[0].severity,
            f[0].expected.as_deref(),
            f[0].actual.as_deref()
        ),
        (Severity::Warning, Some("56.12万元"), Some("57.8万元"))
    );
    // The same figure, last year's, or a sub-project's: nothing.
    assert!(p004(&restated("本项目2026年预算安排56.12万元。")).is_empty());
    assert!(p004(&restated("上年本项目预算安排50.00万元，本年增加试点。")).is_empty());
    assert!(p004(&restated("本项目2025年预算安排50.00万元。")).is_empty());
    assert!(p004(&restated("(1)“美好社区”项目经费2.00万元。")).is_empty());
}

/// The made-up description with its 年度预算安排's second item stated as a share of the budget.
fn shared(share: &str) -> Document {
    let d = restated("本项目2026年实施社区治理试点。");
    let mut d = d;
    let p = &mut d.projects[0];
    let part = p
        .parts
        .iter_mut()
        .find(|x| x.kind == yusuan_domain::ProjectPartKind::Budget)
        .unwrap();
    part.text = part.text.replace(
        "2.宣传经费26.12万元。",
        &format!("2.宣传经费26.12万元，{share}。"),
    );
    d
}

#[test]
fn p005_a_share_of_the_project_budget_follows_from_the_amounts() {
    let p005 = |d: &Document| {
        yusuan_check::check(d)
            .into_iter()
            .filter(|f| f.rule == "P005")
            .collect::<Vec<_>>()
    };
    // 26.12 ÷ 56.12 = 46.54 %.
    let f = p005(&shared("占项目总预算的40%"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("47%"), Some("40%"))
    );
    assert!(p005(&shared("占项目总预算的46.54%")).is_empty());
    assert!(p005(&shared("占项目预算的47%")).is_empty());
    // A share of something else (not the project's budget): not this rule's.
    assert!(p005(&shared("占宣传类支出的40%")).is_empty());
    // The real seed 003 raises none.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/003_f631a08b6fb80526.txt"),
    )
    .unwrap();
    assert!(p005(
        &yusuan_import::import_text("003.txt", text.as_bytes())
            .unwrap()
            .document
    )
    .is_empty());
    // Mutated: 党建基础性工作 10.00万元 of 党建工作's 198万元 is 5.05 %, printed as 20 %.
    let mutated = text.replacen(
        "3.党建基础性工作10.00万元。",
        "3.党建基础性工作10.00万元，占项目总预算的20.00%。",
        1,
    );
    assert_ne!(mutated, text);
    let f = p005(
        &yusuan_import::import_text("003.txt", mutated.as_bytes())
            .unwrap()
            .document,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("5.05%"), Some("20.00%"))
    );
}

#[test]
fn p004_finds_a_restated_budget_in_a_mutated_real_document() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/003_f631a08b6fb80526.txt");
    let text = std::fs::read_to_string(root).unwrap();
    let real = yusuan_import::import_text("003.txt", text.as_bytes())
        .unwrap()
        .document;
    assert!(
        yusuan_check::check(&real).iter().all(|f| f.rule != "P004"),
        "the real document restates nothing differently"
    );
    // The 干部工作 project (66.78万元) made to restate 70.00万元 in its overview.
    let mutated = text.replacen(
        "实施干部工作项目，",
        "实施干部工作项目，本项目2026年预算安排70.00万元，",
        1,
    );
    assert_ne!(mutated, text);
    let doc = yusuan_import::import_text("003.txt", mutated.as_bytes())
        .unwrap()
        .document;
    let f: Vec<_> = yusuan_check::check(&doc)
        .into_iter()
        .filter(|f| f.rule == "P004")
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].message.contains("干部工作") && f[0].expected.as_deref() == Some("66.78万元"),
        "{f:?}"
    );
}

/// The narrative rules share one reading of the document during a check: each rule run alone
/// (reading it itself) finds exactly what it finds within the check.
#[test]
fn the_shared_reading_changes_no_finding() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    for name in [
        "000_e54fcd81d7b1024c.txt",
        "003_f631a08b6fb80526.txt",
        "004_dd8ce94d1496a6c0.txt",
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    ] {
        let doc = yusuan_import::import_any(name, &std::fs::read(root.join(name)).unwrap())
            .unwrap()
            .document;
        let key =
            |f: &yusuan_check::Finding| format!("{} {:?} {}", f.rule, f.location.line, f.message);
        let mut within: Vec<String> = yusuan_check::check(&doc).iter().map(key).collect();
        let mut alone: Vec<String> = yusuan_check::RULES
            .iter()
            .flat_map(|r| (r.run)(&doc))
            .map(|f| key(&f))
            .collect();
        within.sort();
        alone.sort();
        assert_eq!(within, alone, "{name}");
        assert!(
            !within.is_empty() || name.contains("wanli"),
            "{name}: the comparison saw no finding at all"
        );
    }
}

/// The made-up description stating its 政府采购 in its overview, in a department whose 政府采购
/// 服务 is `services` 万元 (of a total 50 万元: 货物 50 − services, 工程 0).
fn procuring(overview: &str, services: &str) -> Document {
    use yusuan_domain::{Amount, Procurement};
    let mut d = restated(overview);
    let s: Decimal = services.parse().unwrap();
    d.stated.procurement = Some(Procurement {
        total: Amount::wan(Decimal::from(50)),
        goods: Some(Amount::wan(Decimal::from(50) - s)),
        works: Some(Amount::wan(Decimal::ZERO)),
        services: Some(Amount::wan(s)),
        reserved_for_small_firms: None,
        reserved_for_micro_firms: None,
        location: Location::line(3),
    });
    d
}

#[test]
fn p006_projects_procurement_within_the_departments() {
    let p006 = |d: &Document| {
        yusuan_check::check(d)
            .into_iter()
            .filter(|f| f.rule == "P006")
            .collect::<Vec<_>>()
    };
    // 30 万元 of 服务 stated by the project, 20 万元 in the department's 政府采购: one 警告.
    let f = p006(&procuring("本项目政府采购服务预算30.00万元。", "20"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (
            f[0].severity,
            f[0].expected.as_deref(),
            f[0].actual.as_deref()
        ),
        (Severity::Warning, Some("不超过 20万元"), Some("30万元"))
    );
    assert!(
        f[0].message.contains("政府采购服务") && f[0].message.contains("社区治理"),
        "{f:?}"
    );
    // Within it: nothing; nor where the text names no 政府采购, or another year's.
    assert!(p006(&procuring("本项目政府采购服务预算30.00万元。", "35")).is_empty());
    assert!(p006(&procuring("本项目采购服务30.00万元。", "20")).is_empty());
    assert!(p006(&procuring("2024年本项目政府采购服务30.00万元。", "20")).is_empty());
    // More than the project's own budget (56.12 万元): its own 警告.
    let f = p006(&procuring("本项目政府采购预算60.00万元。", "50"));
    assert!(
        f.iter().any(|f| f.message.contains("超过项目预算")),
        "{f:?}"
    );
    // The whole and its part exceeded by the same figure: one finding.
    let f = p006(&procuring("本项目政府采购服务预算55.00万元。", "20"));
    assert_eq!(
        f.iter().filter(|f| f.message.contains("超过部门")).count(),
        1,
        "{f:?}"
    );
}

#[test]
fn p006_finds_a_project_buying_more_works_than_the_department_in_a_mutated_real_document() {
    let p006 = |d: &Document| {
        yusuan_check::check(d)
            .into_iter()
            .filter(|f| f.rule == "P006")
            .collect::<Vec<_>>()
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/000_e54fcd81d7b1024c.txt");
    let text = std::fs::read_to_string(root).unwrap();
    // Seed 000 (政府采购工程预算1,004.84万元) raises none.
    assert!(p006(
        &yusuan_import::import_text("000.txt", text.as_bytes())
            .unwrap()
            .document
    )
    .is_empty());
    // Its 办公用房修缮 project (2,829.55 万元) made to say 1,100 万元 of it is bought as 工程 by 政府采购.
    let at = text.find("办公用房修缮及装修项目经费情况说明").unwrap();
    let overview = at + text[at..].find("一、项目概述").unwrap() + "一、项目概述".len();
    let mutated = format!(
        "{}\n\n本项目政府采购工程预算1,100.00万元。{}",
        &text[..overview],
        &text[overview..]
    );
    let f = p006(
        &yusuan_import::import_text("000.txt", mutated.as_bytes())
            .unwrap()
            .document,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("不超过 1004.84万元"), Some("1100万元"))
    );
}

#[test]
fn d005_a_misprinted_code_is_one_finding() {
    let table = |label_code: Option<&str>, label: &str| {
        expenditure(
            Unit::Yuan,
            vec![
                row(None, "合计", &["30", "10", "20"]),
                row(Some("201"), "一般公共服务支出", &["20", "0", "20"]),
                row(Some("20101"), "人大事务", &["20", "0", "20"]),
                row(Some("2010101"), "行政运行", &["20", "0", "20"]),
                row(label_code, label, &["10", "10", ""]),
                row(Some("20805"), "行政事业单位养老支出", &["10", "10", ""]),
                row(
                    Some("2080505"),
                    "机关事业单位基本养老保险缴费支出",
                    &["10", "10", ""],
                ),
            ],
        )
    };
    // The 类 printed as `7`: one 错误 naming 208, and no T002 on the 合计 it still adds up to.
    let f = check(&doc(vec![table(None, "7社会保障和就业支出")]));
    assert_eq!(
        f.iter().map(|f| (f.rule, f.severity)).collect::<Vec<_>>(),
        [("D005", Severity::Error)],
        "{f:?}"
    );
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("208 社会保障和就业支出"), Some("7 社会保障和就业支出"))
    );
    // Printed right: nothing. A name that is not the code's: not this rule's (the sums speak).
    assert!(rules_of(&doc(vec![table(Some("208"), "社会保障和就业支出")])).is_empty());
    assert!(!rules_of(&doc(vec![table(None, "7其他支出")]))
        .iter()
        .any(|r| r.0 == "D005"));
}

#[test]
fn d005_finds_a_misprinted_class_in_a_mutated_real_document() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/004_dd8ce94d1496a6c0.txt");
    let text = std::fs::read_to_string(root).unwrap();
    let rules = |t: &str| {
        check(
            &yusuan_import::import_text("004.txt", t.as_bytes())
                .unwrap()
                .document,
        )
    };
    assert!(!rules(&text).iter().any(|f| f.rule == "D005"));
    // Seed 004's 一般公共预算支出表 with its 208 printed as 7 (the class a reviewer found): D005
    // once, and the table's 合计 raises no T002 (it did, on three columns, before).
    let line = "208\t社会保障和就业支出\t38.37\t38.37\t38.37\t0.00\t0.00\n";
    assert!(text.contains(line));
    let mutated = text.replacen(
        line,
        "7\t社会保障和就业支出\t38.37\t38.37\t38.37\t0.00\t0.00\n",
        1,
    );
    let before: Vec<_> = rules(&text)
        .into_iter()
        .map(|f| (f.rule, f.location.table))
        .collect();
    let after: Vec<_> = rules(&mutated)
        .into_iter()
        .map(|f| (f.rule, f.location.table))
        .collect();
    let new: Vec<_> = after.iter().filter(|f| !before.contains(f)).collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].0, "D005");
}

#[test]
fn n001_running_costs_against_their_own_table_where_the_region_prints_one() {
    // Jiangsu prints 机关运行经费 as a table of its own (by economic code, 万元).
    let running = Table {
        title: "一般公共预算机关运行经费支出预算表".into(),
        number: Some("11".into()),
        kind: TableKind::RunningCosts,
        unit: Unit::WanYuan,
        compiled_by: None,
        columns: vec![Column {
            path: vec!["机关运行经费支出".into()],
        }],
        rows: vec![
            row(None, "合计", &["1115.85"]),
            eco_row("302", "商品和服务支出", &["1115.85"]),
            eco_row("30201", "办公费", &["1115.85"]),
        ],
        note: None,
        location: Location::default(),
    };
    let text = |v: &str| {
        with_text(
            doc(vec![running.clone()]),
            &[&format!(
                "2018年一般公共预算机关运行经费预算支出{v}万元，与上年相比减少2,233.13万元。"
            )],
        )
    };
    let n001 = |d: &Document| {
        check(d)
            .into_iter()
            .filter(|f| f.rule == "N001")
            .collect::<Vec<_>>()
    };
    assert!(n001(&text("1,115.85")).is_empty());
    let f = n001(&text("1,215.85"));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].expected.as_deref(), f[0].actual.as_deref()),
        (Some("1115.85万元"), Some("1,215.85万元"))
    );
}

/// Issue 23, class 3's other half: a table whose unit the document does not print was read as 元.
/// What rests on it — the text's 万元 against its "元" — is a 提示 naming what could not be read,
/// never the document's 错误; the same text against a table that prints its unit stays a 错误.
#[test]
fn a_finding_on_a_table_whose_unit_was_assumed_is_held_back() {
    let said = |assumed: bool| {
        let mut d = with_text(totals_doc(), &["2026年收入预算6,864.32万元。"]);
        // The income table's amounts as read when its `万元` was not printed: 10,000× too small.
        let t = d
            .tables
            .iter_mut()
            .find(|t| t.kind == TableKind::Income)
            .unwrap();
        for c in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
            if let yusuan_domain::Cell::Amount { value, printed } = c {
                *value /= rust_decimal::Decimal::from(10000);
                *printed = value.to_string();
            }
        }
        if assumed {
            d.assumed_units = vec![t.title.clone()];
        }
        check(&d)
            .into_iter()
            .filter(|f| f.rule.starts_with('N') || f.rule.starts_with('X'))
            .map(|f| (f.rule, f.severity, f.message))
            .collect::<Vec<_>>()
    };
    let printed = said(false);
    assert!(
        printed.iter().any(|f| f.1 == Severity::Error),
        "{printed:?}"
    );
    let assumed = said(true);
    assert!(
        assumed.iter().all(|f| f.1 != Severity::Error)
            && assumed.iter().any(|f| f.2.contains("未印出金额单位")),
        "{assumed:?}"
    );
}

/// T006: a table whose own sums fail in many rows was read wrong (here its columns shifted: each
/// 项's 基本支出 read as its 合计), not printed wrong — one 提示 naming it, its 错误 held back to
/// 提示; a table with one slip keeps its 错误. check(input, expect).
#[test]
fn t006_a_table_failing_its_own_sums_in_many_rows_is_a_misreading() {
    let items = [
        ("2013901", "行政运行"),
        ("2013902", "一般行政管理事务"),
        ("2013950", "事业运行"),
        ("2013999", "其他社会工作事务支出"),
        ("2080505", "机关事业单位基本养老保险缴费支出"),
        ("2080506", "机关事业单位职业年金缴费支出"),
    ];
    // Read right: 合计 = 基本 + 项目 on every row.
    let right: Vec<Row> = items
        .iter()
        .map(|(c, n)| row(Some(c), n, &["30", "10", "20"]))
        .collect();
    assert!(rules_of(&doc(vec![expenditure(Unit::Yuan, right.clone())])).is_empty());
    // One slip: the document's 错误.
    let mut slip = right.clone();
    slip[2] = row(Some("2013950"), "事业运行", &["31", "10", "20"]);
    assert_eq!(
        rules_of(&doc(vec![expenditure(Unit::Yuan, slip)])),
        [("T001", Severity::Error)]
    );
    // Columns shifted on every row: a misreading — no 错误, one T006 naming the table.
    let shifted: Vec<Row> = items
        .iter()
        .map(|(c, n)| row(Some(c), n, &["10", "20", "30"]))
        .collect();
    let found = check(&doc(vec![expenditure(Unit::Yuan, shifted)]));
    assert!(
        found.iter().all(|f| f.severity != Severity::Error),
        "{found:?}"
    );
    let t006: Vec<&yusuan_check::Finding> = found.iter().filter(|f| f.rule == "T006").collect();
    assert_eq!(t006.len(), 1);
    assert!(
        t006[0]
            .message
            .contains("有 6 行（共 6 行有金额）的合计与其组成不符"),
        "{}",
        t006[0].message
    );
    assert!(found
        .iter()
        .filter(|f| f.rule == "T001")
        .all(|f| f.severity == Severity::Info && f.message.contains("多半未读准版式")));
    // At the edge: four failing rows of six are still the document's (MIN_ROWS = 5).
    let mut four = right;
    for r in four.iter_mut().take(4) {
        r.cells[0] = amount("31");
    }
    assert!(rules_of(&doc(vec![expenditure(Unit::Yuan, four)]))
        .iter()
        .all(|r| *r == ("T001", Severity::Error)));
}

/// N003 (issue 24, class 7): a share of a whole the sentence names rather than states
/// (`占年初项目总预算的100%`) is recomputed from the whole the document's own 支出总表 prints
/// (项目支出 707.66万元 here). check(input, expect)
#[test]
fn n003_a_share_of_a_named_whole_is_recomputed_from_the_documents_own_total() {
    let said = |text: &str| {
        check(&with_text(totals_doc(), &[text]))
            .into_iter()
            .filter(|f| f.rule == "N003")
            .map(|f| (f.severity, f.expected, f.actual))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        said("编报绩效目标的项目共7个，涉及项目资金650.00万元，占年初项目总预算的100%。"),
        [(Severity::Warning, Some("92%".into()), Some("100%".into()))]
    );
    // Right, right to its printed precision, or a whole the document does not print: silent.
    for right in [
        "编报绩效目标的项目共7个，涉及项目资金707.66万元，占年初项目总预算的100%。",
        "编报绩效目标的项目共7个，涉及项目资金650.00万元，占年初项目总预算的91.9%。",
        "本部门安排宣传经费12.00万元，占全市的5%。",
    ] {
        assert!(said(right).is_empty(), "{right}: {:?}", said(right));
    }
}

/// N010 (issue 24, class 3): an item's amount restated otherwise in its own text (its heading
/// `7.“…”48.20万元`, then `2026年预算安排49.50万元`); silent when the same to the printed
/// precision, and on last year's or the 执行数's amounts. check(input, expect)
#[test]
fn n010_an_items_amount_restated_otherwise_in_its_own_text() {
    let said = |text: &str| {
        check(&with_text(
            totals_doc(),
            &["财政拨款支出主要内容如下：", text],
        ))
        .into_iter()
        .filter(|f| f.rule == "N010")
        .map(|f| (f.expected, f.actual))
        .collect::<Vec<_>>()
    };
    assert_eq!(
        said("7.“信息化建设项目”48.20万元，主要用于系统运维。2025年当年预算执行数为45.00万元，2026年预算安排49.50万元，比2025年预算执行数增加10.00%。"),
        [(Some("48.20万元".into()), Some("49.50万元".into()))]
    );
    for right in [
        "7.“信息化建设项目”48.20万元，主要用于系统运维。2025年当年预算执行数为45.00万元，2026年预算安排48.20万元，比2025年预算执行数增加7.11%。",
        "7.“信息化建设项目”48.20万元，主要用于系统运维。2026年预算安排48.2万元。",
        "7.“信息化建设项目”48.20万元，主要用于系统运维。2025年预算安排49.50万元。",
    ] {
        assert!(said(right).is_empty(), "{right}: {:?}", said(right));
    }
}
