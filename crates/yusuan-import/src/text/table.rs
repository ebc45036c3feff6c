//! Disclosure tables: title, 编制部门 and 单位 lines, header rows, data rows, repeated headers.

use super::flow;
use super::grid::grid_table;
use super::header::{columns, header_positions, is_key_header, positional_columns, ruled_columns, ruled_row, RuledHeader};
use super::marks::{cell, is_fragment, is_meta, title_number};
use super::placement::{place_short_rows, resolve_ledger, OpenRow};
use super::segment::BlockKind;
use super::sides::{sides_by_position, split_sides_at, Sides};
use super::template::{shanghai, Template};
use super::Layout;
use crate::{Diagnostic, Line, ReportItem};
use std::collections::HashSet;
use yusuan_domain::{
    parse_amount, Cell, Column, EconomicCode, FunctionCode, LedgerSide, Location, Row, RowCode, Table, TableKind, Unit,
};

/// A table label that names no table: `公开05表`, `部门预算02表`, `附表3`.
fn is_bare_label(title: &str) -> bool {
    let c = compact(title);
    let rest = ["公开", "部门预算", "预算公开", "附表", "表"].iter().find_map(|p| c.strip_prefix(p)).unwrap_or(&c);
    let rest = rest.trim_end_matches('表');
    !rest.is_empty() && rest.chars().all(|ch| ch.is_ascii_digit())
}

/// How a data row's leading cells key it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// 类/款/项 in three cells, then the name.
    FunctionSplit,
    /// 类/款 in two cells, then the name.
    EconomicSplit,
    /// One cell with a joined code, then the name.
    Joined { economic: bool },
    /// 序号, then the unit's name.
    UnitSeq,
    /// A code column (科目编码, 项目编码, 单位代码) then a name column; `function`/`economic` say
    /// which classification a 科目编码 is in.
    CodeName { function: bool, economic: bool },
    /// Just a label.
    Label,
    /// No key at all (the 三公 table's single row).
    None,
    /// Two-sided 收入 | 支出; `left` value columns on the income side.
    Ledger { split: usize, left: usize },
}

impl Keys {
    fn width(self) -> usize {
        match self {
            Keys::FunctionSplit => 4,
            Keys::EconomicSplit => 3,
            Keys::Joined { .. } | Keys::UnitSeq | Keys::CodeName { .. } => 2,
            Keys::Label => 1,
            Keys::None | Keys::Ledger { .. } => 0,
        }
    }
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_total_label(s: &str) -> bool {
    let c = compact(s);
    c.ends_with("合计") || c.ends_with("总计")
}

fn is_code_like(s: &str) -> bool {
    let c = compact(s);
    matches!(c.len(), 3 | 5 | 7) && c.chars().all(|c| c.is_ascii_digit())
}

/// A data row has an amount, or starts with a code, or is a total row with nothing else in it.
fn is_data(cells: &[String]) -> bool {
    let first = cells.first().map(String::as_str).unwrap_or("");
    cells.iter().any(|c| parse_amount(c).is_ok() && !is_code_like(c))
        || is_code_like(first)
        || (is_total_label(first) && cells[1..].iter().all(|c| c.trim().is_empty()))
}

fn detect_keys(header: &[Vec<String>], first_data: Option<&Vec<String>>, title: &str) -> Keys {
    let all: Vec<String> = header.iter().flatten().map(|c| compact(c)).collect();
    let has = |s: &str| all.iter().any(|c| c == s);
    for row in header {
        let items: Vec<(usize, String)> =
            row.iter().enumerate().map(|(i, c)| (i, compact(c))).filter(|(_, c)| c == "项目").collect();
        if items.len() >= 2 {
            let split = items[1].0;
            return Keys::Ledger { split, left: 0 };
        }
    }
    let economic = all.iter().any(|c| c.contains("经济分类")) || title.contains("经济分类");
    if has("类") && has("款") {
        return if has("项") && !economic { Keys::FunctionSplit } else { Keys::EconomicSplit };
    }
    if has("序号") {
        return Keys::UnitSeq;
    }
    // `科目编码 | 科目名称`, `项目编码 | 项目名称`, `部门(单位)代码 | 部门(单位)名称`.
    for row in header {
        let cells: Vec<String> = row.iter().map(|c| compact(c)).filter(|c| !c.is_empty()).collect();
        if cells.len() >= 2 && (cells[0].ends_with("编码") || cells[0].ends_with("代码")) && cells[1].ends_with("名称") {
            let subject = cells[0].contains("科目");
            return Keys::CodeName { function: subject && !economic, economic: subject && economic };
        }
    }
    match first_data.and_then(|r| r.first().filter(|c| !c.is_empty()).or_else(|| r.iter().find(|c| !c.is_empty()))) {
        Some(f) if is_code_like(f) => Keys::Joined { economic },
        Some(f) if parse_amount(f).is_ok() => Keys::None,
        _ => Keys::Label,
    }
}

/// The most amounts a data line of the table's block from `i` carries (0 for an empty table).
fn data_width(lines: &[Line], i: usize) -> usize {
    lines[i..].iter().map(|l| flow::tokens(&l.cells).iter().filter(|t| parse_amount(t).is_ok()).count()).max().unwrap_or(0)
}

/// A table's note: `注：…`, `说明…`, `…故本表为空表`, `本单位2024年无国有资本经营预算…的预算`.
fn is_note(c: &str) -> bool {
    let no_data = (c.starts_with("本部门") || c.starts_with("本单位")) && c.contains('无') && c.contains("预算");
    c.starts_with("说明") || c.starts_with("注") || c.contains("空表") || no_data
}

/// A code of the 经济分类 (部门预算 3xx, 政府预算 5xx), never of the 功能分类 (2xx).
fn economic_class(code: &str) -> bool {
    let c = code.trim();
    (c.starts_with('3') || c.starts_with('5')) && matches!(c.len(), 3 | 5) && c.chars().all(|ch| ch.is_ascii_digit())
}

fn code_of(keys: Keys, key_cells: &[String]) -> Option<RowCode> {
    let get = |i: usize| key_cells.get(i).map(String::as_str).unwrap_or("");
    match keys {
        Keys::FunctionSplit => FunctionCode::from_parts(get(0), get(1), get(2)).ok().map(RowCode::Function),
        Keys::EconomicSplit => EconomicCode::from_parts(get(0), get(1)).ok().map(RowCode::Economic),
        Keys::Joined { economic: true } => EconomicCode::parse(get(0)).ok().map(RowCode::Economic),
        // 支出功能分类 classes are 2xx; a 3xx or 5xx code is 经济分类 whatever the title says
        // (`财政拨款基本支出预算表` by 经济科目).
        Keys::Joined { economic: false } if economic_class(get(0)) => EconomicCode::parse(get(0)).ok().map(RowCode::Economic),
        Keys::Joined { economic: false } => FunctionCode::parse(get(0)).ok().map(RowCode::Function),
        Keys::UnitSeq => {
            let s = get(0).trim();
            (!s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric())).then(|| RowCode::Unit(s.to_string()))
        }
        Keys::CodeName { function, economic } => {
            let s = get(0).trim();
            if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
                None
            } else if function && !economic_class(s) {
                FunctionCode::parse(s).ok().map(RowCode::Function)
            } else if economic || function {
                EconomicCode::parse(s).ok().map(RowCode::Economic)
            } else if s.chars().any(|c| c.is_ascii_alphabetic()) || s.len() > 8 {
                Some(RowCode::Project(s.to_string()))
            } else {
                Some(RowCode::Unit(s.to_string()))
            }
        }
        _ => None,
    }
}

