//! A table set as the region prints it: key columns (codes split 类/款/项 or joined, names),
//! multi-level merged headers from the column paths, ruled cells, amounts right-aligned as
//! printed, the header repeated on every page the table runs to, the empty-table note.

use super::text::wrap;
use super::Cursor;
use crate::page::Face;
use crate::{Fonts, Template};
use yusuan_domain::{Cell, FundKey, LedgerSide, Row, RowCode, Table, TableKind};

const BODY_SIZE: f32 = 9.0;
const HEAD_SIZE: f32 = 9.0;
const TITLE_SIZE: f32 = 15.0;
const ROW_H: f32 = 17.0;
const HEAD_ROW_H: f32 = 17.0;
const PAD: f32 = 3.0;
const RULE: f32 = 0.5;

/// How a cell's text sits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A header cell spanning rows and columns.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeadCell {
    pub(crate) row: usize,
    pub(crate) col: usize,
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) text: String,
}

/// A body cell (a row's cell may span several columns: the 合计 label over the key columns).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BodyCell {
    pub(crate) col: usize,
    pub(crate) cols: usize,
    pub(crate) text: String,
    align: Align,
}

/// The table as a grid of columns, header cells and body rows.
#[derive(Debug, Clone, PartialEq)]
struct Grid {
    widths: Vec<f32>,
    /// Font size of the table's text (smaller when its natural widths exceed the page).
    size: f32,
    head: Vec<HeadCell>,
    head_rows: usize,
    body: Vec<Vec<BodyCell>>,
}

impl Grid {
    /// A grid under the header of `paths` (one per column): the columns' natural widths widened
    /// for the header's cells, then fitted to the `available` width.
    fn headed(
        fonts: &Fonts,
        paths: &[Vec<String>],
        mut natural: Vec<f32>,
        flex: &[bool],
        available: f32,
        body: Vec<Vec<BodyCell>>,
    ) -> Grid {
        let (head, head_rows) = header(paths);
        widen_for_headers(fonts, &head, &mut natural);
        let (widths, size) = fit(natural, flex, available);
        Grid {
            widths,
            size,
            head,
            head_rows,
            body,
        }
    }
}

/// Header cells from one path per column: equal prefixes merge across columns, a path's last
/// part runs down to the header's bottom row.
pub(crate) fn header(paths: &[Vec<String>]) -> (Vec<HeadCell>, usize) {
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut cells = Vec::new();
    for level in 0..depth {
        let mut c = 0;
        while c < paths.len() {
            let p = &paths[c];
            if p.len() <= level {
                c += 1;
                continue;
            }
            let mut span = 1;
            // Merge only groups (not leaves) with the same prefix.
            if p.len() > level + 1 {
                while c + span < paths.len()
                    && paths[c + span].len() > level + 1
                    && paths[c + span][..=level] == p[..=level]
                {
                    span += 1;
                }
            }
            let rows = if p.len() == level + 1 {
                depth - level
            } else {
                1
            };
            cells.push(HeadCell {
                row: level,
                col: c,
                rows,
                cols: span,
                text: p[level].clone(),
            });
            c += span;
        }
    }
    (cells, depth)
}

/// A table kept cell by cell as printed (a form-like grid: 绩效目标表, 资产配置预算表, whose head
/// rows are among its rows): printed the same way, every cell in its column, no header of ours.
pub(crate) fn is_grid(t: &Table) -> bool {
    let unnamed = t
        .columns
        .iter()
        .all(|c| c.path.len() == 1 && c.path[0].starts_with('第') && c.path[0].ends_with('列'));
    let form_like = matches!(
        t.kind,
        TableKind::AssetAllocation
            | TableKind::DepartmentPerformance
            | TableKind::ProjectPerformance
    ) && t.rows.iter().all(|r| r.code.is_none() && r.side.is_none());
    !t.columns.is_empty() && (unnamed || form_like)
}

fn amount_text(c: &Cell) -> (String, Align) {
    match c {
        Cell::Blank => (String::new(), Align::Right),
        Cell::Amount { printed, .. } => (printed.clone(), Align::Right),
        Cell::Text { text } => (text.clone(), Align::Left),
    }
}

/// Whether a table's rows are function 项 (an empty one prints their code columns all the same).
fn by_function(kind: TableKind) -> bool {
    matches!(
        kind,
        TableKind::Expenditure
            | TableKind::FiscalFunction
            | TableKind::GeneralPublicFunction
            | TableKind::GovernmentFundFunction
            | TableKind::StateCapitalFunction
    )
}

