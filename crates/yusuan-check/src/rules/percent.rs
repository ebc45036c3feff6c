//! Percentages the narrative prints (`占52.7%`, `增幅5.3%`, `占项目总预算的20%`): reading them,
//! and checking one against the amounts it is a share or a rate of, at its printed precision.

use crate::{Finding, FindingLocation, Severity};
use rust_decimal::Decimal;

/// A printed percentage: its value and the decimals it was printed with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Percent {
    /// The value printed (`52.7` for `52.7%`).
    pub(super) value: Decimal,
    /// How many decimals were printed.
    pub(super) decimals: u32,
}

impl Percent {
    /// The percentage `text` starts with (`52.7%`, `20％`).
    pub(super) fn leading(text: &str) -> Option<Percent> {
        let digits: String = text
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if digits.is_empty() || !text[digits.len()..].starts_with(['%', '％']) {
            return None;
        }
        Some(Percent {
            value: digits.parse().ok()?,
            decimals: digits.split('.').nth(1).map_or(0, |f| f.len() as u32),
        })
    }

    /// `part ÷ whole` as a percentage at the printed precision, when it is more than one unit of
    /// the last printed digit away from this one; `None` when the two agree.
    pub(super) fn recomputed(self, part: Decimal, whole: Decimal) -> Option<Decimal> {
        let computed = (part * Decimal::from(100) / whole).round_dp(self.decimals);
        ((computed - self.value).abs() > Decimal::new(1, self.decimals)).then_some(computed)
    }

    /// A warning that this percentage should be `computed` (`message` says of what, `hint` what
    /// to do).
    pub(super) fn finding(
        self,
        rule: &'static str,
        computed: Decimal,
        message: String,
        location: FindingLocation,
        hint: &str,
    ) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            message,
            location,
            expected: Some(format!("{computed}%")),
            actual: Some(format!("{}%", self.value)),
            hint: Some(hint.into()),
        }
    }
}

/// A share printed right after byte `at` of `text`, past any of `skip` (`，占年初项目总预算的20%`):
/// the words between 占 and the number, which name the whole, and the percentage.
pub(super) fn share_after<'a>(
    text: &'a str,
    at: usize,
    skip: &[char],
) -> Option<(&'a str, Percent)> {
    let rest = text[at..].trim_start_matches(skip).strip_prefix('占')?;
    let words = &rest[..rest
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(rest.len())];
    Some((words, Percent::leading(&rest[words.len()..])?))
}