struct Builder<'a> {
    keys: Keys,
    ncols: usize,
    /// Where each column's header was printed (PDF lines only; layout coordinates).
    col_x: Vec<Option<f32>>,
    /// The drawn boxes of a ruled header: rows are read by which box each text sits in.
    ruled: Option<RuledHeader>,
    warnings: &'a mut Vec<ReportItem>,
    notes: &'a mut Vec<ReportItem>,
    title: String,
    /// The values of the row just read when it was short and could not be placed by position.
    pending_short: Option<Vec<rust_decimal::Decimal>>,
    /// A ledger label wrapped over lines before its values.
    pending_label: String,
    /// For each two-sided row read in flow mode, its values when fewer than its side's columns.
    ledger_short: Vec<Option<Vec<rust_decimal::Decimal>>>,
    /// Where each side after the first begins on the page, when a table's header gives its
    /// sides by position only (see [`sides_by_position`]): each text goes to the side it was
    /// printed on, each side one 金额 column.
    side_splits: Option<Sides>,
}

fn cells_of(values: &[String], count: usize) -> Vec<Cell> {
    let mut out: Vec<Cell> = values.iter().map(|v| cell(v)).collect();
    if out.len() < count {
        out.resize(count, Cell::Blank);
    }
    out
}

impl Builder<'_> {
    fn values(&mut self, cells: &[String], from: usize, count: usize, loc: Location) -> Vec<Cell> {
        let mut out: Vec<Cell> = (0..count).map(|k| cells.get(from + k).map_or(Cell::Blank, |c| cell(c))).collect();
        let extra: Vec<&String> = cells.iter().skip(from + count).filter(|c| !c.is_empty()).collect();
        if !extra.is_empty() && !matches!(self.keys, Keys::Ledger { .. }) {
            let values = extra.iter().map(|s| s.to_string()).collect();
            self.warnings.push(ReportItem::new(Diagnostic::ExtraValues { table: self.title.clone(), values }, loc));
            out.extend(extra.into_iter().map(|c| cell(c)));
        }
        out
    }

    /// A row of a ruled table, each text in the column whose rules enclose it; `None` when the
    /// line does not fit the header's boxes (the flow reading applies).
    /// A line of a ruled two-sided table: the income side's label and values, then the
    /// expenditure side's, each in the columns whose rules enclose them.
    fn ruled_ledger_rows(&self, line: &Line) -> Option<Vec<Row>> {
        let header = self.ruled.as_ref()?;
        let Keys::Ledger { left, .. } = self.keys else { return None };
        let (keys, values) = ruled_row(line, header)?;
        if keys.len() != 2 {
            return None;
        }
        let mut out = Vec::new();
        for (side, label, range) in [(LedgerSide::Income, &keys[0], 0..left), (LedgerSide::Expenditure, &keys[1], left..values.len())] {
            let vals = &values[range.clone()];
            if label.is_empty() && vals.iter().all(|v| v.is_empty()) {
                continue;
            }
            let mut cells = vec![Cell::Blank; self.ncols];
            for (k, v) in range.zip(vals) {
                cells[k] = cell(v);
            }
            out.push(Row { code: None, label: label.clone(), side: Some(side), cells, location: line.location });
        }
        Some(out)
    }

    fn ruled_row(&self, line: &Line) -> Option<Row> {
        let header = self.ruled.as_ref()?;
        let (keys, values) = ruled_row(line, header)?;
        let width = self.keys.width();
        if matches!(self.keys, Keys::Ledger { .. }) || keys.len() != width || values.iter().all(|v| v.is_empty()) {
            return None;
        }
        let code = code_of(self.keys, &keys);
        let label = if width == 0 { String::new() } else { keys[width - 1].clone() };
        if code.is_none() && width > 1 && !keys[0].is_empty() {
            return None; // a code the key columns do not read: the flow reading decides
        }
        Some(Row { code, label, side: None, cells: values.iter().map(|v| cell(v)).collect(), location: line.location })
    }

    /// A line of a table whose sides are known by position: each side's words and its amount,
    /// a row of the side's own (the first side 收入, the others 支出), its amount in its column.
    fn positional_ledger_rows(&mut self, toks: &[(String, Option<f32>)], sides: &Sides, loc: Location) -> Vec<Row> {
        let mut out = Vec::new();
        let mut split = split_sides_at(toks, sides);
        // A label printed across the 支出 sides (`当年支出小计`, `支出合计`) with its amount under
        // the last: one row, the amount where it was printed.
        for k in 1..split.len().saturating_sub(1) {
            if !split[k].0.is_empty() && split[k].1.is_empty() && split[k + 1].0.is_empty() && !split[k + 1].1.is_empty() {
                split[k + 1].0 = std::mem::take(&mut split[k].0);
            }
        }
        for (k, (label, vals)) in split.into_iter().enumerate() {
            if label.is_empty() && vals.is_empty() {
                continue;
            }
            let mut cells = vec![Cell::Blank; self.ncols];
            if let Some(v) = vals.first() {
                cells[k.min(self.ncols - 1)] = cell(v);
            }
            self.ledger_short.push(None);
            let side = if k == 0 { LedgerSide::Income } else { LedgerSide::Expenditure };
            out.push(Row { code: None, label, side: Some(side), cells, location: loc });
        }
        out
    }

    /// Reads a row of a layout without reliable cell positions (see [`flow`]).
    fn flow_rows(&mut self, line: &Line) -> Vec<Row> {
        if let Some(rows) = self.ruled_ledger_rows(line) {
            self.ledger_short.extend(rows.iter().map(|_| None));
            return rows;
        }
        if let Some(row) = self.ruled_row(line) {
            return vec![row];
        }
        let toks_x = flow::tokens_with_x(&line.cells, &line.spans);
        let toks: Vec<String> = toks_x.iter().map(|(t, _)| t.clone()).collect();
        let loc = line.location;
        if let Keys::Ledger { left, .. } = self.keys {
            let right = self.ncols - left;
            let mut out = Vec::new();
            if let Some(sides) = self.side_splits.clone() {
                return self.positional_ledger_rows(&toks_x, &sides, loc);
            }
            let mut sides = flow::ledger_sides(&toks, left);
            if sides[0].0.is_empty() && !sides[0].1.is_empty() && !self.pending_label.is_empty() {
                // The income label was wrapped onto the lines above (`一、一般公共预` / `算资金`).
                sides[0].0 = std::mem::take(&mut self.pending_label);
            }
            for (k, (label, vals)) in sides.into_iter().enumerate() {
                if label.is_empty() && vals.is_empty() {
                    continue;
                }
                let (side, offset, count) =
                    if k == 0 { (LedgerSide::Income, 0, left) } else { (LedgerSide::Expenditure, left, right) };
                let mut cells = vec![Cell::Blank; self.ncols];
                for (j, v) in vals.iter().enumerate().take(count) {
                    cells[offset + j] = cell(v);
                }
                let short = (vals.len() > 1 && vals.len() < count && line.spans.is_empty())
                    .then(|| vals.iter().filter_map(|v| yusuan_domain::parse_amount(v).ok()).collect::<Vec<_>>());
                self.ledger_short.push(short);
                out.push(Row { code: None, label, side: Some(side), cells, location: loc });
            }
            return out;
        }
        let (code, rest): (Option<RowCode>, &[String]) = match self.keys {
            Keys::FunctionSplit | Keys::EconomicSplit => {
                let widths: &[usize] = if self.keys == Keys::FunctionSplit { &[3, 2, 2] } else { &[3, 2] };
                let (parts, n, padded) = flow::leading_code(&toks, widths);
                if !padded.is_empty() {
                    let padded = Diagnostic::PaddedCode { table: self.title.clone(), printed: toks[..n].join(" "), read: parts[..n].join("") };
                    self.notes.push(ReportItem::new(padded, loc));
                }
                let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
                let code = if n == 0 {
                    None
                } else if self.keys == Keys::FunctionSplit {
                    FunctionCode::from_parts(get(0), get(1), get(2)).ok().map(RowCode::Function)
                } else {
                    EconomicCode::from_parts(get(0), get(1)).ok().map(RowCode::Economic)
                };
                (code, &toks[n..])
            }
            // `科目编码 | 科目名称` headers key rows by a joined code in PDFs too.
            Keys::Joined { .. } | Keys::UnitSeq | Keys::CodeName { .. } => match toks.first() {
                Some(f) if !flow::is_amount(f) || f.chars().all(|c| c.is_ascii_digit()) => {
                    let code = code_of(self.keys, std::slice::from_ref(f));
                    if code.is_some() { (code, &toks[1..]) } else { (None, &toks[..]) }
                }
                _ => (None, &toks[..]),
            },
            _ => (None, &toks[..]),
        };
        let (label, vals) = if self.keys == Keys::None { (String::new(), rest.to_vec()) } else { flow::label_and_values(rest) };
        if vals.len() < self.ncols && !vals.is_empty() {
            let with_x = &toks_x[toks_x.len() - vals.len()..];
            if let Some(placed) = flow::place_by_x(with_x, &self.col_x) {
                let cells = placed.iter().map(|v| v.as_deref().map_or(Cell::Blank, cell)).collect();
                return vec![Row { code, label, side: None, cells, location: loc }];
            }
            // No positions: the table's arithmetic places these values later (see `blanks`).
            self.pending_short = vals.iter().map(|v| yusuan_domain::parse_amount(v).ok()).collect();
        }
        let cells = if vals.len() > self.ncols {
            let mut c = self.values(&vals, 0, self.ncols, loc);
            c.truncate(vals.len());
            c
        } else {
            cells_of(&vals, self.ncols)
        };
        vec![Row { code, label, side: None, cells, location: loc }]
    }

    fn rows(&mut self, line: &Line) -> Vec<Row> {
        let cells = &line.cells;
        let loc = line.location;
        match self.keys {
            Keys::Ledger { split, left } => {
                let right = self.ncols - left;
                let mut out = Vec::new();
                let sides = [
                    (LedgerSide::Income, 0usize, 1usize, left, 0usize),
                    (LedgerSide::Expenditure, split, split + 1, right, left),
                ];
                for (side, label_at, from, count, offset) in sides {
                    let label = cells.get(label_at).map(|s| s.trim().to_string()).unwrap_or_default();
                    let vals = self.values(cells, from, count, loc);
                    if label.is_empty() && vals.iter().all(|c| *c == Cell::Blank) {
                        continue;
                    }
                    let mut row_cells = vec![Cell::Blank; self.ncols];
                    for (k, v) in vals.into_iter().enumerate().take(count) {
                        row_cells[offset + k] = v;
                    }
                    out.push(Row { code: None, label, side: Some(side), cells: row_cells, location: loc });
                }
                out
            }
            keys => {
                let w = keys.width();
                let key_cells: Vec<String> = cells.iter().take(w).cloned().collect();
                let code = code_of(keys, &key_cells);
                let label = if code.is_some() {
                    key_cells.last().cloned().unwrap_or_default()
                } else {
                    key_cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join("")
                };
                let cells_v = self.values(cells, w, self.ncols, loc);
                vec![Row { code, label, side: None, cells: cells_v, location: loc }]
            }
        }
    }
}

