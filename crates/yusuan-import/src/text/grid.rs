//! Form-like tables (绩效目标申报表, 资产配置预算表) kept cell by cell.

use super::heading::Heading;
use super::marks::cell;
use crate::{Diagnostic, Line, ReportItem};
use yusuan_domain::{parse_amount, Cell, Column, Row, Table, Unit};

/// Form-like tables (绩效目标申报表, 资产配置预算表) whose cells are labels and values in
/// varying places: kept cell by cell as printed, every number exact, and the report says they
/// were kept as a grid rather than read field by field. Columns are named by the heads printed
/// above the first numbers (else 第1列 …); a row is labelled by its text before its first
/// number; numbers that are counts, codes, years, shares or phone numbers stay text.
#[allow(clippy::too_many_arguments)]
pub(super) fn grid_table(
    lines: &[Line],
    i: usize,
    title_line: &Line,
    heading: Heading,
    unit: Option<Unit>,
    compiled_by: Option<String>,
    notes: &mut Vec<ReportItem>,
    more_blocks: bool,
) -> (Table, usize) {
    let (printed, note, i) = grid_lines(lines, i, more_blocks);
    let texts = grid_texts(&printed);
    let width = texts.iter().map(Vec::len).max().unwrap_or(0);
    let mut grid = GridRows::new(width);
    for (l, cells) in printed.iter().zip(&texts) {
        grid.read(l, cells);
    }
    let rows = grid.rows;
    let columns = grid_columns(grid.leading_heads.unwrap_or_default(), width);
    notes.push(ReportItem::new(
        Diagnostic::Grid {
            table: heading.title.clone(),
            rows: rows.len(),
        },
        title_line.location,
    ));
    let unit = unit.unwrap_or(Unit::WanYuan);
    let table = heading.into_table(unit, compiled_by, columns, rows, note, title_line.location);
    (table, i)
}

/// The grid's printed lines from line `i`, the note that ends an empty grid, and the index of
/// the first line after the grid.
fn grid_lines(
    lines: &[Line],
    mut i: usize,
    more_blocks: bool,
) -> (Vec<&Line>, Option<String>, usize) {
    let mut printed: Vec<&Line> = Vec::new();
    let mut note = None;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        // The note of an empty grid (`注：本部门2027年无资产配置预算，故本表为空表。`), printed
        // outside its drawn cells, ends it.
        let text = l.compact();
        if !ruled(l) && !l.is_tabular() && (text.starts_with("注") || text.contains("空表")) {
            note = Some(l.text.trim().to_string());
            i += 1;
            break;
        }
        // A line inside the drawn cells of a ruled table belongs to it, tabular or not.
        // The block's last line is followed by the next block's title line, which is prose.
        let prose_follows = lines
            .get(i + 1)
            .map_or(more_blocks, |n| !n.is_tabular() && !ruled(n));
        if !l.is_tabular()
            && !ruled(l)
            && l.compact().chars().count() <= 40
            && !printed.is_empty()
            && prose_follows
        {
            break;
        }
        printed.push(l);
        i += 1;
    }
    (printed, note, i)
}

/// The grid's lines as rows of cell texts, all as wide as the widest: by the drawn boxes when
/// every line is ruled, else by the lines' own cells.
fn grid_texts(printed: &[&Line]) -> Vec<Vec<String>> {
    match ruled_grid(printed) {
        Some(grid) => grid,
        None => {
            let width = printed.iter().map(|l| l.cells.len()).max().unwrap_or(0);
            printed
                .iter()
                .map(|l| {
                    (0..width)
                        .map(|k| {
                            l.cells
                                .get(k)
                                .map_or(String::new(), |c| c.trim().to_string())
                        })
                        .collect()
                })
                .collect()
        }
    }
}

/// The grid's columns: named by the heads printed above the first numbers, else 第1列 ….
fn grid_columns(leading: Vec<String>, width: usize) -> Vec<Column> {
    (0..width)
        .map(|k| match leading.get(k).filter(|h| !h.is_empty()) {
            Some(h) => Column {
                path: h.split('/').map(str::to_string).collect(),
            },
            None => Column {
                path: vec![format!("第{}列", k + 1)],
            },
        })
        .collect()
}

