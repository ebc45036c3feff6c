//! Findings: what a rule found, where, and what was expected.

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: blocks export.
    Error,
    /// 警告: needs a written explanation.
    Warning,
    /// 提示: a hint.
    Info,
}

impl Severity {
    /// 错误 / 警告 / 提示
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Where a finding is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct FindingLocation {
    /// The table, as titled.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub table: Option<String>,
    /// The row (code and label).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub row: Option<String>,
    /// The column's header path.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub column: Option<String>,
    /// The narrative section.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub section: Option<String>,
    /// Page, when the source has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub page: Option<u32>,
    /// Line in the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub line: Option<u32>,
}

impl FindingLocation {
    /// A place in the narrative: the section (as titled) and where in it.
    pub(crate) fn in_section(section: impl Into<String>, l: yusuan_domain::Location) -> Self {
        FindingLocation {
            section: Some(section.into()),
            page: l.page,
            line: l.line,
            ..Default::default()
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    /// The rule's stable id.
    pub rule: &'static str,
    /// How serious.
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Where.
    pub location: FindingLocation,
    /// The expected value (decimal string with its unit).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub expected: Option<String>,
    /// The value printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub actual: Option<String>,
    /// What to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint: Option<String>,
}

/// A decimal with its unit, as findings print amounts.
pub(crate) fn money(v: Decimal, unit: yusuan_domain::Unit) -> String {
    format!("{v}{unit}")
}
