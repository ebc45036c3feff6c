//! A 情况说明 rewritten in the user's words for this year (a heading renamed, a sentence added,
//! the department's own wording): read against the draft's values the way last year's text is
//! read at roll-forward — each amount bound to a figure of the draft, a line or table cells,
//! the change, share, no-change words and reason after it bound to that figure — so the text
//! keeps following the leaves. An amount the draft does not have is refused (it would be
//! printed stale); a figure written otherwise than the draft has it (a change reckoned from
//! another base, a rate rounded otherwise) is printed as the draft has it, and said.

use crate::derive::derive_tables_for;
use crate::eval::Year;
use crate::model::{Draft, Figure};
use crate::restate::{bind_written, render, Unbound, Values};
use crate::restated::{Piece, Restatement};
use similar::{ChangeTag, TextDiff};
use yusuan_domain::{Location, Paragraph, Section, SectionKind};

/// Why a written text was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RewriteError {
    /// The text states no amount: a 情况说明 explains the tables' figures.
    NoAmount,
    /// An amount that is nothing the draft has.
    Unknown {
        /// The amount as written.
        printed: String,
        /// The words before it.
        words: String,
    },
}

impl std::fmt::Display for RewriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RewriteError::NoAmount => write!(
                f,
                "这段文字没有写出任何金额；情况说明要说明表中的数字（至少写出一个金额）"
            ),
            RewriteError::Unknown { printed, words } => write!(
                f,
                "“{words}{printed}”不是草稿中的数字（不是任何一行、一项说明数字或表中单元格的本年数），印出来会与表不符；请改为草稿中的数字，或先在明细行中录入它"
            ),
        }
    }
}

impl std::error::Error for RewriteError {}

/// A figure written otherwise than the draft has it, and what is printed instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// As written, with the words around it.
    pub written: String,
    /// As the draft prints it.
    pub printed: String,
}

/// A section's text as the user wrote it, bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// What the draft keeps.
    pub restatement: Restatement,
    /// Keys of reasons the text gives: the draft's reasons under them give way to it.
    pub reasons: Vec<String>,
    /// Where the draft prints another figure than the one written.
    pub corrections: Vec<Correction>,
}

/// Reads `text` (a paragraph a line) written for the section of `kind`, against the draft's
/// values of this year.
pub fn rewrite(draft: &Draft, kind: SectionKind, text: &str) -> Result<Rewritten, RewriteError> {
    let section = Section {
        kind,
        title: String::new(),
        paragraphs: text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Paragraph {
                text: l.to_string(),
                location: Location::default(),
            })
            .collect(),
        location: Location::default(),
    };
    let figures = crate::narrative::figures(draft);
    let tables = derive_tables_for(draft, Year::Current);
    let (now, now_figures) = as_written(draft, &figures);
    let (then, then_figures) = last_year(draft, &figures);
    let base = Values::new(
        &then,
        derive_tables_for(draft, Year::Baseline),
        then_figures,
        Default::default(),
    );
    let cur = Values::new(
        draft,
        tables.clone(),
        figures,
        crate::narrative::item_tails(draft),
    );
    let restatement =
        bind_written(&now, &tables, &now_figures, &base, &cur, &section).map_err(|e| match e {
            Unbound::TooFew => RewriteError::NoAmount,
            Unbound::Amount { printed, words } => RewriteError::Unknown { printed, words },
        })?;
    let reasons: Vec<String> = restatement
        .paragraphs
        .iter()
        .flatten()
        .filter_map(|p| match p {
            Piece::Reason { key, .. } | Piece::ActualReason { key, .. } => Some(key.clone()),
            _ => None,
        })
        .collect();
    // What it prints: the reasons it gives are its own.
    let mut printed_by = draft.clone();
    for k in &reasons {
        printed_by.reasons.remove(k);
    }
    let printed: String = render(&printed_by, &restatement, &cur).concat();
    let written: String = section
        .paragraphs
        .iter()
        .flat_map(|p| p.text.chars().filter(|c| !c.is_whitespace()))
        .collect();
    Ok(Rewritten {
        restatement,
        reasons,
        corrections: corrections(&written, &printed),
    })
}

/// The draft as if this year were the year the text was written in: each line's and figure's
/// baseline is its value (what the text's amounts are read against).
fn as_written(draft: &Draft, figures: &[Figure]) -> (Draft, Vec<Figure>) {
    let mut now = draft.clone();
    for l in &mut now.leaves {
        l.baseline = Some(l.value);
    }
    let figures = figures
        .iter()
        .map(|f| Figure {
            baseline: f.current,
            ..f.clone()
        })
        .collect();
    (now, figures)
}

/// The draft of last year: each line's and figure's value is its baseline (what a change is
/// from).
fn last_year(draft: &Draft, figures: &[Figure]) -> (Draft, Vec<Figure>) {
    let mut then = draft.clone();
    for l in &mut then.leaves {
        l.value = l.baseline.unwrap_or_default();
    }
    let figures = figures
        .iter()
        .map(|f| Figure {
            current: f.baseline,
            ..f.clone()
        })
        .collect();
    (then, figures)
}

/// Characters of context each side of a correction.
const CONTEXT: usize = 8;

/// Where `printed` differs from `written`: each run of changes with the words around it.
fn corrections(written: &str, printed: &str) -> Vec<Correction> {
    let diff = TextDiff::from_chars(written, printed);
    let mut out = Vec::new();
    for group in diff.grouped_ops(CONTEXT) {
        let (mut w, mut p) = (String::new(), String::new());
        for op in &group {
            for change in diff.iter_changes(op) {
                match change.tag() {
                    ChangeTag::Equal => {
                        w.push_str(change.value());
                        p.push_str(change.value());
                    }
                    ChangeTag::Delete => w.push_str(change.value()),
                    ChangeTag::Insert => p.push_str(change.value()),
                }
            }
        }
        out.push(Correction {
            written: w,
            printed: p,
        });
    }
    out
}
