//! Blank drafts of every format: the source's tables and columns with none of its money, rows or
//! texts; filled with a few lines, every table derives them and adds up, and the only 错误 left
//! are the texts still to be written.

use rust_decimal::Decimal;
use std::path::PathBuf;
use yusuan_check::Severity;
use yusuan_domain::{Cell, Document, RowCode, TableKind};
use yusuan_draft::{
    blank, derive, draft_findings, roll_forward, BlankFor, Draft, Leaf, LeafKey, SpendKind,
};

mod common;

use common::{fixture, JIANGSU};
use yusuan_testkit::all_text;

const FORMATS: [&str; 5] = [
    "000_e54fcd81d7b1024c.txt",
    "004_dd8ce94d1496a6c0.txt",
    "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
    "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
    JIANGSU,
];

fn for_new() -> BlankFor {
    BlankFor {
        department: "上海市嘉定区新设局".into(),
        year: 2027,
        region: Some("上海市嘉定区".into()),
    }
}

fn amounts(doc: &Document) -> Vec<(String, String, Decimal)> {
    doc.tables
        .iter()
        .flat_map(|t| {
            t.rows.iter().flat_map(move |r| {
                r.cells
                    .iter()
                    .filter_map(move |c| c.amount().map(|v| (t.title.clone(), r.label.clone(), v)))
            })
        })
        .collect()
}

fn set(d: &mut Draft, key: &str, yuan: i64) {
    let key = LeafKey::parse(key).unwrap();
    let value = Decimal::from(yuan);
    match d.leaves.iter_mut().find(|l| l.key == key) {
        Some(l) => l.value = value,
        None => d.leaves.push(Leaf {
            label: d.label_for(&key),
            key,
            value,
            baseline: None,
            origin: None,
            estimated: false,
            unit: None,
        }),
    }
}

fn errors(d: &Draft) -> Vec<&'static str> {
    draft_findings(d)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect()
}

#[test]
fn a_blank_draft_keeps_the_format_and_nothing_of_the_source() {
    for name in FORMATS {
        let source = fixture(name);
        let (rolled, _) = roll_forward(&source, 1, None).unwrap();
        let d = blank(&rolled, &for_new());
        assert_eq!(
            (d.year, d.base_year, d.source_document),
            (2027, None, None),
            "{name}"
        );
        assert!(
            d.leaves
                .iter()
                .all(|l| l.value.is_zero() && l.baseline.is_none() && l.origin.is_none()),
            "{name}"
        );
        assert!(
            !d.leaves
                .iter()
                .any(|l| matches!(l.key, LeafKey::Spend { .. } | LeafKey::Economic { .. })),
            "{name}"
        );
        assert!(
            d.projects.is_empty() && d.performance_forms.is_empty() && d.units.is_empty(),
            "{name}"
        );
        let doc = derive(&d);
        // The same tables, titled for the new year and department.
        let kinds = |doc: &Document| doc.tables.iter().map(|t| t.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&doc), kinds(&source), "{name}");
        for t in &doc.tables {
            assert!(
                !t.title.contains(&source.meta.department) || source.meta.department.is_empty(),
                "{name}: {}",
                t.title
            );
            assert!(
                !t.title.contains(&source.meta.year.to_string()),
                "{name}: {}",
                t.title
            );
            // No row of the source's own: no codes, no money.
            assert!(
                t.rows.iter().all(|r| !matches!(
                    r.code,
                    Some(
                        RowCode::Function(_)
                            | RowCode::Economic(_)
                            | RowCode::Unit(_)
                            | RowCode::Project(_)
                    )
                )),
                "{name}: {}",
                t.title
            );
        }
        assert!(
            amounts(&doc).iter().all(|(_, _, v)| v.is_zero()),
            "{name}: {:?}",
            amounts(&doc).iter().find(|a| !a.2.is_zero())
        );
        assert!(
            doc.meta.title.contains("2027"),
            "{name}: {}",
            doc.meta.title
        );
        // Nothing of the source's text: each carried section is a placeholder the checker reports.
        let errs = errors(&d);
        assert!(
            !errs.is_empty() && errs.iter().all(|r| *r == "R006"),
            "{name}: {errs:?}"
        );
    }
}

