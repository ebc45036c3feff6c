//! A restated text printed with the draft's values: its figures, their changes and shares, and
//! for each change last year's reason, the draft's own, or none.

use super::find::row_key;
use super::words::{
    as_written, change_words, printed_value, show, unit_word, unsame, with_not_than, REASON_WORDS,
};
use crate::model::{Draft, Figure};
use crate::print;
use crate::restated::{ActualPart, CellRef, Form, ItemTail, Of, Piece, Restatement, Subjects};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{BTreeMap, BTreeSet};
use yusuan_domain::{Amount, Cell, SectionKind, Table};

/// The draft's values this year that a restated text prints: its derived tables, its narrative
/// figures and its lines (the caller derives them: this module reads, it does not derive).
pub(crate) struct Values {
    tables: Vec<Table>,
    figures: Vec<Figure>,
    lines: Vec<(String, Decimal)>,
    /// Each 一般公共预算 item's 执行数 clause and reasons, by function code.
    items: BTreeMap<String, ItemTail>,
}

impl Values {
    /// This year's values of a draft from its derived tables, narrative figures and item tails
    /// (`，比2025年执行数…`, `，主要原因是…`).
    pub(crate) fn new(
        draft: &Draft,
        tables: Vec<Table>,
        figures: Vec<Figure>,
        items: BTreeMap<String, ItemTail>,
    ) -> Self {
        let lines = draft
            .leaves
            .iter()
            .chain(draft.procurement_total_line().as_ref())
            .map(|l| (l.address(), l.value))
            .collect();
        Values {
            tables,
            figures,
            lines,
            items,
        }
    }

    /// A figure's value in 元: the narrative figure's, or the sum of its cells (0 for a blank
    /// or a row the year does not print).
    pub(super) fn value(&self, of: &Of) -> Decimal {
        match of {
            Of::Figure { key } => self
                .figures
                .iter()
                .find(|f| &f.key == key)
                .map_or(Decimal::ZERO, |f| f.current),
            Of::Line { key } => self
                .lines
                .iter()
                .find(|(k, _)| k == key)
                .map_or(Decimal::ZERO, |l| l.1),
            Of::Cells { cells } => cells.iter().map(|c| cell_value(&self.tables, c)).sum(),
        }
    }

    /// A change as the draft words it: its figure's value now and the words for the change
    /// from what it was (`None` for a piece that is no change).
    pub(super) fn change(&self, piece: &Piece) -> Option<(Decimal, String)> {
        let Piece::Change {
            of,
            was,
            form,
            rate,
            rate_word,
            ..
        } = piece
        else {
            return None;
        };
        let now = self.value(of);
        let words = change_words(now, *was, *form, *rate, rate_word.as_deref());
        Some((now, words))
    }
}

fn cell_value(tables: &[Table], c: &CellRef) -> Decimal {
    let Some(t) = tables.get(c.table) else {
        return Decimal::ZERO;
    };
    match t
        .rows
        .iter()
        .find(|r| row_key(r) == c.row)
        .and_then(|r| r.cells.get(c.column))
    {
        Some(Cell::Amount { value, .. }) => Amount {
            value: *value,
            unit: t.unit,
        }
        .to_yuan(),
        _ => Decimal::ZERO,
    }
}

/// The reasons a draft gives for figures and lines: each with its current and baseline value
/// (元) and its words.
struct Given<'a> {
    draft: &'a Draft,
    by_value: Vec<(Decimal, Decimal, &'a str)>,
}

impl<'a> Given<'a> {
    fn new(draft: &'a Draft, figures: &[Figure]) -> Self {
        let mut by_value = Vec::new();
        for f in figures {
            if let Some(r) = draft.reasons.get(&f.key) {
                by_value.push((f.current, f.baseline, r.as_str()));
            }
        }
        for l in &draft.leaves {
            if let Some(r) = draft.reasons.get(&l.address()) {
                by_value.push((l.value, l.baseline.unwrap_or_default(), r.as_str()));
            }
        }
        Given { draft, by_value }
    }