/// Whether a grid's cell reads as a number.
fn is_number(t: &str) -> bool {
    parse_amount(t).is_ok()
}

/// Whether a grid's cell reads as a number or a share (`12%`).
fn numeric(t: &str) -> bool {
    is_number(t) || t.strip_suffix('%').is_some_and(|n| parse_amount(n).is_ok())
}

/// The grid's rows read so far, with the heads and labels carried down to the rows below.
struct GridRows {
    width: usize,
    /// Column heads, carried down: a row without numbers names the columns under its cells; a
    /// head row right after another one names sub-columns (`财政审核数` / `单价(万元)`).
    heads: Vec<String>,
    prev_was_head: bool,
    /// The label cells of the row above.
    labels: Vec<Option<String>>,
    rows: Vec<Row>,
    /// The heads printed before any data row.
    leading_heads: Option<Vec<String>>,
}

impl GridRows {
    /// No rows yet, for a grid this many columns wide.
    fn new(width: usize) -> Self {
        GridRows {
            width,
            heads: vec![String::new(); width],
            prev_was_head: false,
            labels: vec![None; width],
            rows: Vec::new(),
            leading_heads: None,
        }
    }

    /// Reads one printed row: its heads, its label and its cells, as one row or one per pair.
    fn read(&mut self, l: &Line, cells: &[String]) {
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        let first_number = cells.iter().position(|c| is_number(c));
        if first_number.is_none() && filled >= 2 {
            self.read_heads(cells);
        } else {
            if first_number.is_some() && self.leading_heads.is_none() {
                self.fix_leading_heads(cells);
            }
            self.prev_was_head = false;
        }
        let parts = self.label_parts(cells, first_number);
        let out_cells = self.typed_cells(cells);
        self.push_pairs(l, cells, first_number, &parts, &out_cells);
    }

    /// Carries a head row's cells down as the heads of the columns under them.
    fn read_heads(&mut self, cells: &[String]) {
        // A head row that starts indented under the row above holds its sub-heads.
        let sub = self.prev_was_head && cells.first().is_some_and(String::is_empty);
        for (k, c) in cells.iter().enumerate() {
            if !c.is_empty() {
                self.heads[k] = if sub {
                    format!("{}/{}", parent_of(&self.heads, k), c)
                } else {
                    c.clone()
                };
            }
        }
        self.prev_was_head = true;
    }

    /// At the first row with numbers, keeps the heads above as the grid's column names, or none.
    fn fix_leading_heads(&mut self, cells: &[String]) {
        // The heads above the first numbers name the grid's columns when they stand
        // over every number of that row (a table such as 资产配置预算表, not a form of
        // `label | value` pairs).
        let numbers: Vec<usize> = (0..self.width).filter(|&k| is_number(&cells[k])).collect();
        let headed = numbers.len() >= 2 && numbers.iter().all(|&k| !self.heads[k].is_empty());
        self.leading_heads = Some(if headed {
            self.heads.clone()
        } else {
            Vec::new()
        });
        if !self.rows.is_empty() && headed {
            self.labels = vec![None; self.width]; // the head rows label no data row
        }
    }

    /// The parts of a row's label, and its label cells carried down to the row below.
    fn label_parts(&mut self, cells: &[String], first_number: Option<usize>) -> Vec<String> {
        let width = self.width;
        // The row's label: its text cells before the first number, with the cells a merged
        // cell left empty taken from the row above (`收入构成` / `财政专户管理资金`).
        let end = first_number.unwrap_or_else(|| {
            cells
                .iter()
                .position(|c| !c.is_empty())
                .map_or(0, |k| k + 1)
        });
        let first_filled = cells.iter().position(|c| !c.is_empty()).unwrap_or(width);
        let mut parts: Vec<String> = Vec::new();
        let mut own: Vec<Option<String>> = vec![None; width];
        for k in 0..end.min(width) {
            if !cells[k].is_empty() {
                parts.push(cells[k].clone());
                own[k] = Some(cells[k].clone());
            } else if k < first_filled {
                if let Some(up) = &self.labels[k] {
                    parts.push(up.clone());
                    own[k] = Some(up.clone());
                }
            }
        }
        self.labels = own;
        parts
    }

