//! 绩效目标 forms: funds, goals and the indicator tree.

use crate::{Amount, Location};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A form's funds (资金情况).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Funds {
    /// 资金总额 / 年度资金总额
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub total: Option<Amount>,
    /// 财政资金 / 财政拨款
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fiscal: Option<Amount>,
    /// 其他资金
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub other: Option<Amount>,
    /// 上年结转资金
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub carried_over: Option<Amount>,
    /// 项目资金总额: the whole project's funds over all its years (beside the year's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub project_total: Option<Amount>,
    /// 其中：财政资金 of the whole project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub project_fiscal: Option<Amount>,
    /// How and where each amount above was printed, by field name (`total`, `fiscal`,
    /// `other`, `carried_over`, `project_total`, `project_fiscal`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(
        as = "Option<std::collections::BTreeMap<String, (String, Location)>>",
        optional
    )]
    pub printed: std::collections::BTreeMap<String, (String, Location)>,
}

/// The comparison an indicator value states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Operator {
    /// =
    #[serde(rename = "=")]
    Eq,
    /// ≥
    #[serde(rename = "≥")]
    Ge,
    /// ≤
    #[serde(rename = "≤")]
    Le,
    /// >
    #[serde(rename = ">")]
    Gt,
    /// <
    #[serde(rename = "<")]
    Lt,
}

impl Operator {
    /// Reads `=`, `≥`, `>=`, `≤`, `<=`, `>`, `<` (and full-width forms).
    pub fn parse(s: &str) -> Option<Operator> {
        match s.trim() {
            "=" | "＝" => Some(Operator::Eq),
            "≥" | ">=" | "＞＝" | "≧" => Some(Operator::Ge),
            "≤" | "<=" | "＜＝" | "≦" => Some(Operator::Le),
            ">" | "＞" => Some(Operator::Gt),
            "<" | "＜" => Some(Operator::Lt),
            _ => None,
        }
    }
}

/// An indicator's target value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum IndicatorValue {
    /// `≥236.00(人)`: an operator, an exact number and its measure.
    Measured {
        /// The comparison.
        operator: Operator,
        /// The number, exact.
        #[ts(type = "string")]
        value: Decimal,
        /// The measure (`人`, `%`, `元/场`), when printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        measure: Option<String>,
    },
    /// A word (`及时`, `提升`, `=可持续使用`).
    Word {
        /// The comparison, when printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        operator: Option<Operator>,
        /// The word.
        text: String,
    },
}

/// One indicator of the tree: 一级 → 二级 → 三级 name → value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Indicator {
    /// 一级指标 (产出 / 效益 / 满意度 / 成本).
    pub level1: String,
    /// 二级指标 (数量 / 质量 / 时效 / 社会效益 …).
    pub level2: String,
    /// 三级指标 name.
    pub name: String,
    /// The target value.
    pub value: IndicatorValue,
    /// The value as printed.
    pub printed: String,
    /// Where.
    pub location: Location,
}

/// A 绩效目标 form (财政项目支出绩效目标申报表, 部门整体支出绩效目标表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PerformanceForm {
    /// 项目名称 (or the department, for the whole-department form).
    pub project: String,
    /// 主管部门
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub department: Option<String>,
    /// 实施单位
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub implementer: Option<String>,
    /// 项目期限 / dates, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub period: Option<String>,
    /// The funds.
    pub funds: Funds,
    /// 年度总体目标 text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub annual_goal: Option<String>,
    /// The indicator tree, flattened in printed order.
    pub indicators: Vec<Indicator>,
    /// Where the form starts.
    pub location: Location,
}