#[test]
fn a_filled_blank_draft_derives_every_table_from_its_lines() {
    for name in FORMATS {
        let (rolled, _) = roll_forward(&fixture(name), 1, None).unwrap();
        let d = a_blank_filled_with_a_few_lines(&rolled);
        let doc = derive(&d);
        every_total_and_code_is_the_lines(&doc, name);
        the_ledgers_print_the_two_classes_they_spend_on(&doc, name);
        let errs = errors(&d);
        assert!(
            errs.is_empty(),
            "{name}: {:#?}",
            draft_findings(&d)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect::<Vec<_>>()
        );
        // No 上年 to compare with: the 编制说明 states this year's figures only, and no change
        // needs a reason.
        let text = all_text(&doc);
        assert!(
            text.contains("收入预算220.00万元") && !text.contains("比2026年"),
            "{name}: {text}"
        );
        assert!(
            !draft_findings(&d).iter().any(|f| f.rule == "R001"),
            "{name}"
        );
    }
}

/// The blank draft of `rolled` filled as a user fills it: 2,200,000 元 of spending on three
/// codes, the economic lines, one unit holding it all (where the format lists units), and every
/// text written.
fn a_blank_filled_with_a_few_lines(rolled: &Draft) -> Draft {
    let split = rolled.leaves.iter().any(|l| {
        matches!(
            &l.key,
            LeafKey::Spend {
                kind: SpendKind::Personnel,
                ..
            }
        )
    });
    let mut d = blank(rolled, &for_new());
    let (personnel, public) = if split {
        ("人员经费", "公用经费")
    } else {
        ("基本支出", "基本支出")
    };
    set(
        &mut d,
        &format!("支出|一般公共预算|2010101|{personnel}"),
        1_200_000,
    );
    if split {
        set(
            &mut d,
            &format!("支出|一般公共预算|2010101|{public}"),
            300_000,
        );
    } else {
        set(&mut d, "支出|一般公共预算|2010101|基本支出", 1_500_000);
    }
    set(
        &mut d,
        &format!("支出|一般公共预算|2080505|{personnel}"),
        200_000,
    );
    set(&mut d, "支出|一般公共预算|2010150|项目支出", 500_000);
    set(&mut d, "经济|30101|人员经费", 1_400_000);
    set(&mut d, "经济|30201|公用经费", 300_000);
    // A department whose format lists its units: one unit holds it all.
    if let Ok((_, keys)) = yusuan_draft::add_unit(&mut d, "上海市嘉定区新设局（本级）", None)
    {
        for k in keys {
            let LeafKey::Cell { column, .. } = &k else {
                unreachable!()
            };
            let v = if column.contains("人员") {
                1_400_000
            } else if column.contains("公用") {
                300_000
            } else if column.contains("项目") {
                500_000
            } else if column.contains("一般公共预算") && !column.contains("结转") {
                2_200_000
            } else {
                0
            };
            set(&mut d, &k.to_string(), v);
        }
    }
    for s in &mut d.sections {
        for p in &mut s.paragraphs {
            if p.text.contains("待补充") {
                p.text = "本部门负责辖区内的相关工作。".into();
            }
        }
    }
    d
}

/// Every total is the lines' 2,200,000 元, and the codes are the lines' own, in order.
fn every_total_and_code_is_the_lines(doc: &Document, name: &str) {
    // 2,200,000 元 in every total.
    let total = Decimal::from(2_200_000);
    let exp = doc
        .tables
        .iter()
        .find(|t| t.kind == TableKind::Expenditure)
        .unwrap_or_else(|| panic!("{name}: no 支出总表"));
    // (Jiangsu's 支出总表 is one unlabelled row of totals.)
    let total_row = exp
        .rows
        .iter()
        .find(|r| r.code.is_none() && (r.is_total() || r.label.is_empty()))
        .unwrap();
    let first = total_row.cells.iter().find_map(Cell::amount).unwrap();
    assert_eq!(first * exp.unit.in_yuan(), total, "{name}");
    // The codes, where the 支出总表 prints them, else in the 一般公共预算 table.
    let coded = |t: &&yusuan_domain::Table| t.rows.iter().any(|r| r.code.is_some());
    let by_code = Some(exp)
        .filter(coded)
        .or_else(|| {
            doc.tables
                .iter()
                .find(|t| t.kind == TableKind::GeneralPublicFunction)
        })
        .unwrap();
    let codes: Vec<&str> = by_code
        .rows
        .iter()
        .filter_map(|r| r.code.as_ref().map(|c| c.as_str()))
        .collect();
    assert_eq!(
        codes,
        ["201", "20101", "2010101", "2010150", "208", "20805", "2080505"],
        "{name}"
    );
}

