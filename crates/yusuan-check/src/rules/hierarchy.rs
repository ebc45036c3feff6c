//! T002: 类 = Σ款 = Σ项 and the 合计 row = Σ类, column by column (each 合计 its own block's 类
//! where a table prints several).

use super::at;
use crate::finding::money;
use crate::tolerance::{agree_printed, Agreement};
use crate::{Finding, Severity};
use rust_decimal::Decimal;
use yusuan_domain::{Document, Row, RowCode};

fn parent_of(r: &Row) -> Option<String> {
    match &r.code {
        Some(RowCode::Function(f)) => f.parent().map(|p| p.as_str().to_string()),
        Some(RowCode::Economic(e)) => e.parent().map(|p| p.as_str().to_string()),
        _ => None,
    }
}

fn classified(r: &Row) -> bool {
    matches!(
        r.code,
        Some(RowCode::Function(_)) | Some(RowCode::Economic(_))
    )
}

/// The check.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &doc.tables {
        if !t.rows.iter().any(classified) {
            continue;
        }
        // Each code's rows one level down, found once per table.
        let mut children: std::collections::HashMap<String, Vec<&Row>> =
            std::collections::HashMap::new();
        for k in &t.rows {
            if let Some(p) = parent_of(k) {
                children.entry(p).or_default().push(k);
            }
        }
        // A table of several 合计 rows, each under its own block (a table printed in halves:
        // 人员经费合计 under 301/303, 公用经费合计 under 302/310), sums each block apart.
        let totals: Vec<usize> = (0..t.rows.len())
            .filter(|&i| t.rows[i].code.is_none() && t.rows[i].is_total())
            .collect();
        let top = |from: usize, to: usize| -> Vec<&Row> {
            t.rows[from..to]
                .iter()
                .filter(|k| classified(k) && parent_of(k).is_none())
                .collect()
        };
        for (i, r) in t.rows.iter().enumerate() {
            let kids: Vec<&Row> = match &r.code {
                Some(c) if classified(r) => children.get(c.as_str()).cloned().unwrap_or_default(),
                None if r.is_total() => {
                    let since = totals.iter().rev().find(|&&k| k < i).map_or(0, |k| k + 1);
                    let block = if totals.len() > 1 {
                        top(since, i)
                    } else {
                        Vec::new()
                    };
                    if block.is_empty() {
                        top(0, t.rows.len())
                    } else {
                        block
                    }
                }
                _ => continue,
            };
            // A 类 printed without its 款 (or a table with one level) has nothing to add up.
            if kids.is_empty() {
                continue;
            }
            for (c, col) in t.columns.iter().enumerate() {
                let Some(printed) = r.cells.get(c).and_then(|x| x.value_or_zero()) else {
                    continue;
                };
                let vals: Option<Vec<Decimal>> = kids
                    .iter()
                    .map(|k| k.cells.get(c).and_then(|x| x.value_or_zero()))
                    .collect();
                let Some(vals) = vals else { continue };
                let sum: Decimal = vals.iter().copied().sum();
                let kid_cells: Vec<&yusuan_domain::Cell> =
                    kids.iter().filter_map(|k| k.cells.get(c)).collect();
                let Some(total_cell) = r.cells.get(c) else {
                    continue;
                };
                let (severity, what) = match agree_printed(total_cell, &kid_cells, t.unit) {
                    Agreement::Exact => continue,
                    Agreement::RoundingTail => {
                        (Severity::Info, "与下级科目之和相差在四舍五入尾差范围内")
                    }
                    Agreement::Differs => (Severity::Error, "不等于下级科目之和"),
                };
                let level = if r.code.is_none() {
                    "合计行"
                } else {
                    "该科目"
                };
                out.push(Finding {
                    rule: "T002",
                    severity,
                    message: format!("{level}“{}”{what}（{} 个下级）", col.name(), kids.len()),
                    location: at(t, r, Some(&col.name())),
                    expected: Some(money(sum, t.unit)),
                    actual: Some(money(printed, t.unit)),
                    hint: Some("核对该科目及其下级科目的数值".into()),
                });
            }
        }
    }
    out
}
