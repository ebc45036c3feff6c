//! Last year's text bound, once at roll-forward: each amount to what it is, the change, share or
//! no-change words after it to that figure, each reason to the change before it.

use super::find::{
    core_name, find_cells, find_figure, find_line, printed_cells, reason_key, Cells,
};
use super::words::{
    counts, item_starts, paragraph_ends, percent_at, printed_value, same_words_at, REASON_WORDS,
};
use crate::model::{Draft, Figure};
use crate::restated::{ActualPart, Form, Of, Piece, Restatement};
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_domain::{label_key, mentions, Mention, Section, Table};

/// A section of last year's with fewer amounts than this is generated.
pub(crate) const MIN_AMOUNTS: usize = 3;

/// Words before an amount saying it is a change.
const CHANGE_WORDS: [&str; 4] = ["增加（减少）", "增加(减少)", "增加", "减少"];

/// Words after an amount that make it a threshold, not a figure.
const THRESHOLD_WORDS: [&str; 6] = [
    "（含）以上",
    "(含)以上",
    "以上",
    "（含）以下",
    "(含)以下",
    "以下",
];

/// Words before a change's percentage (`，增长10.87%`, `，降低79.27%`).
const RATE_WORDS: [&str; 12] = [
    "增长（减少）",
    "增长(减少)",
    "增长（降低）",
    "增长(降低)",
    "增长",
    "下降",
    "减少",
    "降低",
    "增加",
    "上升",
    "提高",
    "增减",
];

/// A unit kind's name is at most this long (`参公事业单位`): the words a count of units is read
/// by.
const UNIT_KIND_CHARS: usize = 6;

/// A rate's words for a rise and a fall, as one text pairs them.
const RATE_PAIRS: [(&str, &str); 4] = [
    ("增加", "减少"),
    ("增长", "下降"),
    ("提高", "降低"),
    ("上升", "下降"),
];

/// Why a section's text could not be bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unbound {
    /// Fewer amounts than an explanation of the tables prints.
    TooFew,
    /// An amount that is nothing the draft has: as printed, and the words before it.
    Amount {
        /// The amount as printed (`3756.18万元`).
        printed: String,
        /// The words naming it.
        words: String,
    },
}

/// What a section's figures are bound to: the draft, read against the source's own tables (in
/// the draft's layout order), the draft's tables of last year and its narrative figures.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Against<'a> {
    /// The draft.
    pub(crate) draft: &'a Draft,
    /// The source's own tables, in the draft's layout order.
    pub(crate) source: &'a [Table],
    /// The draft's tables of last year.
    pub(crate) derived: &'a [Table],
    /// The draft's narrative figures.
    pub(crate) figures: &'a [Figure],
}

/// Binds a (year-advanced) source section's figures to the draft's figures, lines and cells,
/// reading them against the source's own tables ([`Against`]). Refused when the section does
/// not read as an explanation of the tables: fewer amounts than `min_amounts`, or one of them
/// no cell of the tables (it would be printed stale).
pub(crate) fn bind(
    against: &Against<'_>,
    section: &Section,
    min_amounts: usize,
) -> Result<Restatement, Unbound> {
    let mut r = bind_as_printed(against, section, min_amounts)?;
    for piece in r.paragraphs.iter_mut().flatten() {
        if let Piece::Change { written, was, .. } = piece {
            // Last year's words for no change (`增加（减少）0万元，增长（减少）0%`) are kept while
            // the figure stays what it was; any other change is worded anew.
            *written = written
                .take()
                .filter(|(_, change)| change.is_zero())
                .map(|(words, _)| (words, *was));
        }
    }
    Ok(r)
}

/// [`bind`], each change keeping its words as printed and the change amount they state (元) in
/// `written`.
pub(super) fn bind_as_printed(
    against: &Against<'_>,
    section: &Section,
    min_amounts: usize,
) -> Result<Restatement, Unbound> {
    let mut r = Reading::new(
        against.draft,
        Cells::new(printed_cells(against.source, against.derived)),
        against.figures,
        section,
    );
    let mut amounts = 0usize;
    for m in mentions(&r.text).into_iter().filter(|m| m.per.is_none()) {
        if r.taken(m.start) {
            continue;
        }
        match r.read(&m) {
            Some(Read::Amount) => amounts += 1,
            Some(Read::Other) => {}
            None => {
                return Err(Unbound::Amount {
                    printed: m.printed.clone(),
                    words: m.name.clone(),
                })
            }
        }
    }
    if amounts < min_amounts.max(1) {
        return Err(Unbound::TooFew);
    }
    r.read_counts();
    r.pieces.sort_by_key(|p| p.0);
    r.newness_reasons();
    let loose = r.attach_reasons();
    Ok(Restatement {
        kind: section.kind,
        paragraphs: r.paragraphs(),
        reasons: loose,
        written: false,
    })
}

