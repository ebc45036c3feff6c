//! PDF to positioned text: every glyph with its place, regrouped into lines and cells.
//!
//! Text is taken from the PDF's text layer by our own content-stream reader on `lopdf`
//! (`reader.rs`, fonts decoded once per document), or by `pdf-extract` (`extract.rs`) when a
//! font is of a kind our reader does not read. Glyphs are
//! grouped into lines by their baseline and split into cells where the gap between two glyphs is
//! wider than a cell gap (a fraction of the font size); each page ends with a form feed, so the
//! line parser keeps page numbers for locations. The result is the same tab-separated text the
//! text importer reads, so PDFs and extracted text share one parser. Any panic inside the PDF
//! library is caught and reported as a damaged file.

mod extract;
mod pages;
mod reader;
mod salvage;

use pages::collect;

use crate::lines::{same_box, without_controls, SAME_BOX};
use crate::{ImportError, Line};
use yusuan_domain::Location;

/// One glyph on a page, in points from the top-left corner (layout coordinates, not money).
#[derive(Debug, Clone, PartialEq)]
struct Glyph {
    x: f64, // layout coordinates (points), not money
    y: f64, // layout coordinates
    /// Where the glyph ends along its direction: an x for text read left to right (or right to
    /// left), a y for text set vertically (layout coordinates).
    end: f64,
    size: f64, // font size (layout)
    text: String,
    /// Quarter turns of the text's direction on the page: 0 left to right, 1 bottom to top (a
    /// landscape table printed on a portrait page), 2 upside down, 3 top to bottom.
    turn: u8,
}

/// The quarter turns of a text direction `(dx, dy)` in page coordinates (y down).
fn turn_of(dx: f64, dy: f64) -> u8 {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 {
            0
        } else {
            2
        }
    } else if dy < 0.0 {
        1
    } else {
        3
    }
}

/// A page whose text is mostly set turned (a landscape table printed on a portrait page, its
/// text matrices rotated): glyphs and rules turned back, so its lines read left to right, top to
/// bottom, as on the printed sheet.
fn turn_upright(page: &mut PageText) {
    let mut counts = [0usize; 4];
    for g in &page.glyphs {
        counts[g.turn as usize & 3] += 1;
    }
    let Some(turn) = (1..4u8).find(|&t| counts[t as usize] * 2 > page.glyphs.len()) else {
        return;
    };
    let (w, h) = (page.width, page.height);
    let to = move |x: f64, y: f64| -> (f64, f64) {
        match turn {
            1 => (h - y, x),
            2 => (w - x, h - y),
            _ => (y, w - x),
        }
    };
    for g in &mut page.glyphs {
        let (x, y) = to(g.x, g.y);
        let end = match (g.turn, turn) {
            (1, 1) => h - g.end,
            (2, 2) => w - g.end,
            (3, 3) => g.end,
            // A glyph set another way than the page's text: its start stands for it.
            _ => x + g.size,
        };
        *g = Glyph {
            x,
            y,
            end,
            turn: 0,
            ..g.clone()
        };
    }
    for r in &mut page.rules {
        let (a, b) = (to(r.x0, r.y0), to(r.x1, r.y1));
        *r = Rule {
            x0: a.0.min(b.0),
            y0: a.1.min(b.1),
            x1: a.0.max(b.0),
            y1: a.1.max(b.1),
        };
    }
}

/// A straight rule drawn on a page, parallel to one of its axes (page coordinates from the top
/// left, `x0 <= x1`, `y0 <= y1`; layout, not money).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rule {
    x0: f64, // layout
    y0: f64, // layout
    x1: f64, // layout
    y1: f64, // layout
}

/// What one page holds for the importer: its glyphs and its drawn rules.
#[derive(Debug, Default)]
struct PageText {
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
    /// The page's size (its MediaBox; layout, points).
    width: f64,
    height: f64,
}

/// Rules closer than this to a cell's text still bound it (a glyph touching its border).
const RULE_SLACK: f64 = 1.0; // points (layout)

/// The ruled box around a piece of text spanning `x0..x1` on a line centred at `y`: the nearest
/// vertical rules left and right of it and horizontal rules above and below it, each crossing
/// the text's line or centre. `None` when the text is not enclosed on all four sides.
fn enclosing_box(rules: &[Rule], x0: f64, x1: f64, y: f64) -> Option<crate::CellBox> {
    let xm = (x0 + x1) / 2.0;
    let (mut left, mut right, mut top, mut bottom) = (f64::MIN, f64::MAX, f64::MIN, f64::MAX);
    for r in rules {
        if r.x1 - r.x0 < 0.5 {
            if r.y0 - RULE_SLACK <= y && y <= r.y1 + RULE_SLACK {
                if r.x0 <= x0 + RULE_SLACK {
                    left = left.max(r.x0);
                } else if r.x0 >= x1 - RULE_SLACK {
                    right = right.min(r.x0);
                }
            }
        } else if r.x0 - RULE_SLACK <= xm && xm <= r.x1 + RULE_SLACK {
            if r.y0 <= y {
                top = top.max(r.y0);
            } else {
                bottom = bottom.min(r.y0);
            }
        }
    }
    (left > f64::MIN && right < f64::MAX && top > f64::MIN && bottom < f64::MAX).then_some(
        crate::CellBox {
            left: left as f32,
            top: top as f32,
            right: right as f32,
            bottom: bottom as f32,
        },
    )
}

