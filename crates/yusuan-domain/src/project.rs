//! 项目经费情况说明: per project, the seven parts and their itemised amounts.

use crate::{Amount, Location};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The seven parts of a project description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProjectPartKind {
    /// 项目概述
    Overview,
    /// 立项依据
    Basis,
    /// 实施主体
    Implementer,
    /// 实施方案
    Plan,
    /// 实施周期
    Period,
    /// 年度预算安排 / 资金安排
    Budget,
    /// 绩效目标 (printed as 成绩目标 too)
    Performance,
    /// A heading that is none of the seven.
    Other,
}

impl ProjectPartKind {
    /// The seven standard parts, in the order the formats print them (every kind but
    /// [`ProjectPartKind::Other`]).
    pub const STANDARD: [ProjectPartKind; 7] = [
        ProjectPartKind::Overview,
        ProjectPartKind::Basis,
        ProjectPartKind::Implementer,
        ProjectPartKind::Plan,
        ProjectPartKind::Period,
        ProjectPartKind::Budget,
        ProjectPartKind::Performance,
    ];

    /// Recognises a part from its heading (`六、资金安排`, `（六）年度预算安排`).
    pub fn from_heading(heading: &str) -> ProjectPartKind {
        let h = heading;
        if h.contains("概述") || h.contains("项目概况") {
            ProjectPartKind::Overview
        } else if h.contains("立项依据") {
            ProjectPartKind::Basis
        } else if h.contains("实施主体") {
            ProjectPartKind::Implementer
        } else if h.contains("实施方案") {
            ProjectPartKind::Plan
        } else if h.contains("实施周期") {
            ProjectPartKind::Period
        } else if h.contains("预算安排") || h.contains("资金安排") {
            ProjectPartKind::Budget
        } else if h.contains("绩效目标") || h.contains("成绩目标") {
            ProjectPartKind::Performance
        } else {
            ProjectPartKind::Other
        }
    }

    /// The standard heading.
    pub fn label(self) -> &'static str {
        match self {
            ProjectPartKind::Overview => "项目概述",
            ProjectPartKind::Basis => "立项依据",
            ProjectPartKind::Implementer => "实施主体",
            ProjectPartKind::Plan => "实施方案",
            ProjectPartKind::Period => "实施周期",
            ProjectPartKind::Budget => "年度预算安排",
            ProjectPartKind::Performance => "绩效目标",
            ProjectPartKind::Other => "其他",
        }
    }
}

/// An amount the text itemises (`培训费 2.4万元`, `单价 300元 × 80人`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ItemisedAmount {
    /// What the money is for, as printed.
    pub label: String,
    /// The amount.
    pub amount: Amount,
    /// Unit price, when given as price × quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_price: Option<Amount>,
    /// Quantity, when given as price × quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string", optional)]
    pub quantity: Option<Decimal>,
    /// The text as printed.
    pub printed: String,
    /// Where.
    pub location: Location,
    /// What kind of itemisation the amount is (stored as its number, 1–4).
    #[serde(default)]
    #[ts(type = "1 | 2 | 3 | 4")]
    pub level: ItemLevel,
}

/// What an itemised amount is within its part's text. Stored and sent as its number (1–4), as
/// documents imported before it was named keep it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(into = "u8", try_from = "u8")]
pub enum ItemLevel {
    /// 1: a numbered item (`1.`), or the part's amount when it is not numbered.
    #[default]
    Item,
    /// 2: a sub-item under a numbered item (`(1)` after a `1.`).
    SubItem,
    /// 3: a computation inside an item (`4000.00元*12*3=14.40万元`, with its unit price and
    /// quantity).
    Computation,
    /// 4: any other amount the part's text prints (`党建工作经费65.00万元`).
    Mention,
}

impl ItemLevel {
    /// The level of the parts that add up to an amount of this level: an item's sub-items, a
    /// sub-item's computations; `None` for what has no parts.
    pub fn parts(self) -> Option<ItemLevel> {
        match self {
            ItemLevel::Item => Some(ItemLevel::SubItem),
            ItemLevel::SubItem => Some(ItemLevel::Computation),
            ItemLevel::Computation | ItemLevel::Mention => None,
        }
    }
}

impl From<ItemLevel> for u8 {
    fn from(l: ItemLevel) -> u8 {
        match l {
            ItemLevel::Item => 1,
            ItemLevel::SubItem => 2,
            ItemLevel::Computation => 3,
            ItemLevel::Mention => 4,
        }
    }
}

impl TryFrom<u8> for ItemLevel {
    type Error = String;
    fn try_from(n: u8) -> Result<ItemLevel, String> {
        match n {
            1 => Ok(ItemLevel::Item),
            2 => Ok(ItemLevel::SubItem),
            3 => Ok(ItemLevel::Computation),
            4 => Ok(ItemLevel::Mention),
            _ => Err(format!("itemised amount level {n} is not 1–4")),
        }
    }
}

/// One part of a project description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProjectPart {
    /// Which of the seven parts.
    pub kind: ProjectPartKind,
    /// The heading as printed.
    pub heading: String,
    /// The text.
    pub text: String,
    /// Amounts itemised in this part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ItemisedAmount>>", optional)]
    pub items: Vec<ItemisedAmount>,
    /// Where the heading was printed.
    pub location: Location,
    /// Where each line of `text` was printed (one per line, same order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Location>>", optional)]
    pub line_locations: Vec<Location>,
}

/// A 项目经费情况说明.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProjectDescription {
    /// The project's name.
    pub name: String,
    /// The stated total of the project, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub total: Option<Amount>,
    /// The stated total as printed, and where (when `total` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub total_printed: Option<(String, Location)>,
    /// The parts, in printed order.
    pub parts: Vec<ProjectPart>,
    /// Where the title was printed.
    pub location: Location,
}

impl ProjectDescription {
    /// The part of this kind, if present.
    pub fn part(&self, kind: ProjectPartKind) -> Option<&ProjectPart> {
        self.parts.iter().find(|p| p.kind == kind)
    }
}
