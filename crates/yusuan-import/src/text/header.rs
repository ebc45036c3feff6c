//! Multi-level table headers to column paths.
//!
//! Header rows are grids of cells. Cells that name key columns (类/款/项, 科目名称, 项目, 序号 …)
//! are dropped; each remaining cell spans rightwards to the next cell of its row. A cell is a
//! leaf (a value column) when no lower row has a cell inside its span; a leaf's path is, from
//! the top, the cell of each higher row whose span covers it. Value columns are then matched to
//! the data cells by order, which survives the misaligned header rows of extracted text.

use super::marks::compact;
use crate::lines::{same_box, SAME_BOX};
use crate::Line;
use yusuan_domain::Column;

/// Header texts that name key (non-value) columns.
pub fn is_key_header(compact: &str) -> bool {
    matches!(
        compact,
        "类" | "款"
            | "项"
            | "项目"
            | "序号"
            | "预算单位"
            | "单位名称"
            | "科目编码"
            | "科目名称"
            | "功能分类科目编码"
            | "功能分类科目名称"
            | "经济分类科目编码"
            | "经济分类科目名称"
            | "部门预算经济分类科目编码"
            | "支出功能分类科目编码"
            | "支出功能分类科目名称"
    ) || compact.ends_with("编码")
        || compact.ends_with("代码")
        || compact.ends_with("名称")
        || compact.ends_with("分类科目")
}

/// A header's text with the spaces of wrapped cells removed (`一般 公共 预算` → `一般公共预算`),
/// keeping a space between two Latin words.
fn tidy(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0
            && out
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
            && w.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A header cell at a grid position.
#[derive(Debug, Clone)]
struct HCell {
    pos: usize,
    text: String,
}

/// Builds the value columns from header rows (cells per row, as printed).
pub fn columns(rows: &[Vec<String>]) -> Vec<(usize, Column)> {
    let grid: Vec<Vec<HCell>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .filter_map(|(pos, t)| {
                    let c = compact(t);
                    (!c.is_empty() && !is_key_header(&c)).then_some(HCell { pos, text: tidy(t) })
                })
                .collect()
        })
        .collect();
    let span_end = |row: &[HCell], k: usize| row.get(k + 1).map_or(usize::MAX, |n| n.pos);
    let mut leaves: Vec<(usize, Column)> = Vec::new();
    for (r, row) in grid.iter().enumerate() {
        for (k, cell) in row.iter().enumerate() {
            let (start, end) = (cell.pos, span_end(row, k));
            let covered_below = grid[r + 1..]
                .iter()
                .any(|lower| lower.iter().any(|c| c.pos >= start && c.pos < end));
            if covered_below {
                continue;
            }
            let mut path = Vec::new();
            for upper in &grid[..r] {
                if let Some(u) = upper.iter().rev().find(|u| u.pos <= cell.pos) {
                    path.push(u.text.clone());
                }
            }
            path.push(cell.text.clone());
            leaves.push((cell.pos, Column { path }));
        }
    }
    leaves.sort_by_key(|(pos, _)| *pos);
    leaves
}

/// A ruled header as the drawn boxes give it: value columns with their paths and horizontal
/// extents, and the extents of the key columns (code, name …) left to right (layout).
#[derive(Debug, Clone, PartialEq)]
pub struct RuledHeader {
    /// The value columns.
    pub columns: Vec<Column>,
    /// Each value column's left and right rule (layout).
    pub values: Vec<(f32, f32)>,
    /// Each key column's left and right rule (layout).
    pub keys: Vec<(f32, f32)>,
}

impl RuledHeader {
    /// Each value column's centre (layout).
    pub fn centres(&self) -> Vec<f32> {
        self.values.iter().map(|(l, r)| (l + r) / 2.0).collect()
    }
}

