//! Last year's text bound, once at roll-forward: each amount to what it is, the change, share or
//! no-change words after it to that figure, each reason to the change before it.

use super::find::{
    core_name, find_cells, find_figure, find_line, printed_cells, reason_key, Printed,
};
use super::words::{
    counts, item_starts, paragraph_ends, percent_at, printed_value, same_words_at, REASON_WORDS,
};
use crate::model::{Draft, Figure};
use crate::restated::{Form, Of, Piece, Restatement};
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_domain::{label_key, mentions, Mention, Section, Table};

/// A section with fewer amounts than this is generated.
const MIN_AMOUNTS: usize = 3;

/// Words before an amount saying it is a change.
const CHANGE_WORDS: [&str; 4] = ["增加（减少）", "增加(减少)", "增加", "减少"];

/// Binds a (year-advanced) source section's figures to the draft's figures, lines and cells,
/// reading them against the source's own tables (`source`, in the draft's layout order; `derived`
/// the draft's tables of last year, `figures` its narrative figures). `None` when the section
/// does not read as an explanation of the tables: too few amounts, or one of them no cell of
/// the tables (it would be printed stale).
pub(crate) fn bind(
    draft: &Draft,
    source: &[Table],
    derived: &[Table],
    figures: &[Figure],
    section: &Section,
) -> Option<Restatement> {
    let mut r = Reading::new(draft, printed_cells(source, derived), figures, section);
    let mut amounts = 0usize;
    for m in mentions(&r.text).into_iter().filter(|m| m.per.is_none()) {
        if r.taken(m.start) {
            continue;
        }
        match r.read(&m)? {
            Read::Amount => amounts += 1,
            Read::Other => {}
        }
    }
    if amounts < MIN_AMOUNTS {
        return None;
    }
    r.read_counts();
    r.pieces.sort_by_key(|p| p.0);
    let loose = r.attach_reasons();
    Some(Restatement {
        kind: section.kind,
        paragraphs: r.paragraphs(),
        reasons: loose,
    })
}

/// What reading one amount gave.
enum Read {
    /// An amount bound.
    Amount,
    /// A change, or words kept.
    Other,
}

/// A section being bound: its joined text, where its paragraphs end and its items start, last
/// year's reasons, and the pieces found so far.
struct Reading<'a> {
    draft: &'a Draft,
    all: Vec<Printed>,
    figures: &'a [Figure],
    text: String,
    ends: Vec<usize>,
    items: Vec<usize>,
    reason_spans: Vec<(usize, usize)>,
    /// Each piece with its byte range in the text.
    pieces: Vec<(usize, usize, Piece)>,
    /// The amounts bound: where, what, their value as printed (元), and how.
    bound: Vec<(usize, Of, Decimal, Form)>,
}

impl<'a> Reading<'a> {
    fn new(draft: &'a Draft, all: Vec<Printed>, figures: &'a [Figure], section: &Section) -> Self {
        let text: String = section
            .paragraphs
            .iter()
            .flat_map(|p| p.text.chars().filter(|c| !c.is_whitespace()))
            .collect();
        let ends = paragraph_ends(section);
        let reason_spans = reason_spans(&text, &ends);
        Reading {
            draft,
            all,
            figures,
            items: item_starts(section),
            text,
            ends,
            reason_spans,
            pieces: Vec::new(),
            bound: Vec::new(),
        }
    }

    /// Where the item holding `at` starts: a change belongs to the amount before it in its item
    /// (`2．…16992.37万元，主要用于…。与上年相比增加1203.44万元`: another sentence, the same item).
    fn item_start(&self, at: usize) -> usize {
        self.items
            .iter()
            .rev()
            .find(|&&e| e <= at)
            .copied()
            .unwrap_or(0)
    }

    fn paragraph_start(&self, at: usize) -> usize {
        self.ends
            .iter()
            .rev()
            .find(|&&e| e <= at)
            .copied()
            .unwrap_or(0)
    }

    /// Whether `at` is inside a piece found or last year's reason.
    fn taken(&self, at: usize) -> bool {
        self.pieces.iter().any(|p| p.0 <= at && at < p.1)
            || self.reason_spans.iter().any(|&(a, b)| a <= at && at < b)
    }

