//! Drafts rolled forward from every real document with tables: the derived tables equal the
//! source's cell for cell except where the source contradicts itself (and the checker says so
//! there); one edit changes exactly the cells that contain it, in every table, and the figures of
//! the narrative. Goldens: `fixtures/golden/draft-roll.tsv` and `draft-edit.tsv`, written with
//! `UPDATE_GOLDEN=1` and read against the sources (see fixtures/SOURCES.md).

use rust_decimal::Decimal;
use yusuan_domain::{Document, SectionKind};
use yusuan_draft::{derive, derive_table_values, draft_findings, roll_forward, LeafKey};

mod common;

use common::{fixture, JIANGSU};
use yusuan_testkit::{root, section_text};

fn golden(name: &str, actual: &str) {
    let path = root().join("fixtures/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expect = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expect == actual,
        "{name} differs from the golden; run with UPDATE_GOLDEN=1 and review the diff\n{actual}"
    );
}

/// Every real document with tables: (file, leaves (with 政府采购's 货物/工程/服务/中小企业预留 (and
/// of it 预留给小型和微型企业) and
/// the 国有资产 counts, 绩效目标 summary and units by kind where the narrative states them), cells
/// that differ from the source, the
/// arithmetic 错误 the draft inherits).
const DOCS: [(&str, usize, usize, &[&str]); 8] = [
    // 000's 分单位 and 经济分类 tables print totals 1 元 above their parts (T001); their leaves
    // sum 1 元 below the function tables, which the draft shows between tables until fixed.
    ("000_e54fcd81d7b1024c.txt", 116, 5, &["X003", "X005"]),
    ("001_e395be5bb9699fb6.txt", 98, 0, &[]),
    ("004_dd8ce94d1496a6c0.txt", 110, 4, &[]),
    (
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        140,
        0,
        &[],
    ),
    (
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        140,
        4,
        &[],
    ),
    (
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
        92,
        0,
        &[],
    ),
    // The 单位 财务收支总表 prints 人员经费/公用经费 by 功能类, which its function tables do not
    // split: those 8 cells are leaves of their own (its 支出总计 row sums the economic leaves).
    (
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
        96,
        0,
        &[],
    ),
    // Jiangsu's function tables print each 项's total only: the 基本/项目/单位预留机动经费 split is
    // spread over the 项 (estimated, margins exact); the 80 万元 of 其他资金 sits at 类 level.
    (JIANGSU, 48, 0, &[]),
];

#[test]
fn roll_forward_reproduces_every_table_cell_but_the_sources_own_contradictions() {
    let mut out = String::from("document\ttable\trow\tcolumn\tprinted\tderived\tfindings\n");
    for (name, leaves, differing, inherited) in DOCS {
        let doc = fixture(name);
        let (draft, report) = roll_forward(&doc, 1, None).unwrap();
        assert_eq!(draft.year, doc.meta.year + 1, "{name}");
        assert_eq!(report.leaves, leaves, "{name}: leaves");
        assert_eq!(
            report.contradictions.len(),
            differing,
            "{name}: cells that differ"
        );
        for c in &report.contradictions {
            assert!(
                !c.findings.is_empty(),
                "{name}: {c:?} differs but the checker reports nothing there"
            );
            let rules: Vec<&str> = c.findings.iter().map(|f| &f[..4]).collect();
            out.push_str(&format!(
                "{name}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                c.table,
                c.row,
                c.column,
                c.printed,
                c.derived,
                rules.join(",")
            ));
        }
        // Every baseline is where it came from.
        assert!(
            draft
                .leaves
                .iter()
                .all(|l| l.origin.as_ref().is_some_and(|o| !o.table.is_empty())),
            "{name}: a leaf without origin"
        );
        // The derived draft is consistent by construction: no arithmetic or text 错误 but those the
        // source's own slips leave between two breakdowns.
        let errors: Vec<&str> = draft_findings(&draft)
            .into_iter()
            .filter(|f| f.severity == yusuan_check::Severity::Error)
            .map(|f| f.rule)
            .collect();
        assert_eq!(errors, inherited, "{name}");
    }
    golden("draft-roll.tsv", &out);
}

#[test]
fn roll_forward_totals_are_the_sources() {
    // 收入总计 as printed in each source (read against the PDFs / seeds).
    for (name, total) in [
        ("000_e54fcd81d7b1024c.txt", "68643213"),
        (
            "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
            "189767551",
        ),
        (
            "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
            "91016775.35",
        ),
        ("004_dd8ce94d1496a6c0.txt", "8808400"),
    ] {
        let (draft, _) = roll_forward(&fixture(name), 1, None).unwrap();
        let figures = yusuan_draft::narrative::figures(&draft);
        let income = figures.iter().find(|f| f.key == "说明|收入预算").unwrap();
        assert_eq!(income.current, total.parse::<Decimal>().unwrap(), "{name}");
        assert_eq!(income.baseline, income.current, "{name}");
    }
}