/// The key columns a table's rows need: (header path, width) per column, from the template.
pub(crate) fn key_columns(t: &Table, template: &Template) -> (Vec<(Vec<String>, f32)>, Keys) {
    let has = |f: fn(&RowCode) -> bool| t.rows.iter().any(|r| r.code.as_ref().is_some_and(f));
    let keys: &[&[&str]] = if has(|c| matches!(c, RowCode::Function(_))) {
        template.function_keys
    } else if has(|c| matches!(c, RowCode::Economic(_))) {
        template.economic_keys
    } else if has(|c| matches!(c, RowCode::Unit(_) | RowCode::Project(_))) {
        template.unit_keys
    } else if t.amount_count() == 0
        && t.rows.iter().all(|r| r.code.is_none())
        && by_function(t.kind)
    {
        // An empty table by function 项 still prints its code columns over its 合计 row.
        template.function_keys
    } else if t.amount_count() == 0
        && t.rows.iter().all(|r| r.code.is_none())
        && matches!(
            t.kind,
            TableKind::GeneralPublicBasicEconomic | TableKind::FiscalBasicEconomic
        )
    {
        template.economic_keys
    } else if t.rows.iter().any(|r| !r.label.trim().is_empty()) {
        return (vec![(vec!["项目".to_string()], 0.0)], Keys::Label);
    } else {
        return (vec![], Keys::None);
    };
    let cols: Vec<(Vec<String>, f32)> = keys
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let last = path.last().copied().unwrap_or("");
            let w = if i + 1 == keys.len() {
                0.0
            } else {
                match last {
                    "类" => 26.0,
                    "款" | "项" => 22.0,
                    "序号" => 36.0,
                    _ => 62.0,
                }
            };
            (path.iter().map(|s| s.to_string()).collect(), w)
        })
        .collect();
    let style = if keys.len() > 2 {
        Keys::Split(keys.len() - 1)
    } else {
        Keys::Joined
    };
    (cols, style)
}

/// How a row's key cells are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keys {
    Split(usize),
    Joined,
    Label,
    None,
}

pub(crate) fn key_cells(r: &Row, keys: Keys, total_spans: bool) -> Vec<BodyCell> {
    let n = match keys {
        Keys::Split(k) => k + 1,
        Keys::Joined => 2,
        Keys::Label => 1,
        Keys::None => 0,
    };
    let Some(code) = &r.code else {
        // A 合计 row: its label centred across the key columns (or in the name column).
        if n == 0 {
            return vec![];
        }
        if !total_spans && n >= 2 {
            return vec![
                BodyCell {
                    col: 0,
                    cols: n - 1,
                    text: String::new(),
                    align: Align::Left,
                },
                BodyCell {
                    col: n - 1,
                    cols: 1,
                    text: r.label.clone(),
                    align: Align::Left,
                },
            ];
        }
        let align = if r.is_total() {
            Align::Center
        } else {
            Align::Left
        };
        return vec![BodyCell {
            col: 0,
            cols: n,
            text: r.label.clone(),
            align,
        }];
    };
    match keys {
        Keys::Split(k) => {
            let code = code.as_str();
            let parts = [code.get(..3), code.get(3..5), code.get(5..7)];
            let mut v: Vec<BodyCell> = (0..k)
                .map(|i| BodyCell {
                    col: i,
                    cols: 1,
                    text: parts[i].unwrap_or("").to_string(),
                    align: Align::Center,
                })
                .collect();
            v.push(BodyCell {
                col: k,
                cols: 1,
                text: r.label.clone(),
                align: Align::Left,
            });
            v
        }
        Keys::Joined => vec![
            BodyCell {
                col: 0,
                cols: 1,
                text: code.as_str().to_string(),
                align: Align::Left,
            },
            BodyCell {
                col: 1,
                cols: 1,
                text: r.label.clone(),
                align: Align::Left,
            },
        ],
        Keys::Label => vec![BodyCell {
            col: 0,
            cols: 1,
            text: r.label.clone(),
            align: Align::Left,
        }],
        Keys::None => vec![],
    }
}