/// A table's title block: its title (the dated or named line when a bare label like `公开05表`
/// or `部门预算02表` is printed above it), number, and kind (from the title, else the subtitle).
struct Heading {
    title: String,
    number: Option<String>,
    kind: TableKind,
}

/// Reads the title block at `start` (Hubei prints `表 1. …年收支总表` then a subtitle,
/// `收支总体情况表`, before the 部门 line); returns it and the index after it.
fn read_heading(lines: &[Line], start: usize) -> (Heading, usize) {
    let title = lines[start].text.trim().to_string();
    let mut i = start + 1;
    let mut subtitle = String::new();
    if let Some(k) = (i..lines.len()).find(|&k| !lines[k].is_blank()) {
        let c = lines[k].compact();
        let meta_follows = lines[k + 1..].iter().filter(|l| !l.is_blank()).take(2).any(|l| is_meta(&l.compact()));
        if !lines[k].is_tabular() && !is_meta(&c) && is_fragment(&c) && meta_follows {
            subtitle = c;
            i = k + 1;
        }
    }
    // `部门预算02表` printed above `2024年部门收入预算总表`: the dated line is the title; so is
    // the named line under a bare label (`公开05表` over `财政拨款支出预算表`).
    let (title, subtitle, number_hint) = if !subtitle.is_empty() && ((has_year(&subtitle) && !has_year(&title)) || is_bare_label(&title)) {
        let digits: String = title.chars().filter(|c| c.is_ascii_digit()).collect();
        let hint = digits.trim_start_matches('0').to_string();
        (lines[(start + 1..lines.len()).find(|&k| !lines[k].is_blank()).unwrap_or(start)].text.trim().to_string(), title, (!hint.is_empty()).then_some(hint))
    } else {
        (title, subtitle, None)
    };
    let kind = match TableKind::from_title(&title) {
        TableKind::Other => TableKind::from_title(&subtitle),
        k => k,
    };
    let number = title_number(&title).or(number_hint);
    (Heading { title, number, kind }, i)
}