/// The ledgers print the two 类 they spend on, in order, and balance.
fn the_ledgers_print_the_two_classes_they_spend_on(doc: &Document, name: &str) {
    // (Hubei's and Jiangsu's list every 类, the others the ones with money.)
    for t in doc.tables.iter().filter(|t| {
        matches!(
            t.kind,
            TableKind::FinancialSummary | TableKind::FiscalSummary
        )
    }) {
        let labels: Vec<String> = t
            .rows
            .iter()
            .filter(|r| r.side == Some(yusuan_domain::LedgerSide::Expenditure))
            .map(|r| yusuan_domain::strip_numbering(&r.label).to_string())
            .collect();
        if !labels.iter().any(|l| {
            l.ends_with("支出")
                && yusuan_draft::class_name("201").is_some()
                && !["基本支出", "项目支出"].contains(&l.as_str())
        }) {
            // Jiangsu's 财政拨款收支总表 prints its spending by use only.
            continue;
        }
        let at = |n: &str| {
            labels
                .iter()
                .position(|l| l == n)
                .unwrap_or_else(|| panic!("{name} {}: {n} not in {labels:?}", t.title))
        };
        let (a, b) = (at("一般公共服务支出"), at("社会保障和就业支出"));
        if name.starts_with("004") || name == JIANGSU {
            // Hubei and Jiangsu list every 类.
            assert!(labels.len() > 20 && a < b, "{name} {}: {labels:?}", t.title);
        } else {
            assert_eq!(b, a + 1, "{name} {}: {labels:?}", t.title);
        }
    }
}

