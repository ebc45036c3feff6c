//! Blank drafts: a disclosure format with no money in it, for a department that has no published
//! budget of its own to roll forward (a new department, a format the region has just adopted).
//!
//! A blank draft is made from any draft of the chosen format (a stored document rolled forward,
//! or one of the shipped templates, which are exactly that with nothing left of their source):
//! the same tables, columns, ledger rows and 目录, the same print styles — and no lines but the
//! fixed items of the tables whose rows are their own (三公 items), at zero. Rows that belonged
//! to the source's department go: its function and economic rows (they are generated from the
//! lines), its units and projects, the 类 rows of its ledgers (one stays, unprinted, as the
//! pattern a new 类 row copies), the figures carried from its tables. The texts it wrote become
//! `待补充` placeholders, which the checker reports until they are written. There is no 上年:
//! the narrative states this year's figures without a comparison.

use crate::derive::is_class_row;
use crate::layout::{Body, CellRule, Query, RowRule};
use crate::model::{Draft, LeafKey};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use yusuan_domain::{RowCode, SectionKind, StatedFigures, TableKind};

/// Who the blank draft is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlankFor {
    /// The department (or unit) as it will be printed.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The region as printed (`上海市嘉定区`); the format's own when `None`.
    pub region: Option<String>,
}

/// The placeholder a carried text becomes: the checker's W001 reports it until it is written.
pub fn placeholder_text(title: &str) -> String {
    format!("（待补充：{}）", yusuan_domain::strip_numbering(title).trim())
}

/// A draft of `format_of`'s format for another department, with nothing of its money or texts.
pub fn blank(format_of: &Draft, to: &BlankFor) -> Draft {
    let old_department = format_of.department.clone();
    let old_region = format_of.region.clone();
    let rename = |text: &str| -> String {
        let mut t = crate::roll::advance_years(text, format_of.year, to.year - format_of.year);
        if !old_department.is_empty() {
            t = t.replace(&old_department, &to.department);
        }
        if let (Some(old), Some(new)) = (&old_region, &to.region) {
            if !old.is_empty() {
                t = t.replace(old.as_str(), new);
            }
        }
        t
    };
    let mut d = format_of.clone();
    d.department = to.department.clone();
    d.year = to.year;
    d.base_year = None;
    d.source_document = None;
    d.region = to.region.clone().or(old_region.clone());
    d.title = rename(&format_of.title);
    d.units.clear();
    d.reasons.clear();
    d.projects.clear();
    d.performance_forms.clear();
    d.stated = StatedFigures::default();
    for c in &mut d.contents {
        c.title = rename(&c.title);
    }
    for s in &mut d.sections {
        s.title = rename(&s.title);
        if !matches!(s.kind, SectionKind::BudgetExplanation | SectionKind::OtherExplanations) {
            let at = s.paragraphs.first().map_or(s.location, |p| p.location);
            s.paragraphs = vec![yusuan_domain::Paragraph { text: placeholder_text(&s.title), location: at }];
        }
    }
    let mut removed: BTreeSet<LeafKey> = BTreeSet::new();
    for t in &mut d.layout {
        t.title = rename(&t.title);
        t.compiled_by = t.compiled_by.as_deref().map(|c| compiled_by(c, &old_department, &to.department));
        t.empty_note = t.empty_note.as_deref().map(rename);
        if let Body::Rows { rows } = &mut t.body {
            let (kept, gone) = blank_rows(t.kind, std::mem::take(rows));
            *rows = kept;
            removed.extend(gone.iter().flat_map(row_keys));
        }
    }
    // The lines left: the cells the kept rows still name (三公 items; a 合计 row of units names
    // its units' cells, which went with them), and the 政府采购 / 国有资产 figures the format
    // states; all at zero, with no 上年.
    let named: BTreeSet<LeafKey> = d.layout.iter().flat_map(|t| layout_keys(&t.body)).collect();
    d.leaves.retain(|l| match &l.key {
        LeafKey::Cell { .. } => named.contains(&l.key) && !removed.contains(&l.key),
        LeafKey::Procurement { .. } | LeafKey::Stated { .. } => true,
        LeafKey::Spend { .. } | LeafKey::Economic { .. } => false,
    });
    for l in &mut d.leaves {
        l.value = Decimal::ZERO;
        l.baseline = None;
        l.origin = None;
        l.estimated = false;
    }
    d
}