/// The 编制部门 / 单位 lines from `i` (possibly one line: `编制部门：X 单位：元`): the unit, who
/// compiled it, and the index after them.
fn read_meta(lines: &[Line], mut i: usize) -> (Option<Unit>, Option<String>, usize) {
    let mut unit = None;
    let mut compiled_by = None;
    while i < lines.len() {
        let l = &lines[i];
        let c = l.compact();
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !is_meta(&c) {
            break;
        }
        for part in l.text.split(['\t']).flat_map(|p| p.split("  ")) {
            let pc = compact(part);
            if let Some(pos) = pc.find("单位") {
                if let Some(u) = Unit::parse(&pc[pos..]) {
                    unit = Some(u);
                    if pos > 0 && is_meta(&pc[..pos]) {
                        compiled_by = Some(strip_label(&pc[..pos]));
                    }
                    continue;
                }
            }
            // A form's 填报日期 is when it was filled in, not who compiled it.
            let date = pc.starts_with("填报日期") || pc.starts_with("申报日期");
            if is_meta(&pc) && !pc.is_empty() && !date {
                compiled_by = Some(strip_label(&pc));
            }
        }
        i += 1;
    }
    (unit, compiled_by, i)
}

/// The header rows from `i`: the lines before the first data row (their cells and the lines
/// themselves, for positions and drawn boxes), and the index of the first data row.
fn read_header(lines: &[Line], mut i: usize, flow_mode: bool) -> (Vec<Vec<String>>, Vec<Line>, usize) {
    let mut header: Vec<Vec<String>> = Vec::new();
    let mut header_lines: Vec<Line> = Vec::new();
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let next_is_data = lines[i + 1..].iter().find(|n| !n.is_blank()).is_some_and(|n| is_data(&flow::tokens(&n.cells)));
        let lone_total_heading = flow_mode && is_total_label(&l.compact()) && !l.is_tabular() && !next_is_data;
        let data = !lone_total_heading && if flow_mode { is_data(&flow::tokens(&l.cells)) } else { is_data(&l.cells) };
        let enumerated = is_enumerated(&l.compact());
        let header_like = !(is_note(&l.compact()) || flow_mode && enumerated)
            && (l.is_tabular() || (flow_mode && is_fragment(&l.compact())));
        if data || !header_like {
            break;
        }
        header.push(l.cells.clone());
        header_lines.push(l.clone());
        i += 1;
    }
    (header, header_lines, i)
}

