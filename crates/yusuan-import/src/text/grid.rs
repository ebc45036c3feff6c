//! Form-like tables (绩效目标申报表, 资产配置预算表) kept cell by cell.

use super::table::{cell, is_title};
use crate::{Line, ReportItem};
use yusuan_domain::{Cell, Column, Row, Table, TableKind, Unit};

/// Form-like tables (绩效目标申报表, 资产配置预算表) whose cells are labels and values in
/// varying places: kept cell by cell as printed (columns 第1列 …), every number exact, and the
/// report says they were kept as a grid rather than read field by field.
#[allow(clippy::too_many_arguments)]
pub(super) fn grid_table(
    lines: &[Line],
    mut i: usize,
    title_line: &Line,
    title: String,
    number: Option<String>,
    kind: TableKind,
    unit: Option<Unit>,
    compiled_by: Option<String>,
    notes: &mut Vec<ReportItem>,
) -> (Table, usize) {
    let mut rows = Vec::new();
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if is_title(lines, i) || (!l.is_tabular() && l.compact().chars().count() <= 40 && !rows.is_empty() && lines.get(i + 1).is_some_and(|n| !n.is_tabular())) {
            break;
        }
        let cells: Vec<Cell> = l.cells.iter().skip(1).map(|c| cell(c)).collect();
        rows.push(Row { code: None, label: l.cells.first().cloned().unwrap_or_default(), side: None, cells, location: l.location });
        i += 1;
    }
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for r in &mut rows {
        r.cells.resize(width, Cell::Blank);
    }
    let columns = (0..width).map(|k| Column { path: vec![format!("第{}列", k + 2)] }).collect();
    notes.push(ReportItem {
        message: format!("表“{title}”按原样逐格保留（{} 行），其中的栏目尚未逐项识别", rows.len()),
        location: title_line.location,
    });
    let unit = unit.unwrap_or(Unit::WanYuan);
    (Table { title, number, kind, unit, compiled_by, columns, rows, note: None, location: title_line.location }, i)
}
