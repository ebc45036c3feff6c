//! A table read wrong, told from a table printed wrong: a document's own slip breaks a sum or two
//! (a 1-元 tail carried up its classification: a handful of rows), while a misreading — two tables
//! merged, a column plan shifted, a unit lost — breaks the sums of many of its rows at once. A
//! table whose row sums, classification sums or side totals (T001, T002, T005) fail in at least
//! [`MIN_ROWS`] rows and at least a [`MIN_SHARE`]th of its rows with amounts is taken as misread:
//! one 提示 (T006) says so and what failed, and every 错误 resting on the table is held back to a
//! 提示 (see `crate::check_except`) — never the document's 错误 for what was not read.

use crate::{Finding, FindingLocation, Severity};
use std::collections::{BTreeMap, BTreeSet};
use yusuan_domain::{Cell, Document};

/// A table's own sums failing in fewer rows than this are the document's slips (a slip carried
/// up 项 → 款 → 类 → 合计 fails four).
pub const MIN_ROWS: usize = 5;

/// …and in fewer than this share (one in N) of the rows with amounts.
pub const MIN_SHARE: usize = 4;

/// The rules whose failures measure a reading: a table's own sums.
const OWN_SUMS: [&str; 3] = ["T001", "T002", "T005"];

/// A table taken as misread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misread {
    /// Its title.
    pub title: String,
    /// Rows whose own sums fail.
    pub failing_rows: usize,
    /// Rows with amounts.
    pub rows: usize,
}

/// The tables of `doc` that `findings` (the document's T001/T002/T005 among them) show misread.
pub fn misread_in(doc: &Document, findings: &[Finding]) -> Vec<Misread> {
    let mut failing: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for f in findings
        .iter()
        .filter(|f| OWN_SUMS.contains(&f.rule) && f.severity == Severity::Error)
    {
        if let Some(t) = f.location.table.as_deref() {
            failing
                .entry(t)
                .or_default()
                .insert(f.location.row.as_deref().unwrap_or(""));
        }
    }
    doc.tables
        .iter()
        .filter_map(|t| {
            let failing_rows = failing.get(t.title.as_str())?.len();
            let rows = t
                .rows
                .iter()
                .filter(|r| r.cells.iter().any(|c| matches!(c, Cell::Amount { .. })))
                .count();
            (failing_rows >= MIN_ROWS && failing_rows * MIN_SHARE >= rows).then(|| Misread {
                title: t.title.clone(),
                failing_rows,
                rows,
            })
        })
        .collect()
}

/// The tables of `doc` whose own sums show them misread (runs those rules alone).
pub fn misread_tables(doc: &Document) -> Vec<Misread> {
    let findings: Vec<Finding> = super::RULES
        .iter()
        .filter(|r| OWN_SUMS.contains(&r.id))
        .flat_map(|r| (r.run)(doc))
        .collect();
    misread_in(doc, &findings)
}

/// T006: each misread table, one 提示.
pub fn run(doc: &Document) -> Vec<Finding> {
    findings(&misread_tables(doc))
}

/// T006's 提示 for each of these misread tables.
pub fn findings(misread: &[Misread]) -> Vec<Finding> {
    misread
        .iter()
        .map(|m| Finding {
            rule: "T006",
            severity: Severity::Info,
            message: format!(
                "表“{}”有 {} 行（共 {} 行有金额）的合计与其组成不符：多半是表格版式没有读准（两张表读成一张、栏目错位或单位读错），不是文档本身的错误；本表的错误按提示列出，请对照原文核对",
                m.title, m.failing_rows, m.rows
            ),
            location: FindingLocation {
                table: Some(m.title.clone()),
                ..Default::default()
            },
            expected: Some("各行合计与其组成相符".into()),
            actual: Some(format!("{} 行不符", m.failing_rows)),
            hint: None,
        })
        .collect()
}

/// Every 错误 resting on a misread table (located in it, or comparing another table with it by
/// its title) becomes a 提示 saying so.
pub fn hold_back(misread: &[Misread], out: &mut [Finding]) {
    for f in out.iter_mut().filter(|f| f.severity == Severity::Error) {
        let on = misread.iter().find(|m| {
            f.location.table.as_deref() == Some(m.title.as_str()) || f.message.contains(&m.title)
        });
        if let Some(m) = on {
            f.severity = Severity::Info;
            f.message = format!(
                "{}（“{}”多行合计不符，多半未读准版式，无法确认）",
                f.message, m.title
            );
        }
    }
}