/// How a table's rows are read: their key layout, the value columns, the sides of a table whose
/// header gives them by position, the drawn header boxes, and where each column was printed.
struct ColumnPlan {
    keys: Keys,
    columns: Vec<Column>,
    side_split: Option<Sides>,
    ruled: Option<RuledHeader>,
    col_x: Vec<Option<f32>>,
}

/// Decides the columns from the header (its drawn boxes when ruled; the standard layout of a
/// Shanghai table whose header the text layer garbled; positions for rows wider than the header).
#[allow(clippy::too_many_arguments)]
fn plan_columns(lines: &[Line], i: usize, header: &[Vec<String>], header_lines: &[Line], title: &str, kind: TableKind, flow_mode: bool, shanghai_layouts: bool) -> ColumnPlan {
    let first_data = lines[i..].iter().find(|l| !l.is_blank()).map(|l| &l.cells);
    let mut keys = detect_keys(header, first_data, title);
    let cols = columns(header);
    if let Keys::Ledger { split, .. } = keys {
        keys = Keys::Ledger { split, left: cols.iter().filter(|(p, _)| *p < split).count() };
    }
    let mut columns: Vec<Column> = cols.into_iter().map(|(_, c)| c).collect();
    // A two-sided table whose two 项目名称 cells are printed on different header lines.
    let side_split = if flow_mode && !matches!(keys, Keys::Ledger { .. }) { sides_by_position(header_lines) } else { None };
    if let Some((_, cols)) = &side_split {
        keys = Keys::Ledger { split: 1, left: 1 };
        columns = cols.clone();
    }
    // A ruled PDF header: the drawn cells give each column's path and position exactly. A
    // two-sided table's two 项目 columns are its key columns; the value columns left of the
    // second are the income side's.
    let ruled = if flow_mode { ruled_columns(header_lines) } else { None };
    let ruled = match (ruled, keys) {
        (Some(h), Keys::Ledger { split, .. }) if h.keys.len() == 2 => {
            let left = h.values.iter().filter(|(_, r)| *r <= h.keys[1].0 + 1.0).count();
            keys = Keys::Ledger { split, left };
            Some(h)
        }
        (Some(_), Keys::Ledger { .. }) => None,
        (h, _) => h,
    };
    if let Some(h) = &ruled {
        columns = h.columns.clone();
    }
    if flow_mode && shanghai_layouts {
        // Wrapped header cells make the grid unreliable: use the standard layout when there is one.
        let path = |s: &&str| Column { path: s.split('/').map(str::to_string).collect() };
        match (shanghai(kind), keys) {
            // A ruled two-sided table's own columns stand (a side may print 人员经费/公用经费).
            (Some(Template::Ledger(l, r)), Keys::Ledger { split, .. }) if ruled.is_none() => {
                columns = l.iter().chain(r.iter()).map(path).collect();
                keys = Keys::Ledger { split, left: l.len() };
            }
            // A ruled header whose rows carry more values than the standard layout has columns
            // is not that layout (a Hubei-format table of a department named 上海市…): its drawn
            // cells stand.
            (Some(Template::Columns(c)), k) if !(matches!(k, Keys::Ledger { .. }) || ruled.is_some() && data_width(lines, i) > c.len()) => {
                columns = c.iter().map(path).collect();
            }
            _ => {}
        }
    }
    if !flow_mode && !matches!(keys, Keys::Ledger { .. }) {
        // Rows wider than the header's named columns (sub-headers lost in extraction): name the
        // columns by position under the header cells that span them.
        let w = keys.width();
        let end = (i..lines.len()).find(|&k| !lines[k].is_blank() && !lines[k].is_tabular()).unwrap_or(lines.len());
        let widest = lines[i..end]
            .iter()
            .filter(|l| l.is_tabular() && is_data(&l.cells))
            .map(|l| l.cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |p| p + 1))
            .max()
            .unwrap_or(0);
        if widest > w + columns.len() && !header.is_empty() {
            columns = positional_columns(header, w, widest);
        }
    }
    // The standard layout may have replaced the ruled columns: then the boxes no longer apply.
    let ruled = ruled.filter(|h| h.columns == columns);
    let col_x = match &ruled {
        Some(h) => h.centres().into_iter().map(Some).collect(),
        None if flow_mode => header_positions(header_lines, &columns),
        None => vec![],
    };
    ColumnPlan { keys, columns, side_split: side_split.map(|(x, _)| x), ruled, col_x }
}

