//! Disclosure tables: title, 编制部门 and 单位 lines, header rows and the column plan; the rows
//! are read by [`super::body`] (line by line through [`super::rows`]), then what their lines
//! left open is placed by the table's own sums or handed to the document.

use super::body::{read_body, Body, ReadRow};
use super::flow;
use super::grid::grid_table;
use super::header::{columns, header_positions, positional_columns, ruled_columns, RuledHeader};
use super::heading::{read_heading, read_meta};
use super::marks::{
    compact, is_code_like, is_data, is_enumerated, is_fragment, is_note, is_total_label,
};
use super::placement::{place_short_rows, resolve_ledger, OpenRow};
use super::rows::{Builder, Keys};
use super::segment::BlockKind;
use super::sides::{sides_by_position, Sides};
use super::template::{shanghai, Template};
use super::Layout;
use crate::{Diagnostic, Line, ReportItem};
use std::collections::HashSet;
use yusuan_domain::{parse_amount, Cell, Column, Location, Row, Table, TableKind, Unit};

fn detect_keys(header: &[Vec<String>], first_data: Option<&Vec<String>>, title: &str) -> Keys {
    let all: Vec<String> = header.iter().flatten().map(|c| compact(c)).collect();
    let has = |s: &str| all.iter().any(|c| c == s);
    for row in header {
        let items: Vec<(usize, String)> = row
            .iter()
            .enumerate()
            .map(|(i, c)| (i, compact(c)))
            .filter(|(_, c)| c == "项目")
            .collect();
        if items.len() >= 2 {
            let split = items[1].0;
            return Keys::Ledger { split, left: 0 };
        }
    }
    let economic = all.iter().any(|c| c.contains("经济分类")) || title.contains("经济分类");
    if has("类") && has("款") {
        return if has("项") && !economic {
            Keys::FunctionSplit
        } else {
            Keys::EconomicSplit
        };
    }
    if has("序号") {
        return Keys::UnitSeq;
    }
    // `科目编码 | 科目名称`, `项目编码 | 项目名称`, `部门(单位)代码 | 部门(单位)名称`.
    for row in header {
        let cells: Vec<String> = row
            .iter()
            .map(|c| compact(c))
            .filter(|c| !c.is_empty())
            .collect();
        if cells.len() >= 2
            && (cells[0].ends_with("编码") || cells[0].ends_with("代码"))
            && cells[1].ends_with("名称")
        {
            let subject = cells[0].contains("科目");
            return Keys::CodeName {
                function: subject && !economic,
                economic: subject && economic,
            };
        }
    }
    match first_data.and_then(|r| {
        r.first()
            .filter(|c| !c.is_empty())
            .or_else(|| r.iter().find(|c| !c.is_empty()))
    }) {
        Some(f) if is_code_like(f) => Keys::Joined { economic },
        Some(f) if parse_amount(f).is_ok() => Keys::None,
        _ => Keys::Label,
    }
}

