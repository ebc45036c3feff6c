//! Amounts as a table prints them: the table's decimals, thousands separators or not.

use rust_decimal::{Decimal, RoundingStrategy};

/// `value` printed with `decimals` places and, when `separators`, thousands separators.
pub(crate) fn amount(value: Decimal, decimals: u32, separators: bool) -> String {
    let v = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let s = format!("{:.*}", decimals as usize, v);
    if !separators {
        return s;
    }
    let (sign, rest) = s
        .strip_prefix('-')
        .map(|r| ("-", r))
        .unwrap_or(("", s.as_str()));
    let (int, frac) = rest
        .split_once('.')
        .map(|(i, f)| (i, Some(f)))
        .unwrap_or((rest, None));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn prints_like_the_tables() {
        // check(input, expect)
        let cases = [
            ("68643213", 0, true, "68,643,213"),
            ("91016775.35", 2, true, "91,016,775.35"),
            ("880.84", 2, false, "880.84"),
            ("0", 2, false, "0.00"),
            ("-1234.5", 2, true, "-1,234.50"),
            ("999", 0, true, "999"),
        ];
        for (v, d, sep, expect) in cases {
            assert_eq!(amount(Decimal::from_str(v).unwrap(), d, sep), expect, "{v}");
        }
    }
}
