//! A table's body: its data lines read in turn into rows (through [`super::rows::Builder`]),
//! with wrapped labels joined, repeated headers skipped, label-only rows kept, and its note set
//! apart, up to the end of its block or the prose after it.

use super::flow;
use super::header::is_key_header;
use super::marks::{cell, compact, is_data, is_enumerated, is_fragment, is_note, is_total_label};
use super::rows::{side_row, Builder, Keys};
use super::segment::BlockKind;
use crate::{Diagnostic, Line, ReportItem};
use std::collections::HashSet;
use yusuan_domain::{parse_amount, Cell, LedgerSide, Row};

/// A data row as read, with what its line left undecided: values printed without their blanks
/// (`short`: fewer cells than columns; `flow`: values whose columns only the table's sums can
/// decide; `ledger`: a two-sided row's side with fewer values than its columns). One record per
/// row, so they can never fall out of step.
pub(super) struct ReadRow {
    pub(super) row: Row,
    pub(super) short: bool,
    pub(super) flow: Option<Vec<rust_decimal::Decimal>>,
    pub(super) ledger: Option<Vec<rust_decimal::Decimal>>,
}

impl ReadRow {
    fn plain(row: Row) -> ReadRow {
        ReadRow {
            row,
            short: false,
            flow: None,
            ledger: None,
        }
    }
}

/// What the data lines of a table gave: its rows, its note, how many values ran past the named
/// columns, and the index after the table.
pub(super) struct Body {
    pub(super) rows: Vec<ReadRow>,
    pub(super) note: Option<String>,
    pub(super) extra_cols: usize,
    pub(super) end: usize,
}

/// How far a label-only line looks for the table's next row of numbers (a two-level income
/// table prints a few category and item labels between its amounts).
const LABEL_ROWS_AHEAD: usize = 8;

/// Whether the table goes on after a line of label only: within [`LABEL_ROWS_AHEAD`] lines a row
/// with numbers follows, or the next table begins after only such labels (`table_follows`: the
/// last rows of a table printed without amounts), before any prose or note.
fn table_goes_on(lines: &[Line], from: usize, table_follows: bool) -> bool {
    for (k, l) in lines
        .iter()
        .skip(from)
        .filter(|l| !l.is_blank())
        .enumerate()
    {
        let c = l.compact();
        if is_note(&c) || (!l.is_tabular() && !is_fragment(&c)) || c.ends_with('。') {
            return false;
        }
        if is_data(&flow::tokens(&l.cells)) {
            return k < LABEL_ROWS_AHEAD;
        }
    }
    // Only labels up to the end of the block (a block ends where the next one starts): the last
    // rows of a table printed without amounts, the next table beginning after them.
    table_follows
}

/// Reads the data lines of the block from `i`: rows (with wrapped labels joined, repeated
/// headers and notes set apart), through `b` (which places each line's values), up to the
/// block's end or the prose after the table.
pub(super) fn read_body(
    lines: &[Line],
    mut i: usize,
    flow_mode: bool,
    next_block: Option<BlockKind>,
    vocab: &HashSet<String>,
    b: &mut Builder,
) -> Body {
    let mut r = BodyReader {
        lines,
        flow_mode,
        next_block,
        table_follows: next_block == Some(BlockKind::Table),
        vocab,
        title: b.title.clone(),
        rows: Vec::new(),
        note: None,
        extra_cols: 0,
        pending_label: String::new(),
        label_wrapped: false,
    };
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !l.is_tabular() {
            let c = l.compact();
            if is_note(&c) {
                r.note = Some(l.text.trim().to_string());
                i += 1;
                continue;
            }
            if flow_mode
                && !is_data(&flow::tokens(&l.cells))
                && is_fragment(&c)
                && r.read_fragment(i, &c, b)
            {
                i += 1;
                continue;
            }
            // A lone number or total label on its own line still belongs to the table.
            if !is_data(&if flow_mode {
                flow::tokens(&l.cells)
            } else {
                l.cells.clone()
            }) {
                break;
            }
        }
        if r.is_repeated_header(l) {
            i += 1;
            continue;
        }
        if flow_mode && matches!(b.keys, Keys::Ledger { .. }) && r.continue_ledger_values(l, b) {
            i += 1;
            continue;
        }
        r.push_line_rows(l, b);
        i += 1;
    }
    Body {
        rows: r.rows,
        note: r.note,
        extra_cols: r.extra_cols,
        end: i,
    }
}