/// A data row as read, with what its line left undecided: values printed without their blanks
/// (`short`: fewer cells than columns; `flow`: values whose columns only the table's sums can
/// decide; `ledger`: a two-sided row's side with fewer values than its columns). One record per
/// row, so they can never fall out of step.
struct ReadRow {
    row: Row,
    short: bool,
    flow: Option<Vec<rust_decimal::Decimal>>,
    ledger: Option<Vec<rust_decimal::Decimal>>,
}

impl ReadRow {
    fn plain(row: Row) -> ReadRow {
        ReadRow { row, short: false, flow: None, ledger: None }
    }
}

/// What the data lines of a table gave: its rows, its note, how many values ran past the named
/// columns, and the index after the table.
struct Body {
    rows: Vec<ReadRow>,
    note: Option<String>,
    extra_cols: usize,
    end: usize,
}

/// How far a label-only line looks for the table's next row of numbers (a two-level income
/// table prints a few category and item labels between its amounts).
const LABEL_ROWS_AHEAD: usize = 8;

/// Whether the table goes on after a line of label only: within [`LABEL_ROWS_AHEAD`] lines a row
/// with numbers follows, or the next table begins after only such labels (`table_follows`: the
/// last rows of a table printed without amounts), before any prose or note.
fn table_goes_on(lines: &[Line], from: usize, table_follows: bool) -> bool {
    let ahead: Vec<&Line> = lines.iter().skip(from).filter(|l| !l.is_blank()).take(LABEL_ROWS_AHEAD).collect();
    for l in &ahead {
        let c = l.compact();
        if is_note(&c) || (!l.is_tabular() && !is_fragment(&c)) || c.ends_with('。') {
            return false;
        }
        if is_data(&flow::tokens(&l.cells)) {
            return true;
        }
    }
    // Only labels up to the end of the block: the next table begins after them.
    ahead.len() < LABEL_ROWS_AHEAD && table_follows
}

