//! A unit's own 单位预算 from a department's draft: on the real pair of one department's 部门预算
//! and 单位预算 of the same year (the unit's view of the department draft is the 单位预算's own
//! draft, table for table and cell for cell), and placing lines between the units of a
//! department of two (the department's tables never move; each unit's budget holds its lines).

use rust_decimal::Decimal;
use std::collections::BTreeMap;
use yusuan_domain::{Cell, Document, SectionKind, Table};
use yusuan_draft::{
    derive, derive_table_values, place, roll_forward, unit_names, unit_view, LeafKey, UnitError,
};

mod common;

use common::fixture;
use yusuan_testkit::section_text;

/// Every amount of a table by (row code and label, column), in the table's unit.
fn cells(t: &Table) -> BTreeMap<(String, usize), Decimal> {
    let mut out = BTreeMap::new();
    for r in &t.rows {
        let label: String = yusuan_domain::strip_numbering(&r.label)
            .split_whitespace()
            .collect();
        let row = format!(
            "{}{label}",
            r.code
                .as_ref()
                .map(|c| format!("{c:?}"))
                .unwrap_or_default()
        );
        for (c, cell) in r.cells.iter().enumerate() {
            if let Cell::Amount { value, .. } = cell {
                out.insert((row.clone(), c), *value);
            }
        }
    }
    out
}

#[test]
fn a_department_of_one_unit_gives_the_units_budget_as_published() {
    let dept = fixture("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf");
    let unit = fixture("pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf");
    let (d, _) = roll_forward(&dept, 1, None).unwrap();
    // Its 机构设置 lists the 本部 and a unit that "不单列预算，并入本部": one budget unit.
    assert_eq!(unit_names(&d), ["上海市普陀区人民政府办公室本部"]);
    let view = unit_view(&d, "上海市普陀区人民政府办公室").unwrap();
    let (u, _) = roll_forward(&unit, 2, None).unwrap();
    let (mine, theirs) = (derive(&view), derive(&u));
    assert_eq!(mine.meta.scope, yusuan_domain::Scope::Unit);
    assert_eq!(mine.meta.title, theirs.meta.title);
    let titles = |doc: &Document| {
        doc.tables
            .iter()
            .map(|t| t.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&mine), titles(&theirs));
    for (a, b) in mine.tables.iter().zip(&theirs.tables) {
        assert_eq!(a.compiled_by, b.compiled_by, "{}", a.title);
        assert_eq!(a.note, b.note, "{}", a.title);
        // The 单位 财务收支总表 also prints 人员经费/公用经费/项目支出 by 功能类 (its columns 2–4 on
        // the 支出 side, which the 部门 one leaves blank): those are the 单位 layout's own.
        let (x, y) = (cells(a), cells(b));
        let missing: Vec<_> = y.iter().filter(|(k, v)| x.get(*k) != Some(*v)).collect();
        let extra: Vec<_> = x.iter().filter(|(k, v)| y.get(*k) != Some(*v)).collect();
        if a.kind == yusuan_domain::TableKind::FinancialSummary {
            assert!(
                extra.is_empty() && missing.iter().all(|((_, c), _)| (2..=4).contains(c)),
                "{}: {extra:?} {missing:?}",
                a.title
            );
        } else {
            assert!(
                extra.is_empty() && missing.is_empty(),
                "{}: {extra:?} {missing:?}",
                a.title
            );
        }
    }
    let heading = |doc: &Document| {
        doc.sections
            .iter()
            .find(|s| s.kind == SectionKind::BudgetExplanation)
            .map(|s| s.title.clone())
    };
    assert_eq!(heading(&mine), heading(&theirs));
    let other = |doc: &Document| section_text(doc, SectionKind::OtherExplanations);
    assert!(
        other(&mine).contains("本单位政府采购预算34.00万元"),
        "{}",
        other(&mine)
    );
    // The department's own name and its unit's both name the one unit; another is refused.
    assert!(unit_view(&d, "上海市普陀区人民政府办公室本部").is_ok());
    assert!(matches!(
        unit_view(&d, "别的单位"),
        Err(UnitError::NotAUnit { .. })
    ));
}

