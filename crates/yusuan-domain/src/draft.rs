//! A draft of next year's budget, held as leaf line items only: every total is derived.

use crate::{Amount, EconomicCode, FunctionCode};
use serde::{Deserialize, Serialize};

/// One leaf line of a draft: which unit spends how much, on what, from which money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// The spending unit's name.
    pub unit: String,
    /// 支出功能分类 项 code.
    pub function_code: FunctionCode,
    /// 经济分类 款 code, when the line is classified economically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economic_code: Option<EconomicCode>,
    /// `true` for 基本支出, `false` for 项目支出.
    pub basic: bool,
    /// For 基本支出: `true` for 人员经费, `false` for 公用经费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnel: Option<bool>,
    /// The project's name, for 项目支出.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// Income source (`一般公共预算`, `政府性基金预算`, `事业收入` …).
    pub source: String,
    /// The amount.
    pub amount: Amount,
}

/// Next year's budget of a department, as leaf line items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The leaf lines.
    pub lines: Vec<LineItem>,
}
