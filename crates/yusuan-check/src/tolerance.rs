//! Printed precision: when a difference is a rounding tail and when it is a mistake.

use rust_decimal::Decimal;
use yusuan_domain::{Cell, Unit};

/// How a printed sum compares with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Equal.
    Exact,
    /// Different by no more than the rounding of the terms (万元 printed to 0.01).
    RoundingTail,
    /// A real difference.
    Differs,
}

/// Compares a printed total with the sum of `terms` printed parts in `unit`.
pub fn agree(total: Decimal, sum: Decimal, terms: usize, unit: Unit) -> Agreement {
    let diff = (total - sum).abs();
    if diff.is_zero() {
        return Agreement::Exact;
    }
    // Each 万元 figure rounded to 0.01 carries up to 0.005; the total carries one more.
    let tail = Decimal::new(5, 3) * Decimal::from(terms as u64 + 1);
    if unit == Unit::WanYuan && diff <= tail {
        Agreement::RoundingTail
    } else {
        Agreement::Differs
    }
}

/// Digits after the decimal point of an amount as printed (`22,118,861` → 0, `1,234.50` → 2).
pub fn printed_decimals(cell: &Cell) -> Option<u32> {
    match cell {
        Cell::Amount { printed, .. } => {
            Some(printed.trim().rsplit_once('.').map_or(0, |(_, d)| {
                d.chars().take_while(char::is_ascii_digit).count() as u32
            }))
        }
        _ => None,
    }
}

/// Compares a printed total cell with its printed parts. Besides the 万元 tails of [`agree`], a
/// cell printed with fewer decimals than the finest of the others (a 合计 of 22,118,861 over
/// parts printed to the fen) was rounded where it was printed: it may differ by half a unit of
/// its last digit, so a difference within those halves is a rounding tail. Cells all printed
/// alike must add up exactly (a 1-元 slip among whole-元 figures is a mistake).
pub fn agree_printed(total: &Cell, parts: &[&Cell], unit: Unit) -> Agreement {
    let (Some(t), Some(values)) = (
        total.value_or_zero(),
        parts
            .iter()
            .map(|c| c.value_or_zero())
            .collect::<Option<Vec<Decimal>>>(),
    ) else {
        return Agreement::Exact;
    };
    let sum: Decimal = values.iter().copied().sum();
    let by_unit = agree(t, sum, parts.len(), unit);
    if by_unit != Agreement::Differs {
        return by_unit;
    }
    let decimals: Vec<u32> = std::iter::once(total)
        .chain(parts.iter().copied())
        .filter_map(printed_decimals)
        .collect();
    let finest = decimals.iter().copied().max().unwrap_or(0);
    let half = |d: u32| Decimal::new(5, d + 1);
    let tail: Decimal = decimals
        .iter()
        .filter(|&&d| d < finest)
        .map(|&d| half(d))
        .sum();
    if (t - sum).abs() <= tail {
        Agreement::RoundingTail
    } else {
        Agreement::Differs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(agree(d("10"), d("10.00"), 2, Unit::Yuan), Agreement::Exact);
        assert_eq!(agree(d("10"), d("9"), 2, Unit::Yuan), Agreement::Differs);
        assert_eq!(
            agree(d("10.01"), d("10.00"), 3, Unit::WanYuan),
            Agreement::RoundingTail
        );
        assert_eq!(
            agree(d("10.10"), d("10.00"), 3, Unit::WanYuan),
            Agreement::Differs
        );
        assert_eq!(agree(d("1"), d("0"), 3, Unit::Yuan), Agreement::Differs);
    }

    #[test]
    fn tails_follow_each_cells_printed_precision() {
        let c = |p: &str| Cell::Amount {
            value: p.replace(',', "").parse().unwrap(),
            printed: p.into(),
        };
        // check(input, expect): (total, parts) as printed in a 元 table.
        let cases: [(&str, &[&str], Agreement); 6] = [
            (
                "22,118,861",
                &["22,000,000.00", "118,861.34"],
                Agreement::RoundingTail,
            ),
            (
                "22,118,862",
                &["22,000,000.00", "118,861.34"],
                Agreement::Differs,
            ),
            (
                "22,118,861.3",
                &["22,000,000.00", "118,861.34"],
                Agreement::RoundingTail,
            ),
            ("100", &["60", "41"], Agreement::Differs),
            ("100.00", &["60.00", "40.01"], Agreement::Differs),
            ("100.00", &["60.00", "40.00"], Agreement::Exact),
        ];
        for (total, parts, expect) in cases {
            let parts: Vec<Cell> = parts.iter().map(|p| c(p)).collect();
            let refs: Vec<&Cell> = parts.iter().collect();
            assert_eq!(
                agree_printed(&c(total), &refs, Unit::Yuan),
                expect,
                "{total} {parts:?}"
            );
        }
    }
}
