//! Another reading of a table whose 合计 starts again: a table whose title was not recognised
//! (a layout not seen before) is read as rows of the table before it — its heading lines as
//! label-only rows, then its own 合计 and classes. Read so, the first 合计 is not the sum of the
//! classes under it. Where splitting at the second 合计 (and the heading rows before it) makes
//! each part's 合计 the sum of its own classes, the table is read as two and the report says so;
//! otherwise the reading stays (and the checker marks it uncertain where its sums fail, T006).

use crate::{Diagnostic, ReportItem};
use rust_decimal::Decimal;
use yusuan_domain::{Cell, ContentsEntry, Document, Row, Table, TableKind, Unit};

/// Whether a row is a whole table's total (`合计`, `总计`), not a side's or a group's.
fn is_table_total(r: &Row) -> bool {
    let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
    r.code.is_none() && r.side.is_none() && (l == "合计" || l == "总计")
}

/// Whether a row prints no amount (a heading line read as a row).
fn label_only(r: &Row) -> bool {
    r.code.is_none() && r.cells.iter().all(|c| !matches!(c, Cell::Amount { .. }))
}

/// Whether these rows' first 合计 is the sum of their top classes (the shortest codes) in every
/// column it prints, each part allowed half a unit of the last printed decimal. None where the
/// rows have no total or no coded rows to prove it by.
fn classes_hold(rows: &[Row]) -> Option<bool> {
    let total = rows.iter().find(|r| is_table_total(r))?;
    let top = rows
        .iter()
        .filter_map(|r| r.code.as_ref().map(|c| c.as_str().len()))
        .min()?;
    let classes: Vec<&Row> = rows
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| c.as_str().len() == top))
        .collect();
    let at = |r: &Row, k: usize| match r.cells.get(k) {
        Some(Cell::Amount { value, .. }) => *value,
        _ => Decimal::ZERO,
    };
    let mut proved = false;
    for (k, cell) in total.cells.iter().enumerate() {
        let Cell::Amount { value, .. } = cell else {
            continue;
        };
        let sum: Decimal = classes.iter().map(|r| at(r, k)).sum();
        let tail = Decimal::new(5, value.scale() + 1) * Decimal::from(classes.len());
        if (*value - sum).abs() > tail {
            return Some(false);
        }
        proved = true;
    }
    proved.then_some(true)
}

/// Where table `t` starts again: the second table-total row after coded rows, and the first of
/// the label-only rows (its heading) directly before it.
fn restart(t: &Table) -> Option<(usize, usize)> {
    let first = t.rows.iter().position(is_table_total)?;
    let r = (first + 1..t.rows.len()).find(|&r| {
        is_table_total(&t.rows[r]) && t.rows[first..r].iter().any(|x| x.code.is_some())
    })?;
    let mut heading = r;
    while heading > first + 1 && label_only(&t.rows[heading - 1]) {
        heading -= 1;
    }
    Some((heading, r))
}

/// The title of the table found inside another: the heading line that reads as a title (ends in
/// 表), else the entry after the first table's in the 目录, else the heading's words, else one
/// saying where it was found.
fn title_of(heading: &[Row], before: &str, contents: &[ContentsEntry]) -> String {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if let Some(r) = heading.iter().find(|r| compact(&r.label).ends_with('表')) {
        return r.label.trim().to_string();
    }
    let listed = contents
        .iter()
        .position(|e| compact(&e.title) == compact(before))
        .and_then(|k| contents.get(k + 1))
        .map(|e| e.title.clone());
    listed
        .or_else(|| {
            heading
                .iter()
                .map(|r| r.label.trim())
                .find(|l| !l.is_empty())
                .map(str::to_string)
        })
        .unwrap_or_else(|| format!("“{before}”之后标题未读出的表"))
}

/// The unit a table's heading rows print (`金额单位` / `万元`), if any.
fn unit_of(heading: &[Row]) -> Option<Unit> {
    let joined: String = heading
        .iter()
        .flat_map(|r| r.label.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let at = joined.find("单位")?;
    Unit::parse(&joined[at..])
        .or_else(|| Unit::parse(&format!("单位{}", &joined[at + "单位".len()..])))
}

/// Splits each table that starts again where both parts' 合计 then hold and the whole's does not.
pub(super) fn split(doc: &mut Document, notes: &mut Vec<ReportItem>) {
    let mut k = 0;
    while k < doc.tables.len() {
        let t = &doc.tables[k];
        let Some((heading, r)) = restart(t) else {
            k += 1;
            continue;
        };
        let (head, tail) = (&t.rows[..heading], &t.rows[r..]);
        let holds = classes_hold(&t.rows) == Some(false)
            && classes_hold(head) == Some(true)
            && classes_hold(tail) == Some(true);
        let title = title_of(&t.rows[heading..r], &t.title, &doc.contents);
        if !holds {
            k += 1;
            continue;
        }
        let t = &mut doc.tables[k];
        let heading_rows: Vec<Row> = t.rows.drain(heading..r).collect();
        let rows: Vec<Row> = t.rows.drain(heading..).collect();
        let location = heading_rows
            .first()
            .or(rows.first())
            .map_or(t.location, |r| r.location);
        let found = Table {
            kind: TableKind::from_title(&title),
            title: title.clone(),
            number: None,
            unit: unit_of(&heading_rows).unwrap_or(t.unit),
            compiled_by: t.compiled_by.clone(),
            columns: t.columns.clone(),
            rows,
            note: None,
            location,
        };
        notes.push(ReportItem::new(
            Diagnostic::SplitAtHeading {
                table: t.title.clone(),
                found: title,
            },
            location,
        ));
        doc.tables.insert(k + 1, found);
        k += 1;
    }
}