    /// Reads one amount: a change of the amount before it, or an amount with the share or
    /// no-change words after it. `None` when it is bound to nothing (the section is not
    /// restated).
    fn read(&mut self, m: &Mention) -> Option<Read> {
        let form = Form {
            wan: m.wan,
            decimals: m.decimals,
            separators: m.printed.contains(','),
        };
        let before = &self.text[..m.start];
        if let Some(w) = CHANGE_WORDS.into_iter().find(|w| before.ends_with(w)) {
            return self.read_change(m, w, form);
        }
        // The words naming it: its paragraph's since the figure before it.
        let from = self
            .pieces
            .iter()
            .map(|p| p.1)
            .filter(|&e| e <= m.start)
            .max()
            .unwrap_or(0);
        let paragraph = &self.text[self.paragraph_start(m.start)..m.start];
        let context = &self.text[self.paragraph_start(m.start).max(from)..m.start];
        let fits = |b: Decimal| printed_value(b, form) == m.value;
        let found = find_line(self.draft, "元", fits, paragraph, &m.name)
            .map(|key| Of::Line { key })
            .or_else(|| {
                find_figure(self.figures, m.value, form, &m.name).map(|key| Of::Figure { key })
            })
            .or_else(|| {
                find_cells(&self.all, m.value, form, &m.name, context)
                    .map(|cells| Of::Cells { cells })
            });
        if found.is_none() && m.value.is_zero() {
            // Nothing of a kind no table prints (`事业收入0.00万元`): kept as printed; a kind that
            // gets money next year gets a row, which the checker holds the text to.
            return Some(Read::Other);
        }
        let of = found?;
        let was = m.yuan();
        self.pieces.push((
            m.start,
            m.end,
            Piece::Amount {
                of: of.clone(),
                form,
            },
        ));
        self.read_after(m, &of, was, form);
        self.bound.push((m.start, of, was, form));
        Some(Read::Amount)
    }

    /// `增加X万元[，增长R%]`: the change of the last amount bound in the item.
    fn read_change(&mut self, m: &Mention, word: &str, form: Form) -> Option<Read> {
        let item = self.item_start(m.start);
        let Some((_, of, was, _)) = self.bound.iter().rev().find(|b| b.0 >= item) else {
            // No change of a zero kept as printed: kept with it.
            return m.value.is_zero().then_some(Read::Other);
        };
        let mut end = m.end;
        let after = &self.text[end..];
        let comma = leading(after, &['，', ',']);
        let mut rate = None;
        if let Some(r) = ["增长", "下降", "减少"]
            .into_iter()
            .find(|r| after[comma..].starts_with(r))
        {
            if let Some((_, d, len)) = percent_at(&after[comma + r.len()..]) {
                rate = Some(d);
                end += comma + r.len() + len;
            }
        }
        let change = Piece::Change {
            of: of.clone(),
            was: *was,
            form,
            rate,
        };
        self.pieces.push((m.start - word.len(), end, change));
        Some(Read::Other)
    }