    /// The draft's own reason for a change: written under the piece's key, or for the figure
    /// (a `说明|…` of the narrative) or the line whose change it is — the same values as printed.
    fn reason(&self, key: &str, cur: Decimal, was: Decimal, form: Form) -> Option<&'a str> {
        if let Some(r) = self.draft.reasons.get(key) {
            return Some(r);
        }
        let same = |c: Decimal, b: Decimal| {
            printed_value(c, form) == printed_value(cur, form)
                && printed_value(b, form) == printed_value(was, form)
        };
        self.by_value
            .iter()
            .find(|(c, b, _)| same(*c, *b))
            .map(|g| g.2)
    }
}

/// How a reason reads in the text: `主要原因是…。`.
fn reason_words(reason: &str) -> String {
    let r = reason.trim().trim_end_matches('。');
    if REASON_WORDS.iter().any(|w| r.starts_with(w)) {
        // Written with its own lead words (`主要原因：一是…；二是…`): printed as written.
        return format!("{r}。");
    }
    format!("主要原因是{r}。")
}

/// A reason piece as it prints this year: what it is, with the draft's figures.
enum ReasonNow<'a> {
    /// The figure no longer changes: no reason.
    Gone,
    /// The draft's own.
    Own(&'a str),
    /// Last year's, as printed.
    Carried,
}

/// A reason of a text written this year is its writer's, replaced only by one written since
/// under its own key; last year's by the draft's, written under its key or for its figure.
fn reason_now<'a>(
    given: &Given<'a>,
    now: &Values,
    piece: &Piece,
    written: bool,
) -> Option<ReasonNow<'a>> {
    let Piece::Reason {
        of, was, form, key, ..
    } = piece
    else {
        return None;
    };
    let cur = now.value(of);
    Some(if written {
        // This year's words, whether or not the figure changes.
        given
            .draft
            .reasons
            .get(key)
            .map_or(ReasonNow::Carried, |r| ReasonNow::Own(r.as_str()))
    } else if printed_value(cur, *form) == printed_value(*was, *form) {
        ReasonNow::Gone
    } else {
        given
            .reason(key, cur, *was, *form)
            .map_or(ReasonNow::Carried, ReasonNow::Own)
    })
}

/// Last year's reasons a draft's restated sections still print, each with the key a reason of
/// this year is written under and the words printed: what the draft rules ask to look at.
pub(crate) fn carried_reasons(draft: &Draft, cur: &Values) -> Vec<(SectionKind, String, String)> {
    let given = Given::new(draft, &cur.figures);
    let mut out = Vec::new();
    for r in draft.restated.iter().filter(|r| !r.written) {
        for piece in r.paragraphs.iter().flatten() {
            if let Piece::ActualReason { code, key, text } = piece {
                if actual_reason(&given, cur.items.get(code), key, text, false).1 {
                    out.push((r.kind, key.clone(), text.clone()));
                }
            }
            if let (Some(ReasonNow::Carried), Piece::Reason { key, text, .. }) =
                (reason_now(&given, cur, piece, false), piece)
            {
                out.push((r.kind, key.clone(), text.clone()));
            }
        }
    }
    out
}

/// The keys a reason can be written under in a draft's restated sections.
pub fn reason_keys(draft: &Draft) -> Vec<String> {
    draft
        .restated
        .iter()
        .flat_map(|r| r.paragraphs.iter().flatten())
        .filter_map(|p| match p {
            Piece::Reason { key, .. } | Piece::ActualReason { key, .. } => Some(key.clone()),
            _ => None,
        })
        .collect()
}

