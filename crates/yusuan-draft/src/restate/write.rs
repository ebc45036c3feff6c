//! A text written for this year, bound like last year's: read against the draft's values of
//! this year (`now`: a draft whose baselines are its values, its figures likewise), then each
//! change, reason and no-change phrase set to compare with last year's value (`base`).

use super::bind::{bind_as_printed, Against, Unbound};
use super::render::Values;
use crate::model::{Draft, Figure};
use crate::restated::{Piece, Restatement};
use yusuan_domain::{Section, Table};

/// Binds `section`, written for this year, to the draft's figures, lines and cells of this
/// year (`now`, `tables`, `figures`: their baselines are this year's values); what its changes
/// are changes from is last year's value (`base`).
pub(crate) fn bind_written(
    now: &Draft,
    tables: &[Table],
    figures: &[Figure],
    base: &Values,
    cur: &Values,
    section: &Section,
) -> Result<Restatement, Unbound> {
    let against = Against {
        draft: now,
        source: tables,
        derived: tables,
        figures,
    };
    let mut r = bind_as_printed(&against, section, 1)?;
    for piece in r.paragraphs.iter_mut().flatten() {
        match piece {
            Piece::Change { of, was, .. }
            | Piece::Reason { of, was, .. }
            | Piece::Same { of, was, .. } => *was = base.value(of),
            _ => {}
        }
        // A change's words as written, while they say what the draft says.
        let Some((value, ours)) = cur.change(piece) else {
            continue;
        };
        if let Piece::Change { written, .. } = piece {
            *written = written
                .take()
                .filter(|(words, _)| same_numbers(words, &ours))
                .map(|(words, _)| (words, value));
        }
    }
    r.written = true;
    Ok(r)
}

/// Whether a change as written states the numbers the draft's words do (`增加（减少）0万元，
/// 增长（减少）0%` says what `持平` does).
fn same_numbers(written: &str, ours: &str) -> bool {
    let numbers = |t: &str| -> Vec<rust_decimal::Decimal> {
        t.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
            .filter_map(|n| n.replace(',', "").trim_matches('.').parse().ok())
            .collect()
    };
    let (w, o) = (numbers(written), numbers(ours));
    if o.is_empty() {
        return w.iter().all(|n| n.is_zero());
    }
    // Its direction word: `增加` up, `减少` down, `增加（减少）` either.
    let either = written.starts_with("增加（减少）") || written.starts_with("增加(减少)");
    w == o && (either || written.starts_with("增加") == ours.starts_with("增加"))
}