#[test]
fn placing_lines_moves_money_between_units_and_the_unit_tables_follow() {
    let doc = fixture("000_e54fcd81d7b1024c.txt");
    let (mut d, _) = roll_forward(&doc, 1, None).unwrap();
    let units = unit_names(&d);
    assert_eq!(
        units,
        ["中共上海市委社会工作部", "上海市社会工作发展服务中心"]
    );
    let before = derive_table_values(&d);
    let by_unit = |tables: &[Table]| {
        tables
            .iter()
            .position(|t| t.kind == yusuan_domain::TableKind::ExpenditureByUnit)
            .unwrap()
    };
    let u = by_unit(&before);
    let spend: Vec<LeafKey> = d
        .leaves
        .iter()
        .filter(|l| matches!(l.key, LeafKey::Spend { .. }) && !l.value.is_zero())
        .map(|l| l.key.clone())
        .collect();
    let total = spent(&d);
    // The source's 分单位 table prints 1 元 less than its function tables (X005, inherited).
    assert!(errors(&d).contains(&"X005"));
    // Nothing is placed yet: a unit's budget of a department of two holds only its 分单位 row.
    let centre = unit_view(&d, &units[1]).unwrap();
    assert!(centre
        .leaves
        .iter()
        .all(|l| matches!(l.key, LeafKey::Cell { .. })));
    // All of the first line to the centre, 1,000 元 of the second, the rest to the 本部.
    let first = d.leaf(&spend[0]).unwrap().clone();
    let typed = place(&mut d, &spend[0], None, Some(&units[1]), None)
        .unwrap()
        .typed;
    // Its typed 人员经费/公用经费/项目支出 cells of both tables by unit (all funds; 财政拨款) give
    // way to its lines.
    assert_eq!(
        typed.len(),
        6,
        "{:?}",
        typed.iter().map(|l| l.address()).collect::<Vec<_>>()
    );
    place(
        &mut d,
        &spend[1],
        None,
        Some(&units[1]),
        Some(Decimal::from(1000)),
    )
    .unwrap();
    for k in &spend[1..] {
        place(&mut d, k, None, Some(&units[0]), None).unwrap();
    }
    assert!(d.leaf(&spend[0]).is_none());
    let moved = d.leaf_at(&spend[0], Some(&units[1])).unwrap();
    assert_eq!(
        (moved.value, moved.baseline, &moved.origin),
        (first.value, first.baseline, &first.origin)
    );
    // Every table but those by unit is as it was; those are now the sums of the units' lines,
    // so their 合计 is the department's spending and the source's 1-元 slip is gone.
    let after = derive_table_values(&d);
    for (a, b) in after.iter().zip(&before) {
        if !matches!(
            a.kind,
            yusuan_domain::TableKind::ExpenditureByUnit | yusuan_domain::TableKind::FiscalByUnit
        ) {
            assert_eq!(a, b, "{}", a.title);
        }
    }
    let printed = rows_of(&after[u]);
    let (a, b) = (
        unit_view(&d, &units[0]).unwrap(),
        unit_view(&d, &units[1]).unwrap(),
    );
    assert_eq!(spent(&a) + spent(&b), total);
    assert_eq!(spent(&b), first.value + Decimal::from(1000));
    let unit_of = |name: &str| {
        printed
            .iter()
            .find(|(l, _)| l.trim() == name)
            .map(|(_, c)| c[&0])
            .unwrap()
    };
    assert_eq!(unit_of(&units[0]), spent(&a));
    assert_eq!(unit_of(&units[1]), spent(&b));
    assert_eq!(unit_of("合计"), total);
    assert!(!errors(&d).contains(&"X005"), "{:?}", errors(&d));
    a_units_budget_is_its_own(&b, &units[1]);
    a_bad_placing_is_refused_and_changes_nothing(&mut d, &spend[1], &units);
    // Back to the department's unplaced money: the centre's row keeps only its 1,000 元.
    place(&mut d, &spend[0], Some(&units[1]), None, None).unwrap();
    assert_eq!(d.leaf(&spend[0]).unwrap().value, first.value);
    assert_eq!(
        rows_of(&derive_table_values(&d)[u])
            .iter()
            .find(|(l, _)| l.trim() == units[1])
            .map(|(_, c)| c[&0]),
        Some(Decimal::from(1000))
    );
}

/// A unit's budget (`b`, of `unit`) prints no 分单位 table, names itself and adds up to its lines.
fn a_units_budget_is_its_own(b: &yusuan_draft::Draft, unit: &str) {
    let shown = derive(b);
    assert!(shown.tables.iter().all(|t| !t.title.contains("分单位")));
    assert!(
        shown.tables.iter().all(|t| !t.title.contains("年部门")),
        "{:?}",
        shown.tables.iter().map(|t| &t.title).collect::<Vec<_>>()
    );
    assert_eq!(shown.meta.department, unit);
    assert_eq!(total_spending(&shown), spent(b));
    // Its 目录 lists only what it prints, and a fund table it has no money in says so; its
    // economic table is empty until economic lines are placed in it too (X003 says so).
    let found = yusuan_draft::draft_findings(b);
    assert!(!found.iter().any(|f| f.rule == "T004"), "{found:?}");
    assert!(
        found.iter().filter(|f| f.rule == "K004").all(|f| f
            .location
            .table
            .as_deref()
            .is_some_and(|t| t.contains("经济分类"))),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.rule == "X003"));
}

