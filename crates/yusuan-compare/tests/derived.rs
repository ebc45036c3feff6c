//! Comparisons against prior-year documents derived from seed 000 for the purpose (made by this
//! test, not real documents; see fixtures/SOURCES.md): a renamed code, a removed and a new line,
//! a code changed through the mapping table, and a 万元 document against a 元 one.

use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_compare::{compare, Flag, Mapping, Options};
use yusuan_domain::{Cell, Document, RowCode, TableKind, Unit};

/// A seed fixture (`fixtures/{name}`), read as the importer reads a text file named by the
/// seed's number (`000.txt`).
fn seed(name: &str) -> Document {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let short = format!("{}.txt", &name[..3]);
    yusuan_import::import_text(&short, &std::fs::read(path).unwrap())
        .unwrap()
        .document
}

/// The document's table of this kind, to change.
fn table_mut(doc: &mut Document, kind: TableKind) -> &mut yusuan_domain::Table {
    doc.tables.iter_mut().find(|t| t.kind == kind).unwrap()
}

/// `before` and `now` compared (labelled `labels`) with no mapping.
fn compare_two(
    before: &Document,
    now: &Document,
    labels: [&str; 2],
    options: &Options,
) -> yusuan_compare::Comparison {
    compare(
        &[(before, labels[0].into()), (now, labels[1].into())],
        &Mapping::default(),
        options,
    )
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn line<'a>(
    c: &'a yusuan_compare::Comparison,
    table: TableKind,
    code: &str,
    column: &str,
) -> &'a yusuan_compare::AlignedLine {
    c.lines
        .iter()
        .find(|l| l.key.table == table && l.key.code == code && l.key.column == column)
        .unwrap_or_else(|| panic!("{code} {column}"))
}

#[test]
fn derived_prior_year_renamed_removed_new_mapped_and_in_wan() {
    let now = seed("000_e54fcd81d7b1024c.txt"); // 2026, amounts in 元
    let mut before = now.clone();
    before.meta.year = 2025;
    let exp = table_mut(&mut before, TableKind::Expenditure);
    // 2025 printed 2013901 under another name, and one more 项 (2013998) that 2026 dropped.
    let r = exp
        .rows
        .iter_mut()
        .find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2013901"))
        .unwrap();
    r.label = "行政运行（旧称）".into();
    let mut extra = r.clone();
    extra.code = Some(RowCode::Function(
        yusuan_domain::FunctionCode::parse("2013998").unwrap(),
    ));
    extra.label = "已取消的项（测试用）".into();
    exp.rows.push(extra);
    // 2026's 2013903 did not exist in 2025 (new line).
    exp.rows
        .retain(|r| r.code.as_ref().is_none_or(|c| c.as_str() != "2013903"));
    // The 2025 economic table was printed in 万元 (same money).
    let eco = table_mut(&mut before, TableKind::GeneralPublicBasicEconomic);
    eco.unit = Unit::WanYuan;
    for r in &mut eco.rows {
        for c in &mut r.cells {
            if let Cell::Amount { value, printed } = c {
                *value /= Decimal::from(10_000);
                *printed = value.to_string();
            }
        }
    }
    // 2025's 30201 became 30299 from 2026 on (a made-up catalogue change for the test).
    let mapping = Mapping::parse("economic\t30201\t30299\t2026\t合并（测试用）\n").unwrap();
    let c = compare(
        &[(&now, "2026".into()), (&before, "2025".into())],
        &mapping,
        &Options::default(),
    );
    assert_eq!(
        c.documents.iter().map(|d| d.year).collect::<Vec<_>>(),
        [2025, 2026],
        "oldest first"
    );
    let renamed = line(&c, TableKind::Expenditure, "2013901", "支出预算/基本支出");
    assert!(
        renamed.flags.contains(&Flag::Renamed),
        "{:?}",
        renamed.flags
    );
    assert_eq!(renamed.row_label, "行政运行");
    assert!(renamed.change.is_zero());
    let removed = line(&c, TableKind::Expenditure, "2013998", "支出预算/基本支出");
    assert!(removed.flags.contains(&Flag::Removed));
    assert_eq!(removed.amounts[1], None);
    assert_eq!(removed.change, -removed.amounts[0].unwrap());
    let new: Vec<_> = c
        .lines
        .iter()
        .filter(|l| l.key.table == TableKind::Expenditure && l.key.code == "2013903")
        .collect();
    assert!(
        !new.is_empty()
            && new
                .iter()
                .all(|l| l.flags.contains(&Flag::New) && l.amounts[0].is_none())
    );
    // 万元 against 元: identical money, no change on any economic line except the mapped ones.
    let eco: Vec<_> = c
        .lines
        .iter()
        .filter(|l| l.key.table == TableKind::GeneralPublicBasicEconomic)
        .collect();
    assert!(!eco.is_empty());
    for l in &eco {
        if l.key.code == "30201" || l.key.code == "30299" {
            continue;
        }
        assert!(
            l.change.is_zero(),
            "{} {}: {:?}",
            l.key.code,
            l.key.column,
            l.amounts
        );
    }
    let mapped = eco
        .iter()
        .find(|l| l.key.code == "30299" && l.mapped_from.is_some())
        .expect("30201 compared as 30299");
    assert!(mapped.flags.contains(&Flag::Mapped));
    assert_eq!(mapped.mapped_from.as_deref(), Some("30201"));
}