/// The most amounts a data line of the table's block from `i` carries (0 for an empty table).
fn data_width(lines: &[Line], i: usize) -> usize {
    lines[i..]
        .iter()
        .map(|l| {
            flow::tokens(&l.cells)
                .iter()
                .filter(|t| parse_amount(t).is_ok())
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// The header rows from `i`: the lines before the first data row (their cells and the lines
/// themselves, for positions and drawn boxes), and the index of the first data row.
fn read_header(
    lines: &[Line],
    mut i: usize,
    flow_mode: bool,
) -> (Vec<Vec<String>>, Vec<Line>, usize) {
    let mut header: Vec<Vec<String>> = Vec::new();
    let mut header_lines: Vec<Line> = Vec::new();
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let next_is_data = lines[i + 1..]
            .iter()
            .find(|n| !n.is_blank())
            .is_some_and(|n| is_data(&flow::tokens(&n.cells)));
        let lone_total_heading =
            flow_mode && is_total_label(&l.compact()) && !l.is_tabular() && !next_is_data;
        let data = !lone_total_heading
            && if flow_mode {
                is_data(&flow::tokens(&l.cells))
            } else {
                is_data(&l.cells)
            };
        if !flow_mode && header.is_empty() && is_qualifier(lines, i) {
            // `按功能分类` over the header of cells: a qualifier of the title, not a header line.
            i += 1;
            continue;
        }
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

/// The most lines of qualifiers (`按功能分类`, `不含上年结转`) a title prints over its header.
const QUALIFIER_LINES_MAX: usize = 3; // layout

/// Whether line `i`, under a title whose lines keep their cells, qualifies the title: a short
/// line without cells or a sentence, a header of cells within a few lines under it.
fn is_qualifier(lines: &[Line], i: usize) -> bool {
    let fragment = |l: &Line| {
        let c = l.compact();
        !l.is_tabular()
            && is_fragment(&c)
            && !c.contains('。')
            && !is_note(&c)
            && !is_data(&l.cells)
    };
    fragment(&lines[i])
        && lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(QUALIFIER_LINES_MAX)
            .find(|l| !fragment(l))
            .is_some_and(|l| l.is_tabular() && !is_data(&l.cells))
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
fn plan_columns(
    lines: &[Line],
    i: usize,
    header: &[Vec<String>],
    header_lines: &[Line],
    title: &str,
    kind: TableKind,
    flow_mode: bool,
    shanghai_layouts: bool,
) -> ColumnPlan {
    let first_data = lines[i..].iter().find(|l| !l.is_blank()).map(|l| &l.cells);
    let mut keys = detect_keys(header, first_data, title);
    let cols = columns(header);
    if let Keys::Ledger { split, .. } = keys {
        keys = Keys::Ledger {
            split,
            left: cols.iter().filter(|(p, _)| *p < split).count(),
        };
    }
    let mut columns: Vec<Column> = cols.into_iter().map(|(_, c)| c).collect();
    // A two-sided table whose two 项目名称 cells are printed on different header lines.
    let side_split = if flow_mode && !matches!(keys, Keys::Ledger { .. }) {
        sides_by_position(header_lines)
    } else {
        None
    };
    if let Some((_, cols)) = &side_split {
        keys = Keys::Ledger { split: 1, left: 1 };
        columns = cols.clone();
    }
    // A ruled PDF header: the drawn cells give each column's path and position exactly. A
    // two-sided table's two 项目 columns are its key columns; the value columns left of the
    // second are the income side's.
    let ruled = if flow_mode {
        ruled_columns(header_lines)
    } else {
        None
    };
    let ruled = match (ruled, keys) {
        (Some(h), Keys::Ledger { split, .. }) if h.keys.len() == 2 => {
            let left = h
                .values
                .iter()
                .filter(|(_, r)| *r <= h.keys[1].0 + 1.0)
                .count();
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
        let path = |s: &&str| Column {
            path: s.split('/').map(str::to_string).collect(),
        };
        match (shanghai(kind), keys) {
            // A ruled two-sided table's own columns stand (a side may print 人员经费/公用经费).
            (Some(Template::Ledger(l, r)), Keys::Ledger { split, .. }) if ruled.is_none() => {
                columns = l.iter().chain(r.iter()).map(path).collect();
                keys = Keys::Ledger {
                    split,
                    left: l.len(),
                };
            }
            // A ruled header whose rows carry more values than the standard layout has columns
            // is not that layout (a Hubei-format table of a department named 上海市…): its drawn
            // cells stand.
            (Some(Template::Columns(c)), k)
                if !(matches!(k, Keys::Ledger { .. })
                    || ruled.is_some() && data_width(lines, i) > c.len()) =>
            {
                columns = c.iter().map(path).collect();
            }
            _ => {}
        }
    }
    if !flow_mode && !matches!(keys, Keys::Ledger { .. }) {
        // Rows wider than the header's named columns (sub-headers lost in extraction): name the
        // columns by position under the header cells that span them.
        let w = keys.width();
        let end = (i..lines.len())
            .find(|&k| !lines[k].is_blank() && !lines[k].is_tabular())
            .unwrap_or(lines.len());
        let widest = lines[i..end]
            .iter()
            .filter(|l| l.is_tabular() && is_data(&l.cells))
            .map(|l| {
                l.cells
                    .iter()
                    .rposition(|c| !c.trim().is_empty())
                    .map_or(0, |p| p + 1)
            })
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
    ColumnPlan {
        keys,
        columns,
        side_split: side_split.map(|(x, _)| x),
        ruled,
        col_x,
    }
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
    let (heading, i) = read_heading(lines, start);
    let (title, kind) = (heading.title.as_str(), heading.kind);
    let (unit, compiled_by, i) = read_meta(lines, i);
    // A unit printed in the title's brackets (`…预算表（单位：万元）`).
    let unit = unit.or_else(|| unit_in_title(title));
    if matches!(
        kind,
        TableKind::DepartmentPerformance
            | TableKind::ProjectPerformance
            | TableKind::AssetAllocation
    ) {
        return grid_table(
            lines,
            i,
            title_line,
            heading,
            unit,
            compiled_by,
            notes,
            next.is_some(),
        );
    }
    let (header, header_lines, i) = read_header(lines, i, flow_mode);
    let ColumnPlan {
        keys,
        mut columns,
        side_split,
        ruled,
        col_x,
    } = plan_columns(
        lines,
        i,
        &header,
        &header_lines,
        title,
        kind,
        flow_mode,
        shanghai_layouts,
    );
    let vocab = header_vocab(&header);
    // The warnings of this table's rows start here (a table printed in halves takes them back).
    let warned_from = warnings.len();
    let mut b = Builder {
        keys,
        ncols: columns.len(),
        col_x,
        ruled,
        warnings,
        notes,
        title: title.to_string(),
        pending_short: None,
        pending_label: String::new(),
        ledger_short: Vec::new(),
        side_splits: side_split,
        last_code: None,
    };
    let Body {
        rows: read,
        note,
        extra_cols,
        end,
    } = read_body(lines, i, flow_mode, next, &vocab, &mut b);
    for k in 0..extra_cols {
        columns.push(Column {
            path: vec![format!("未命名列{}", k + 1)],
        });
    }
    let rows = place_open_values(
        read,
        &columns,
        kind,
        title,
        title_line.location,
        &mut b,
        open,
    );
    let unit = unit_or_warn(unit, title, title_line.location, b.warnings);
    let mut table = heading.into_table(unit, compiled_by, columns, rows, note, title_line.location);
    if !matches!(keys, Keys::Ledger { .. }) {
        unfold_table_halves(&mut table, warned_from, b.warnings, b.notes);
    }
    (table, end)
}

/// The words of a table's header (spaces aside): a line of only these repeats the header.
fn header_vocab(header: &[Vec<String>]) -> HashSet<String> {
    header
        .iter()
        .flatten()
        .map(|c| compact(c))
        .filter(|c| !c.is_empty())
        .collect()
}

/// The rows read, as wide as the columns, with the values their lines left without columns
/// placed: short rows by their sub-rows' sums, a ledger's sides by its totals, flowed values
/// by the table's sums (those still open are handed back in `open`).
fn place_open_values(
    read: Vec<ReadRow>,
    columns: &[Column],
    kind: TableKind,
    title: &str,
    location: Location,
    b: &mut Builder,
    open: &mut Vec<OpenRow>,
) -> Vec<Row> {
    let keys = b.keys;
    let shorts: Vec<bool> = read.iter().map(|r| r.short).collect();
    let flow_shorts: Vec<Option<Vec<rust_decimal::Decimal>>> =
        read.iter().map(|r| r.flow.clone()).collect();
    let ledger_shorts: Vec<Option<Vec<rust_decimal::Decimal>>> =
        read.iter().map(|r| r.ledger.clone()).collect();
    let mut rows: Vec<Row> = read.into_iter().map(|r| r.row).collect();
    for r in &mut rows {
        r.cells.resize(columns.len(), Cell::Blank);
    }
    if !matches!(keys, Keys::Ledger { .. }) {
        place_short_rows(&mut rows, &shorts, title, b.notes);
    }
    if let Keys::Ledger { left, .. } = keys {
        if ledger_shorts.iter().any(Option::is_some) {
            resolve_ledger(
                &mut rows,
                &ledger_shorts,
                columns,
                left,
                title,
                b.warnings,
                b.notes,
                location,
            );
        }
    }
    if flow_shorts.iter().any(Option::is_some) {
        let outcome = super::blanks::resolve(&mut rows, &flow_shorts, columns, kind);
        if outcome.placed > 0 {
            b.notes.push(ReportItem::new(
                Diagnostic::PlacedByTableSums {
                    table: title.to_string(),
                    rows: outcome.placed,
                },
                location,
            ));
        }
        for i in outcome.open {
            if let Some(vals) = flow_shorts[i].clone() {
                open.push(OpenRow {
                    row: i,
                    values: vals,
                });
            }
        }
    }
    rows
}

/// The table's unit, or 元 with a warning that the table printed none.
fn unit_or_warn(
    unit: Option<Unit>,
    title: &str,
    location: Location,
    warnings: &mut Vec<ReportItem>,
) -> Unit {
    unit.unwrap_or_else(|| {
        warnings.push(ReportItem::new(
            Diagnostic::NoUnit {
                table: title.to_string(),
            },
            location,
        ));
        Unit::Yuan
    })
}

/// A table printed in halves side by side: its right halves become rows of their own, and the
/// warnings its rows gave from `warned_from` on are taken back.
fn unfold_table_halves(
    table: &mut Table,
    warned_from: usize,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
) {
    if super::halves::unfold_halves(table) {
        // Its rows' "more values than the header" were the right halves, now rows of their own.
        warnings.truncate(warned_from);
        notes.push(ReportItem::new(
            Diagnostic::Halves {
                table: table.title.clone(),
            },
            table.location,
        ));
    }
}

/// The unit a title prints in its brackets (`2025年部门收入预算总表（单位：万元）`), if any.
fn unit_in_title(title: &str) -> Option<Unit> {
    let c = compact(title);
    let at = c.rfind("单位")?;
    Unit::parse(&c[at..])
}