#[test]
fn a_unit_added_gets_its_row_in_every_unit_table_and_removing_it_restores_the_draft() {
    let (mut d, _) = roll_forward(&fixture("000_e54fcd81d7b1024c.txt"), 1, None).unwrap();
    let before = derive(&d);
    let (code, keys) = yusuan_draft::add_unit(&mut d, "上海市社会工作培训中心", None).unwrap();
    // 000 numbers its two units 1 and 2.
    assert_eq!(code, "3");
    let columns: Vec<String> = keys
        .iter()
        .map(|k| match k {
            LeafKey::Cell { table, column, .. } => format!("{table}|{column}"),
            _ => unreachable!(),
        })
        .collect();
    assert!(
        columns.len() >= 3 && columns.iter().any(|c| c.contains("人员经费")),
        "{columns:?}"
    );
    assert_eq!(
        yusuan_draft::listed_units(&d)
            .iter()
            .map(|(n, c)| format!("{c} {n}"))
            .collect::<Vec<_>>(),
        [
            "1 中共上海市委社会工作部",
            "2 上海市社会工作发展服务中心",
            "3 上海市社会工作培训中心"
        ]
    );
    // A second unit of the same name, or a unit in a format without unit tables, is refused.
    assert_eq!(
        yusuan_draft::add_unit(&mut d, "上海市社会工作培训中心", None),
        Err(yusuan_draft::UnitError::Exists(
            "上海市社会工作培训中心".into()
        ))
    );
    let (mut nine, _) = roll_forward(
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        1,
        None,
    )
    .unwrap();
    assert_eq!(
        yusuan_draft::add_unit(&mut nine, "某单位", None),
        Err(yusuan_draft::UnitError::NoUnitTables)
    );
    // At zero, the tables print the new row and nothing else changes.
    let with_unit = derive(&d);
    for (a, b) in before.tables.iter().zip(&with_unit.tables) {
        let extra = b.rows.len() - a.rows.len();
        let unit_table = matches!(
            a.kind,
            TableKind::ExpenditureByUnit | TableKind::FiscalByUnit
        );
        assert_eq!(extra, usize::from(unit_table), "{}", a.title);
        if unit_table {
            let r = b
                .rows
                .iter()
                .find(|r| r.label == "上海市社会工作培训中心")
                .unwrap();
            assert!(
                r.cells.iter().filter_map(Cell::amount).all(|v| v.is_zero()),
                "{}",
                a.title
            );
        }
    }
    // Its amounts go into the 合计 rows.
    let personnel = keys
        .iter()
        .find(|k| {
            k.to_string().contains("支出预算分单位明细表") && k.to_string().contains("人员经费")
        })
        .unwrap();
    set(&mut d, &personnel.to_string(), 1000);
    let t = derive(&d)
        .tables
        .into_iter()
        .find(|t| t.kind == TableKind::ExpenditureByUnit)
        .unwrap();
    let total_before = before
        .tables
        .iter()
        .find(|t| t.kind == TableKind::ExpenditureByUnit)
        .unwrap();
    let first = |t: &yusuan_domain::Table| {
        t.rows
            .iter()
            .find(|r| r.code.is_none() && r.is_total())
            .and_then(|r| r.cells.iter().find_map(Cell::amount))
            .unwrap()
    };
    assert_eq!(first(&t) - first(total_before), Decimal::from(1000));
    // The units now disagree with the department's tables: the checker says where.
    assert!(draft_findings(&d).iter().any(|f| f.rule == "X005"));
    yusuan_draft::remove_unit(&mut d, "上海市社会工作培训中心").unwrap();
    assert_eq!(derive(&d).tables, before.tables);
    assert_eq!(
        yusuan_draft::remove_unit(&mut d, "上海市社会工作培训中心"),
        Err(yusuan_draft::UnitError::Unknown(
            "上海市社会工作培训中心".into()
        ))
    );
}

/// The shipped templates are the real documents of their format made blank; written with
/// `UPDATE_GOLDEN=1`. Nothing of the source department is left in them (the names of the
/// classification codes they print stay: they are the catalogue's, not the department's).
#[test]
fn the_shipped_templates_are_their_formats_made_blank() {
    let sources = [
        ("shanghai-11-bumen", "000_e54fcd81d7b1024c.txt"),
        (
            "shanghai-9-bumen",
            "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        ),
        (
            "shanghai-9-danwei",
            "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
        ),
        ("hubei-15-bumen", "004_dd8ce94d1496a6c0.txt"),
        ("jiangsu-12-bumen", JIANGSU),
    ];
    assert_eq!(sources.len(), yusuan_draft::TEMPLATES.len());
    for (id, name) in sources {
        let source = fixture(name);
        let (rolled, _) = roll_forward(&source, 1, None).unwrap();
        let t = blank(
            &rolled,
            &BlankFor {
                department: yusuan_draft::TEMPLATE_DEPARTMENT.into(),
                year: source.meta.year + 1,
                region: None,
            },
        );
        let json = serde_json::to_string_pretty(&t).unwrap() + "\n";
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(format!("{id}.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).unwrap();
        }
        assert!(
            std::fs::read_to_string(&path).unwrap() == json,
            "{id}: differs from {name} made blank; run with UPDATE_GOLDEN=1 and review the diff"
        );
        for form in yusuan_draft::name_forms(&source.meta.department) {
            assert!(!json.contains(&form), "{id}: still names {form}");
        }
        // Loaded as shipped, and made into a department's draft.
        let shipped = yusuan_draft::template(id).unwrap();
        let d = blank(&shipped, &for_new());
        assert!(
            derive(&d)
                .tables
                .iter()
                .all(|t| !t.title.contains(yusuan_draft::TEMPLATE_DEPARTMENT)),
            "{id}"
        );
        assert!(d.title.contains("2027"), "{id}: {}", d.title);
    }
}