    /// A row's cells, with the numbers that are not money kept as text.
    fn typed_cells(&self, cells: &[String]) -> Vec<Cell> {
        // A number is money unless its column head or the label just left of it names a count,
        // a code, a date, a share or a phone number (`资产数量`, `联系电话`, `起始年度`).
        cells
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let left = if k > 0 { cells[k - 1].as_str() } else { "" };
                if is_number(c)
                    && (not_money(&self.heads[k]) || (!numeric(left) && not_money(left)))
                {
                    Cell::Text { text: c.clone() }
                } else {
                    cell(c)
                }
            })
            .collect()
    }

    /// Adds a row, or in a form of `label | value` pairs one row for each pair.
    fn push_pairs(
        &mut self,
        l: &Line,
        cells: &[String],
        first_number: Option<usize>,
        parts: &[String],
        out_cells: &[Cell],
    ) {
        let width = self.width;
        // In a form of `label | value | label | value` pairs, each later pair is a row of its
        // own, labelled by its label (`项目总预算 333.2 项目当年预算 333.2`).
        let form_like = self.leading_heads.as_ref().is_some_and(Vec::is_empty);
        let splits: Vec<usize> = match (form_like, first_number) {
            (true, Some(f)) => (f + 1..width)
                .filter(|&k| {
                    is_number(&cells[k]) && !cells[k - 1].is_empty() && !numeric(&cells[k - 1])
                })
                .collect(),
            _ => Vec::new(),
        };
        // Each pair keeps its label cell, so the row still reads `label | value`.
        let mut bounds = vec![0];
        bounds.extend(splits.iter().map(|k| k - 1));
        bounds.push(width);
        for (n, pair) in bounds.windows(2).enumerate() {
            let label = if n == 0 {
                parts.join("/")
            } else {
                cells[pair[0]].clone()
            };
            let part_cells = out_cells
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    if (pair[0]..pair[1]).contains(&k) {
                        c.clone()
                    } else {
                        Cell::Blank
                    }
                })
                .collect();
            self.rows.push(Row {
                code: None,
                label,
                side: None,
                cells: part_cells,
                location: l.location,
            });
        }
    }
}

/// Whether every cell of a line sits in a drawn box (a PDF's ruled table).
fn ruled(l: &Line) -> bool {
    !l.boxes.is_empty() && l.boxes.len() == l.cells.len() && l.boxes.iter().all(Option::is_some)
}

/// Boxes' edges this close (points) are one column boundary.
const SAME_EDGE: f32 = 1.0; // layout

/// A ruled grid's lines as rows of cells at their column positions, the way a spreadsheet
/// prints them: the columns are the drawn boxes' edges over the whole grid, each text goes to
/// the column its box starts in, and a column with nothing printed in a row stays an empty cell
/// (a cell merged over rows above, a blank). `None` unless every line is ruled.
fn ruled_grid(printed: &[&Line]) -> Option<Vec<Vec<String>>> {
    if printed.is_empty() || !printed.iter().all(|l| ruled(l)) {
        return None;
    }
    let mut edges: Vec<f32> = printed
        .iter()
        .flat_map(|l| l.boxes.iter().flatten().flat_map(|b| [b.left, b.right]))
        .collect(); // layout
    edges.sort_by(f32::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < SAME_EDGE);
    let width = edges.len().saturating_sub(1);
    Some(
        printed
            .iter()
            .map(|l| {
                let mut row = vec![String::new(); width];
                for (text, b) in l.cells.iter().zip(&l.boxes) {
                    let Some(b) = b else { continue };
                    let k = edges
                        .iter()
                        .position(|e| (e - b.left).abs() < SAME_EDGE)
                        .unwrap_or(0)
                        .min(width.saturating_sub(1));
                    if !row[k].is_empty() {
                        row[k].push(' ');
                    }
                    row[k].push_str(text.trim());
                }
                row
            })
            .collect(),
    )
}

/// The head of the nearest column at or left of `k` (the parent of a sub-column).
fn parent_of(heads: &[String], k: usize) -> String {
    let h = (0..=k)
        .rev()
        .map(|j| heads[j].as_str())
        .find(|h| !h.is_empty())
        .unwrap_or("");
    h.split('/').next().unwrap_or(h).to_string()
}

use yusuan_domain::names_non_money as not_money;