    /// After an amount: `，占99.29%` (its share of the nearest earlier amount whose share it is),
    /// or the words for no change (`，与上年保持一致`).
    fn read_after(&mut self, m: &Mention, of: &Of, was: Decimal, form: Form) {
        let after = &self.text[m.end..];
        let comma = leading(after, &['，', ',']);
        if let Some(rest) = after[comma..].strip_prefix('占') {
            let Some((pct, d, len)) = percent_at(rest) else {
                return;
            };
            let share = |w: &Decimal| {
                (was / w * Decimal::from(100))
                    .round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero)
            };
            let whole = self
                .bound
                .iter()
                .rev()
                .find(|(_, _, w, _)| !w.is_zero() && share(w) == pct);
            if let Some((_, whole, _, _)) = whole {
                let start = m.end + comma;
                let piece = Piece::Share {
                    of: of.clone(),
                    whole: whole.clone(),
                    decimals: d,
                };
                self.pieces
                    .push((start, start + '占'.len_utf8() + len, piece));
            }
            return;
        }
        let punct = leading(after, &['，', ',', '。']);
        if let Some(len) = same_words_at(&after[punct..]) {
            let start = m.end + punct;
            let piece = Piece::Same {
                of: of.clone(),
                was,
                form,
                text: self.text[start..start + len].to_string(),
            };
            self.pieces.push((start, start + len, piece));
        }
    }

    /// Counts of the stated figures (`共有车辆12辆`), where the draft has their line; others are
    /// words.
    fn read_counts(&mut self) {
        for (v, unit, start, end) in counts(&self.text) {
            if self.taken(start) {
                continue;
            }
            let context = &self.text[self.paragraph_start(start)..start];
            let words: String = context
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Some(key) = find_line(self.draft, unit, |b| b == v, context, &words) {
                self.pieces.push((
                    start,
                    end,
                    Piece::Count {
                        of: Of::Line { key },
                    },
                ));
            }
        }
    }

    /// Each reason after a change of its item explains that change; one in a paragraph of its
    /// own, the figure its lead words name (`财政拨款收入支出增加的主要原因是…`: 财政拨款收入).
    /// The number of those that explain nothing bound.
    fn attach_reasons(&mut self) -> usize {
        let mut loose = 0;
        for &(a, b) in &self.reason_spans {
            let item = self.item_start(a);
            let change = self
                .pieces
                .iter()
                .rev()
                .find(|p| p.1 <= a)
                .filter(|p| p.0 >= item);
            let explained = match change {
                Some((_, _, Piece::Change { of, was, form, .. })) => {
                    Some((of.clone(), *was, *form))
                }
                _ => self.named_before(a),
            };
            let Some((of, was, form)) = explained else {
                loose += 1;
                continue;
            };
            let reason = Piece::Reason {
                key: reason_key(&self.all, &of),
                of,
                was,
                form,
                text: self.text[a..b].to_string(),
            };
            let at = self
                .pieces
                .iter()
                .position(|p| p.0 > a)
                .unwrap_or(self.pieces.len());
            self.pieces.insert(at, (a, b, reason));
        }
        loose
    }

    /// The figure bound before `at` whose name the words of its paragraph up to `at` hold (the
    /// longest name).
    fn named_before(&self, at: usize) -> Option<(Of, Decimal, Form)> {
        let lead = label_key(&self.text[self.paragraph_start(at)..at]);
        self.bound
            .iter()
            .filter(|b| b.0 < at)
            .filter_map(|(_, of, was, form)| {
                let name = match of {
                    Of::Figure { key } => {
                        core_name(&self.figures.iter().find(|f| &f.key == key)?.name)
                    }
                    Of::Cells { .. } => {
                        core_name(reason_key(&self.all, of).trim_start_matches("说明|"))
                    }
                    Of::Line { .. } => return None,
                };
                let n = name.chars().count();
                (n >= 2 && lead.contains(&name)).then(|| (n, (of.clone(), *was, *form)))
            })
            .max_by_key(|(n, _)| *n)
            .map(|(_, found)| found)
    }

    /// The text between the pieces, cut into paragraphs where the source's lines end them (or
    /// where a piece before ended: a reason runs to its paragraph's end).
    fn paragraphs(self) -> Vec<Vec<Piece>> {
        let mut paragraphs: Vec<Vec<Piece>> = Vec::new();
        let mut current: Vec<Piece> = Vec::new();
        let mut words = |start: usize, to: usize, current: &mut Vec<Piece>| {
            let mut from = start;
            for &e in self.ends.iter().filter(|&&e| start <= e && e <= to) {
                if from < e {
                    current.push(Piece::Text {
                        text: self.text[from..e].to_string(),
                    });
                }
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(current));
                }
                from = e;
            }
            if from < to {
                current.push(Piece::Text {
                    text: self.text[from..to].to_string(),
                });
            }
        };
        let mut at = 0;
        for (start, end, piece) in self.pieces {
            words(at, start, &mut current);
            current.push(piece);
            at = end;
        }
        words(at, self.text.len(), &mut current);
        if !current.is_empty() {
            paragraphs.push(current);
        }
        paragraphs.retain(|p| !p.is_empty());
        paragraphs
    }
}

/// Last year's reasons: from their words to the paragraph's end (`主要原因：一是…；二是…。
/// 增减相抵后…`) — their amounts are last year's argument, kept as printed with them — less a
/// last sentence leading into what follows (`其中：`).
fn reason_spans(text: &str, ends: &[usize]) -> Vec<(usize, usize)> {
    REASON_WORDS
        .iter()
        .flat_map(|w| text.match_indices(w).map(|(at, _)| at))
        .map(|at| {
            let end = ends.iter().copied().find(|&e| e > at).unwrap_or(text.len());
            let lead_in = text[at..end]
                .ends_with(['：', ':'])
                .then(|| text[at..end].rfind('。'))
                .flatten();
            (at, lead_in.map_or(end, |i| at + i + '。'.len_utf8()))
        })
        .collect()
}

/// The length in bytes of one of `marks` at the start of `text` (0 when none).
fn leading(text: &str, marks: &[char]) -> usize {
    text.chars()
        .next()
        .filter(|c| marks.contains(c))
        .map_or(0, char::len_utf8)
}
