//! 上年执行数: last year's actual spending of the 一般公共预算 by function code, the figure many
//! regions' 编制说明 compare each 项 with (`…科目60.13万元，比2023年执行数140.42万元减少80.29万元，
//! 下降57.18%`). Typed or pasted per code, or read from last year's 决算: its 一般公共预算财政拨款
//! 支出决算表, matched by code. Also the start of budget against actual: each code's execution rate
//! (执行数 ÷ 上年预算).

use crate::model::{Draft, Fund, LeafKey};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use yusuan_domain::{DocKind, Document};

/// Why actuals cannot be taken from a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualsError {
    /// Not a 决算.
    NotFinalAccounts,
    /// A 决算 of another year than the draft's 上年.
    WrongYear {
        /// The 决算's year.
        year: i32,
        /// The year the draft compares with.
        wanted: i32,
    },
    /// No 一般公共预算财政拨款支出决算表 with function codes.
    NoFunctionTable,
    /// A code that is not a function code (类 3, 款 5 or 项 7 digits).
    BadCode(String),
}

impl std::fmt::Display for ActualsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActualsError::NotFinalAccounts => {
                f.write_str("这不是决算文档：上年执行数取自上年的部门决算（或逐科目填写）")
            }
            ActualsError::WrongYear { year, wanted } => write!(
                f,
                "这是{year}年的决算，草稿与{wanted}年比较：请选{wanted}年的决算"
            ),
            ActualsError::NoFunctionTable => {
                f.write_str("这份决算中没有读到按功能科目列示的一般公共预算财政拨款支出决算表")
            }
            ActualsError::BadCode(c) => {
                write!(f, "“{c}”不是功能分类科目编码（类 3 位、款 5 位、项 7 位）")
            }
        }
    }
}

impl std::error::Error for ActualsError {}

/// The year the draft's 执行数 are of: its baseline's year (the year before it).
pub fn actuals_year(d: &Draft) -> i32 {
    d.base_year.unwrap_or(d.year - 1)
}

/// The function codes the draft's 一般公共预算 lines use, with their 类 and 款: the codes an
/// 执行数 can be given for.
pub fn codes(d: &Draft) -> Vec<String> {
    sums_by_code(d).into_keys().collect()
}

/// A code as an 执行数 is keyed: its digits (3, 5 or 7).
pub fn checked_code(code: &str) -> Result<String, ActualsError> {
    let c: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if matches!(c.len(), 3 | 5 | 7) && c.chars().all(|ch| ch.is_ascii_digit()) {
        Ok(c)
    } else {
        Err(ActualsError::BadCode(code.trim().to_string()))
    }
}

/// The 执行数 a 决算 prints for each of the draft's codes (元): its 一般公共预算财政拨款支出决算表's
/// 合计 (or first amount) column, row by code. Codes the 决算 does not print are left out (the
/// caller lists them as not matched).
pub fn from_final_accounts(
    d: &Draft,
    doc: &Document,
) -> Result<BTreeMap<String, Decimal>, ActualsError> {
    if doc.meta.kind != DocKind::FinalAccounts {
        return Err(ActualsError::NotFinalAccounts);
    }
    let wanted = actuals_year(d);
    if doc.meta.year != wanted {
        return Err(ActualsError::WrongYear {
            year: doc.meta.year,
            wanted,
        });
    }
    let spent = doc
        .general_public_by_function()
        .ok_or(ActualsError::NoFunctionTable)?;
    let out = codes(d)
        .into_iter()
        .filter_map(|code| {
            let v = spent.by_code.get(&code)?.1;
            Some((code, v))
        })
        .collect();
    Ok(out)
}

/// The execution rate, 执行数 ÷ 上年预算, as a percentage with two decimals; none without a
/// budget (a code's budget: [`sums_by_code`]).
pub fn rate(actual: Decimal, budget: Decimal) -> Option<Decimal> {
    (!budget.is_zero()).then(|| (actual / budget * Decimal::from(100)).round_dp(2))
}

/// Every code of [`codes`] with its 一般公共预算 spending of this year and of last year's
/// budget, summed over its lines in one pass (a 2,000-line draft's view asks for all of them).
pub fn sums_by_code(d: &Draft) -> std::collections::BTreeMap<String, (Decimal, Decimal)> {
    let mut out: std::collections::BTreeMap<String, (Decimal, Decimal)> = Default::default();
    for l in &d.leaves {
        if let LeafKey::Spend {
            fund: Fund::GeneralPublic,
            function,
            ..
        } = &l.key
        {
            let c = function.as_str();
            for n in [3, 5, 7].into_iter().filter(|&n| c.len() >= n) {
                let sums = out.entry(c[..n].to_string()).or_default();
                sums.0 += l.value;
                sums.1 += l.baseline.unwrap_or_default();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_three_five_or_seven_digits() {
        // check(input, expect)
        assert_eq!(checked_code(" 2010507 ").as_deref(), Ok("2010507"));
        assert_eq!(checked_code("201").as_deref(), Ok("201"));
        assert!(checked_code("2010").is_err());
        assert!(checked_code("20105a7").is_err());
        assert!(checked_code("").is_err());
    }
}