#[test]
fn percent_share_and_threshold() {
    let now = seed("000_e54fcd81d7b1024c.txt");
    let mut before = now.clone();
    before.meta.year = 2025;
    let exp = table_mut(&mut before, TableKind::Expenditure);
    let total_col = exp
        .columns
        .iter()
        .position(|c| c.name() == "支出预算/合计")
        .unwrap();
    for r in &mut exp.rows {
        if r.code.as_ref().is_some_and(|c| c.as_str() == "2013901") || r.is_total() {
            if let Cell::Amount { value, .. } = &mut r.cells[total_col] {
                *value -= d("1000000"); // 2025 had 100万元 less
            }
        }
    }
    let c = compare_two(&before, &now, ["a", "b"], &Options::default());
    let l = line(&c, TableKind::Expenditure, "2013901", "支出预算/合计");
    let (a, b) = (l.amounts[0].unwrap(), l.amounts[1].unwrap());
    assert_eq!(l.change, d("1000000"));
    assert_eq!(
        l.change_percent,
        Some((d("1000000") * d("100") / a).round_dp(2))
    );
    assert!(l.share_percent[1].unwrap() > Decimal::ZERO && l.share_percent[1].unwrap() <= d("100"));
    assert_eq!(b - a, l.change);
    let big = l.change_percent.unwrap().abs() >= d("10");
    assert_eq!(l.flags.contains(&Flag::BeyondThreshold), big);
    let strict = Options {
        threshold_percent: d("0"),
        threshold_yuan: d("1000000"),
    };
    let c = compare_two(&before, &now, ["a", "b"], &strict);
    assert!(line(&c, TableKind::Expenditure, "2013901", "支出预算/合计")
        .flags
        .contains(&Flag::BeyondThreshold));
    let loose = Options {
        threshold_percent: d("0"),
        threshold_yuan: d("1000001"),
    };
    let c = compare_two(&before, &now, ["a", "b"], &loose);
    assert!(
        !line(&c, TableKind::Expenditure, "2013901", "支出预算/合计")
            .flags
            .contains(&Flag::BeyondThreshold)
    );
}

#[test]
fn projects_align_by_name_when_names_drift() {
    let now = seed("003_f631a08b6fb80526.txt");
    let mut before = now.clone();
    before.meta.year -= 1;
    before.projects[1].name = "党建工作经费".into(); // the 2025 name (made up for the test)
    before.projects[1].total = Some(yusuan_domain::Amount::wan(d("180.00")));
    before.projects.remove(6); // 体检费 is new in the later year
    let c = compare_two(&before, &now, ["a", "b"], &Options::default());
    let party = c
        .lines
        .iter()
        .find(|l| l.table_title == "党建工作经费情况说明" && l.row_label == "项目预算合计")
        .unwrap();
    assert_eq!(party.amounts, [Some(d("1800000")), Some(d("1980000"))]);
    assert_eq!(party.change, d("180000"));
    let health = c
        .lines
        .iter()
        .find(|l| l.table_title.starts_with("局、处级干部体检费") && l.row_label == "项目预算合计")
        .unwrap();
    assert!(health.flags.contains(&Flag::New));
    // A name that is not alike stays apart: two lines, one removed and one new.
    before.projects[0].name = "完全不同的项目".into();
    let c = compare_two(&before, &now, ["a", "b"], &Options::default());
    assert!(
        c.lines
            .iter()
            .any(|l| l.table_title == "完全不同的项目经费情况说明"
                && l.flags.contains(&Flag::Removed))
    );
    assert!(c
        .lines
        .iter()
        .any(|l| l.table_title == "干部工作经费情况说明" && l.flags.contains(&Flag::New)));
}

/// Seed 004's 整体支出绩效目标表 quotes 2025 amounts (近两年收支金额 / 2025 年, lines 363–370); a
/// 2025 document derived from it for the test carries those amounts as its own 当年金额. When it
/// is in the comparison, the quotes are checked against it (Q004).
#[test]
fn hubei_prior_year_quotes_are_checked_against_the_prior_document() {
    let now = seed("004_dd8ce94d1496a6c0.txt");
    let t = now.table(TableKind::DepartmentPerformance).unwrap();
    let (cur, prior) = (3, 5); // 第4列 当年金额, 第6列 近两年收支金额/2025 年 (see the golden)
    assert_eq!(
        t.rows
            .iter()
            .find(|r| r.label.ends_with("收入 构成/合 计"))
            .unwrap()
            .cells[prior]
            .amount(),
        Some(d("806.77"))
    );
    let mut before = now.clone();
    before.meta.year = 2025;
    let bt = table_mut(&mut before, TableKind::DepartmentPerformance);
    for r in &mut bt.rows {
        if let Some(v) = r.cells.get(prior).and_then(|c| c.amount()) {
            r.cells[cur] = Cell::Amount {
                value: v,
                printed: v.to_string(),
            };
        }
    }
    let c = compare_two(&before, &now, ["2025", "2026"], &Options::default());
    assert!(
        c.findings.iter().all(|f| f.rule != "Q004"),
        "{:?}",
        c.findings
    );
    let r = bt_row(&mut before, "收入 构成/合 计");
    r.cells[cur] = Cell::Amount {
        value: d("800.00"),
        printed: "800.00".into(),
    };
    let c = compare_two(&before, &now, ["2025", "2026"], &Options::default());
    let q: Vec<_> = c.findings.iter().filter(|f| f.rule == "Q004").collect();
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        (q[0].expected.as_deref(), q[0].actual.as_deref()),
        (Some("800.00万元"), Some("806.77万元"))
    );
}

fn bt_row<'a>(doc: &'a mut Document, label: &str) -> &'a mut yusuan_domain::Row {
    let t = table_mut(doc, TableKind::DepartmentPerformance);
    t.rows
        .iter_mut()
        .find(|r| r.label.ends_with(label))
        .unwrap()
}