/// The last of `starts` at or before `at` (0 when none is).
fn last_at_or_before(starts: &[usize], at: usize) -> usize {
    starts
        .iter()
        .rev()
        .find(|&&e| e <= at)
        .copied()
        .unwrap_or(0)
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
    cells: Cells,
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
    fn new(draft: &'a Draft, cells: Cells, figures: &'a [Figure], section: &Section) -> Self {
        let text: String = section
            .paragraphs
            .iter()
            .flat_map(|p| p.text.chars().filter(|c| !c.is_whitespace()))
            .collect();
        let ends = paragraph_ends(section);
        let reason_spans = reason_spans(&text, &ends);
        Reading {
            draft,
            cells,
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
        last_at_or_before(&self.items, at)
    }

    fn paragraph_start(&self, at: usize) -> usize {
        last_at_or_before(&self.ends, at)
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
            unit: m.unit,
            decimals: m.decimals,
            separators: m.printed.contains(','),
        };
        let before = &self.text[..m.start];
        let after = &self.text[m.end..];
        if m.name.ends_with("执行数") {
            return self.read_actual(m);
        }
        if THRESHOLD_WORDS.iter().any(|w| after.starts_with(w)) {
            // A threshold (`单价100万元（含）以上设备`): a rule's words, not a figure.
            return Some(Read::Other);
        }
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
                find_cells(&self.cells, m.value, form, &m.name, context)
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

    /// `，比2025年执行数140.42万元减少96.59万元，下降68.79%`: an item's comparison with last year's
    /// 执行数, from the comma before its `比` to the end of the change and rate after it — the
    /// item's (the 项 row bound before it in the item), printed from the 执行数 the draft holds.
    /// `None` (not restated) for any other wording.
    fn read_actual(&mut self, m: &Mention) -> Option<Read> {
        let item = self.item_start(m.start);
        let code = self
            .bound
            .iter()
            .rev()
            .filter(|b| b.0 >= item)
            .find_map(|b| match &b.1 {
                Of::Cells { cells }
                    if cells.len() == 1 && cells[0].row.chars().all(|c| c.is_ascii_digit()) =>
                {
                    Some(cells[0].row.clone())
                }
                _ => None,
            })?;
        let clause = self.text[..m.start].rfind(['，', ',', '。', '；'])?;
        let Some(by) = self.text[clause..m.start]
            .find(['比', '较'])
            .map(|i| clause + i)
        else {
            return self.read_actual_sentence(m, code);
        };
        let start = if self.text[clause..].starts_with(['，', ',']) {
            clause
        } else {
            by
        };
        let mut end = m.end;
        let rest = &self.text[end..];
        if let Some(w) = CHANGE_WORDS.iter().find(|w| rest.starts_with(**w)) {
            let change = mentions(&rest[w.len()..])
                .into_iter()
                .next()
                .filter(|c| c.start == 0);
            if let Some(c) = change {
                end += w.len() + c.end;
                end += self.rate_at(end).map_or(0, |r| r.2);
            }
        } else if let Some(len) = same_words_at(rest) {
            end += len;
        }
        self.pieces.push((
            start,
            end,
            Piece::Actual {
                code,
                sentence: None,
            },
        ));
        Some(Read::Other)
    }

    /// `2025年当年预算执行数为60.13万元，2026年预算安排25.77万元，比2025年预算执行数减少57.14%。`:
    /// a sentence of its own stating the item's 执行数, this year's budget and the rate between
    /// them (`持平` when equal) — kept in its words, printed with the draft's figures, left out
    /// while the draft holds no 执行数 for the item. `None` for any other wording.
    fn read_actual_sentence(&mut self, m: &Mention, code: String) -> Option<Read> {
        let stop = '。'.len_utf8();
        let start = self.text[..m.start]
            .rfind('。')
            .map_or(0, |i| i + stop)
            .max(self.item_start(m.start));
        let lead = &self.text[start..m.start];
        if lead.contains(['，', ',', '；']) {
            return None;
        }
        let end = m.end + self.text[m.end..].find('。')?;
        let rest = &self.text[m.end..end];
        let budget = mentions(rest)
            .into_iter()
            .filter(|b| b.per.is_none())
            .collect::<Vec<_>>();
        let [budget] = budget.as_slice() else {
            return None;
        };
        let than = rest[budget.end..].find(['比', '较'])? + budget.end;
        if !rest[than..].contains("执行数") {
            return None;
        }
        let form = |x: &Mention| Form {
            unit: x.unit,
            decimals: x.decimals,
            separators: x.printed.contains(','),
        };
        let (rate_at, rate) = if let Some(head) = rest.strip_suffix("持平") {
            (head.len(), (2, "增加", "减少"))
        } else {
            let body = rest.strip_suffix('%')?;
            let digits = body.len()
                - body
                    .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .len();
            let number = &body[body.len() - digits..];
            let decimals = number.split('.').nth(1).map_or(0, |f| f.len() as u32);
            let before = &body[..body.len() - digits];
            let word = RATE_WORDS.into_iter().find(|w| before.ends_with(w))?;
            let pair = RATE_PAIRS
                .into_iter()
                .find(|(u, d)| *u == word || *d == word)
                .unwrap_or(("增加", "减少"));
            (before.len() - word.len(), (decimals, pair.0, pair.1))
        };
        if rate_at < than {
            return None;
        }
        let words = |t: &str| ActualPart::Words {
            text: t.to_string(),
        };
        let parts = vec![
            words(lead),
            ActualPart::Actual { form: form(m) },
            words(&rest[..budget.start]),
            ActualPart::Budget { form: form(budget) },
            words(&rest[budget.end..rate_at]),
            ActualPart::Rate {
                decimals: rate.0,
                up: rate.1.to_string(),
                down: rate.2.to_string(),
            },
            words("。"),
        ];
        self.pieces.push((
            start,
            end + stop,
            Piece::Actual {
                code,
                sentence: Some(parts),
            },
        ));
        Some(Read::Other)
    }

    /// `增加X万元[，增长R%]`: the change of the last amount bound in the item.
    fn read_change(&mut self, m: &Mention, word: &str, form: Form) -> Option<Read> {
        let item = self.item_start(m.start);
        let Some((_, of, was, amount_form)) = self.bound.iter().rev().find(|b| b.0 >= item) else {
            // No change of a zero kept as printed: kept with it.
            return m.value.is_zero().then_some(Read::Other);
        };
        // A zero change (`增加（减少）0万元`) says nothing of its decimals: a change prints as
        // its amount does.
        let form = if m.value.is_zero() {
            *amount_form
        } else {
            form
        };
        let rate = self.rate_at(m.end);
        let (start, end) = (
            m.start - word.len(),
            m.end + rate.as_ref().map_or(0, |r| r.2),
        );
        let change = Piece::Change {
            of: of.clone(),
            was: *was,
            form,
            rate: rate.as_ref().map(|r| r.1),
            rate_word: rate.map(|r| r.0.to_string()),
            // As printed, with the change it states (元); the callers say what to keep.
            written: Some((self.text[start..end].to_string(), m.yuan())),
        };
        self.pieces.push((start, end, change));
        Some(Read::Other)
    }

    /// A change's rate right after `at` (`，增长10.87%`): its word, its decimals and its length
    /// in bytes.
    fn rate_at(&self, at: usize) -> Option<(&'static str, u32, usize)> {
        let after = &self.text[at..];
        let comma = leading(after, &['，', ',']);
        let word = RATE_WORDS
            .into_iter()
            .find(|r| after[comma..].starts_with(r))?;
        let (_, decimals, len) = percent_at(&after[comma + word.len()..])?;
        Some((word, decimals, comma + word.len() + len))
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
            let before = |n: usize| -> String {
                let mut w: Vec<char> = context.chars().rev().take(n).collect();
                w.reverse();
                w.into_iter().collect()
            };
            let words = if unit == "家" {
                // Units are named after their count (`下属1家机关和1家参公事业单位`), or before
                // it (`行政单位1家`).
                let after: String = self.text[end + "家".len()..]
                    .chars()
                    .take_while(|c| !c.is_ascii_digit() && !"，。；、和及与（(".contains(*c))
                    .take(UNIT_KIND_CHARS)
                    .collect();
                if after.is_empty() {
                    before(UNIT_KIND_CHARS)
                } else {
                    after
                }
            } else {
                before(12)
            };
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

    /// A sentence right after a change saying its subject is new (`与上年相比增加743.39万元。
    /// 此项级科目为今年新增科目。`) explains that change: it is a reason, true of last year only.
    fn newness_reasons(&mut self) {
        let ends: Vec<usize> = self
            .pieces
            .iter()
            .filter(|p| matches!(p.2, Piece::Change { .. }))
            .map(|p| p.1)
            .collect();
        for e in ends {
            let Some(rest) = self.text[e..].strip_prefix('。') else {
                continue;
            };
            let start = e + '。'.len_utf8();
            let Some(len) = rest.find('。') else {
                continue;
            };
            let sentence = &rest[..len];
            let new = sentence.contains("新增") && !sentence.chars().any(|c| c.is_ascii_digit());
            if new && !self.taken(start) && !REASON_WORDS.iter().any(|w| sentence.starts_with(w)) {
                self.reason_spans
                    .push((start, start + len + '。'.len_utf8()));
            }
        }
        self.reason_spans.sort();
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
            if let Some((
                _,
                end,
                Piece::Actual {
                    code,
                    sentence: Some(_),
                },
            )) = change
            {
                if *end == a {
                    // Right after the item's own 执行数 sentence: the reason for that comparison.
                    let reason = Piece::ActualReason {
                        key: format!("说明|项|{code}"),
                        code: code.clone(),
                        text: self.text[a..b].to_string(),
                    };
                    insert_in_order(&mut self.pieces, a, b, reason);
                    continue;
                }
            }
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
                key: reason_key(&self.cells.all, &of),
                of,
                was,
                form,
                text: self.text[a..b].to_string(),
            };
            insert_in_order(&mut self.pieces, a, b, reason);
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
                        core_name(reason_key(&self.cells.all, of).trim_start_matches("说明|"))
                    }
                    Of::Line { .. } => return None,
                };
                // A name of its own: not a word every figure has (`支出`, `收入`).
                let n = name.chars().count();
                (n >= 3 && lead.contains(&name)).then(|| (n, (of.clone(), *was, *form)))
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

/// Puts a piece spanning `a..b` among `pieces`, which stay in printed order.
fn insert_in_order(pieces: &mut Vec<(usize, usize, Piece)>, a: usize, b: usize, piece: Piece) {
    let at = pieces.iter().position(|p| p.0 > a).unwrap_or(pieces.len());
    pieces.insert(at, (a, b, piece));
}

/// Last year's reasons: from their words to the paragraph's end (`主要原因：一是…；二是…。
/// 增减相抵后…`) — their amounts are last year's argument, kept as printed with them — less a
/// last sentence leading into what follows (`其中：`).
fn reason_spans(text: &str, ends: &[usize]) -> Vec<(usize, usize)> {
    let mut starts: Vec<usize> = REASON_WORDS
        .iter()
        .flat_map(|w| text.match_indices(w).map(|(at, _)| at))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut spans: Vec<(usize, usize)> = starts
        .iter()
        .map(|&at| {
            let end = ends.iter().copied().find(|&e| e > at).unwrap_or(text.len());
            // A sentence leading into parts or another item ends it (`…类型不同。其中：公务用车
            // 购置费15万元…`, `…保持不变。（三）公务接待费…`).
            let end = text[at..end]
                .match_indices('。')
                .map(|(i, _)| at + i + '。'.len_utf8())
                .find(|&e| text[e..].starts_with("其中") || super::words::opens_item(&text[e..]))
                .unwrap_or(end);
            let lead_in = text[at..end]
                .ends_with(['：', ':'])
                .then(|| text[at..end].rfind('。'))
                .flatten();
            (at, lead_in.map_or(end, |i| at + i + '。'.len_utf8()))
        })
        .collect();
    // A reason ends before the next one starts: at its last `；` or `。` before it (`…主要原因
    // 是购置车辆类型不同；公务用车运行费21.56万元…，主要原因是…`).
    for i in 0..spans.len().saturating_sub(1) {
        let next = spans[i + 1].0;
        if spans[i].1 > next {
            let (at, _) = spans[i];
            spans[i].1 = text[at..next]
                .rfind(['；', '。'])
                .map_or(next, |j| at + j + '；'.len_utf8());
        }
    }
    spans
}

/// The length in bytes of one of `marks` at the start of `text` (0 when none).
fn leading(text: &str, marks: &[char]) -> usize {
    text.chars()
        .next()
        .filter(|c| marks.contains(c))
        .map_or(0, char::len_utf8)
}
