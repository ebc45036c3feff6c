//! Computations a budget text prints: `0.35万元*7=2.45万元`, `3天*800人*60.00元/人/天=144000.00元`,
//! `50*450.00元+101*300.00元=5.28万元` — unit prices times quantities, summed, equal to an amount.

use crate::{parse_amount, Amount, Unit};
use rust_decimal::Decimal;

/// One term of a computation: a unit price and the product of its quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The price per unit, as printed (`60.00元/人/天`).
    pub price: Amount,
    /// The product of the quantities (`3天*800人` → 2400).
    pub quantity: Decimal,
}

/// A computation printed in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// The expression left of `=`, as printed.
    pub expression: String,
    /// Its terms (added).
    pub terms: Vec<Term>,
    /// The amount printed right of `=`.
    pub result: Amount,
    /// That amount as printed (`2.45万元`).
    pub result_printed: String,
    /// Byte offset of the expression in the text.
    pub start: usize,
}

impl Product {
    /// The exact value of the expression, in 元.
    pub fn computed_yuan(&self) -> Decimal {
        self.terms
            .iter()
            .map(|t| t.price.to_yuan() * t.quantity)
            .sum()
    }

    /// The expression's value in the result's unit, rounded to the result's printed decimals.
    pub fn computed_as_printed(&self) -> Decimal {
        let dp = self.result_printed.split('.').nth(1).map_or(0, |f| {
            f.chars().take_while(char::is_ascii_digit).count() as u32
        });
        let v = self.computed_yuan();
        let v = if self.result.unit == Unit::WanYuan {
            v / Unit::WanYuan.in_yuan()
        } else {
            v
        };
        v.round_dp(dp)
    }

    /// Whether the printed result is the expression's value at its printed precision.
    pub fn is_right(&self) -> bool {
        self.computed_as_printed() == self.result.value
    }
}

/// One factor: its number, its money unit when it is a price (true for 万元), and bytes used.
fn factor(s: &str) -> Option<(Decimal, Option<bool>, usize)> {
    let digits = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let number = s[..digits].trim_end_matches(['.', ',']);
    let value = parse_amount(number).ok()?;
    let mut at = number.len();
    let rest = &s[at..];
    let money = if rest.starts_with("万元") {
        at += "万元".len();
        Some(true)
    } else if rest.starts_with('元') {
        at += '元'.len_utf8();
        Some(false)
    } else {
        None
    };
    // `/人/天`, then a count word (`期`, `人`, `批次`): up to two characters.
    let is_word = |c: char| !c.is_ascii() && !"元万×✕＊＝，。；：、（）".contains(c);
    while let Some(r) = s[at..].strip_prefix('/') {
        let n: usize = r
            .chars()
            .take_while(|c| is_word(*c))
            .take(3)
            .map(char::len_utf8)
            .sum();
        if n == 0 {
            break;
        }
        at += 1 + n;
    }
    let n: usize = s[at..]
        .chars()
        .take_while(|c| is_word(*c))
        .take(2)
        .map(char::len_utf8)
        .sum();
    Some((value, money, at + n))
}

const TIMES: [char; 6] = ['*', '×', 'x', 'X', '✕', '＊'];

/// The terms of `a*b*c+d*e` (exactly one price per term, at least one `*`); all of `s` must parse.
fn terms(s: &str) -> Option<Vec<Term>> {
    if !s.contains(TIMES) {
        return None;
    }
    let mut out = Vec::new();
    for term in s.split(['+', '＋']) {
        let mut quantity = Decimal::ONE;
        let mut price = None;
        for f in term.split(TIMES) {
            let (v, money, used) = factor(f)?;
            if used != f.len() {
                return None;
            }
            match money {
                Some(wan) if price.is_none() => {
                    price = Some(Amount {
                        value: v,
                        unit: if wan { Unit::WanYuan } else { Unit::Yuan },
                    })
                }
                Some(_) => return None,
                None => quantity *= v,
            }
        }
        out.push(Term {
            price: price?,
            quantity,
        });
    }
    Some(out)
}

/// Every computation in a text (whitespace already removed or not: spaces are ignored).
pub fn products(text: &str) -> Vec<Product> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Vec::new();
    for (eq, sign) in text.match_indices(['=', '＝']) {
        let right = &text[eq + sign.len()..];
        let Some((value, Some(wan), used)) = factor(right) else {
            continue;
        };
        let printed = right[..used]
            .trim_end_matches(|c: char| !c.is_ascii_digit() && c != '元')
            .to_string();
        let result = Amount {
            value,
            unit: if wan { Unit::WanYuan } else { Unit::Yuan },
        };
        // The longest expression ending at `=` within its clause.
        let left = &text[..eq];
        let clause_start = left
            .rfind(['，', '。', '；', '：', ':', '（', '(', '、', ','])
            .map_or(0, |k| {
                k + left[k..].chars().next().map_or(1, char::len_utf8)
            });
        let clause = &left[clause_start..];
        let starts = clause.char_indices().filter(|(i, c)| {
            c.is_ascii_digit()
                && (*i == 0
                    || !clause[..*i]
                        .ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ','))
        });
        for (i, _) in starts {
            if let Some(terms) = terms(&clause[i..]) {
                out.push(Product {
                    expression: clause[i..].to_string(),
                    terms,
                    result,
                    result_printed: printed.clone(),
                    start: clause_start + i,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::products;

    #[test]
    fn reads_what_the_text_computes() {
        // Seed 003's own computations (all right).
        for t in [
            "预计租房费用为4000.00元*12*3=14.40万元",
            "共计800.00元*10*6+800.00元*6*12=10.56万元",
            "50*450.00元+101*300.00元=5.28万元",
            "体检租车费用0.35万元*7=2.45万元",
            "培训费3天*800人*60.00元/人/天=144000.00元",
            "师资费4000.00元/讲*20期=80000.00元",
            "费用:1100人*50.00元/人=55000.00元",
        ] {
            let p = products(t);
            assert_eq!(p.len(), 1, "{t}");
            assert!(p[0].is_right(), "{t}: {:?}", p[0]);
        }
        let p = &products("培训费3天*800人*60.00元/人/天=144000.00元")[0];
        assert_eq!(
            (
                p.terms[0].price.to_string(),
                p.terms[0].quantity.to_string()
            ),
            ("60.00元".to_string(), "2400".to_string())
        );
        let wrong = &products("租车费用0.35万元*7=2.55万元")[0];
        assert!(!wrong.is_right());
        assert_eq!(wrong.computed_as_printed().to_string(), "2.45");
        assert!(products("2026年1月=全年").is_empty());
        assert!(products("共3人=3人").is_empty());
    }
}
