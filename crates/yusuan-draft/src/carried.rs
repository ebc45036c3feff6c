//! Tables a draft carries as printed (Hubei's 资产配置预算表, 部门整体支出绩效目标表 and
//! 项目支出绩效目标表: grids no leaf derives): each of their cells is edited as the user would on
//! paper — a target value, a count, an amount — and printed as written; rows are added (a new
//! asset to buy) and removed, so a blank draft's emptied grid can be written anew. The grid's
//! totals follow an edited amount ([`crate::grid_sums`]): every total the item was part of is
//! its parts' sum again.

use crate::grid_sums::Trees;
use crate::layout::{Body, CellRule, RowRule, TableLayout};
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

impl std::error::Error for CarriedError {}

/// Whether a table is carried as printed: marked so by the roll-forward, or (a draft saved
/// before the mark) kept rows whose cells no leaf derives.
pub fn is_carried(t: &TableLayout) -> bool {
    match &t.body {
        Body::Rows { rows } => {
            t.carried
                || (!rows.is_empty()
                    && rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .all(|c| !matches!(c, CellRule::Sum { .. }))
                    && rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .any(|c| matches!(c, CellRule::Fixed { .. })))
        }
        _ => false,
    }
}

/// The rows of the carried table titled `title`, for editing, with its column heads.
fn carried_rows<'a>(
    d: &'a mut Draft,
    title: &str,
) -> Result<(&'a mut Vec<RowRule>, Vec<String>), CarriedError> {
    let (year, style) = (d.year, d.print.title_years);
    let t = d
        .layout
        .iter_mut()
        .find(|t| {
            // By its title as carried or as it prints.
            (t.title == title.trim() || style.title(&t.title, year) == title.trim())
                && is_carried(t)
        })
        .ok_or_else(|| CarriedError::NoTable(title.trim().to_string()))?;
    let heads = t.columns.iter().map(|c| c.name()).collect();
    match &mut t.body {
        Body::Rows { rows } => Ok((rows, heads)),
        _ => Err(CarriedError::NoTable(title.trim().to_string())),
    }
}

/// Puts the rows of the carried table titled `title` as `rows` has them; returns them as they
/// were.
pub fn put_carried_rows(
    d: &mut Draft,
    title: &str,
    rows: Vec<RowRule>,
) -> Result<Vec<RowRule>, CarriedError> {
    let (now, _) = carried_rows(d, title)?;
    Ok(std::mem::replace(now, rows))
}

/// The rows of the carried table titled `title`, as the draft has them.
pub fn carried_table_rows(d: &Draft, title: &str) -> Result<Vec<RowRule>, CarriedError> {
    let mut probe = d.clone();
    carried_rows(&mut probe, title).map(|(rows, _)| rows.clone())
}

/// Inserts a row at `at` (1-based; `None` appends) of the carried table titled `title`, its
/// cells as typed (missing ones blank): a new asset, a new indicator line. Returns where it is.
pub fn insert_carried_row(
    d: &mut Draft,
    title: &str,
    at: Option<usize>,
    cells: &[String],
) -> Result<usize, CarriedError> {
    let (rows, heads) = carried_rows(d, title)?;
    let n = rows.len();
    let at = at.unwrap_or(n + 1);
    if at == 0 || at > n + 1 {
        return Err(CarriedError::NoCell(format!(
            "表“{title}”不能在第 {at} 行插入（共 {n} 行）"
        )));
    }
    let width = rows.first().map_or(heads.len(), |r| r.cells.len());
    let cells = typed_cells(cells, &heads, width);
    let mut trees = Trees::of(rows);
    rows.insert(
        at - 1,
        RowRule {
            code: None,
            label: label_of(&cells),
            side: None,
            cells,
            pattern: false,
        },
    );
    trees.inserted(at - 1);
    for c in trees.columns().collect::<Vec<_>>() {
        trees.follow(rows, c, trees.parent(c, at - 1));
    }
    Ok(at)
}

