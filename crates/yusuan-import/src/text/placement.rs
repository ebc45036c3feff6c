//! Placing values whose empty cells were lost: by sub-row sums (tab text) and by each side's
//! 总计 (two-sided tables read without positions).

use crate::ReportItem;
use yusuan_domain::{Cell, Column, LedgerSide, Location, Row, RowCode};

/// Text extraction drops the empty cells at the end of a line, so a line with fewer cells than
/// the header leaves the place of its numbers open (`302 商品和服务支出 6,710,518 6,710,518`
/// under 合计 | 人员经费 | 公用经费). For a row that has sub-rows (a 类 or 款 with its 款 or 项),
/// the sub-rows' column sums decide: when the printed order does not match them and exactly one
/// other placement of the same numbers in the same order does, that placement is taken and the
/// report says so. Rows without sub-rows keep the printed order (blanks at the end).
pub(super) fn place_short_rows(rows: &mut [Row], shorts: &[bool], title: &str, notes: &mut Vec<ReportItem>) {
    use rust_decimal::Decimal;
    let parent_of = |c: &RowCode| match c {
        RowCode::Function(f) => f.parent().map(|p| p.as_str().to_string()),
        RowCode::Economic(e) => e.parent().map(|p| p.as_str().to_string()),
        _ => None,
    };
    for i in 0..rows.len() {
        if !shorts.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(code) = rows[i].code.clone() else { continue };
        let n = rows[i].cells.len();
        let children: Vec<usize> = (0..rows.len())
            .filter(|&j| rows[j].code.as_ref().and_then(parent_of).as_deref() == Some(code.as_str()))
            .collect();
        if children.is_empty() {
            continue;
        }
        let mut sums = vec![Decimal::ZERO; n];
        for &j in &children {
            for (k, c) in rows[j].cells.iter().enumerate().take(n) {
                match c.value_or_zero() {
                    Some(v) => sums[k] += v,
                    None => return,
                }
            }
        }
        let values: Vec<Cell> = rows[i].cells.iter().filter(|c| **c != Cell::Blank).cloned().collect();
        let matches = |cells: &[Cell]| cells.iter().zip(&sums).all(|(c, s)| c.value_or_zero() == Some(*s));
        if matches(&rows[i].cells) {
            continue;
        }
        let mut found: Vec<Vec<Cell>> = Vec::new();
        for mask in 0u32..(1u32 << n.min(16)) {
            if mask.count_ones() as usize != values.len() {
                continue;
            }
            let mut it = values.iter();
            let cand: Vec<Cell> =
                (0..n).map(|k| if mask & (1 << k) != 0 { it.next().cloned().unwrap_or(Cell::Blank) } else { Cell::Blank }).collect();
            if matches(&cand) {
                found.push(cand);
            }
        }
        if found.len() == 1 {
            rows[i].cells = found.remove(0);
            notes.push(ReportItem {
                message: format!(
                    "表“{title}”中“{}”一行的空单元格在提取时丢失，已按其下级科目的合计确定数值所在的列，请核对",
                    rows[i].label
                ),
                location: rows[i].location,
            });
        }
    }
}

/// Places the values of two-sided rows printed without their blanks, side by side: each side's
/// 总计 is the sum of its items, and a side whose first column is 合计 adds up across.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_ledger(
    rows: &mut [Row],
    shorts: &[Option<Vec<rust_decimal::Decimal>>],
    columns: &[Column],
    left: usize,
    title: &str,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
    at: Location,
) {
    let mut placed = 0;
    for (side, range) in [(LedgerSide::Income, 0..left), (LedgerSide::Expenditure, left..columns.len())] {
        let idx: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].side == Some(side)).collect();
        if idx.is_empty() || !idx.iter().any(|&i| shorts[i].is_some()) {
            continue;
        }
        let mut side_rows: Vec<Row> = idx
            .iter()
            .map(|&i| Row { cells: rows[i].cells[range.clone()].to_vec(), ..rows[i].clone() })
            .collect();
        let side_shorts: Vec<_> = idx.iter().map(|&i| shorts[i].clone()).collect();
        let identity = columns[range.clone()].first().and_then(|c| c.path.last()).is_some_and(|l| l == "合计") && range.len() > 1;
        let outcome = super::blanks::resolve_side(&mut side_rows, &side_shorts, range.len(), identity);
        placed += outcome.placed;
        for (k, &i) in idx.iter().enumerate() {
            rows[i].cells.splice(range.clone(), side_rows[k].cells.iter().cloned());
        }
        for k in outcome.open {
            let r = &rows[idx[k]];
            warnings.push(ReportItem {
                message: format!(
                    "表“{title}”中“{}”只印出 {} 个数值（该栏有 {} 列），原文未印出空白单元格，无法确定所在列，已按顺序对应，请核对原文",
                    r.label,
                    side_shorts[k].as_ref().map_or(0, Vec::len),
                    range.len()
                ),
                location: r.location,
            });
        }
    }
    if placed > 0 {
        notes.push(ReportItem {
            message: format!("表“{title}”有 {placed} 行未印出空白单元格，已按总计与各项的合计关系确定各数值所在的列"),
            location: at,
        });
    }
}
