//! Printed precision: when a difference is a rounding tail and when it is a mistake.

use rust_decimal::Decimal;
use yusuan_domain::Unit;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(agree(d("10"), d("10.00"), 2, Unit::Yuan), Agreement::Exact);
        assert_eq!(agree(d("10"), d("9"), 2, Unit::Yuan), Agreement::Differs);
        assert_eq!(agree(d("10.01"), d("10.00"), 3, Unit::WanYuan), Agreement::RoundingTail);
        assert_eq!(agree(d("10.10"), d("10.00"), 3, Unit::WanYuan), Agreement::Differs);
        assert_eq!(agree(d("1"), d("0"), 3, Unit::Yuan), Agreement::Differs);
    }
}
