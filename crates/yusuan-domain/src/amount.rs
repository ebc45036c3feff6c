//! Exact money: a `Decimal` value always carried with its unit (元 or 万元).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// The unit an amount is printed in. 1 万元 = 10,000 元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord, TS)]
pub enum Unit {
    /// 元
    #[serde(rename = "元")]
    Yuan,
    /// 万元
    #[serde(rename = "万元")]
    WanYuan,
}

impl Unit {
    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            Unit::Yuan => Decimal::ONE,
            Unit::WanYuan => Decimal::from(10_000),
        }
    }

    /// The unit as printed in the documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
        }
    }

    /// The other unit (元 ↔ 万元): the slip a text makes when it prints one for the other.
    pub fn other(self) -> Unit {
        match self {
            Unit::Yuan => Unit::WanYuan,
            Unit::WanYuan => Unit::Yuan,
        }
    }

    /// An amount in 元 as printed in this unit with `decimals` decimals (`12345678` 元 with two
    /// decimals in 万元 is `1234.57`).
    pub fn printed(self, yuan: Decimal, decimals: u32) -> Decimal {
        (yuan / self.in_yuan()).round_dp(decimals)
    }

    /// Reads `元` / `万元` (also with a `单位：` prefix or surrounding spaces).
    pub fn parse(text: &str) -> Option<Unit> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t
            .trim_start_matches("单位")
            .trim_start_matches(['：', ':'])
            .trim_end_matches(['）', ')']);
        match t {
            "元" => Some(Unit::Yuan),
            "万元" => Some(Unit::WanYuan),
            _ => None,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An exact amount of money with its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Amount {
    /// The value in `unit`, exactly as printed (scale kept: `62.10` stays `62.10`).
    #[ts(type = "string")]
    pub value: Decimal,
    /// 元 or 万元.
    pub unit: Unit,
}

impl Amount {
    /// An amount in 元.
    pub fn yuan(value: Decimal) -> Amount {
        Amount {
            value,
            unit: Unit::Yuan,
        }
    }

    /// An amount in 万元.
    pub fn wan(value: Decimal) -> Amount {
        Amount {
            value,
            unit: Unit::WanYuan,
        }
    }

    /// The exact value in 元 (万元 × 10,000; no rounding ever happens).
    pub fn to_yuan(self) -> Decimal {
        (self.value * self.unit.in_yuan()).normalize_keep_cents()
    }

    /// The exact value in 万元 (元 ÷ 10,000; exact, since 10,000 is a power of ten).
    pub fn to_wan(self) -> Decimal {
        match self.unit {
            Unit::WanYuan => self.value,
            Unit::Yuan => {
                let mut v = self.value;
                // Dividing by 10^4 is a change of scale, which is always exact.
                let scale = v.scale() + 4;
                v.set_scale(scale)
                    .expect("scale within Decimal's 28 digits");
                v
            }
        }
    }

    /// The amount converted exactly to `unit`.
    pub fn in_unit(self, unit: Unit) -> Amount {
        match unit {
            Unit::Yuan => Amount::yuan(self.to_yuan()),
            Unit::WanYuan => Amount::wan(self.to_wan()),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit)
    }
}

trait KeepCents {
    fn normalize_keep_cents(self) -> Self;
}

impl KeepCents for Decimal {
    /// Drops the trailing zeros a ×10,000 introduces (`62.10` 万元 → `621000` 元).
    fn normalize_keep_cents(self) -> Decimal {
        self.normalize()
    }
}

/// Why a printed number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    /// Nothing that looks like a number.
    #[error("不是金额：“{0}”")]
    NotANumber(String),
}

/// Reads a number as printed in a budget table: `68,643,213`, `62.10`, `-1,234.50`, `0`,
/// full-width digits and commas, a trailing `%` is not accepted (percentages are not money).
pub fn parse_amount(printed: &str) -> Result<Decimal, AmountError> {
    let mut s = String::with_capacity(printed.len());
    for c in printed.trim().chars() {
        match c {
            ',' | '，' | ' ' | '\u{3000}' => {}
            '０'..='９' => {
                s.push(char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0'))
            }
            '．' => s.push('.'),
            '－' | '−' => s.push('-'),
            _ => s.push(c),
        }
    }
    let body = s.strip_prefix('-').unwrap_or(&s);
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
        && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body.chars().last().is_some_and(|c| c.is_ascii_digit());
    if !valid {
        return Err(AmountError::NotANumber(printed.to_string()));
    }
    Decimal::from_str(&s).map_err(|_| AmountError::NotANumber(printed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_printed_numbers() {
        assert_eq!(parse_amount("68,643,213").unwrap(), d("68643213"));
        assert_eq!(parse_amount("62.10").unwrap(), d("62.10"));
        assert_eq!(parse_amount("62.10").unwrap().scale(), 2);
        assert_eq!(parse_amount("-1,234.50").unwrap(), d("-1234.50"));
        assert_eq!(parse_amount("１２３．４").unwrap(), d("123.4"));
        for bad in ["", "abc", "1.2.3", "12%", ".5", "5.", "-", "一"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn converts_exactly() {
        let a = Amount::wan(d("62.10"));
        assert_eq!(a.to_yuan(), d("621000"));
        let b = Amount::yuan(d("68643213"));
        assert_eq!(b.to_wan(), d("6864.3213"));
        assert_eq!(
            Amount::yuan(b.to_yuan()).to_wan() * d("10000"),
            d("68643213")
        );
        assert_eq!(Amount::wan(d("0.01")).to_yuan(), d("100"));
        assert_eq!(
            Amount::yuan(d("1.23")).in_unit(Unit::WanYuan).value,
            d("0.000123")
        );
    }

    #[test]
    fn reads_units() {
        assert_eq!(Unit::parse("单位：元"), Some(Unit::Yuan));
        assert_eq!(Unit::parse("单位:万元"), Some(Unit::WanYuan));
        assert_eq!(Unit::parse("万元"), Some(Unit::WanYuan));
        assert_eq!(Unit::parse("单位：美元"), None);
    }

    #[test]
    fn serializes_as_decimal_strings() {
        let a = Amount::wan(d("62.10"));
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"value":"62.10","unit":"万元"}"#
        );
    }
}