/// Removes row `row` (1-based) of the carried table titled `title`; returns its cells' texts.
pub fn remove_carried_row(
    d: &mut Draft,
    title: &str,
    row: usize,
) -> Result<Vec<String>, CarriedError> {
    let (rows, _) = carried_rows(d, title)?;
    let n = rows.len();
    if row == 0 || row > n {
        return Err(CarriedError::NoCell(format!(
            "表“{title}”没有第 {row} 行（共 {n} 行）"
        )));
    }
    let mut trees = Trees::of(rows);
    let removed = rows.remove(row - 1).cells.iter().map(cell_text).collect();
    for (c, parent) in trees.removed(row - 1).into_iter().enumerate() {
        trees.follow(rows, c, parent);
    }
    Ok(removed)
}

/// A row's cells as typed, `width` of them (missing ones blank), each read under its column's
/// head ([`cell_of`]).
fn typed_cells<T: AsRef<str>>(texts: &[T], heads: &[String], width: usize) -> Vec<CellRule> {
    (0..width)
        .map(|c| {
            texts.get(c).map_or(CellRule::Blank, |t| {
                cell_of(t.as_ref(), heads.get(c).map_or("", String::as_str))
            })
        })
        .collect()
}

/// The cell a text gives under a column head: empty → blank, an amount as printed → that amount
/// (in the table's unit, printed as typed), else words. A year (`2027`, a grid's 起始年度) is
/// words, not money, and so is a number under a head that names a count (`资产数量`), as a
/// reading of the page takes it.
fn cell_of(text: &str, head: &str) -> CellRule {
    let t = text.trim();
    let year =
        t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && ("2000".."2101").contains(&t);
    if t.is_empty() {
        CellRule::Blank
    } else if year || yusuan_domain::names_non_money(head) {
        CellRule::Text {
            text: t.to_string(),
        }
    } else if let Ok(value) = parse_amount(t) {
        CellRule::Fixed {
            value,
            printed: t.to_string(),
        }
    } else {
        CellRule::Text {
            text: t.to_string(),
        }
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

/// A grid row's label as a reading of the printed page gives it: its words before its first
/// number (an amount, or a count printed as words), joined by `/`
/// (`办公设备购置/[2010101]行政运行/[A3]设备/台式计算机`).
fn label_of(cells: &[CellRule]) -> String {
    let number = |c: &CellRule| match c {
        CellRule::Fixed { .. } => true,
        CellRule::Text { text } => parse_amount(text).is_ok(),
        _ => false,
    };
    cells
        .iter()
        .take_while(|c| !number(c))
        .filter_map(|c| match c {
            CellRule::Text { text } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Sets the cell at `row`, `column` (1-based) of the carried table titled `title` to `text`;
/// returns its text before. A row whose label is its leading words (an item row, one the user
/// added) keeps it so.
pub fn set_carried_cell(
    d: &mut Draft,
    title: &str,
    row: usize,
    column: usize,
    text: &str,
) -> Result<String, CarriedError> {
    let (rows, heads) = carried_rows(d, title)?;
    let head = heads
        .get(column.wrapping_sub(1))
        .cloned()
        .unwrap_or_default();
    let n = rows.len();
    let r = rows
        .get_mut(row.wrapping_sub(1))
        .ok_or_else(|| CarriedError::NoCell(format!("表“{title}”没有第 {row} 行（共 {n} 行）")))?;
    let m = r.cells.len();
    let trees = Trees::of(rows);
    let r = &mut rows[row - 1];
    let label_before = label_of(&r.cells);
    let c = r.cells.get_mut(column.wrapping_sub(1)).ok_or_else(|| {
        CarriedError::NoCell(format!(
            "表“{title}”第 {row} 行没有第 {column} 列（共 {m} 列）"
        ))
    })?;
    let old = cell_text(c);
    *c = cell_of(text, &head);
    if r.label.is_empty() || r.label == label_before {
        r.label = label_of(&r.cells);
    }
    trees.follow(rows, column - 1, trees.parent(column - 1, row - 1));
    Ok(old)
}

/// The most rows a pasted table may have (a procurement list runs to a few hundred items).
pub const PASTED_ROWS_MAX: usize = 2000;

/// Whether a carried table prints its rows' names beside their cells (Jiangsu's 政府采购预算表: a
/// 名称 and its columns), not as its leading cells (Hubei's grids, whose label is the row's
/// leading words).
pub fn labels_beside(rows: &[RowRule]) -> bool {
    rows.iter()
        .any(|r| !r.label.is_empty() && r.label != label_of(&r.cells))
}

/// Rows of a carried table as text, a line a row, cells separated by tabs (the row's name first
/// where the table prints it beside its cells): what a spreadsheet copies, and what
/// [`replace_carried_rows`] reads back.
pub fn rows_text(rows: &[RowRule]) -> String {
    let beside = labels_beside(rows);
    rows.iter()
        .map(|r| {
            let cells = r.cells.iter().map(cell_text);
            if beside {
                std::iter::once(r.label.clone())
                    .chain(cells)
                    .collect::<Vec<_>>()
                    .join("\t")
            } else {
                cells.collect::<Vec<_>>().join("\t")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replaces every row of the carried table titled `title` by the rows of `text` (a line a row,
/// cells separated by tabs, as copied from a spreadsheet; the row's label first where the table
/// keeps it beside its cells, see [`rows_text`]): next year's procurement list or asset plan
/// pasted whole, its 合计 rows as typed (the checker adds them up). Blank lines are skipped; a
/// line with more cells than the table has columns is refused, naming it. Returns the table as
/// text before and after.
pub fn replace_carried_rows(
    d: &mut Draft,
    title: &str,
    text: &str,
) -> Result<(String, String), CarriedError> {
    let (rows, heads) = carried_rows(d, title)?;
    let before = rows_text(rows);
    let beside = labels_beside(rows);
    let width = rows.first().map_or(heads.len(), |r| r.cells.len());
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    if lines.len() > PASTED_ROWS_MAX {
        return Err(CarriedError::NoCell(format!(
            "粘贴的表有 {} 行，超过上限 {PASTED_ROWS_MAX} 行",
            lines.len()
        )));
    }
    let mut new_rows = Vec::with_capacity(lines.len());
    for (n, line) in lines {
        let mut fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        let name = beside.then(|| fields.remove(0).trim().to_string());
        while fields.len() > width && fields.last().is_some_and(|f| f.trim().is_empty()) {
            fields.pop();
        }
        if fields.len() > width {
            let what = if beside {
                format!("名称和 {width} 列")
            } else {
                format!("{width} 列")
            };
            return Err(CarriedError::NoCell(format!(
                "粘贴的第 {} 行有 {} 个单元格，表“{title}”只有{what}",
                n + 1,
                fields.len() + usize::from(beside)
            )));
        }
        let cells = typed_cells(&fields, &heads, width);
        let label = name.unwrap_or_else(|| label_of(&cells));
        new_rows.push(RowRule {
            code: None,
            label,
            side: None,
            cells,
            pattern: false,
        });
    }
    *rows = new_rows;
    Ok((before, rows_text(rows)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_as_typed() {
        // check(input, expect)
        for (text, expect) in [
            ("", CellRule::Blank),
            (
                " ≥95% ",
                CellRule::Text {
                    text: "≥95%".into(),
                },
            ),
            (
                "35.45",
                CellRule::Fixed {
                    value: "35.45".parse().unwrap(),
                    printed: "35.45".into(),
                },
            ),
            (
                "1,200",
                CellRule::Fixed {
                    value: "1200".parse().unwrap(),
                    printed: "1,200".into(),
                },
            ),
            (
                "2027",
                CellRule::Text {
                    text: "2027".into(),
                },
            ),
        ] {
            assert_eq!(cell_of(text, "金额"), expect, "{text}");
        }
        // A count under its head is words, as the page reads it.
        assert_eq!(
            cell_of("5", "资产数量"),
            CellRule::Text { text: "5".into() }
        );
    }
}
