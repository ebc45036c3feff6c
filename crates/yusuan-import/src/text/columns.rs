//! Another column plan, tried where the one read fails the table's own sums: a header read in
//! another order than its columns print (merged header cells, a column heading wrapped) puts
//! every row's amounts under the wrong heads, and then 合计 ≠ its parts on row after row — a
//! misreading, not a document with many errors. Where the row sums (合计 = its parts, from the
//! header paths) fail in many rows and exactly one least reordering of the amount columns makes
//! them hold in all rows but a slip, the table is read in that order and the report says so;
//! otherwise the reading stays, and the checker marks it uncertain (T006).

use crate::{Diagnostic, ReportItem};
use rust_decimal::Decimal;
use yusuan_domain::{sum_identities, Cell, Document, Table, Unit};

/// Fewer failing rows than this are the document's slips, not a reading to redo.
const MIN_FAILING_ROWS: usize = 5;

/// A reordering is tried over at most this many amount columns (5! = 120 orders).
const MAX_COLUMNS: usize = 5;

/// Rows that may still fail under the order taken: a real slip.
const SLIPS_ALLOWED: usize = 1;

/// A row's amounts as the table's columns hold them (0 for a blank).
fn values(t: &Table, r: usize) -> Vec<Decimal> {
    t.rows[r]
        .cells
        .iter()
        .map(|c| match c {
            Cell::Amount { value, .. } => *value,
            _ => Decimal::ZERO,
        })
        .collect()
}

/// Whether the sums hold on `v` (values by column) when column `k` is read from `order[k]`.
/// In 万元 each part may carry half a cent of rounding.
fn holds(ids: &[(usize, Vec<usize>)], v: &[Decimal], order: &[usize], unit: Unit) -> bool {
    let at = |k: usize| v.get(order[k]).copied().unwrap_or_default();
    ids.iter().all(|(total, parts)| {
        let sum: Decimal = parts.iter().map(|&p| at(p)).sum();
        let tail = if unit == Unit::Yuan {
            Decimal::ZERO
        } else {
            Decimal::new(5, 3) * Decimal::from(parts.len())
        };
        (at(*total) - sum).abs() <= tail
    })
}

/// Every order of `cols` (the columns permuted), each as a full column map.
fn orders(n: usize, cols: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut perm: Vec<usize> = cols.to_vec();
    fn go(k: usize, perm: &mut Vec<usize>, n: usize, cols: &[usize], out: &mut Vec<Vec<usize>>) {
        if k == perm.len() {
            let mut order: Vec<usize> = (0..n).collect();
            for (i, &c) in cols.iter().enumerate() {
                order[c] = perm[i];
            }
            out.push(order);
            return;
        }
        for i in k..perm.len() {
            perm.swap(k, i);
            go(k + 1, perm, n, cols, out);
            perm.swap(k, i);
        }
    }
    go(0, &mut perm, n, cols, &mut out);
    out
}

/// Rereads each table whose row sums fail in many rows in the one least reordering of its amount
/// columns under which they hold.
pub(super) fn reread(doc: &mut Document, notes: &mut Vec<ReportItem>) {
    for t in &mut doc.tables {
        let n = t.columns.len();
        let numeric: Vec<bool> = (0..n)
            .map(|c| {
                t.rows
                    .iter()
                    .any(|r| matches!(r.cells.get(c), Some(Cell::Amount { .. })))
            })
            .collect();
        let ids = sum_identities(&t.columns, &numeric);
        let mut cols: Vec<usize> = ids
            .iter()
            .flat_map(|(c, parts)| std::iter::once(*c).chain(parts.iter().copied()))
            .collect();
        cols.sort_unstable();
        cols.dedup();
        if ids.is_empty() || cols.len() > MAX_COLUMNS {
            continue;
        }
        let rows: Vec<Vec<Decimal>> = (0..t.rows.len())
            .filter(|&r| {
                t.rows[r]
                    .cells
                    .iter()
                    .any(|c| matches!(c, Cell::Amount { .. }))
            })
            .map(|r| values(t, r))
            .collect();
        let failing = |order: &[usize]| {
            rows.iter()
                .filter(|v| !holds(&ids, v, order, t.unit))
                .count()
        };
        let printed: Vec<usize> = (0..n).collect();
        let before = failing(&printed);
        if before < MIN_FAILING_ROWS || before * 4 < rows.len() {
            continue;
        }
        // The orders under which the sums hold, fewest columns moved first.
        let moved = |o: &[usize]| o.iter().enumerate().filter(|(i, c)| i != *c).count();
        let mut fits: Vec<Vec<usize>> = orders(n, &cols)
            .into_iter()
            .filter(|o| failing(o) <= SLIPS_ALLOWED)
            .collect();
        fits.sort_by_key(|o| moved(o));
        let least = match fits.as_slice() {
            [one] => one.clone(),
            [a, b, ..] if moved(a) < moved(b) => a.clone(),
            _ => continue,
        };
        for r in &mut t.rows {
            let cells = r.cells.clone();
            for (k, &from) in least.iter().enumerate() {
                if let (Some(slot), Some(c)) = (r.cells.get_mut(k), cells.get(from)) {
                    *slot = c.clone();
                }
            }
        }
        let head = |o: &[usize]| -> String {
            cols.iter()
                .map(|&c| t.columns[o[c]].name())
                .collect::<Vec<_>>()
                .join("、")
        };
        notes.push(ReportItem::new(
            Diagnostic::ColumnsReordered {
                table: t.title.clone(),
                read: head(&printed),
                taken: head(&least),
                failing_rows: before,
            },
            t.location,
        ));
    }
}