/// Natural width of a column holding `texts` under a header `head` (wrapped at most in two).
fn natural(fonts: &Fonts, texts: &[&str], head: &str) -> f32 {
    let body = texts
        .iter()
        .map(|t| fonts.body.width(t, BODY_SIZE))
        .fold(0.0, f32::max);
    let h = fonts.body.width(head, HEAD_SIZE);
    let head = if h > 100.0 { h / 2.0 + HEAD_SIZE } else { h };
    // Room on both sides, so a reader (and a text extractor) sees neighbouring cells apart.
    body.max(head).max(36.0) + 2.0 * PAD + 12.0
}

/// Natural width of a table's column `c` (its cells as printed) under a header `head`.
fn column_natural(fonts: &Fonts, t: &Table, c: usize, head: &str) -> f32 {
    let texts: Vec<&str> = t
        .rows
        .iter()
        .filter_map(|r| r.cells.get(c))
        .map(Cell::printed)
        .collect();
    natural(fonts, &texts, head)
}

/// A column path's last line (its own header cell), or nothing.
fn last_line(path: &[String]) -> &str {
    path.last().map(String::as_str).unwrap_or("")
}

/// Widens the columns under each header cell whose text would not fit on one line (a group
/// header such as 功能分类科目编码 over three narrow code columns), so no header wraps when the
/// page has room.
fn widen_for_headers(fonts: &Fonts, head: &[HeadCell], nat: &mut [f32]) {
    for c in head {
        let need = fonts.body.width(&c.text, HEAD_SIZE) + 2.0 * PAD + 8.0;
        let have: f32 = nat[c.col..c.col + c.cols].iter().sum();
        if need > have && have > 0.0 {
            let k = need / have;
            nat[c.col..c.col + c.cols].iter_mut().for_each(|w| *w *= k);
        }
    }
}

/// Column widths and the font size: natural widths scaled down to the page (the text with
/// them), or the spare width given to the flexible (name) columns.
fn fit(natural: Vec<f32>, flex: &[bool], available: f32) -> (Vec<f32>, f32) {
    let total: f32 = natural.iter().sum();
    if total <= 0.0 {
        return (natural, BODY_SIZE);
    }
    if total > available {
        let k = available / total;
        return (
            natural.iter().map(|w| w * k).collect(),
            (BODY_SIZE * k).max(5.5),
        );
    }
    let extra = available - total;
    let n_flex = flex.iter().filter(|f| **f).count();
    let out = if n_flex > 0 {
        natural
            .iter()
            .zip(flex)
            .map(|(w, f)| if *f { w + extra / n_flex as f32 } else { *w })
            .collect()
    } else {
        natural.iter().map(|w| w * available / total).collect()
    };
    (out, BODY_SIZE)
}

fn keyed_grid(t: &Table, template: &Template, fonts: &Fonts, available: f32) -> Grid {
    let (keys, style) = key_columns(t, template);
    let mut paths: Vec<Vec<String>> = keys.iter().map(|k| k.0.clone()).collect();
    paths.extend(t.columns.iter().map(|c| c.path.clone()));
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    // A code column is as wide as its longest code (a Hubei 项目编码 runs to 21 characters).
    let code_w = t
        .rows
        .iter()
        .filter_map(|r| r.code.as_ref())
        .map(|c| fonts.body.width(c.as_str(), BODY_SIZE))
        .fold(0.0, f32::max)
        + 2.0 * PAD
        + 4.0;
    let mut nat: Vec<f32> = keys
        .iter()
        .map(|k| match k.1 {
            w if w >= 60.0 => w.max(code_w),
            w if w > 0.0 => w,
            _ => natural(fonts, &labels, "").clamp(90.0, 240.0),
        })
        .collect();
    let mut flex: Vec<bool> = keys.iter().map(|k| k.1 == 0.0).collect();
    for (c, col) in t.columns.iter().enumerate() {
        nat.push(column_natural(fonts, t, c, last_line(&col.path)));
        flex.push(false);
    }
    let body = t
        .rows
        .iter()
        .map(|r| {
            let mut cells = key_cells(r, style, template.total_spans_keys);
            for (c, cell) in r.cells.iter().enumerate() {
                let (text, align) = amount_text(cell);
                cells.push(BodyCell {
                    col: keys.len() + c,
                    cols: 1,
                    text,
                    align,
                });
            }
            cells
        })
        .collect();
    Grid::headed(fonts, &paths, nat, &flex, available, body)
}