/// `编制部门：旧部门` → `编制部门：新部门` (the prefix kept; a line that does not name the old
/// department by its full name names the new one after its colon).
fn compiled_by(line: &str, old: &str, new: &str) -> String {
    if !old.is_empty() && line.contains(old) {
        return line.replace(old, new);
    }
    match line.split_once('：').or_else(|| line.split_once(':')) {
        Some((prefix, rest)) if prefix.contains("编制") => {
            // Keep what follows the name (`单位：元`), separated by spaces.
            let tail = rest.trim().split_once(char::is_whitespace).map(|(_, t)| t.trim()).unwrap_or("");
            if tail.is_empty() { format!("{prefix}：{new}") } else { format!("{prefix}：{new}  {tail}") }
        }
        _ => line.to_string(),
    }
}

/// The rows a blank table keeps, and those it drops.
fn blank_rows(kind: TableKind, rows: Vec<RowRule>) -> (Vec<RowRule>, Vec<RowRule>) {
    let (mut kept, mut gone) = (Vec::new(), Vec::new());
    for (r, keep) in blank_rows_marked(kind, rows) {
        if keep { kept.push(r) } else { gone.push(r) }
    }
    (kept, gone)
}

fn blank_rows_marked(kind: TableKind, rows: Vec<RowRule>) -> Vec<(RowRule, bool)> {
    match kind {
        // Ledgers keep their fund and total rows; of the 类 rows, the last stays as the pattern.
        TableKind::FinancialSummary | TableKind::FiscalSummary => {
            let last_class = rows.iter().rposition(is_class_row);
            rows.into_iter()
                .enumerate()
                .map(|(i, mut r)| {
                    if is_class_row(&r) {
                        if Some(i) != last_class {
                            return (r, false);
                        }
                        r.pattern = true;
                    }
                    for c in &mut r.cells {
                        if matches!(c, CellRule::Fixed { .. }) {
                            *c = CellRule::Blank;
                        }
                    }
                    (r, true)
                })
                .collect()
        }
        // Tables whose rows are their own keep the rows that are not the source's units or
        // projects (the 合计, the 三公 items).
        TableKind::ExpenditureByUnit | TableKind::FiscalByUnit | TableKind::ThreePublic | TableKind::Projects | TableKind::Income => {
            rows.into_iter().map(|r| {
                let keep = !matches!(r.code, Some(RowCode::Unit(_) | RowCode::Project(_)));
                (r, keep)
            }).collect()
        }
        // Tables carried as printed (资产配置, 绩效目标 forms): nothing of the source's stays.
        _ => rows.into_iter().map(|r| (r, false)).collect(),
    }
}

fn row_keys(r: &RowRule) -> Vec<LeafKey> {
    r.cells
        .iter()
        .flat_map(|c| match c {
            CellRule::Sum { query: Query::Leaves { keys } } => keys.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn layout_keys(body: &Body) -> Vec<LeafKey> {
    match body {
        Body::Rows { rows } => rows.iter().filter(|r| !r.pattern).flat_map(row_keys).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiling_line_names_the_new_department() {
        let check = |line: &str, old: &str, expect: &str| assert_eq!(compiled_by(line, old, "上海市嘉定区新部门"), expect, "{line}");
        check("编制部门：上海市普陀区万里街道办事处", "上海市普陀区万里街道办事处", "编制部门：上海市嘉定区新部门");
        check("编制单位：万里街道  单位：元", "上海市普陀区万里街道办事处", "编制单位：上海市嘉定区新部门  单位：元");
        check("单位：元", "x", "单位：元");
    }

    #[test]
    fn placeholders_name_the_section() {
        assert_eq!(placeholder_text("一、主要职能"), "（待补充：主要职能）");
    }
}