/// Reads the data lines of the block from `i`: rows (with wrapped labels joined, repeated
/// headers and notes set apart), through `b` (which places each line's values), up to the
/// block's end or the prose after the table.
fn read_body(lines: &[Line], mut i: usize, flow_mode: bool, next_block: Option<BlockKind>, vocab: &HashSet<String>, b: &mut Builder) -> Body {
    let table_follows = next_block == Some(BlockKind::Table);
    let title = b.title.clone();
    let mut rows: Vec<ReadRow> = Vec::new();
    let mut note = None;
    let mut extra_cols = 0usize;
    let mut pending_label = String::new();
    let mut label_wrapped = false;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !l.is_tabular() {
            let c = l.compact();
            if is_note(&c) {
                note = Some(l.text.trim().to_string());
                i += 1;
                continue;
            }
            if flow_mode && !is_data(&flow::tokens(&l.cells)) && is_fragment(&c) {
                // A header repeated after a page break, a ledger row without amounts, or a
                // fragment of a wrapped row label.
                if vocab.contains(&c) || is_key_header(&c) {
                    i += 1;
                    continue;
                }
                if matches!(b.keys, Keys::Ledger { .. }) {
                    // A fragment of a wrapped label when the values follow on a later line.
                    // At the block's end the next line is the next block's title: words, no data.
                    let next = lines[i + 1..].iter().find(|n| !n.is_blank());
                    let fragment = next.map_or(next_block.is_some(), |n| {
                        let t = flow::tokens(&n.cells);
                        !n.is_tabular() && !is_data(&t) && !is_enumerated(&n.compact()) || t.first().is_some_and(|f| flow::is_amount(f))
                    }) && !flow::is_expenditure_label(&c);
                    if fragment {
                        b.pending_label.push_str(l.text.trim());
                        i += 1;
                        continue;
                    }
                    let side = if flow::is_expenditure_label(&c) { LedgerSide::Expenditure } else { LedgerSide::Income };
                    let label = std::mem::take(&mut b.pending_label) + l.text.trim();
                    rows.push(ReadRow::plain(Row { code: None, label, side: Some(side), cells: vec![Cell::Blank; b.ncols], location: l.location }));
                    i += 1;
                    continue;
                }
                let next_is_data = lines[i + 1..].iter().find(|n| !n.is_blank()).is_some_and(|n| is_data(&flow::tokens(&n.cells)));
                let prev_unlabelled = rows.last().is_some_and(|r| r.row.code.is_some() && r.row.label.is_empty());
                if prev_unlabelled || std::mem::take(&mut label_wrapped) {
                    if let Some(r) = rows.last_mut() {
                        r.row.label.push_str(l.text.trim());
                    }
                    i += 1;
                    continue;
                }
                if next_is_data {
                    pending_label.push_str(l.text.trim());
                    i += 1;
                    continue;
                }
                // A row printed with its label only (`专项收入` with no amount, a category printed
                // beside its items) inside a table that goes on: a row of blanks, not the end.
                if !rows.is_empty() && table_goes_on(lines, i + 1, table_follows) {
                    rows.push(ReadRow::plain(Row { code: None, label: l.text.split_whitespace().collect::<Vec<_>>().join(" "), side: None, cells: vec![Cell::Blank; b.ncols], location: l.location }));
                    i += 1;
                    continue;
                }
            }
            // A lone number or total label on its own line still belongs to the table.
            if !is_data(&if flow_mode { flow::tokens(&l.cells) } else { l.cells.clone() }) {
                break;
            }
        }
        let non_empty: Vec<String> = if flow_mode {
            flow::tokens(&l.cells).iter().map(|c| compact(c)).filter(|c| !c.is_empty()).collect()
        } else {
            l.cells.iter().map(|c| compact(c)).filter(|c| !c.is_empty()).collect()
        };
        let only_total = non_empty.len() == 1 && is_total_label(&non_empty[0]);
        let repeated_header = !non_empty.is_empty()
            && !only_total
            && non_empty.iter().all(|c| vocab.contains(c) || is_key_header(c))
            && !l.cells.iter().any(|c| parse_amount(c).is_ok());
        if repeated_header {
            i += 1;
            continue;
        }
        let short = !flow_mode && l.cells.len() < b.keys.width() + b.ncols;
        if flow_mode && matches!(b.keys, Keys::Ledger { .. }) {
            let toks = flow::tokens(&l.cells);
            if !toks.is_empty() && toks.iter().all(|t| flow::is_amount(t)) && b.pending_label.is_empty() {
                // Values wrapped onto a line of their own: they continue the row above.
                if let Some(prev) = rows.last_mut() {
                    let mut it = toks.iter();
                    let start = prev.row.cells.iter().rposition(|c| *c != Cell::Blank).map_or(0, |p| p + 1);
                    for k in start..prev.row.cells.len() {
                        match it.next() {
                            Some(v) => prev.row.cells[k] = cell(v),
                            None => break,
                        }
                    }
                    i += 1;
                    continue;
                }
            }
        }
        let mut rows_of_line = if flow_mode { b.flow_rows(l) } else { b.rows(l) };
        if let [only] = rows_of_line.as_mut_slice() {
            if only.label.is_empty() && only.code.is_some() && !pending_label.is_empty() {
                // The label was wrapped around the row's line: its end may follow on the next line.
                only.label = std::mem::take(&mut pending_label);
                label_wrapped = true;
            } else {
                label_wrapped = false;
            }
        }
        if !pending_label.is_empty() && b.keys == Keys::Label {
            // A table keyed by labels alone: the text before a row with a label of its own is a
            // row of its own, printed without amounts (`其他非税收入` above `小计 80.00`).
            rows.push(ReadRow::plain(Row { code: None, label: std::mem::take(&mut pending_label), side: None, cells: vec![Cell::Blank; b.ncols], location: l.location }));
        }
        if !pending_label.is_empty() {
            let stray = Diagnostic::StrayText { table: title.clone(), text: std::mem::take(&mut pending_label) };
            b.warnings.push(ReportItem::new(stray, l.location));
        }
        let flow_short = b.pending_short.take();
        let mut side_shorts = std::mem::take(&mut b.ledger_short).into_iter();
        for r in rows_of_line {
            extra_cols = extra_cols.max(r.cells.len().saturating_sub(b.ncols));
            let ledger = if r.side.is_some() { side_shorts.next().flatten() } else { None };
            rows.push(ReadRow { row: r, short, flow: flow_short.clone(), ledger });
        }
        i += 1;
    }
    Body { rows, note, extra_cols, end: i }
}

/// Where the heading of the table whose title is at `start` ends: after its title (a bare label
/// over its named title is one heading) and its 编制 lines. No other block starts inside it.
pub(super) fn heading_end(lines: &[Line], start: usize) -> usize {
    let (_, i) = read_heading(lines, start);
    read_meta(lines, i).2
}