/// A two-sided (收入 | 支出) table: each side's label column beside its amounts, rows paired in
/// printed order, the 总计 rows on the last line.
fn ledger_grid(t: &Table, fonts: &Fonts, available: f32) -> Grid {
    let side_of = |c: &yusuan_domain::Column| {
        let top = c.path.first().map(String::as_str).unwrap_or("");
        if top.contains("支出") {
            LedgerSide::Expenditure
        } else {
            LedgerSide::Income
        }
    };
    let inc_cols: Vec<usize> = (0..t.columns.len())
        .filter(|&c| side_of(&t.columns[c]) == LedgerSide::Income)
        .collect();
    let exp_cols: Vec<usize> = (0..t.columns.len())
        .filter(|&c| side_of(&t.columns[c]) == LedgerSide::Expenditure)
        .collect();
    let group = |cols: &[usize]| {
        t.columns
            .get(cols.first().copied().unwrap_or(0))
            .and_then(|c| c.path.first().cloned())
            .unwrap_or_default()
    };
    let mut paths: Vec<Vec<String>> = vec![vec![group(&inc_cols), "项目".into()]];
    paths.extend(inc_cols.iter().map(|&c| t.columns[c].path.clone()));
    paths.push(vec![group(&exp_cols), "项目".into()]);
    paths.extend(exp_cols.iter().map(|&c| t.columns[c].path.clone()));
    let side_labels = |s: LedgerSide| -> Vec<&str> {
        t.rows
            .iter()
            .filter(|r| r.side == Some(s))
            .map(|r| r.label.as_str())
            .collect()
    };
    let value_w = |c: usize| column_natural(fonts, t, c, last_line(&t.columns[c].path)).max(70.0);
    let mut nat = vec![natural(fonts, &side_labels(LedgerSide::Income), "").clamp(110.0, 220.0)];
    nat.extend(inc_cols.iter().map(|&c| value_w(c)));
    nat.push(natural(fonts, &side_labels(LedgerSide::Expenditure), "").clamp(110.0, 220.0));
    nat.extend(exp_cols.iter().map(|&c| value_w(c)));
    let mut flex = vec![true];
    flex.extend(inc_cols.iter().map(|_| false));
    flex.push(true);
    flex.extend(exp_cols.iter().map(|_| false));
    let totals = |r: &&Row| {
        let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
        l.ends_with("总计")
    };
    let side_rows = |s: LedgerSide| -> (Vec<&Row>, Vec<&Row>) {
        t.rows
            .iter()
            .filter(|r| r.side == Some(s))
            .partition(|r| !totals(r))
    };
    let (inc, inc_total) = side_rows(LedgerSide::Income);
    let (exp, exp_total) = side_rows(LedgerSide::Expenditure);
    let exp_start = 1 + inc_cols.len();
    let side_cells = |r: Option<&&Row>, first: usize, cols: &[usize]| -> Vec<BodyCell> {
        let Some(r) = r else { return vec![] };
        let mut v = vec![BodyCell {
            col: first,
            cols: 1,
            text: r.label.clone(),
            align: if totals(r) {
                Align::Center
            } else {
                Align::Left
            },
        }];
        for (k, &c) in cols.iter().enumerate() {
            let (text, align) = r
                .cells
                .get(c)
                .map(amount_text)
                .unwrap_or((String::new(), Align::Right));
            v.push(BodyCell {
                col: first + 1 + k,
                cols: 1,
                text,
                align,
            });
        }
        v
    };
    let mut body = Vec::new();
    for i in 0..inc.len().max(exp.len()) {
        let mut cells = side_cells(inc.get(i), 0, &inc_cols);
        cells.extend(side_cells(exp.get(i), exp_start, &exp_cols));
        body.push(cells);
    }
    for i in 0..inc_total.len().max(exp_total.len()) {
        let mut cells = side_cells(inc_total.get(i), 0, &inc_cols);
        cells.extend(side_cells(exp_total.get(i), exp_start, &exp_cols));
        body.push(cells);
    }
    Grid::headed(fonts, &paths, nat, &flex, available, body)
}

use yusuan_domain::compact;

/// The widest a column of a form-like grid grows before its texts wrap (points).
const PLAIN_GRID_MAX_COLUMN: f32 = 120.0; // layout

