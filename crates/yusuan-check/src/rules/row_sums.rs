//! T001: a row's 合计 (and each group's 小计) equals the sum of its parts.

use super::at;
use crate::finding::money;
use crate::tolerance::{agree_printed, Agreement};
use crate::{Finding, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Document, Table, TableKind};

/// For each 合计/小计 column: the numeric columns that make it up.
fn identities(t: &Table) -> Vec<(usize, Vec<usize>)> {
    let numeric: Vec<bool> = (0..t.columns.len())
        .map(|c| {
            t.rows
                .iter()
                .any(|r| r.cells.get(c).is_some_and(|x| x.amount().is_some()))
        })
        .collect();
    yusuan_domain::sum_identities(&t.columns, &numeric)
}

/// The check.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &doc.tables {
        if matches!(
            t.kind,
            TableKind::DepartmentPerformance
                | TableKind::ProjectPerformance
                | TableKind::AssetAllocation
        ) || t.rows.iter().any(|r| r.side.is_some())
        {
            continue;
        }
        for (total, parts) in identities(t) {
            for r in &t.rows {
                let Some(printed) = r.cells.get(total).and_then(|c| c.value_or_zero()) else {
                    continue;
                };
                let values: Option<Vec<Decimal>> = parts
                    .iter()
                    .map(|&k| r.cells.get(k).and_then(|c| c.value_or_zero()))
                    .collect();
                let Some(values) = values else { continue };
                if r.cells.get(total).and_then(|c| c.amount()).is_none()
                    && values.iter().all(|v| v.is_zero())
                {
                    continue;
                }
                let sum: Decimal = values.iter().copied().sum();
                let names: Vec<String> = parts
                    .iter()
                    .map(|&k| t.columns[k].path.last().cloned().unwrap_or_default())
                    .collect();
                let col = t.columns[total].name();
                let part_cells: Vec<&yusuan_domain::Cell> =
                    parts.iter().filter_map(|&k| r.cells.get(k)).collect();
                let Some(total_cell) = r.cells.get(total) else {
                    continue;
                };
                let (severity, what) = match agree_printed(total_cell, &part_cells, t.unit) {
                    Agreement::Exact => continue,
                    Agreement::RoundingTail => {
                        (Severity::Info, "与各项之和相差在四舍五入尾差范围内")
                    }
                    Agreement::Differs => (Severity::Error, "不等于各项之和"),
                };
                out.push(Finding {
                    rule: "T001",
                    severity,
                    message: format!("“{}”{what}（{}）", col, names.join("＋")),
                    location: at(t, r, Some(&col)),
                    expected: Some(money(sum, t.unit)),
                    actual: Some(money(printed, t.unit)),
                    hint: Some("核对该行各栏数值；若原表有误，应在公开前更正".into()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_domain::{Column, Location, Row, Unit};

    #[test]
    fn parts_of_totals_and_subtotals() {
        let cols = [
            "“三公”/合计",
            "“三公”/出国",
            "“三公”/接待",
            "“三公”/用车/小计",
            "“三公”/用车/购置",
            "“三公”/用车/运行",
            "机关运行",
        ];
        let t = Table {
            title: "t".into(),
            number: None,
            kind: TableKind::ThreePublic,
            unit: Unit::WanYuan,
            compiled_by: None,
            columns: cols
                .iter()
                .map(|c| Column {
                    path: c.split('/').map(String::from).collect(),
                })
                .collect(),
            rows: vec![Row {
                code: None,
                label: String::new(),
                side: None,
                cells: ["1", "1", "1", "1", "1", "1", "1"]
                    .iter()
                    .map(|v| yusuan_domain::Cell::Amount {
                        value: v.parse().unwrap(),
                        printed: v.to_string(),
                    })
                    .collect(),
                location: Location::default(),
            }],
            note: None,
            location: Location::default(),
        };
        assert_eq!(identities(&t), vec![(0, vec![1, 2, 3]), (3, vec![4, 5])]);
    }
}
