//! Classification codes in one canonical form, whatever way they were printed.
//!
//! 支出功能分类 (function) codes are 类 (3 digits) / 款 (2) / 项 (2), printed split as
//! `201 39 01` (often in three table columns) or joined as `2013901`. 经济分类 (economic) codes
//! are 类 (3) / 款 (2). The canonical form is the joined digit string.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The level of a code in its classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord, TS)]
pub enum CodeLevel {
    /// 类
    #[serde(rename = "类")]
    Lei,
    /// 款
    #[serde(rename = "款")]
    Kuan,
    /// 项
    #[serde(rename = "项")]
    Xiang,
}

impl CodeLevel {
    /// 类 / 款 / 项
    pub fn as_str(self) -> &'static str {
        match self {
            CodeLevel::Lei => "类",
            CodeLevel::Kuan => "款",
            CodeLevel::Xiang => "项",
        }
    }
}

/// Why a code could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not made of digits in the allowed groups.
    #[error("科目编码格式不正确：“{0}”")]
    Malformed(String),
}

fn digits_of(printed: &str) -> Option<String> {
    let t = printed
        .trim()
        .trim_start_matches(['[', '【'])
        .trim_end_matches([']', '】']);
    let mut out = String::new();
    for part in t.split([' ', '\t', '\u{3000}', '-', '.']) {
        if part.is_empty() {
            continue;
        }
        if !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        out.push_str(part);
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// A 支出功能分类 code: 3 (类), 5 (款) or 7 (项) digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
pub struct FunctionCode(String);

impl FunctionCode {
    /// Reads `201`, `20139`, `2013901`, `201 39 01`, `[2013901]`.
    pub fn parse(printed: &str) -> Result<FunctionCode, CodeError> {
        let d = digits_of(printed).ok_or_else(|| CodeError::Malformed(printed.to_string()))?;
        match d.len() {
            3 | 5 | 7 => Ok(FunctionCode(d)),
            _ => Err(CodeError::Malformed(printed.to_string())),
        }
    }

    /// Builds a code from the 类/款/项 columns of a table (款 and 项 may be empty).
    pub fn from_parts(lei: &str, kuan: &str, xiang: &str) -> Result<FunctionCode, CodeError> {
        let (l, k, x) = (lei.trim(), kuan.trim(), xiang.trim());
        let ok = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
        let joined = format!("{l} {k} {x}");
        if !ok(l, 3)
            || (!k.is_empty() && !ok(k, 2))
            || (!x.is_empty() && (!ok(x, 2) || k.is_empty()))
        {
            return Err(CodeError::Malformed(joined.trim().to_string()));
        }
        Ok(FunctionCode(format!("{l}{k}{x}")))
    }

    /// The canonical digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 类, 款 or 项.
    pub fn level(&self) -> CodeLevel {
        match self.0.len() {
            3 => CodeLevel::Lei,
            5 => CodeLevel::Kuan,
            _ => CodeLevel::Xiang,
        }
    }

    /// The 类 (3 digits), 款 (2) and 项 (2) parts; missing levels are `None`.
    pub fn parts(&self) -> (&str, Option<&str>, Option<&str>) {
        let s = &self.0;
        (&s[..3], s.get(3..5), s.get(5..7))
    }

    /// The code one level up (项 → 款 → 类), `None` for a 类.
    pub fn parent(&self) -> Option<FunctionCode> {
        match self.0.len() {
            7 => Some(FunctionCode(self.0[..5].to_string())),
            5 => Some(FunctionCode(self.0[..3].to_string())),
            _ => None,
        }
    }

    /// The split form `201 39 01` used by Shanghai's tables.
    pub fn split_form(&self) -> String {
        let (l, k, x) = self.parts();
        [Some(l), k, x]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl TryFrom<String> for FunctionCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        FunctionCode::parse(&s)
    }
}

impl From<FunctionCode> for String {
    fn from(c: FunctionCode) -> String {
        c.0
    }
}

impl fmt::Display for FunctionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A 部门预算支出经济分类 code: 3 (类) or 5 (款) digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
pub struct EconomicCode(String);

impl EconomicCode {
    /// Reads `301`, `30101`, `301 01`, `[30101]`.
    pub fn parse(printed: &str) -> Result<EconomicCode, CodeError> {
        let d = digits_of(printed).ok_or_else(|| CodeError::Malformed(printed.to_string()))?;
        match d.len() {
            3 | 5 => Ok(EconomicCode(d)),
            _ => Err(CodeError::Malformed(printed.to_string())),
        }
    }

    /// Builds a code from the 类/款 columns of a table (款 may be empty).
    pub fn from_parts(lei: &str, kuan: &str) -> Result<EconomicCode, CodeError> {
        let (l, k) = (lei.trim(), kuan.trim());
        let ok = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
        if !ok(l, 3) || (!k.is_empty() && !ok(k, 2)) {
            return Err(CodeError::Malformed(format!("{l} {k}").trim().to_string()));
        }
        Ok(EconomicCode(format!("{l}{k}")))
    }

    /// The canonical digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 类 or 款.
    pub fn level(&self) -> CodeLevel {
        if self.0.len() == 3 {
            CodeLevel::Lei
        } else {
            CodeLevel::Kuan
        }
    }

    /// The 类 of a 款, `None` for a 类.
    pub fn parent(&self) -> Option<EconomicCode> {
        (self.0.len() == 5).then(|| EconomicCode(self.0[..3].to_string()))
    }

    /// The split form `302 17` the tables print.
    pub fn split_form(&self) -> String {
        match self.parent() {
            Some(lei) => format!("{} {}", lei.0, &self.0[3..]),
            None => self.0.clone(),
        }
    }
}

impl TryFrom<String> for EconomicCode {
    type Error = CodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        EconomicCode::parse(&s)
    }
}

impl From<EconomicCode> for String {
    fn from(c: EconomicCode) -> String {
        c.0
    }
}

impl fmt::Display for EconomicCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_joined_forms_are_one_code() {
        let a = FunctionCode::parse("201 39 01").unwrap();
        let b = FunctionCode::parse("2013901").unwrap();
        let c = FunctionCode::from_parts("201", "39", "01").unwrap();
        let e = FunctionCode::parse("[2013901]").unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(c, e);
        assert_eq!(a.level(), CodeLevel::Xiang);
        assert_eq!(a.parent().unwrap().as_str(), "20139");
        assert_eq!(a.parent().unwrap().parent().unwrap().as_str(), "201");
        assert_eq!(a.split_form(), "201 39 01");
        assert_eq!(EconomicCode::parse("30217").unwrap().split_form(), "302 17");
        assert_eq!(EconomicCode::parse("302").unwrap().split_form(), "302");
        assert_eq!(
            FunctionCode::from_parts("201", "", "").unwrap().level(),
            CodeLevel::Lei
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "20", "2013", "201390", "20139011", "2O1", "abc"] {
            assert!(FunctionCode::parse(bad).is_err(), "{bad}");
        }
        assert!(FunctionCode::from_parts("201", "", "01").is_err());
        assert!(FunctionCode::from_parts("201", "3", "").is_err());
        assert!(EconomicCode::parse("3010").is_err());
        assert!(EconomicCode::parse("3010101").is_err());
    }

    #[test]
    fn economic_codes() {
        let c = EconomicCode::from_parts("302", "17").unwrap();
        assert_eq!(c, EconomicCode::parse("30217").unwrap());
        assert_eq!(c.level(), CodeLevel::Kuan);
        assert_eq!(c.parent().unwrap().as_str(), "302");
    }

    #[test]
    fn codes_serialize_canonically() {
        let c = FunctionCode::parse("201 39 01").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"2013901\"");
        let back: FunctionCode = serde_json::from_str("\"2013901\"").unwrap();
        assert_eq!(back, c);
        assert!(serde_json::from_str::<FunctionCode>("\"20\"").is_err());
    }
}