/// A table's body being read: how to read its lines, the rows read so far, and what a line
/// leaves to the next one.
struct BodyReader<'a> {
    lines: &'a [Line],
    flow_mode: bool,
    next_block: Option<BlockKind>,
    /// The next block is a table (the last rows of this one may be printed without amounts).
    table_follows: bool,
    vocab: &'a HashSet<String>,
    title: String,
    rows: Vec<ReadRow>,
    note: Option<String>,
    extra_cols: usize,
    /// Label text printed before the row it belongs to.
    pending_label: String,
    /// The last row's label was wrapped around its line: its end may follow on the next line.
    label_wrapped: bool,
}

impl BodyReader<'_> {
    /// Reads line `i`, a fragment of words without data in a flowed table (`c` compact): a
    /// repeated header, a ledger's label, a wrapped label or a row of label only. False when
    /// the line is none of them and is left to the caller.
    fn read_fragment(&mut self, i: usize, c: &str, b: &mut Builder) -> bool {
        let l = &self.lines[i];
        // A header repeated after a page break, a ledger row without amounts, or a
        // fragment of a wrapped row label.
        if self.vocab.contains(c) || is_key_header(c) {
            return true;
        }
        if matches!(b.keys, Keys::Ledger { .. }) {
            self.read_ledger_label(i, c, b);
            return true;
        }
        let next_is_data = self.lines[i + 1..]
            .iter()
            .find(|n| !n.is_blank())
            .is_some_and(|n| is_data(&flow::tokens(&n.cells)));
        let prev_unlabelled = self
            .rows
            .last()
            .is_some_and(|r| r.row.code.is_some() && r.row.label.is_empty());
        if prev_unlabelled || std::mem::take(&mut self.label_wrapped) {
            if let Some(r) = self.rows.last_mut() {
                r.row.label.push_str(l.text.trim());
            }
            return true;
        }
        if next_is_data {
            self.pending_label.push_str(l.text.trim());
            return true;
        }
        // A row printed with its label only (`专项收入` with no amount, a category printed
        // beside its items) inside a table that goes on: a row of blanks, not the end.
        if !self.rows.is_empty() && table_goes_on(self.lines, i + 1, self.table_follows) {
            self.rows.push(ReadRow::plain(Row {
                code: None,
                label: l.text.split_whitespace().collect::<Vec<_>>().join(" "),
                side: None,
                cells: vec![Cell::Blank; b.ncols],
                location: l.location,
            }));
            return true;
        }
        false
    }

    /// Reads line `i` of a ledger, words without amounts (`c` compact): the start of a label
    /// whose values follow later, or a row of one side printed without amounts.
    fn read_ledger_label(&mut self, i: usize, c: &str, b: &mut Builder) {
        let l = &self.lines[i];
        // A fragment of a wrapped label when the values follow on a later line.
        // At the block's end the next line is the next block's title: words, no data.
        let next = self.lines[i + 1..].iter().find(|n| !n.is_blank());
        let fragment = next.map_or(self.next_block.is_some(), |n| {
            let t = flow::tokens(&n.cells);
            !n.is_tabular() && !is_data(&t) && !is_enumerated(&n.compact())
                || t.first().is_some_and(|f| flow::is_amount(f))
        }) && !flow::is_expenditure_label(c);
        if fragment {
            b.pending_label.push_str(l.text.trim());
            return;
        }
        let side = if flow::is_expenditure_label(c) {
            LedgerSide::Expenditure
        } else {
            LedgerSide::Income
        };
        let label = std::mem::take(&mut b.pending_label) + l.text.trim();
        let cells = vec![Cell::Blank; b.ncols];
        self.rows
            .push(ReadRow::plain(side_row(side, label, cells, l.location)));
    }

    /// Whether a line repeats the table's header (after a page break): only header words, no
    /// amounts.
    fn is_repeated_header(&self, l: &Line) -> bool {
        let non_empty: Vec<String> = if self.flow_mode {
            flow::tokens(&l.cells)
                .iter()
                .map(|c| compact(c))
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            l.cells
                .iter()
                .map(|c| compact(c))
                .filter(|c| !c.is_empty())
                .collect()
        };
        let only_total = non_empty.len() == 1 && is_total_label(&non_empty[0]);
        !non_empty.is_empty()
            && !only_total
            && non_empty
                .iter()
                .all(|c| self.vocab.contains(c) || is_key_header(c))
            && !l.cells.iter().any(|c| parse_amount(c).is_ok())
    }

    /// In a flowed ledger, a line of amounts only wrapped from the row above fills that row's
    /// next cells. False when the line is not such a line.
    fn continue_ledger_values(&mut self, l: &Line, b: &Builder) -> bool {
        let toks = flow::tokens(&l.cells);
        if toks.is_empty()
            || !toks.iter().all(|t| flow::is_amount(t))
            || !b.pending_label.is_empty()
        {
            return false;
        }
        // Values wrapped onto a line of their own: they continue the row above.
        let Some(prev) = self.rows.last_mut() else {
            return false;
        };
        let mut it = toks.iter();
        let start = prev
            .row
            .cells
            .iter()
            .rposition(|c| *c != Cell::Blank)
            .map_or(0, |p| p + 1);
        for k in start..prev.row.cells.len() {
            match it.next() {
                Some(v) => prev.row.cells[k] = cell(v),
                None => break,
            }
        }
        true
    }

    /// Reads a data line's rows through `b`, with the label text printed before them.
    fn push_line_rows(&mut self, l: &Line, b: &mut Builder) {
        let short = !self.flow_mode && l.cells.len() < b.keys.width() + b.ncols;
        let mut rows_of_line = if self.flow_mode {
            b.flow_rows(l)
        } else {
            b.rows(l)
        };
        if let [only] = rows_of_line.as_mut_slice() {
            if only.label.is_empty() && only.code.is_some() && !self.pending_label.is_empty() {
                // The label was wrapped around the row's line: its end may follow on the next line.
                only.label = std::mem::take(&mut self.pending_label);
                self.label_wrapped = true;
            } else {
                self.label_wrapped = false;
            }
        }
        if !self.pending_label.is_empty() && b.keys == Keys::Label {
            // A table keyed by labels alone: the text before a row with a label of its own is a
            // row of its own, printed without amounts (`其他非税收入` above `小计 80.00`).
            self.rows.push(ReadRow::plain(Row {
                code: None,
                label: std::mem::take(&mut self.pending_label),
                side: None,
                cells: vec![Cell::Blank; b.ncols],
                location: l.location,
            }));
        }
        if !self.pending_label.is_empty() {
            let stray = Diagnostic::StrayText {
                table: self.title.clone(),
                text: std::mem::take(&mut self.pending_label),
            };
            b.warnings.push(ReportItem::new(stray, l.location));
        }
        let flow_short = b.pending_short.take();
        let mut side_shorts = std::mem::take(&mut b.ledger_short).into_iter();
        for r in rows_of_line {
            self.extra_cols = self.extra_cols.max(r.cells.len().saturating_sub(b.ncols));
            let ledger = if r.side.is_some() {
                side_shorts.next().flatten()
            } else {
                None
            };
            self.rows.push(ReadRow {
                row: r,
                short,
                flow: flow_short.clone(),
                ledger,
            });
        }
    }
}