/// A form-like table (heads printed in its rows): every cell as printed, no header.
fn plain_grid(t: &Table, fonts: &Fonts, available: f32) -> Grid {
    let n = t.columns.len().max(1);
    // Each column as wide as its widest text up to a few lines' worth of a long one, so codes
    // and amounts stay whole and long texts wrap.
    let nat: Vec<f32> = (0..n)
        .map(|c| column_natural(fonts, t, c, "").min(PLAIN_GRID_MAX_COLUMN))
        .collect();
    let (w, _) = fit(nat, &vec![true; n], available);
    // A printed line the importer split into rows (`项目总预算 333.2 | 项目当年预算 333.2`, one
    // row per label and value pair) is printed as the one line it was.
    // Such a row starts with its own label right after the amount that ends the row before it
    // (a draft's derived rows no longer share the printed line's place).
    let continues = |line: &[&Cell], r: &Row| {
        let Some(first) = r.cells.iter().position(|c| !matches!(c, Cell::Blank)) else {
            return false;
        };
        let before = line.iter().rposition(|c| !matches!(c, Cell::Blank));
        let own_label =
            matches!(&r.cells[first], Cell::Text { text } if compact(text) == compact(&r.label));
        before.is_some_and(|b| b < first && line[b].amount().is_some())
            && own_label
            && r.cells[first..].iter().any(|c| c.amount().is_some())
    };
    let mut lines: Vec<Vec<&Cell>> = Vec::new();
    let mut last: Option<&yusuan_domain::Location> = None;
    for r in &t.rows {
        let same_place =
            last == Some(&r.location) && r.location != yusuan_domain::Location::default();
        let joins = same_place || lines.last().is_some_and(|l| continues(l, r));
        match lines.last_mut() {
            Some(line)
                if joins
                    && line
                        .iter()
                        .zip(&r.cells)
                        .all(|(a, b)| matches!(a, Cell::Blank) || matches!(b, Cell::Blank)) =>
            {
                for (k, c) in r.cells.iter().enumerate() {
                    if !matches!(c, Cell::Blank) {
                        if let Some(slot) = line.get_mut(k) {
                            *slot = c;
                        }
                    }
                }
            }
            _ => lines.push(r.cells.iter().collect()),
        }
        last = Some(&r.location);
    }
    let body = lines
        .into_iter()
        .map(|cells| {
            // A text with nothing after it in its row (a form's description merged across the
            // row) spans the rest of the row.
            let last = cells.iter().rposition(|c| !matches!(c, Cell::Blank));
            cells
                .iter()
                .enumerate()
                .take(last.map_or(cells.len(), |l| l + 1))
                .map(|(c, cell)| {
                    let (text, _) = amount_text(cell);
                    let spans = Some(c) == last && matches!(cell, Cell::Text { .. });
                    let cols = if spans { n - c } else { 1 };
                    BodyCell {
                        col: c,
                        cols,
                        text,
                        align: if cell.amount().is_some() {
                            Align::Right
                        } else {
                            Align::Left
                        },
                    }
                })
                .collect()
        })
        .collect();
    Grid {
        widths: w,
        size: BODY_SIZE,
        head: vec![],
        head_rows: 0,
        body,
    }
}

fn grid_for(t: &Table, template: &Template, fonts: &Fonts, available: f32) -> Grid {
    if t.rows.iter().any(|r| r.side.is_some()) {
        ledger_grid(t, fonts, available)
    } else if is_grid(t) {
        plain_grid(t, fonts, available)
    } else {
        keyed_grid(t, template, fonts, available)
    }
}

#[allow(clippy::too_many_arguments)]
fn put(
    page: &mut crate::Page,
    fonts: &Fonts,
    text: &str,
    x: f32,
    w: f32,
    top: f32,
    h: f32,
    align: Align,
    size: f32,
) {
    if text.is_empty() {
        return;
    }
    // Fit: shrink an amount that is too wide; wrap words.
    let inner = w - 2.0 * PAD;
    let full = fonts.body.width(text, size);
    let (lines, size) = if align == Align::Right || full <= inner {
        let s = if full > inner {
            size * inner / full
        } else {
            size
        };
        (vec![text.to_string()], s)
    } else if align == Align::Center {
        // A header: balanced lines (国有资本 / 经营预算), not a long line and a stub.
        (balanced(fonts, text, size, inner), size)
    } else {
        (wrap(&fonts.body, text, size, inner, 0.0), size)
    };
    let line_h = size * 1.25;
    let block = line_h * lines.len() as f32;
    let mut y = top - (h - block) / 2.0 - size * 0.95;
    for l in lines {
        let lw = fonts.body.width(&l, size);
        let lx = match align {
            Align::Left => x + PAD,
            Align::Center => x + (w - lw) / 2.0,
            Align::Right => x + w - PAD - lw,
        };
        page.text(lx, y, size, Face::Body, l);
        y -= line_h;
    }
}