/// Parses the table whose block is `lines` (its title first; [`super::segment`] cut it);
/// returns it and the number of lines it took (prose printed after its rows is the narrative's).
/// `next`: the kind of the block after this one, if any.
/// `shanghai_layouts`: the document is Shanghai's, so a table whose header the text layer
/// garbled may take the standard Shanghai column layout of its kind (never another region's).
/// The title block, the 编制 lines, the header and the body are read in turn; values whose
/// columns a line left open are then placed by the table's own sums, or handed back in `open`
/// for the document to decide.
#[allow(clippy::too_many_arguments)]
pub fn parse_table(
    lines: &[Line],
    next: Option<BlockKind>,
    layout: Layout,
    shanghai_layouts: bool,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
    open: &mut Vec<OpenRow>,
) -> (Table, usize) {
    let flow_mode = layout == Layout::Flow;
    let start = 0;
    let title_line = &lines[start];
    let (Heading { title, number, kind }, i) = read_heading(lines, start);
    let (unit, compiled_by, i) = read_meta(lines, i);
    if matches!(kind, TableKind::DepartmentPerformance | TableKind::ProjectPerformance | TableKind::AssetAllocation) {
        return grid_table(lines, i, title_line, title, number, kind, unit, compiled_by, notes, next.is_some());
    }
    let (header, header_lines, i) = read_header(lines, i, flow_mode);
    let ColumnPlan { keys, mut columns, side_split, ruled, col_x } = plan_columns(lines, i, &header, &header_lines, &title, kind, flow_mode, shanghai_layouts);
    let vocab: HashSet<String> = header.iter().flatten().map(|c| compact(c)).filter(|c| !c.is_empty()).collect();
    // The warnings of this table's rows start here (a table printed in halves takes them back).
    let warned_from = warnings.len();
    let mut b = Builder {
        keys,
        ncols: columns.len(),
        col_x,
        ruled,
        warnings,
        notes,
        title: title.clone(),
        pending_short: None,
        pending_label: String::new(),
        ledger_short: Vec::new(),
        side_splits: side_split,
    };
    let Body { rows: read, note, extra_cols, end } = read_body(lines, i, flow_mode, next, &vocab, &mut b);
    for k in 0..extra_cols {
        columns.push(Column { path: vec![format!("未命名列{}", k + 1)] });
    }
    let shorts: Vec<bool> = read.iter().map(|r| r.short).collect();
    let flow_shorts: Vec<Option<Vec<rust_decimal::Decimal>>> = read.iter().map(|r| r.flow.clone()).collect();
    let ledger_shorts: Vec<Option<Vec<rust_decimal::Decimal>>> = read.iter().map(|r| r.ledger.clone()).collect();
    let mut rows: Vec<Row> = read.into_iter().map(|r| r.row).collect();
    for r in &mut rows {
        r.cells.resize(columns.len(), Cell::Blank);
    }
    if !matches!(keys, Keys::Ledger { .. }) {
        place_short_rows(&mut rows, &shorts, &title, b.notes);
    }
    if let Keys::Ledger { left, .. } = keys {
        if ledger_shorts.iter().any(Option::is_some) {
            resolve_ledger(&mut rows, &ledger_shorts, &columns, left, &title, b.warnings, b.notes, title_line.location);
        }
    }
    if flow_shorts.iter().any(Option::is_some) {
        let outcome = super::blanks::resolve(&mut rows, &flow_shorts, &columns, kind);
        if outcome.placed > 0 {
            b.notes.push(ReportItem::new(Diagnostic::PlacedByTableSums { table: title.clone(), rows: outcome.placed }, title_line.location));
        }
        for i in outcome.open {
            if let Some(vals) = flow_shorts[i].clone() {
                open.push(OpenRow { row: i, values: vals });
            }
        }
    }
    let unit = unit.unwrap_or_else(|| {
        b.warnings.push(ReportItem::new(Diagnostic::NoUnit { table: title.clone() }, title_line.location));
        Unit::Yuan
    });
    let mut table = Table { title, number, kind, unit, compiled_by, columns, rows, note, location: title_line.location };
    if !matches!(keys, Keys::Ledger { .. }) && super::halves::unfold_halves(&mut table) {
        // Its rows' "more values than the header" were the right halves, now rows of their own.
        b.warnings.truncate(warned_from);
        b.notes.push(ReportItem::new(Diagnostic::Halves { table: table.title.clone() }, table.location));
    }
    (table, end)
}

fn strip_label(s: &str) -> String {
    let s = s.trim();
    match s.find(['：', ':']) {
        Some(p) => s[p..].trim_start_matches(['：', ':']).trim().to_string(),
        None => s.to_string(),
    }
}



fn has_year(s: &str) -> bool {
    let d: Vec<char> = s.chars().collect();
    d.windows(5).any(|w| w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年')
}

/// Whether a line starts with an item number (`一、`, `1、`, `1.`, `（一）`): a row label, never a
/// header.
fn is_enumerated(c: &str) -> bool {
    let body = c.trim_start_matches(|ch: char| ch.is_ascii_digit() || "一二三四五六七八九十（(".contains(ch));
    body.len() < c.len() && body.starts_with(['、', '.', '．', '）', ')'])
}