/// A gap wider than this many font sizes separates two cells.
const CELL_GAP: f64 = 1.2; // in font sizes (layout)

/// One line of a page: its cells, their horizontal extents and the ruled boxes they sit in
/// (layout coordinates).
type PageLine = (Vec<String>, Vec<(f32, f32)>, Vec<Option<crate::CellBox>>);

fn page_lines(page: &mut PageText) -> Vec<PageLine> {
    turn_upright(page);
    let PageText { glyphs, rules, .. } = page;
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs.iter() {
        match lines.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= line[0].size.min(g.size) * 0.45 => {
                line.push(g.clone())
            }
            _ => lines.push(vec![g.clone()]),
        }
    }
    let mut out = Vec::new();
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut cells: Vec<String> = Vec::new();
        let mut spans: Vec<(f32, f32)> = Vec::new(); // layout coordinates
        let mut boxes = Vec::new();
        // The text's vertical middle: the baseline less about a third of the font size.
        let mid = line[0].y - line[0].size * 0.35; // layout
                                                   // Vertical rules crossing this line: a cell border splits text however close it is.
        let dividers: Vec<f64> = rules
            .iter()
            .filter(|r| r.x1 - r.x0 < 0.5 && r.y0 - RULE_SLACK <= mid && mid <= r.y1 + RULE_SLACK)
            .map(|r| r.x0)
            .collect(); // layout
        let mut prev_end: Option<f64> = None; // layout coordinates
        for g in line.iter() {
            let gap = prev_end.map(|e| g.x - e);
            let ruled_off = prev_end.is_some_and(|e| {
                dividers
                    .iter()
                    .any(|&x| e - RULE_SLACK < x && x < g.x + RULE_SLACK)
            });
            match gap {
                Some(gap) if gap <= g.size * CELL_GAP && !ruled_off => {
                    if let (Some(c), Some(sp)) = (cells.last_mut(), spans.last_mut()) {
                        if gap > g.size * 0.25 && g.text.is_ascii() {
                            c.push(' ');
                        }
                        c.push_str(&g.text);
                        sp.1 = sp.1.max(g.end as f32);
                    }
                }
                _ => {
                    cells.push(g.text.clone());
                    spans.push((g.x as f32, g.end as f32));
                }
            }
            prev_end = Some(prev_end.map_or(g.end, |e: f64| e.max(g.end)));
        }
        if !rules.is_empty() {
            boxes = spans
                .iter()
                .map(|&(a, b)| enclosing_box(rules, a as f64, b as f64, mid))
                .collect();
        }
        out.push((cells, spans, boxes));
    }
    out
}

/// One drawn cell wider than this share of the page is a frame around text, not a table cell.
const FRAME_SHARE: f32 = 0.5; // of the page's width (layout)

/// A ruled row taller than this (points) is a frame around text, not a table row.
const MAX_RULED_ROW: f32 = 120.0; // layout

/// The ruled row band (top, bottom) every cell of a line sits in, when they all sit in boxes of
/// one band and the band is a table row's height.
fn band(line: &PageLine) -> Option<(f32, f32)> {
    let (cells, _, boxes) = line;
    if boxes.is_empty() || boxes.len() != cells.len() {
        return None;
    }
    let first = boxes[0]?;
    let same = boxes.iter().all(|b| {
        b.is_some_and(|b| {
            (b.top - first.top).abs() < SAME_BOX && (b.bottom - first.bottom).abs() < SAME_BOX
        })
    });
    (same && first.bottom - first.top <= MAX_RULED_ROW).then_some((first.top, first.bottom))
}

