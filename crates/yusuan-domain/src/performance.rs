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
    /// How and where each amount above was printed.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(
        as = "Option<std::collections::BTreeMap<FundKey, (String, Location)>>",
        optional
    )]
    pub printed: std::collections::BTreeMap<FundKey, (String, Location)>,
}

/// Which of a form's fund amounts: the key of [`Funds::printed`] and of [`Funds::get`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FundKey {
    // In the order of their stored names, which orders `Funds::printed` as before they were typed.
    /// 上年结转资金
    CarriedOver,
    /// 当年财政拨款
    Fiscal,
    /// 其他资金
    Other,
    /// 其中：财政资金 (of the whole project)
    ProjectFiscal,
    /// 项目资金总额
    ProjectTotal,
    /// 年度资金总额
    Total,
}

impl FundKey {
    /// Every key, in the order a form prints them.
    pub const ALL: [FundKey; 6] = [
        FundKey::Total,
        FundKey::Fiscal,
        FundKey::Other,
        FundKey::CarriedOver,
        FundKey::ProjectTotal,
        FundKey::ProjectFiscal,
    ];

    /// The amount's name as a form prints it.
    pub fn label(self) -> &'static str {
        match self {
            FundKey::Total => "年度资金总额",
            FundKey::Fiscal => "当年财政拨款",
            FundKey::Other => "其他资金",
            FundKey::CarriedOver => "上年结转资金",
            FundKey::ProjectTotal => "项目资金总额",
            FundKey::ProjectFiscal => "其中：财政资金",
        }
    }
}

impl Funds {
    /// The amount under `key`.
    pub fn get(&self, key: FundKey) -> Option<Amount> {
        match key {
            FundKey::Total => self.total,
            FundKey::Fiscal => self.fiscal,
            FundKey::Other => self.other,
            FundKey::CarriedOver => self.carried_over,
            FundKey::ProjectTotal => self.project_total,
            FundKey::ProjectFiscal => self.project_fiscal,
        }
    }

    /// Sets the amount under `key` as the form printed it, and where.
    pub fn set_printed(&mut self, key: FundKey, amount: Amount, printed: String, at: Location) {
        let slot = match key {
            FundKey::Total => &mut self.total,
            FundKey::Fiscal => &mut self.fiscal,
            FundKey::Other => &mut self.other,
            FundKey::CarriedOver => &mut self.carried_over,
            FundKey::ProjectTotal => &mut self.project_total,
            FundKey::ProjectFiscal => &mut self.project_fiscal,
        };
        *slot = Some(amount);
        self.printed.insert(key, (printed, at));
    }
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