/// The subjects of the stated figures a restated text speaks of.
pub(crate) fn spoken(r: &Restatement) -> Subjects {
    let text: String = r
        .paragraphs
        .iter()
        .flatten()
        .filter_map(|p| match p {
            Piece::Text { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    Subjects {
        procurement: text.contains("政府采购"),
        performance: text.contains("绩效"),
        assets: text.contains("国有资产") || text.contains("车辆"),
    }
}

/// The restated paragraphs with next year's figures. A change last year gave no reason for,
/// that the draft gives one for, gets it after its words.
pub(crate) fn render(draft: &Draft, r: &Restatement, cur: &Values) -> Vec<String> {
    let given = Given::new(draft, &cur.figures);
    let mut told = BTreeSet::new();
    r.paragraphs
        .iter()
        .map(|p| {
            let mut out = String::new();
            for (i, piece) in p.iter().enumerate() {
                match piece {
                    Piece::Text { text } => out.push_str(text),
                    Piece::Amount { of, form } => {
                        let v = printed_value(cur.value(of), *form);
                        out.push_str(&format!("{}{}", show(v, *form), unit_word(*form)));
                        if !r.written {
                            out.push_str(&item_tail(of, &p[i + 1..], cur, &mut told));
                        }
                    }
                    Piece::Change { .. } => change(
                        &mut out,
                        piece,
                        &p[i + 1..],
                        (!r.written).then_some(&given),
                        cur,
                    ),
                    Piece::ActualReason { code, key, text } => {
                        let (words, _) =
                            actual_reason(&given, cur.items.get(code), key, text, r.written);
                        out.push_str(&words)
                    }
                    Piece::Reason { text, of, was, .. } => {
                        match reason_now(&given, cur, piece, r.written) {
                            Some(ReasonNow::Own(own)) => {
                                lead_direction(&mut out, cur.value(of), *was);
                                out.push_str(&reason_words(own))
                            }
                            Some(ReasonNow::Carried) => {
                                lead_direction(&mut out, cur.value(of), *was);
                                out.push_str(text)
                            }
                            _ => no_reason(&mut out),
                        }
                    }
                    Piece::Same {
                        of,
                        was,
                        form,
                        text,
                    } => {
                        let c = cur.value(of);
                        if printed_value(c, *form) == printed_value(*was, *form) {
                            out.push_str(text);
                        } else {
                            out.push_str(&unsame(
                                text,
                                &change_words(c, *was, *form, Some(2), None),
                            ));
                        }
                    }
                    Piece::Count { of } => out.push_str(&cur.value(of).normalize().to_string()),
                    // The item's 执行数 clause and reasons as the draft holds them (or none).
                    Piece::Actual { code, sentence } => match (cur.items.get(code), sentence) {
                        (Some(tail), None) => {
                            out.push_str(&tail.actual_clause);
                            out.push_str(&tail.reasons);
                        }
                        (Some(tail), Some(parts)) => {
                            if let Some(actual) = tail.actual {
                                out.push_str(&actual_sentence(parts, tail.current, actual));
                            }
                        }
                        (None, _) => {}
                    },
                    Piece::Share {
                        of,
                        whole,
                        decimals,
                    } => {
                        let pct = share(cur.value(of), cur.value(whole), *decimals);
                        out.push_str(&format!("占{}%", print::amount(pct, *decimals, false)));
                    }
                }
            }
            out
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// A change printed: its words (`比上年持平` reads `与上年持平`), then the draft's reason for it
/// where last year printed none after it (before the next figure, in `rest`; none added to a
/// text written this year, `given` `None`).
fn change(out: &mut String, piece: &Piece, rest: &[Piece], given: Option<&Given>, cur: &Values) {
    let Some((now, words)) = cur.change(piece) else {
        return;
    };
    let Piece::Change {
        was, form, written, ..
    } = piece
    else {
        return;
    };
    if let Some((words, _)) = written.as_ref().filter(|w| as_written(now, w.1, *form)) {
        out.push_str(words);
        return;
    }
    if words == "持平" {
        with_not_than(out);
    }
    out.push_str(&words);
    let next = rest.iter().find(|q| !matches!(q, Piece::Text { .. }));
    let unexplained = !matches!(next, Some(Piece::Reason { .. }));
    let changed = printed_value(now, *form) != printed_value(*was, *form);
    if let Some(own) = given
        .and_then(|g| g.reason("", now, *was, *form))
        .filter(|_| unexplained && changed)
    {
        out.push_str(&format!("，{}", reason_words(own).trim_end_matches('。')));
    }
}

/// What the draft says of a 一般公共预算 item after its amount, the first time the text prints
/// it (a 项 row's cell): its 执行数 clause, and its reasons where no change follows in the
/// paragraph (`rest`) to carry them.
fn item_tail(of: &Of, rest: &[Piece], cur: &Values, told: &mut BTreeSet<String>) -> String {
    let Of::Cells { cells } = of else {
        return String::new();
    };
    let [cell] = cells.as_slice() else {
        return String::new();
    };
    let Some(ItemTail {
        actual_clause: actual,
        reasons,
        ..
    }) = cur.items.get(&cell.row)
    else {
        return String::new();
    };
    if !told.insert(cell.row.clone()) {
        return String::new();
    }
    let next = rest.iter().find(|q| !matches!(q, Piece::Text { .. }));
    if matches!(next, Some(Piece::Actual { .. })) {
        // The source's own 执行数 clause follows: it prints the tail.
        return String::new();
    }
    if matches!(next, Some(Piece::Change { .. } | Piece::Same { .. })) {
        actual.clone()
    } else {
        format!("{actual}{reasons}")
    }
}

/// A source's own 执行数 sentence with this year's budget (`current`) and last year's 执行数
/// (`actual`, both 元): the rate on the amounts as printed; from nothing, the rise in amount.
fn actual_sentence(parts: &[ActualPart], current: Decimal, actual: Decimal) -> String {
    let mut out = String::new();
    let form_of = |want_actual: bool| {
        parts.iter().find_map(|p| match p {
            ActualPart::Actual { form } if want_actual => Some(*form),
            ActualPart::Budget { form } if !want_actual => Some(*form),
            _ => None,
        })
    };
    for p in parts {
        match p {
            ActualPart::Words { text } => out.push_str(text),
            ActualPart::Actual { form } => {
                out.push_str(&show(printed_value(actual, *form), *form));
                out.push_str(unit_word(*form));
            }
            ActualPart::Budget { form } => {
                out.push_str(&show(printed_value(current, *form), *form));
                out.push_str(unit_word(*form));
            }
            ActualPart::Rate { decimals, up, down } => {
                let (Some(af), Some(bf)) = (form_of(true), form_of(false)) else {
                    continue;
                };
                let (a, b) = (printed_value(actual, af), printed_value(current, bf));
                let word = if b >= a { up } else { down };
                if a == b {
                    out.push_str("持平");
                } else if a.is_zero() {
                    // From nothing no rate: the rise itself.
                    out.push_str(&format!("{word}{}{}", show(b, bf), unit_word(bf)));
                } else {
                    let pct = ((b - a).abs() / a.abs() * Decimal::from(100))
                        .round_dp_with_strategy(*decimals, RoundingStrategy::MidpointAwayFromZero);
                    out.push_str(&format!("{word}{}%", print::amount(pct, *decimals, false)));
                }
            }
        }
    }
    out
}

/// The reason after an item's own 执行数 sentence, and whether it is last year's (carried): a
/// written text's words as written; else the draft's reason under its key, or its reasons for
/// the item's lines, or last year's words — nothing while the item has no 执行数.
fn actual_reason(
    given: &Given,
    tail: Option<&ItemTail>,
    key: &str,
    was: &str,
    written: bool,
) -> (String, bool) {
    if tail.is_none_or(|t| t.actual.is_none()) {
        return (String::new(), false);
    }
    if written {
        return (was.to_string(), false);
    }
    if let Some(own) = given.draft.reasons.get(key) {
        return (reason_words(own), false);
    }
    match tail.map(|t| t.reasons.trim_start_matches('，')) {
        Some(own) if !own.is_empty() => (format!("{}。", own.trim_end_matches('。')), false),
        _ => (was.to_string(), true),
    }
}

/// Words leading into a reason that name the change's direction (`财政拨款收入支出减少的主要原因
/// 是…`) follow the change: `now` against `was`.
fn lead_direction(out: &mut String, now: Decimal, was: Decimal) {
    let up = now > was;
    for (rise, fall) in [
        ("增加的", "减少的"),
        ("增长的", "下降的"),
        ("提高的", "降低的"),
    ] {
        let (stale, right) = if up { (fall, rise) } else { (rise, fall) };
        if now != was && out.ends_with(stale) {
            out.truncate(out.len() - stale.len());
            out.push_str(right);
            return;
        }
    }
}

/// No change, no reason: the sentence ends at the change; a sentence that only led into the
/// reason (`财政拨款收入支出减少的`) goes with it.
fn no_reason(out: &mut String) {
    let kept = out.trim_end_matches(['，', ',']).len();
    out.truncate(kept);
    let sentence = out.rfind('。').map_or(0, |i| i + '。'.len_utf8());
    if out[sentence..].ends_with('的') && !out[sentence..].contains(|c: char| c.is_ascii_digit()) {
        out.truncate(sentence);
    }
    if !out.is_empty() && !out.ends_with('。') {
        out.push('。');
    }
}

/// A part's share of a whole in per cent, to `decimals` (0 of nothing).
fn share(part: Decimal, whole: Decimal, decimals: u32) -> Decimal {
    if whole.is_zero() {
        return Decimal::ZERO;
    }
    (part / whole * Decimal::from(100))
        .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}