fn changed_cells(before: &[yusuan_domain::Table], after: &[yusuan_domain::Table]) -> Vec<String> {
    let mut out = Vec::new();
    for (b, a) in before.iter().zip(after) {
        assert_eq!(
            b.rows.len(),
            a.rows.len(),
            "{}: an edit of an existing line adds or drops no row",
            b.title
        );
        for (rb, ra) in b.rows.iter().zip(&a.rows) {
            for (c, (cb, ca)) in rb.cells.iter().zip(&ra.cells).enumerate() {
                if cb != ca {
                    let code = rb.code.as_ref().map(|c| c.as_str()).unwrap_or("");
                    out.push(format!(
                        "{}\t{code} {}\t{}\t{}\t{}",
                        b.title,
                        rb.label,
                        b.columns[c].name(),
                        cb.printed(),
                        ca.printed()
                    ));
                }
            }
        }
    }
    out
}

fn explanation(doc: &Document) -> Vec<String> {
    doc.section(SectionKind::BudgetExplanation)
        .map(|s| s.paragraphs.iter().map(|p| p.text.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn one_edit_changes_exactly_the_cells_and_figures_that_contain_it() {
    let mut out = String::new();
    // One per format: Shanghai 11 tables, Shanghai 9 tables (PDF), Hubei 15 tables (万元),
    // Jiangsu 12 tables (万元, two files).
    for (name, key, total_wan) in [
        (
            "000_e54fcd81d7b1024c.txt",
            "支出|一般公共预算|2013901|基本支出",
            "6,864.42",
        ),
        (
            "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
            "支出|一般公共预算|2010507|项目支出",
            "18,976.86",
        ),
        (
            "004_dd8ce94d1496a6c0.txt",
            "支出|一般公共预算|2010350|人员经费",
            "880.94",
        ),
        (JIANGSU, "支出|一般公共预算|2010202|项目支出", "10,150.58"),
    ] {
        let (mut draft, _) = roll_forward(&fixture(name), 1, None).unwrap();
        // The generated narrative, to the 0.01万元 (a restated one prints the source's precision:
        // crates/yusuan-api/tests/draft_restated.rs).
        draft.restated.clear();
        let before = derive_table_values(&draft);
        let text_before = explanation(&derive(&draft));
        let k = LeafKey::parse(key).unwrap();
        draft.leaf_mut(&k).expect(key).value += Decimal::from(1000);
        let after = derive_table_values(&draft);
        let cells = changed_cells(&before, &after);
        assert!(!cells.is_empty(), "{name}");
        out.push_str(&format!("== {name} {key} +1000\n"));
        for c in &cells {
            out.push_str(c);
            out.push('\n');
        }
        // The narrative: the 收入/支出/财政拨款 totals and the 项's item line change, with 比上年 +0.10万元.
        let text_after = explanation(&derive(&draft));
        assert_eq!(text_before.len(), text_after.len());
        let changed: Vec<&String> = text_after
            .iter()
            .zip(&text_before)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a)
            .collect();
        assert_eq!(
            changed.len(),
            4,
            "{name}: 收入, 支出, 财政拨款 paragraphs and one item line: {changed:#?}"
        );
        assert!(
            changed[0].contains(&format!("收入预算{total_wan}万元，比"))
                && changed[0].contains("增加0.10万元"),
            "{name}: {}",
            changed[0]
        );
        let code = match &k {
            LeafKey::Spend { function, .. } => function.as_str().to_string(),
            _ => unreachable!(),
        };
        let item_name = draft.name_of(&code).to_string();
        assert!(
            changed[3].contains(&format!("{item_name}（项）”科目")),
            "{name}: {}",
            changed[3]
        );
    }
    golden("draft-edit.tsv", &out);
}

#[test]
fn an_edit_on_one_breakdown_leaves_a_visible_difference_on_the_other() {
    // The published tables never say which economic 款 sits under which function 项: an edit of
    // a function line is not silently spread over economic lines; the checker shows the gap.
    let (mut draft, _) = roll_forward(
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        1,
        None,
    )
    .unwrap();
    let errors = |d: &yusuan_draft::Draft| -> Vec<&'static str> {
        draft_findings(d)
            .iter()
            .filter(|f| f.severity == yusuan_check::Severity::Error)
            .map(|f| f.rule)
            .collect()
    };
    assert!(errors(&draft).is_empty());
    let basic = draft
        .leaves
        .iter()
        .find(|l| {
            matches!(
                &l.key,
                LeafKey::Spend {
                    kind: yusuan_draft::SpendKind::Basic,
                    ..
                }
            ) && !l.value.is_zero()
        })
        .unwrap()
        .key
        .clone();
    draft.leaf_mut(&basic).unwrap().value += Decimal::from(1000);
    assert_eq!(errors(&draft), ["X003"]);
    // Balanced on the economic side, the gap closes.
    let e = LeafKey::parse("经济|30101|人员经费").unwrap();
    draft.leaf_mut(&e).unwrap().value += Decimal::from(1000);
    assert!(errors(&draft).is_empty(), "{:?}", errors(&draft));
}

#[test]
fn procurement_is_edited_by_its_parts_and_the_narrative_states_their_sum() {
    let doc = fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let stated = doc
        .stated
        .procurement
        .clone()
        .expect("wanli 2025 states its 政府采购");
    let (mut draft, _) = roll_forward(&doc, 1, None).unwrap();
    let part = |p: yusuan_draft::ProcurementPart| LeafKey::Procurement { part: p };
    use yusuan_draft::ProcurementPart::*;
    // Rolled forward: the parts as stated (货物 57.43, 工程 3780.72, 服务 983.05 万元), their sum
    // the stated total, each with where it was stated.
    let goods = draft.leaf(&part(Goods)).unwrap();
    assert_eq!(goods.value, Decimal::from(574_300));
    assert_eq!(goods.origin.as_ref().unwrap().row, "政府采购预算");
    assert!(
        draft.leaf(&part(Total)).is_none(),
        "the total is not a leaf where parts are stated"
    );
    let derived = yusuan_draft::stated(&draft).procurement.unwrap();
    assert_eq!(derived.total.to_yuan(), stated.total.to_yuan());
    let other = |d: &yusuan_draft::Draft| section_text(&derive(d), SectionKind::OtherExplanations);
    assert!(
        other(&draft).contains("政府采购预算4821.20万元，其中：政府采购货物预算57.43万元"),
        "{}",
        other(&draft)
    );
    // One edit of 货物: the total and its sentence follow; nothing else of the text changes.
    let before = other(&draft);
    draft.leaf_mut(&part(Goods)).unwrap().value += Decimal::from(10_000);
    let after = other(&draft);
    assert!(
        after.contains("政府采购预算4822.20万元，其中：政府采购货物预算58.43万元"),
        "{after}"
    );
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
}

#[test]
fn a_line_under_a_new_class_gets_its_row_in_the_ledger_tables() {
    use yusuan_domain::{LedgerSide, TableKind};
    let (mut draft, _) = roll_forward(
        &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        1,
        None,
    )
    .unwrap();
    // wanli prints nine 支出 类 (201 … 221); 213 农林水支出 is new.
    let key = LeafKey::parse("支出|一般公共预算|2130101|项目支出").unwrap();
    draft.leaves.push(yusuan_draft::Leaf {
        key,
        label: String::new(),
        value: Decimal::from(50_000),
        baseline: None,
        origin: None,
        estimated: false,
        unit: None,
    });
    let doc = derive(&draft);
    for kind in [TableKind::FinancialSummary, TableKind::FiscalSummary] {
        let t = doc.table(kind).unwrap();
        let spend: Vec<&yusuan_domain::Row> = t
            .rows
            .iter()
            .filter(|r| r.side == Some(LedgerSide::Expenditure))
            .collect();
        let labels: Vec<&str> = spend.iter().map(|r| r.label.as_str()).collect();
        // In code order (213 before 221 住房保障支出), the rows after it numbered on.
        let at = labels
            .iter()
            .position(|l| *l == "九、农林水支出")
            .unwrap_or_else(|| panic!("{kind:?}: {labels:?}"));
        assert_eq!(
            (labels[at - 1], labels[at + 1]),
            ("八、城乡社区支出", "十、住房保障支出"),
            "{kind:?}"
        );
        let amount = |r: &yusuan_domain::Row| {
            r.cells
                .iter()
                .filter_map(|c| c.amount())
                .next()
                .unwrap_or_default()
        };
        assert_eq!(amount(spend[at]), Decimal::from(50_000), "{kind:?}");
        // The 类 rows add up to 支出总计 again.
        let classes: Decimal = spend
            .iter()
            .filter(|r| r.label.contains('、'))
            .map(|r| amount(r))
            .sum();
        let total = spend
            .iter()
            .find(|r| r.label.contains("总计"))
            .map(|r| amount(r))
            .unwrap();
        assert_eq!(classes, total, "{kind:?}");
    }
    // The findings on the derived draft name the new line's code only, not an unbalanced ledger.
    let errors: Vec<&str> = draft_findings(&draft)
        .into_iter()
        .filter(|f| f.severity == yusuan_check::Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