/// Placing `key` is refused and the draft is unchanged: more than the second unit holds, an
/// unknown unit, from where the line is not.
fn a_bad_placing_is_refused_and_changes_nothing(
    d: &mut yusuan_draft::Draft,
    key: &LeafKey,
    units: &[String],
) {
    let kept = d.clone();
    let more = d.leaf_at(key, Some(&units[1])).unwrap().value + Decimal::ONE;
    assert!(matches!(
        place(d, key, Some(&units[1]), Some(&units[0]), Some(more)),
        Err(UnitError::Place(_))
    ));
    assert!(matches!(
        place(d, key, None, Some("别的单位"), None),
        Err(UnitError::NotAUnit { .. })
    ));
    assert!(matches!(
        place(d, key, None, Some(&units[0]), None),
        Err(UnitError::Place(_))
    ));
    assert_eq!(*d, kept);
}

/// A table's rows: each label with its amounts by column.
fn rows_of(t: &Table) -> Vec<(String, BTreeMap<usize, Decimal>)> {
    t.rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                cells(t)
                    .into_iter()
                    .filter(|((k, _), _)| {
                        k.ends_with(&r.label.split_whitespace().collect::<String>())
                    })
                    .map(|((_, c), v)| (c, v))
                    .collect::<BTreeMap<_, _>>(),
            )
        })
        .collect()
}

/// A draft's spending: the sum of its 支出 lines, in 元.
fn spent(v: &yusuan_draft::Draft) -> Decimal {
    v.leaves
        .iter()
        .filter(|l| matches!(l.key, LeafKey::Spend { .. }))
        .map(|l| l.value)
        .sum()
}

/// The rules a draft's 错误 findings name.
fn errors(d: &yusuan_draft::Draft) -> Vec<&'static str> {
    yusuan_draft::draft_findings(d)
        .into_iter()
        .filter(|f| f.severity == yusuan_check::Severity::Error)
        .map(|f| f.rule)
        .collect()
}

/// The 合计 of a unit's 支出预算总表 (its total spending), in 元.
fn total_spending(doc: &Document) -> Decimal {
    let t = doc
        .tables
        .iter()
        .find(|t| t.kind == yusuan_domain::TableKind::Expenditure)
        .unwrap();
    let r = t.rows.iter().find(|r| r.label.contains("合计")).unwrap();
    match &r.cells[0] {
        Cell::Amount { value, .. } => *value * t.unit.in_yuan(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_unit_prints_its_own_texts_where_written_and_the_departments_elsewhere() {
    let (mut d, _) = roll_forward(&fixture("000_e54fcd81d7b1024c.txt"), 1, None).unwrap();
    let centre = "上海市社会工作发展服务中心";
    let functions = d
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Functions)
        .unwrap()
        .title
        .clone();
    assert_eq!(functions, "中共上海市委社会工作部（部门）主要职能");
    d.unit_texts.entry(centre.to_string()).or_default().insert(
        functions.clone(),
        vec![
            "承担社会工作人才培养的具体工作。".into(),
            "承担志愿服务的组织协调。".into(),
        ],
    );
    let shown = derive(&unit_view(&d, centre).unwrap());
    let own = shown
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Functions)
        .unwrap();
    assert_eq!(own.title, "上海市社会工作发展服务中心（单位）主要职能");
    assert_eq!(
        own.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>(),
        [
            "承担社会工作人才培养的具体工作。",
            "承担志愿服务的组织协调。"
        ]
    );
    // 机构设置, not written for the centre: the department's, in the unit's wording.
    let org = shown
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Organisation)
        .unwrap();
    assert_eq!(org.title, "上海市社会工作发展服务中心（单位）机构设置");
    assert!(
        org.paragraphs[0].text.contains("本单位中") && !org.paragraphs[0].text.contains("本部门"),
        "{}",
        org.paragraphs[0].text
    );
    // The 本部's budget keeps the department's texts.
    let hq = derive(&unit_view(&d, "中共上海市委社会工作部").unwrap());
    assert!(hq
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Functions)
        .unwrap()
        .paragraphs[0]
        .text
        .starts_with("中共上海市委社会工作部是"));
}