/// Joins the text of one drawn cell wrapped over lines: no space between CJK pieces, one
/// between two Latin words or numbers.
fn join_wrapped(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && p.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// Whether a text opens a list item: `二、`, `3.`, `3、`, `（四）`, `(2)`.
fn starts_an_item(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .count();
    let rest: String = t.chars().skip(numeral).take(1).collect();
    (numeral > 0 && (rest == "、" || rest == "." || rest == "．"))
        || ((t.starts_with('（') || t.starts_with('('))
            && t.chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
}

/// Consecutive lines inside one ruled table row (a cell's text wrapped over lines, a row's
/// label above and below its numbers) become one line: each drawn cell one cell, its pieces
/// joined in reading order. Returns each line with the number of printed lines it stands for.
fn merge_ruled_rows(lines: Vec<PageLine>, page_width: f32) -> Vec<(PageLine, usize)> {
    let mut out: Vec<(PageLine, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = same_row_run(&lines, i, band);
        if j == i + 1 {
            j = wrapped_run(&lines, i);
        }
        // Pieces by drawn cell, in reading order.
        let mut cells: Vec<(crate::CellBox, Vec<&str>, (f32, f32))> = Vec::new(); // spans: layout
        for (texts, spans, boxes) in &lines[i..j] {
            for ((t, sp), bx) in texts.iter().zip(spans).zip(boxes) {
                let Some(bx) = bx else { continue };
                match cells.iter_mut().find(|c| same_box(&c.0, bx)) {
                    Some(c) => {
                        c.1.push(t);
                        c.2 = (c.2 .0.min(sp.0), c.2 .1.max(sp.1));
                    }
                    None => cells.push((*bx, vec![t], *sp)),
                }
            }
        }
        // One drawn cell as wide as half the page is a frame around text; a narrower one is a
        // table cell whose text wrapped (a long 功能科目名称 in its column).
        let frame = cells.len() < 2
            && cells
                .iter()
                .all(|c| c.0.right - c.0.left > page_width * FRAME_SHARE);
        if j - i == 1 || cells.is_empty() || frame {
            // One line, or one drawn cell around everything (a frame): as printed.
            out.extend(lines[i..j].iter().map(|l| (l.clone(), 1)));
            i = j;
            continue;
        }
        cells.sort_by(|a, b| a.0.left.total_cmp(&b.0.left));
        let merged: PageLine = (
            cells.iter().map(|c| join_wrapped(&c.1)).collect(),
            cells.iter().map(|c| c.2).collect(),
            cells.iter().map(|c| Some(c.0)).collect(),
        );
        out.push((merged, j - i));
        i = j;
    }
    out
}

/// Where the run of lines from `i` that print one drawn row ends: the lines after it in the
/// same `row` (by `band`, or by bottom rule), stopping where a box that already holds a number
/// gets a second one (the next row of a table drawn without rules between its rows, not a
/// wrapped cell) or an item marker (`二、` `3.` `（四）`) opens text in a box that already holds
/// text. `i + 1` when line `i` is in no row.
fn same_row_run<K: PartialEq + Copy>(
    lines: &[PageLine],
    i: usize,
    row: impl Fn(&PageLine) -> Option<K>,
) -> usize {
    let Some(b) = row(&lines[i]) else {
        return i + 1;
    };
    let numbered = |l: &PageLine| -> Vec<crate::CellBox> {
        l.0.iter()
            .zip(&l.2)
            .filter(|(t, _)| yusuan_domain::parse_amount(t.trim()).is_ok())
            .filter_map(|(_, b)| *b)
            .collect()
    };
    let texted = |l: &PageLine| -> Vec<(crate::CellBox, bool)> {
        l.0.iter()
            .zip(&l.2)
            .filter_map(|(t, b)| b.map(|b| (b, starts_an_item(t))))
            .collect()
    };
    let mut holding = numbered(&lines[i]);
    let mut with_text: Vec<crate::CellBox> =
        texted(&lines[i]).into_iter().map(|(b, _)| b).collect();
    let mut j = i + 1;
    while j < lines.len() && row(&lines[j]) == Some(b) {
        let more = numbered(&lines[j]);
        let items = texted(&lines[j]);
        let new_item = items
            .iter()
            .any(|(b, item)| *item && with_text.iter().any(|h| same_box(h, b)));
        if new_item || more.iter().any(|m| holding.iter().any(|h| same_box(h, m))) {
            break;
        }
        holding.extend(more);
        with_text.extend(items.into_iter().map(|(b, _)| b));
        j += 1;
    }
    j
}

/// Lines whose boxes end on one rule but start on different ones (a heading whose `项目名` /
/// `称` wrapped in a cell spanning two heading rows, beside `功能科目名` / `称` in a cell of
/// the lower one, each piece on another line): one row when a drawn cell holds pieces on two of
/// them — the evidence of wrapping. Lines of two heading levels that merely end on one rule
/// (`功能分类科目名称` beside `类` `款` `项`) hold no such cell and stay lines.
fn wrapped_run(lines: &[PageLine], i: usize) -> usize {
    let bottom = |l: &PageLine| -> Option<u32> {
        let (cells, _, boxes) = l;
        if boxes.is_empty() || boxes.len() != cells.len() {
            return None;
        }
        let first = boxes[0]?;
        let same = boxes.iter().all(|b| {
            b.is_some_and(|b| {
                (b.bottom - first.bottom).abs() < SAME_BOX && b.bottom - b.top <= MAX_RULED_ROW
            })
        });
        // Rounded to whole points: boxes this close are the same row (`SAME_BOX`).
        same.then_some(first.bottom.round() as u32)
    };
    let j = same_row_run(lines, i, bottom);
    let boxes: Vec<Vec<crate::CellBox>> = lines[i..j]
        .iter()
        .map(|l| l.2.iter().flatten().copied().collect())
        .collect();
    let wrapped = boxes.iter().enumerate().any(|(k, a)| {
        a.iter().any(|b| {
            boxes[k + 1..]
                .iter()
                .any(|o| o.iter().any(|c| same_box(b, c)))
        })
    });
    if wrapped {
        j
    } else {
        i + 1
    }
}

/// A drawn cell spanning the rows of the column to its right (a 收入预算总表's `一般公共预算资金`
/// beside its `小计`, `公共财政拨款（补助）资金`, `专项收入`) whose text wrapped over lines: each
/// piece sits on the line of a different row, and belongs to none of them.
struct Parent {
    cell: crate::CellBox,
    text: String,
    /// Where its text was printed (layout): the first piece's extent.
    span: (f32, f32),
}

/// Takes the pieces of every wrapped cell that spans two or more rows of the cells right beside
/// it out of the lines (a line left empty goes), so the rows under it read as rows. A spanning
/// name printed whole on one line stays where it is, beside the row it shares the line with.
fn lift_parents(lines: &mut Vec<PageLine>) -> Vec<Parent> {
    let all: Vec<crate::CellBox> = lines
        .iter()
        .flat_map(|l| l.2.iter().flatten().copied())
        .collect();
    let spans_rows = |b: &crate::CellBox| {
        let mut rows: Vec<&crate::CellBox> = Vec::new();
        for c in all.iter().filter(|c| {
            (c.left - b.right).abs() < SAME_BOX
                && c.top >= b.top - SAME_BOX
                && c.bottom <= b.bottom + SAME_BOX
                && c.bottom - c.top < b.bottom - b.top - SAME_BOX
        }) {
            if !rows.iter().any(|r| same_box(r, c)) {
                rows.push(c);
            }
        }
        rows.len() >= 2
    };
    // Each spanning cell and the lines its pieces are on.
    let mut spanning: Vec<(crate::CellBox, usize)> = Vec::new();
    for b in lines
        .iter()
        .flat_map(|l| l.2.iter().flatten())
        .filter(|b| spans_rows(b))
    {
        match spanning.iter_mut().find(|s| same_box(&s.0, b)) {
            Some(s) => s.1 += 1,
            None => spanning.push((*b, 1)),
        }
    }
    // Only a table's body: a row beside it holds a number (a heading cell spanning the heading
    // rows beside it, `因公出国（境）费` over none, is read by the heading's own rules).
    let beside_a_number = |b: &crate::CellBox| {
        lines.iter().any(|l| {
            let beside = l.2.iter().flatten().any(|c| {
                (c.left - b.right).abs() < SAME_BOX
                    && c.top >= b.top - SAME_BOX
                    && c.bottom <= b.bottom + SAME_BOX
            });
            beside
                && l.0
                    .iter()
                    .any(|t| yusuan_domain::parse_amount(t.trim()).is_ok())
        })
    };
    spanning.retain(|s| s.1 >= 2 && beside_a_number(&s.0));
    let mut parents: Vec<(crate::CellBox, Vec<String>, (f32, f32))> = Vec::new();
    for line in lines.iter_mut() {
        let mut k = 0;
        while k < line.0.len() {
            match line
                .2
                .get(k)
                .copied()
                .flatten()
                .filter(|b| spanning.iter().any(|s| same_box(&s.0, b)))
            {
                Some(b) => {
                    let (text, span) = (line.0.remove(k), line.1.remove(k));
                    line.2.remove(k);
                    match parents.iter_mut().find(|p| same_box(&p.0, &b)) {
                        Some(p) => p.1.push(text),
                        None => parents.push((b, vec![text], span)),
                    }
                }
                None => k += 1,
            }
        }
    }
    lines.retain(|l| !l.0.is_empty());
    parents
        .into_iter()
        .map(|(cell, parts, span)| Parent {
            cell,
            text: join_wrapped(&parts.iter().map(String::as_str).collect::<Vec<_>>()),
            span,
        })
        .collect()
}

/// [`merge_ruled_rows`] on a page whose tables may have wrapped cells spanning rows: each such
/// cell is put back, whole, before the row beside its middle (where a reader's eye places a
/// centred name, and where a page that printed it on one line has it).
fn merge_ruled_rows_under_parents(
    mut lines: Vec<PageLine>,
    page_width: f32,
) -> Vec<(PageLine, usize)> {
    let parents = lift_parents(&mut lines);
    let mut merged = merge_ruled_rows(lines, page_width);
    for p in parents {
        let mid = (p.cell.top + p.cell.bottom) / 2.0;
        // The row beside the middle; on the rule between two rows, the lower one (a name centred
        // on a rule sits a little below it).
        let off = |b: &crate::CellBox| {
            if mid < b.top {
                b.top - mid
            } else if mid >= b.bottom {
                mid - b.bottom + SAME_BOX
            } else {
                0.0
            }
        };
        let mut beside: Option<(usize, usize, f32)> = None;
        for (i, (l, _)) in merged.iter().enumerate() {
            for (k, b) in l.2.iter().enumerate() {
                let Some(b) = b.filter(|b| {
                    (b.left - p.cell.right).abs() < SAME_BOX
                        && b.top >= p.cell.top - SAME_BOX
                        && b.bottom <= p.cell.bottom + SAME_BOX
                }) else {
                    continue;
                };
                if beside.is_none_or(|(_, _, d)| off(&b) < d) {
                    beside = Some((i, k, off(&b)));
                }
            }
        }
        if let Some((i, k, _)) = beside {
            let l = &mut merged[i].0;
            l.0.insert(k, p.text);
            l.1.insert(k, p.span);
            l.2.insert(k, Some(p.cell));
        }
    }
    merged
}

/// Reads a PDF's text layer as numbered lines with cells and their positions.
pub fn pdf_lines(file: &str, bytes: &[u8]) -> Result<Vec<Line>, ImportError> {
    pdf_lines_with(file, bytes, TextLayer::Auto)
}

/// [`pdf_lines`] with a chosen text-layer reader.
pub fn pdf_lines_with(
    file: &str,
    bytes: &[u8],
    layer: TextLayer,
) -> Result<Vec<Line>, ImportError> {
    Ok(read_lines(file, bytes, layer)?.0)
}

/// A PDF's lines, and when the file was cut short, how many of its pages survive (read what
/// can be; the import warns).
pub(crate) fn read_lines(
    file: &str,
    bytes: &[u8],
    layer: TextLayer,
) -> Result<(Vec<Line>, Option<usize>), ImportError> {
    let (mut pages, salvaged) = collect(file, bytes, layer)?;
    let mut out = Vec::new();
    // Printed lines so far: a merged ruled row keeps the number of its first line, and the lines
    // after it keep theirs.
    let mut printed = 0u32;
    for (p, page) in pages.iter_mut().enumerate() {
        let mut first = true;
        for ((cells, spans, boxes), n) in
            merge_ruled_rows_under_parents(page_lines(page), page.width as f32)
        {
            let text = cells.join("\t");
            if is_page_number(&text) {
                continue;
            }
            let opens_page = std::mem::replace(&mut first, false);
            if let Some(prev) = out.last_mut().filter(|_| opens_page) {
                if let Some(into) = continued_cells(prev, &cells, &boxes) {
                    for (k, t) in into.into_iter().zip(&cells) {
                        prev.cells[k] = join_wrapped(&[
                            prev.cells[k].as_str(),
                            without_controls(t.clone()).as_str(),
                        ]);
                    }
                    prev.text = prev.cells.join("\t");
                    printed += n as u32;
                    continue;
                }
            }
            let location = Location {
                page: Some(p as u32 + 1),
                line: Some(printed + 1),
            };
            printed += n as u32;
            let (text, cells) = (
                without_controls(text),
                cells.into_iter().map(without_controls).collect(),
            );
            let mut line = Line {
                location,
                text,
                cells,
                spans,
                boxes,
            };
            if let Some(heading) = out.last_mut() {
                take_heading_overflow(heading, &mut line);
            }
            out.push(line);
        }
    }
    Ok((out, salvaged))
}

/// The cells of the line ending the previous page that the first line of a page continues, one
/// per cell of it: a table row broken by the page, its name wrapped onto the next page
/// (`八、社会保障和就` / `业支出`). Evidence, all of it: every piece sits in a drawn cell of the
/// same column as a cell of that row, holds no number and opens no item (`九、`), and the piece
/// above filled its cell from rule to rule, within half a glyph (the text ran out of room).
fn continued_cells(
    prev: &Line,
    cells: &[String],
    boxes: &[Option<crate::CellBox>],
) -> Option<Vec<usize>> {
    if cells.is_empty()
        || boxes.len() != cells.len()
        || prev.boxes.len() != prev.cells.len()
        || prev.spans.len() != prev.cells.len()
    {
        return None;
    }
    let mut into = Vec::new();
    for (t, b) in cells.iter().zip(boxes) {
        let b = (*b)?;
        let t = t.trim();
        if t.is_empty() || yusuan_domain::parse_amount(t).is_ok() || starts_an_item(t) {
            return None;
        }
        let k = prev.boxes.iter().position(|p| {
            p.is_some_and(|p| {
                (p.left - b.left).abs() < SAME_BOX && (p.right - b.right).abs() < SAME_BOX
            })
        })?;
        let (above, span, cell) = (prev.cells[k].trim(), prev.spans[k], prev.boxes[k]?);
        let chars = above.chars().count();
        if chars < 2 || yusuan_domain::parse_amount(above).is_ok() {
            return None;
        }
        // One glyph's width: the text filled its cell when no glyph more would have fitted.
        let glyph = (span.1 - span.0) / chars as f32;
        if span.1 < cell.right - glyph / 2.0 || span.0 > cell.left + glyph / 2.0 {
            return None;
        }
        into.push(k);
    }
    Some(into)
}

/// A heading's last characters printed below its cell, into the total row under it (`采购组织形`
/// over `合计 … 式 … 1,422.50`): a total row holds its name and numbers, so a short text
/// beside them, in the drawn column of a heading cell of the line above (a line of words only),
/// is the end of that heading — moved back to it.
fn take_heading_overflow(heading: &mut Line, line: &mut Line) {
    let total = line
        .cells
        .first()
        .is_some_and(|c| ["合计", "总计"].contains(&yusuan_domain::label_key(c).as_str()));
    let words_only = heading
        .cells
        .iter()
        .all(|c| yusuan_domain::parse_amount(c.trim()).is_err());
    if !total
        || !words_only
        || line.boxes.len() != line.cells.len()
        || heading.boxes.len() != heading.cells.len()
    {
        return;
    }
    let mut k = 1;
    while k < line.cells.len() {
        let t = line.cells[k].trim();
        let short = (1..=2).contains(&t.chars().count()) && !t.chars().any(|c| c.is_ascii_digit());
        let above = line.boxes[k].and_then(|b| {
            heading.boxes.iter().position(|h| {
                h.is_some_and(|h| {
                    (h.left - b.left).abs() < SAME_BOX && (h.right - b.right).abs() < SAME_BOX
                })
            })
        });
        match above.filter(|_| short) {
            Some(h) => {
                heading.cells[h].push_str(t);
                heading.text = heading.cells.join("\t");
                line.cells.remove(k);
                line.spans.remove(k);
                line.boxes.remove(k);
                line.text = line.cells.join("\t");
            }
            None => k += 1,
        }
    }
}

/// A line that is only a page number (`5`, `- 5 -`, `—5—`).
fn is_page_number(t: &str) -> bool {
    let inner = t.trim().trim_matches(['-', '—', '－', ' ']);
    !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit())
}

/// Extracts the text of a PDF as tab-separated lines, one form feed per page.
pub fn pdf_text(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let lines = pdf_lines(file, bytes)?;
    let mut out = String::new();
    let mut page = 1;
    for l in &lines {
        while l.location.page.unwrap_or(1) > page {
            out.push('\u{c}');
            page += 1;
        }
        out.push_str(&l.text);
        out.push('\n');
    }
    Ok(out)
}

/// Which text-layer reader to use (tests compare the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLayer {
    /// Our reader with fonts cached per document, falling back to `pdf-extract` when a font
    /// is of a kind it does not read.
    Auto,
    /// `pdf-extract` only.
    PdfExtract,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(x0: f64, y0: f64, x1: f64, y1: f64) -> Rule {
        Rule { x0, y0, x1, y1 }
    }

    /// A landscape sheet (842 × 595) printed on a portrait page (595 × 842) with its text turned a
    /// quarter (bottom to top): `text` at sheet point (x, y), each glyph 6 points wide.
    fn turned(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        let h = 842.0;
        text.chars()
            .enumerate()
            .map(|(k, ch)| {
                let sx = x + 6.0 * k as f64;
                // Sheet (X, Y) is page (Y, H − X); the glyph runs up the page.
                Glyph {
                    x: y,
                    y: h - sx,
                    end: h - sx - 6.0,
                    size: 12.0,
                    text: ch.to_string(),
                    turn: 1,
                }
            })
            .collect()
    }

    #[test]
    fn a_page_of_turned_text_reads_as_the_printed_sheet() {
        let mut glyphs = Vec::new();
        glyphs.extend(turned("201", 50.0, 100.0));
        glyphs.extend(turned("100.00", 300.0, 100.0));
        glyphs.extend(turned("20101", 50.0, 120.0));
        glyphs.extend(turned("60.00", 300.0, 120.0));
        // A vertical rule of the sheet at X = 200, from Y = 90 to 130: horizontal on the page.
        let rules = vec![rule(90.0, 842.0 - 200.0, 130.0, 842.0 - 200.0)];
        let mut page = PageText {
            glyphs,
            rules,
            width: 595.0,
            height: 842.0,
        };
        let lines = page_lines(&mut page);
        let cells: Vec<Vec<String>> = lines.iter().map(|(c, _, _)| c.clone()).collect();
        assert_eq!(
            cells,
            [
                vec!["201".to_string(), "100.00".into()],
                vec!["20101".into(), "60.00".into()]
            ]
        );
        assert_eq!(lines[0].1[1], (300.0, 336.0));
        assert_eq!(page.rules[0], rule(200.0, 90.0, 200.0, 130.0));
        // Upright text is left as it is; a page with a few turned glyphs (a rotated stamp) too.
        assert_eq!(turn_of(1.0, 0.0), 0);
        assert_eq!(turn_of(0.0, -1.0), 1);
        assert_eq!(turn_of(-1.0, 0.0), 2);
        assert_eq!(turn_of(0.0, 1.0), 3);
        let mut page = PageText {
            glyphs: turned("章", 10.0, 10.0),
            rules: vec![],
            width: 595.0,
            height: 842.0,
        };
        page.glyphs.extend((0..3).map(|k| Glyph {
            x: 10.0 * k as f64,
            y: 50.0,
            end: 10.0 * k as f64 + 6.0,
            size: 12.0,
            text: "字".into(),
            turn: 0,
        }));
        turn_upright(&mut page);
        assert_eq!(page.glyphs[1].y, 50.0);
    }

    #[test]
    fn text_is_boxed_by_the_nearest_rules_around_it() {
        // Two columns (0–50, 50–100) under a merged cell (0–100) over rows 0–20 and 20–40.
        let rules = [
            rule(0.0, 0.0, 100.0, 0.0),
            rule(0.0, 20.0, 100.0, 20.0),
            rule(0.0, 40.0, 100.0, 40.0),
            rule(0.0, 0.0, 0.0, 40.0),
            rule(100.0, 0.0, 100.0, 40.0),
            rule(50.0, 20.0, 50.0, 40.0),
        ];
        let b = |x0, x1, y| {
            enclosing_box(&rules, x0, x1, y).map(|b| (b.left, b.top, b.right, b.bottom))
        };
        assert_eq!(
            b(40.0, 60.0, 10.0),
            Some((0.0, 0.0, 100.0, 20.0)),
            "the merged cell's text spans the hidden divider"
        );
        assert_eq!(b(60.0, 90.0, 30.0), Some((50.0, 20.0, 100.0, 40.0)));
        assert_eq!(b(10.0, 20.0, 50.0), None, "below the table");
        assert_eq!(b(110.0, 120.0, 10.0), None, "beside the table");
    }
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    /// A line of cells in boxes: (text, left, right) with every box spanning `top..bottom`.
    fn line(cells: &[(&str, f32, f32)], top: f32, bottom: f32) -> PageLine {
        (
            cells.iter().map(|c| c.0.to_string()).collect(),
            cells.iter().map(|c| (c.1 + 1.0, c.2 - 1.0)).collect(),
            cells
                .iter()
                .map(|c| {
                    Some(crate::CellBox {
                        left: c.1,
                        top,
                        right: c.2,
                        bottom,
                    })
                })
                .collect(),
        )
    }

    fn bx(left: f32, top: f32, right: f32, bottom: f32) -> crate::CellBox {
        crate::CellBox {
            left,
            top,
            right,
            bottom,
        }
    }

    /// A line read from a page: cells with their boxes (spans inside the boxes).
    fn read(cells: &[(&str, crate::CellBox)]) -> Line {
        Line {
            location: Location {
                page: Some(1),
                line: Some(1),
            },
            text: cells.iter().map(|c| c.0).collect::<Vec<_>>().join("\t"),
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            spans: cells
                .iter()
                .map(|c| (c.1.left + 1.0, c.1.right - 1.0))
                .collect(),
            boxes: cells.iter().map(|c| Some(c.1)).collect(),
        }
    }

    #[test]
    fn a_row_broken_by_the_page_and_a_heading_run_into_the_total_row_are_put_together() {
        // `八、社会保障和就` filled its cell at the foot of one page; `业支出` opens the next.
        let prev = read(&[
            ("八、社会保障和就", bx(207.0, 722.0, 276.0, 753.0)),
            ("1,608.51", bx(276.0, 722.0, 355.0, 753.0)),
        ]);
        let b = bx(207.0, 72.0, 276.0, 104.0);
        assert_eq!(
            continued_cells(&prev, &["业支出".into()], &[Some(b)]),
            Some(vec![0])
        );
        // Not a new item (`九、…`), not a number, not under a name that ended short of its rule.
        assert_eq!(
            continued_cells(&prev, &["九、医疗卫生".into()], &[Some(b)]),
            None
        );
        assert_eq!(continued_cells(&prev, &["12.00".into()], &[Some(b)]), None);
        let mut short = prev.clone();
        short.spans[0] = (208.0, 240.0);
        assert_eq!(continued_cells(&short, &["小计".into()], &[Some(b)]), None);
        // `采购组织形` over `合计 … 式 … 1,422.50`.
        let mut heading = read(&[
            ("采购物品名称", bx(439.0, 79.0, 580.0, 105.0)),
            ("采购组织形", bx(581.0, 79.0, 687.0, 105.0)),
            ("总计", bx(688.0, 79.0, 786.0, 105.0)),
        ]);
        let mut total = read(&[
            ("合计", bx(43.0, 106.0, 156.0, 132.0)),
            ("式", bx(581.0, 106.0, 687.0, 132.0)),
            ("1,422.50", bx(688.0, 106.0, 786.0, 132.0)),
        ]);
        take_heading_overflow(&mut heading, &mut total);
        assert_eq!(heading.cells, ["采购物品名称", "采购组织形式", "总计"]);
        assert_eq!(total.cells, ["合计", "1,422.50"]);
        // A row that is not a total keeps its words.
        let mut row = read(&[
            ("PC服务器", bx(439.0, 106.0, 580.0, 132.0)),
            ("分散", bx(581.0, 106.0, 687.0, 132.0)),
        ]);
        take_heading_overflow(&mut heading, &mut row);
        assert_eq!(row.cells.len(), 2);
    }

    #[test]
    fn a_wrapped_name_spanning_rows_goes_before_the_row_beside_its_middle() {
        // `一般公共预` / `算资金` in a cell over three rows, printed on the lines of the second.
        let parent = bx(58.0, 472.0, 192.0, 621.0);
        let lines = vec![
            line(
                &[("小计", 192.0, 352.0), ("13,649.07", 353.0, 538.0)],
                472.0,
                516.0,
            ),
            (
                vec!["一般公共预".into(), "公共财政拨款(补助)".into()],
                vec![(60.0, 190.0), (193.0, 350.0)],
                vec![Some(parent), Some(bx(192.0, 516.0, 352.0, 577.0))],
            ),
            line(&[("13,649.07", 353.0, 538.0)], 516.0, 577.0),
            (
                vec!["算资金".into(), "资金".into()],
                vec![(60.0, 120.0), (193.0, 230.0)],
                vec![Some(parent), Some(bx(192.0, 516.0, 352.0, 577.0))],
            ),
            line(&[("专项收入", 192.0, 352.0)], 577.0, 621.0),
        ];
        let rows: Vec<Vec<String>> = merge_ruled_rows_under_parents(lines, 595.0)
            .into_iter()
            .map(|(l, _)| l.0)
            .collect();
        assert_eq!(
            rows,
            [
                vec!["小计", "13,649.07"],
                vec!["一般公共预算资金", "公共财政拨款(补助)资金", "13,649.07"],
                vec!["专项收入"]
            ]
        );
    }

    #[test]
    fn a_wrapped_row_joins_and_rows_without_rules_between_them_do_not() {
        // A label wrapped above and below its numbers, inside one drawn row.
        let wrapped = vec![
            line(&[("武汉市青山区城市运行管理中", 0.0, 100.0)], 10.0, 50.0),
            line(
                &[("143", 100.0, 150.0), ("880.84", 150.0, 200.0)],
                10.0,
                50.0,
            ),
            line(&[("心", 0.0, 100.0)], 10.0, 50.0),
        ];
        let merged = merge_ruled_rows(wrapped, 595.0);
        assert_eq!(merged.len(), 1);
        assert_eq!(
            merged[0].0 .0,
            ["武汉市青山区城市运行管理中心", "143", "880.84"]
        );
        assert_eq!(merged[0].1, 3, "it stands for three printed lines");
        // Two rows of a table with rules only between its columns: each amount column holds a
        // number on both lines, so they stay two rows.
        let unruled = vec![
            line(
                &[("行政运行", 0.0, 100.0), ("120.00", 100.0, 150.0)],
                10.0,
                50.0,
            ),
            line(
                &[("事业运行", 0.0, 100.0), ("80.00", 100.0, 150.0)],
                10.0,
                50.0,
            ),
        ];
        let kept = merge_ruled_rows(unruled, 595.0);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].0 .0, ["事业运行", "80.00"]);
        // Item rows without amounts in such a table: each marker opens a row of its own.
        let items = vec![
            line(&[("二、事业收入", 0.0, 100.0)], 10.0, 50.0),
            line(&[("三、事业单位经营收入", 0.0, 100.0)], 10.0, 50.0),
        ];
        assert_eq!(merge_ruled_rows(items, 595.0).len(), 2);
        // A name wrapped in a narrow cell of its own row (the other cells of the row empty): one
        // cell; a paragraph in one box as wide as the page is a frame, its lines kept.
        let alone = vec![
            line(&[("七、文化体育与传", 207.0, 276.0)], 661.0, 722.0),
            line(&[("媒支出", 207.0, 276.0)], 661.0, 722.0),
        ];
        let joined = merge_ruled_rows(alone, 595.0);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].0 .0, ["七、文化体育与传媒支出"]);
        let framed = vec![
            line(&[("一、部门主要职能", 40.0, 560.0)], 100.0, 200.0),
            line(&[("负责……", 40.0, 560.0)], 100.0, 200.0),
        ];
        assert_eq!(merge_ruled_rows(framed, 595.0).len(), 2);
        // A heading cell's text wrapped beside the pieces of another (`项目名` / `称` beside
        // `功能科目名` / `称`, all ending on one rule): one heading line.
        let heading = vec![
            line(&[("项目名", 58.0, 112.0)], 261.0, 354.0),
            (
                vec!["金额".into(), "功能科目名".into()],
                vec![(114.0, 200.0), (208.0, 270.0)],
                vec![
                    Some(bx(113.0, 261.0, 207.0, 354.0)),
                    Some(bx(207.0, 293.0, 276.0, 354.0)),
                ],
            ),
            (
                vec!["称".into(), "金额".into()],
                vec![(59.0, 70.0), (280.0, 300.0)],
                vec![
                    Some(bx(58.0, 261.0, 112.0, 354.0)),
                    Some(bx(276.0, 293.0, 355.0, 354.0)),
                ],
            ),
            line(&[("称", 207.0, 276.0)], 293.0, 354.0),
        ];
        let joined = merge_ruled_rows(heading, 595.0);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].0 .0, ["项目名称", "金额", "功能科目名称", "金额"]);
        // Two heading levels ending on one rule, nothing wrapped: two lines, as printed.
        let levels = vec![
            (
                vec!["功能分类科目名称".into()],
                vec![(60.0, 150.0)],
                vec![Some(bx(58.0, 100.0, 200.0, 150.0))],
            ),
            (
                vec!["类".into(), "款".into()],
                vec![(210.0, 220.0), (240.0, 250.0)],
                vec![
                    Some(bx(200.0, 125.0, 230.0, 150.0)),
                    Some(bx(230.0, 125.0, 260.0, 150.0)),
                ],
            ),
        ];
        assert_eq!(merge_ruled_rows(levels, 595.0).len(), 2);
        // check(input, expect)
        for (t, expect) in [
            ("二、事业收入", true),
            ("3.国有资本经营预算", true),
            ("（四）其他", true),
            ("心", false),
            ("共预算", false),
            ("2025年", false),
        ] {
            assert_eq!(starts_an_item(t), expect, "{t}");
        }
    }
}