/// `text` in as few lines as fit `width`, of nearly equal length.
fn balanced(fonts: &Fonts, text: &str, size: f32, width: f32) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let full = fonts.body.width(text, size);
    let n = ((full / width).ceil() as usize).clamp(1, chars.len().max(1));
    let per = chars.len().div_ceil(n);
    chars
        .chunks(per.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

fn row_height(fonts: &Fonts, grid: &Grid, cells: &[BodyCell], size: f32) -> f32 {
    let mut h = ROW_H;
    for c in cells {
        if c.align == Align::Right || c.text.is_empty() {
            continue;
        }
        let w: f32 = grid.widths[c.col..c.col + c.cols].iter().sum::<f32>() - 2.0 * PAD;
        let lines = wrap(&fonts.body, &c.text, size, w, 0.0).len() as f32;
        h = h.max(lines * size * 1.25 + 6.0);
    }
    h
}

fn draw_header(
    page: &mut crate::Page,
    fonts: &Fonts,
    grid: &Grid,
    x0: f32,
    top: f32,
    row_h: &[f32],
) -> f32 {
    let xs: Vec<f32> = std::iter::once(x0)
        .chain(grid.widths.iter().scan(x0, |x, w| {
            *x += w;
            Some(*x)
        }))
        .collect();
    let ys: Vec<f32> = std::iter::once(top)
        .chain(row_h.iter().scan(top, |y, h| {
            *y -= h;
            Some(*y)
        }))
        .collect();
    for c in &grid.head {
        let (x1, x2) = (xs[c.col], xs[c.col + c.cols]);
        let (y1, y2) = (ys[c.row], ys[c.row + c.rows]);
        put(
            page,
            fonts,
            &c.text,
            x1,
            x2 - x1,
            y1,
            y1 - y2,
            Align::Center,
            grid.size,
        );
        page.rule(x1, y1, x2, y1, RULE);
        page.rule(x1, y2, x2, y2, RULE);
        page.rule(x1, y1, x1, y2, RULE);
        page.rule(x2, y1, x2, y2, RULE);
    }
    ys[grid.head_rows]
}

fn header_heights(fonts: &Fonts, grid: &Grid) -> Vec<f32> {
    let size = grid.size;
    let mut h = vec![HEAD_ROW_H; grid.head_rows];
    for c in &grid.head {
        let w: f32 = grid.widths[c.col..c.col + c.cols].iter().sum::<f32>() - 2.0 * PAD;
        let lines = balanced(fonts, &c.text, size, w).len() as f32;
        let need = lines * size * 1.25 + 6.0;
        // A cell spanning rows shares its height with them; a one-row cell sets its row.
        if c.rows == 1 && need > h[c.row] {
            h[c.row] = need;
        }
    }
    for c in &grid.head {
        let w: f32 = grid.widths[c.col..c.col + c.cols].iter().sum::<f32>() - 2.0 * PAD;
        let lines = balanced(fonts, &c.text, size, w).len() as f32;
        let need = lines * size * 1.25 + 6.0;
        let have: f32 = h[c.row..c.row + c.rows].iter().sum();
        if need > have {
            h[c.row + c.rows - 1] += need - have;
        }
    }
    h
}

/// Sets `t` from a new page: title, 编制 line and unit, header, rows (the header repeated on
/// each following page), the empty-table note.
pub(super) fn set_table(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    department: &str,
    t: &Table,
) {
    cur.new_page(template.tables);
    cur.page().holds.push(t.title.clone());
    let available = cur.width - 2.0 * cur.margin;
    let x0 = cur.margin;
    // Title, centred.
    let tw = fonts.body.width(&t.title, TITLE_SIZE);
    let y = cur.y - TITLE_SIZE;
    let x = (cur.width - tw) / 2.0;
    cur.page()
        .text(x, y, TITLE_SIZE, Face::Body, t.title.clone());
    cur.y = y - 14.0;
    // 编制部门 … 单位：元
    let who = t
        .compiled_by
        .clone()
        .unwrap_or_else(|| department.to_string());
    let left = format!("{}：{}", template.compiled_label, who);
    let right = format!("单位：{}", t.unit.as_str());
    let y = cur.y - 9.0;
    cur.page().text(x0, y, 9.0, Face::Body, left);
    let rw = fonts.body.width(&right, 9.0);
    cur.page()
        .text(x0 + available - rw, y, 9.0, Face::Body, right);
    cur.y = y - 6.0;

    let grid = grid_for(t, template, fonts, available);
    let total_w: f32 = grid.widths.iter().sum();
    let x0 = x0 + (available - total_w).max(0.0) / 2.0;
    let head_h = header_heights(fonts, &grid);
    if std::env::var("DUMP").is_ok_and(|d| t.title.contains(&d)) {
        eprintln!("widths {:?}", grid.widths);
        for c in &grid.head {
            eprintln!("{c:?}");
        }
    }
    draw_rows(cur, fonts, template, &grid, x0, &head_h);
    if let Some(note) = &t.note {
        let y = cur.y - 16.0;
        cur.page().text(x0, y, 9.0, Face::Body, note.clone());
        cur.y = y - 6.0;
    }
}

/// Draws the header (when the grid has one) and every row from `cur.y`, breaking pages and
/// repeating the header.
fn draw_rows(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    grid: &Grid,
    x0: f32,
    head_h: &[f32],
) {
    let top = cur.y;
    let mut y = draw_header(cur.page(), fonts, grid, x0, top, head_h);
    let xs: Vec<f32> = std::iter::once(x0)
        .chain(grid.widths.iter().scan(x0, |x, w| {
            *x += w;
            Some(*x)
        }))
        .collect();
    for cells in &grid.body {
        let h = row_height(fonts, grid, cells, grid.size);
        if y - h < cur.bottom {
            cur.new_page(template.tables);
            let top = cur.y;
            y = draw_header(cur.page(), fonts, grid, x0, top, head_h);
        }
        let page = cur.page();
        // Every column's cell is ruled, spans or not.
        let mut covered = vec![false; grid.widths.len()];
        for c in cells {
            for k in c.col..(c.col + c.cols).min(covered.len()) {
                covered[k] = true;
            }
            let (x1, x2) = (xs[c.col], xs[(c.col + c.cols).min(grid.widths.len())]);
            put(page, fonts, &c.text, x1, x2 - x1, y, h, c.align, grid.size);
            page.rule(x1, y, x2, y, RULE);
            page.rule(x1, y - h, x2, y - h, RULE);
            page.rule(x1, y, x1, y - h, RULE);
            page.rule(x2, y, x2, y - h, RULE);
        }
        for (k, done) in covered.iter().enumerate() {
            if !done {
                page.rule(xs[k], y, xs[k + 1], y, RULE);
                page.rule(xs[k], y - h, xs[k + 1], y - h, RULE);
                page.rule(xs[k], y, xs[k], y - h, RULE);
                page.rule(xs[k + 1], y, xs[k + 1], y - h, RULE);
            }
        }
        y -= h;
    }
    cur.y = y;
}

/// A 财政项目支出绩效目标申报表 on its own page(s): the project's facts, its funds as printed, the
/// annual goal and the indicator tree, four columns wide.
pub(super) fn set_form(
    cur: &mut Cursor,
    fonts: &Fonts,
    template: &Template,
    f: &yusuan_domain::PerformanceForm,
) {
    const TITLE: &str = "财政项目支出绩效目标申报表";
    cur.new_page(template.tables);
    cur.page().holds.push(format!("{}：{TITLE}", f.project));
    let tw = fonts.body.width(TITLE, TITLE_SIZE);
    let y = cur.y - TITLE_SIZE;
    let x = (cur.width - tw) / 2.0;
    cur.page().text(x, y, TITLE_SIZE, Face::Body, TITLE);
    cur.y = y - 16.0;
    let body = form_body(f);
    let available = cur.width - 2.0 * cur.margin;
    let grid = Grid {
        widths: vec![
            available * 0.16,
            available * 0.2,
            available * 0.4,
            available * 0.24,
        ],
        size: BODY_SIZE,
        head: vec![],
        head_rows: 0,
        body,
    };
    let x0 = cur.margin;
    draw_rows(cur, fonts, template, &grid, x0, &[]);
}

/// A 绩效目标申报表's rows, four columns wide: the project's facts, its funds as printed (the
/// whole project's before the year's), the annual goal and the indicator tree.
fn form_body(f: &yusuan_domain::PerformanceForm) -> Vec<Vec<BodyCell>> {
    let cell = |col: usize, cols: usize, text: &str| BodyCell {
        col,
        cols,
        text: text.to_string(),
        align: Align::Left,
    };
    let money = |key: FundKey| -> String {
        f.funds
            .printed
            .get(&key)
            .map(|(p, _)| p.clone())
            .or_else(|| f.funds.get(key).map(|a| a.value.to_string()))
            .unwrap_or_default()
    };
    let unit = [
        f.funds.total,
        f.funds.fiscal,
        f.funds.other,
        f.funds.carried_over,
    ]
    .iter()
    .flatten()
    .next()
    .map(|a| a.unit.as_str())
    .unwrap_or("元");
    let (begin, end) = match f
        .period
        .as_deref()
        .map(|p| p.split_once('至').unwrap_or((p, "")))
    {
        Some((b, e)) => (b.trim().to_string(), e.trim().to_string()),
        None => (String::new(), String::new()),
    };
    let funds_label = format!("项目资金（{unit}）");
    let mut body = vec![
        vec![cell(0, 1, "项目名称"), cell(1, 3, &f.project)],
        vec![
            cell(0, 1, "主管部门"),
            cell(1, 1, f.department.as_deref().unwrap_or("")),
            cell(2, 1, "实施单位"),
            cell(3, 1, f.implementer.as_deref().unwrap_or("")),
        ],
        vec![
            cell(0, 1, "计划开始日期"),
            cell(1, 1, &begin),
            cell(2, 1, "计划完成日期"),
            cell(3, 1, &end),
        ],
    ];
    // The whole project's funds, where the source prints them, before the year's.
    let whole = [FundKey::ProjectTotal, FundKey::ProjectFiscal];
    // The first funds row carries the group's label (the rows under it leave that cell empty).
    let funds_row = |body: &Vec<Vec<BodyCell>>, label: &str, value: String| {
        let mut row = if body.len() == 3 {
            vec![cell(0, 1, &funds_label)]
        } else {
            vec![]
        };
        row.extend([cell(1, 1, label), cell(2, 2, &value)]);
        row
    };
    for key in whole.into_iter().filter(|k| f.funds.get(*k).is_some()) {
        let row = funds_row(&body, key.label(), money(key));
        body.push(row);
    }
    let year = funds_row(&body, "年度资金申请总额", money(FundKey::Total));
    body.extend([
        year,
        vec![
            cell(1, 1, "当年财政拨款"),
            cell(2, 2, &money(FundKey::Fiscal)),
        ],
        vec![
            cell(1, 1, "上年结转资金"),
            cell(2, 2, &money(FundKey::CarriedOver)),
        ],
        vec![cell(1, 1, "其他资金"), cell(2, 2, &money(FundKey::Other))],
        vec![
            cell(0, 1, "年度总体目标"),
            cell(1, 3, f.annual_goal.as_deref().unwrap_or("")),
        ],
        vec![
            cell(0, 1, "一级指标"),
            cell(1, 1, "二级指标"),
            cell(2, 1, "三级指标"),
            cell(3, 1, "指标值"),
        ],
    ]);
    for i in &f.indicators {
        body.push(vec![
            cell(0, 1, &i.level1),
            cell(1, 1, &i.level2),
            cell(2, 1, &i.name),
            cell(3, 1, &i.printed),
        ]);
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<String> {
        s.split('/').map(String::from).collect()
    }

    #[test]
    fn headers_merge_groups_and_run_leaves_down() {
        let paths = [
            p("项目/功能分类科目编码/类"),
            p("项目/功能分类科目编码/款"),
            p("项目/功能分类科目名称"),
            p("收入预算/合计"),
            p("收入预算/事业收入"),
        ];
        let (cells, depth) = header(&paths);
        assert_eq!(depth, 3);
        let find = |t: &str| cells.iter().find(|c| c.text == t).unwrap().clone();
        assert_eq!((find("项目").cols, find("项目").rows), (3, 1));
        assert_eq!(
            (find("功能分类科目编码").cols, find("功能分类科目编码").rows),
            (2, 1)
        );
        assert_eq!(
            (find("功能分类科目名称").row, find("功能分类科目名称").rows),
            (1, 2)
        );
        assert_eq!((find("收入预算").cols, find("合计").rows), (2, 2));
        assert_eq!(find("类").row, 2);
    }
}