/// The column paths of a ruled header (a PDF whose header cells sit in drawn boxes).
///
/// The drawn boxes decide what the text order cannot: every fragment inside one box is one cell
/// (`一般公` / `共预算` wrapped in a narrow column), a merged cell covers exactly the columns under
/// its box wherever its text is centred, and a box no other header box sits under is a column.
/// A value column's path is the boxes above it that cover its centre, top first. `None` when a
/// header cell is not enclosed by rules (the order-based reading applies).
pub fn ruled_columns(header: &[Line]) -> Option<RuledHeader> {
    struct Cellbox {
        b: crate::CellBox,
        parts: Vec<(usize, f32, String)>, // (line, x, text); x is layout
    }
    let mut cells: Vec<Cellbox> = Vec::new();
    for (k, l) in header.iter().enumerate() {
        if l.boxes.len() != l.cells.len() || l.cells.is_empty() {
            return None;
        }
        for ((c, sp), b) in l.cells.iter().zip(&l.spans).zip(&l.boxes) {
            let b = (*b)?;
            match cells.iter_mut().find(|x| same_box(&x.b, &b)) {
                Some(x) => x.parts.push((k, sp.0, c.clone())),
                None => cells.push(Cellbox {
                    b,
                    parts: vec![(k, sp.0, c.clone())],
                }),
            }
        }
    }
    let all: Vec<(crate::CellBox, String, bool)> = cells
        .into_iter()
        .map(|mut c| {
            c.parts
                .sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let text = tidy(
                &c.parts
                    .iter()
                    .map(|p| p.2.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let key = is_key_header(&compact(&text));
            (c.b, text, key)
        })
        .collect();
    let inside = |outer: &crate::CellBox, inner: &crate::CellBox| {
        inner.left >= outer.left - SAME_BOX
            && inner.right <= outer.right + SAME_BOX
            && inner.top >= outer.bottom - SAME_BOX
    };
    // Leaves of each kind: a key box over 类/款/项 boxes is not itself a column.
    let leaves = |key: bool| {
        let mut v: Vec<&(crate::CellBox, String, bool)> = all
            .iter()
            .filter(|(b, _, k)| {
                *k == key
                    && !all
                        .iter()
                        .any(|(o, _, ok)| *ok == key && !same_box(o, b) && inside(b, o))
            })
            .collect();
        v.sort_by(|a, b| a.0.left.total_cmp(&b.0.left));
        v
    };
    let value_leaves = leaves(false);
    if value_leaves.is_empty() {
        return None;
    }
    let mut columns = Vec::new();
    for (b, text, _) in &value_leaves {
        let centre = (b.left + b.right) / 2.0;
        let mut above: Vec<&(crate::CellBox, String, bool)> = all
            .iter()
            .filter(|(o, _, k)| {
                !k && o.bottom <= b.top + SAME_BOX && o.left <= centre && centre <= o.right
            })
            .collect();
        above.sort_by(|a, b| a.0.top.total_cmp(&b.0.top));
        let mut path: Vec<String> = above.into_iter().map(|(_, t, _)| t.clone()).collect();
        path.push(text.clone());
        columns.push(Column { path });
    }
    Some(RuledHeader {
        columns,
        values: value_leaves
            .iter()
            .map(|(b, _, _)| (b.left, b.right))
            .collect(),
        keys: leaves(true)
            .iter()
            .map(|(b, _, _)| (b.left, b.right))
            .collect(),
    })
}

/// Which column each cell of a ruled row falls in, by where its text is centred: `Some((key
/// cells, value cells))` when every cell falls in exactly one column (texts in one column are
/// joined), else `None`.
pub fn ruled_row(line: &Line, header: &RuledHeader) -> Option<(Vec<String>, Vec<String>)> {
    if line.spans.len() != line.cells.len() {
        return None;
    }
    let within = |x: f32, (l, r): (f32, f32)| l - SAME_BOX <= x && x <= r + SAME_BOX;
    let mut keys = vec![String::new(); header.keys.len()];
    let mut values = vec![String::new(); header.values.len()];
    for (text, sp) in line.cells.iter().zip(&line.spans) {
        let x = (sp.0 + sp.1) / 2.0;
        let slot = match (
            header.values.iter().position(|&c| within(x, c)),
            header.keys.iter().position(|&c| within(x, c)),
        ) {
            (Some(v), None) => &mut values[v],
            (None, Some(k)) => &mut keys[k],
            _ => return None,
        };
        slot.push_str(text.trim());
    }
    Some((keys, values))
}

/// Column paths by grid position: for each data position from `from` to `to`, the header cell
/// of each header row that covers it (a cell covers the positions up to the next cell of its
/// row). Positions sharing a path are numbered (`本年收入/第2项`).
pub fn positional_columns(header: &[Vec<String>], from: usize, to: usize) -> Vec<Column> {
    let mut paths: Vec<Vec<String>> = Vec::new();
    for p in from..to {
        let mut path = Vec::new();
        for row in header {
            let covering = row[..row.len().min(p + 1)]
                .iter()
                .enumerate()
                .rev()
                .find(|(_, c)| !c.trim().is_empty())
                .map(|(k, c)| (k, c.trim().to_string()));
            if let Some((k, c)) = covering {
                let c: String = c.split_whitespace().collect();
                let key = is_key_header(&compact(&c));
                if !key && (k >= from || p == k) {
                    path.push(c);
                }
            }
        }
        if path.is_empty() {
            path.push(format!("第{}列", p + 1));
        }
        paths.push(path);
    }
    let mut out = Vec::new();
    for (k, p) in paths.iter().enumerate() {
        let same: Vec<usize> = (0..paths.len()).filter(|&j| paths[j] == *p).collect();
        let mut path = p.clone();
        if same.len() > 1 {
            let n = same.iter().position(|&j| j == k).unwrap_or(0) + 1;
            path.push(format!("第{n}项"));
        }
        out.push(Column { path });
    }
    out
}

/// Where each column's header cell was printed: the centre of the first header cell whose text
/// is the column's last header name (or, for a header wrapped over lines, its first line),
/// taken left to right (PDF lines; layout coordinates).
pub fn header_positions(header: &[Line], columns: &[Column]) -> Vec<Option<f32>> {
    let mut cells: Vec<(String, f32)> = Vec::new(); // layout coordinates
    let mut spans: Vec<(f32, f32)> = Vec::new(); // layout coordinates
    for l in header {
        for (c, sp) in l.cells.iter().zip(&l.spans) {
            cells.push((compact(c), (sp.0 + sp.1) / 2.0));
            spans.push(*sp);
        }
    }
    let mut used = vec![false; cells.len()];
    columns
        .iter()
        .map(|col| {
            let name = compact(col.path.last().map(String::as_str).unwrap_or(""));
            let mut hits: Vec<usize> = (0..cells.len())
                .filter(|&k| !used[k] && cells[k].0 == name)
                .collect();
            if hits.is_empty() {
                // A wrapped header cell: its first line (`机关运行经费预算` of `机关运行经费预算数`).
                hits = (0..cells.len())
                    .filter(|&k| {
                        !used[k]
                            && cells[k].0.chars().count() >= 4
                            && name.starts_with(cells[k].0.as_str())
                    })
                    .collect();
            }
            hits.sort_by(|&a, &b| cells[a].1.total_cmp(&cells[b].1));
            if let Some(&k) = hits.first() {
                used[k] = true;
                return Some(cells[k].1);
            }
            // Two header cells printed without a gap (`财政拨款收入事业收入`): the name's share
            // of the cell, by characters.
            cells.iter().zip(&spans).find_map(|((text, _), (a, b))| {
                let at = text.find(name.as_str())?;
                if name.is_empty() || text.len() == name.len() {
                    return None;
                }
                let before = text[..at].chars().count() as f32;
                let len = name.chars().count() as f32;
                let total = text.chars().count() as f32;
                Some(a + (b - a) * (before + len / 2.0) / total)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::template::{shanghai, Template};
    use super::*;
    use yusuan_domain::TableKind;

    fn rows(s: &str) -> Vec<Vec<String>> {
        s.lines()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    }

    fn names(s: &str) -> Vec<String> {
        columns(&rows(s))
            .into_iter()
            .map(|(_, c)| c.name())
            .collect()
    }

    /// The value columns of `kind`'s standard Shanghai layout: what its printed header reads as.
    fn standard(kind: TableKind) -> &'static [&'static str] {
        match shanghai(kind) {
            Some(Template::Columns(columns)) => columns,
            _ => panic!("no standard one-sided layout for {kind:?}"),
        }
    }

    #[test]
    fn two_levels_over_code_columns() {
        let h = "项目\t\t\t收入预算\t\t\t\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入\n类\t款\t项\t\t\t\t\t\t";
        assert_eq!(names(h), standard(TableKind::Income));
    }

    /// A box as (left, top, right, bottom).
    type Bx = (f32, f32, f32, f32);

    /// A header line of a ruled PDF: (text, left, box) per cell.
    fn ruled_line(y: u32, cells: &[(&str, f32, Bx)]) -> Line {
        Line {
            location: yusuan_domain::Location {
                page: Some(1),
                line: Some(y),
            },
            text: cells.iter().map(|c| c.0).collect::<Vec<_>>().join("\t"),
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            spans: cells.iter().map(|c| (c.1, c.1 + 10.0)).collect(),
            boxes: cells
                .iter()
                .map(|c| {
                    Some(crate::CellBox {
                        left: c.2 .0,
                        top: c.2 .1,
                        right: c.2 .2,
                        bottom: c.2 .3,
                    })
                })
                .collect(),
        }
    }

    #[test]
    fn ruled_header_cells() {
        // Hubei 5-1 as printed: 基本支出 over three columns on the first line; 科目编码, 科目名称,
        // 合计 and 项目支出 merged over both rows and centred, so printed on the middle line; the
        // 一般公共预算 cell wrapped in its narrow column (`一般公` / `共预算`).
        let tall = |l: f32, r: f32| (l, 0.0, r, 40.0);
        let lines = [
            ruled_line(1, &[("基本支出", 140.0, (120.0, 0.0, 210.0, 20.0))]),
            ruled_line(
                2,
                &[
                    ("科目编码", 5.0, tall(0.0, 40.0)),
                    ("科目名称", 50.0, tall(40.0, 90.0)),
                    ("合计", 95.0, tall(90.0, 120.0)),
                    ("项目支出", 215.0, tall(210.0, 240.0)),
                    ("一般公", 245.0, tall(240.0, 270.0)),
                ],
            ),
            ruled_line(
                3,
                &[
                    ("小计", 125.0, (120.0, 20.0, 150.0, 40.0)),
                    ("人员经费", 155.0, (150.0, 20.0, 180.0, 40.0)),
                    ("公用经费", 185.0, (180.0, 20.0, 210.0, 40.0)),
                ],
            ),
            ruled_line(4, &[("共预算", 245.0, tall(240.0, 270.0))]),
        ];
        let h = ruled_columns(&lines).unwrap();
        let names: Vec<String> = h.columns.iter().map(|c| c.name()).collect();
        assert_eq!(
            names,
            [
                "合计",
                "基本支出/小计",
                "基本支出/人员经费",
                "基本支出/公用经费",
                "项目支出",
                "一般公共预算"
            ]
        );
        assert_eq!(h.centres(), [105.0, 135.0, 165.0, 195.0, 225.0, 255.0]);
        assert_eq!(h.keys, [(0.0, 40.0), (40.0, 90.0)]);
        // A data row: each text goes to the column it is centred in, an empty column stays empty.
        let row = ruled_line(
            5,
            &[
                ("2010350", 5.0, tall(0.0, 40.0)),
                ("事业运行", 50.0, tall(40.0, 90.0)),
                ("334.35", 95.0, tall(90.0, 120.0)),
                ("0.00", 215.0, tall(210.0, 240.0)),
            ],
        );
        let (keys, values) = ruled_row(&row, &h).unwrap();
        assert_eq!(keys, ["2010350", "事业运行"]);
        assert_eq!(values, ["334.35", "", "", "", "0.00", ""]);
        // One cell outside any rule: the drawn boxes cannot decide, the caller reads by order.
        let mut open = lines.clone();
        open[2].boxes[1] = None;
        assert!(ruled_columns(&open).is_none());
    }

    #[test]
    fn split_subcolumns() {
        let h = "序号\t预算单位\t合计\t基本支出\t\t项目支出\n\t\t\t人员经费\t公用经费\t";
        assert_eq!(names(h), standard(TableKind::ExpenditureByUnit));
        let h = "序号\t预算单位\t财政拨款支出\t\t\t\n\t\t合计\t基本支出\t\t项目支出\n\t\t\t人员经费\t公用经费\t";
        assert_eq!(names(h), standard(TableKind::FiscalByUnit));
    }

    #[test]
    fn three_public_header() {
        let h = "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n\t\t\t小计\t购置费\t运行费\t";
        assert_eq!(names(h), standard(TableKind::ThreePublic));
    }

    #[test]
    fn misaligned_rows_keep_order() {
        let h = "项目\t\t一般公共预算基本支出\t\t\n部门预算经济分类科目编码\t\t经济分类科目名称\t\t\n类\t款\t合计\t人员经费\t公用经费";
        assert_eq!(names(h), standard(TableKind::GeneralPublicBasicEconomic));
    }
}
