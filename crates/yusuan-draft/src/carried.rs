//! Tables a draft carries as printed (Hubei's 资产配置预算表, 部门整体支出绩效目标表 and
//! 项目支出绩效目标表: grids no leaf derives): each of their cells is edited as the user would on
//! paper — a target value, a count, an amount — and printed as written.

use crate::layout::{Body, CellRule, TableLayout};
use crate::model::Draft;
use yusuan_domain::parse_amount;

/// Why a carried cell cannot be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarriedError {
    /// No carried table of that title.
    NoTable(String),
    /// No such row or column (1-based), or a cell the draft derives.
    NoCell(String),
}

impl std::fmt::Display for CarriedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CarriedError::NoTable(t) => write!(f, "草稿中没有按原表结转的表“{t}”"),
            CarriedError::NoCell(s) => f.write_str(s),
        }
    }
}

/// Whether a table is carried as printed: kept rows whose cells no leaf derives.
pub fn is_carried(t: &TableLayout) -> bool {
    match &t.body {
        Body::Rows { rows } => !rows.is_empty() && rows.iter().flat_map(|r| &r.cells).all(|c| !matches!(c, CellRule::Sum { .. })) && rows.iter().flat_map(|r| &r.cells).any(|c| matches!(c, CellRule::Fixed { .. })),
        _ => false,
    }
}

/// The cell a text gives: empty → blank, an amount as printed → that amount (in the table's
/// unit, printed as typed), else words. A year (`2027`, a grid's 起始年度) is words, not money.
fn cell_of(text: &str) -> CellRule {
    let t = text.trim();
    let year = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && ("2000".."2101").contains(&t);
    if t.is_empty() {
        CellRule::Blank
    } else if year {
        CellRule::Text { text: t.to_string() }
    } else if let Ok(value) = parse_amount(t) {
        CellRule::Fixed { value, printed: t.to_string() }
    } else {
        CellRule::Text { text: t.to_string() }
    }
}

/// A cell as its text (what an edit shows and records).
pub fn cell_text(c: &CellRule) -> String {
    match c {
        CellRule::Blank | CellRule::Sum { .. } => String::new(),
        CellRule::Text { text } => text.clone(),
        CellRule::Fixed { printed, .. } => printed.clone(),
    }
}

/// Sets the cell at `row`, `column` (1-based) of the carried table titled `title` to `text`;
/// returns its text before.
pub fn set_carried_cell(d: &mut Draft, title: &str, row: usize, column: usize, text: &str) -> Result<String, CarriedError> {
    let t = d.layout.iter_mut().find(|t| t.title == title.trim() && is_carried(t)).ok_or_else(|| CarriedError::NoTable(title.trim().to_string()))?;
    let Body::Rows { rows } = &mut t.body else { return Err(CarriedError::NoTable(title.trim().to_string())) };
    let n = rows.len();
    let r = rows.get_mut(row.wrapping_sub(1)).ok_or_else(|| CarriedError::NoCell(format!("表“{title}”没有第 {row} 行（共 {n} 行）")))?;
    let m = r.cells.len();
    let c = r.cells.get_mut(column.wrapping_sub(1)).ok_or_else(|| CarriedError::NoCell(format!("表“{title}”第 {row} 行没有第 {column} 列（共 {m} 列）")))?;
    let old = cell_text(c);
    *c = cell_of(text);
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_as_typed() {
        // check(input, expect)
        for (text, expect) in [("", CellRule::Blank), (" ≥95% ", CellRule::Text { text: "≥95%".into() }), ("35.45", CellRule::Fixed { value: "35.45".parse().unwrap(), printed: "35.45".into() }), ("1,200", CellRule::Fixed { value: "1200".parse().unwrap(), printed: "1,200".into() }), ("2027", CellRule::Text { text: "2027".into() })] {
            assert_eq!(cell_of(text), expect, "{text}");
        }
    }
}
