//! What a leaf line is keyed by: the fund (资金来源), the kind of spending, the 政府采购 and
//! 国有资产 figures, and the key itself with its text form (`支出|一般公共预算|2013901|基本支出`),
//! the address users type and scripts read.

use serde::{Deserialize, Serialize};
use std::fmt;
use yusuan_domain::{EconomicCode, FunctionCode};

/// Where money comes from (资金来源). The first three are 财政拨款.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Fund {
    /// 一般公共预算
    #[serde(rename = "一般公共预算")]
    GeneralPublic,
    /// 政府性基金预算
    #[serde(rename = "政府性基金预算")]
    GovernmentFund,
    /// 国有资本经营预算
    #[serde(rename = "国有资本经营预算")]
    StateCapital,
    /// 财政专户管理资金
    #[serde(rename = "财政专户管理资金")]
    SpecialAccount,
    /// 事业收入
    #[serde(rename = "事业收入")]
    Business,
    /// 事业单位经营收入
    #[serde(rename = "事业单位经营收入")]
    Operating,
    /// 其他收入
    #[serde(rename = "其他收入")]
    Other,
    /// 上年结转
    #[serde(rename = "上年结转")]
    CarryOver,
}

impl Fund {
    /// Every fund, in the order the tables print them.
    pub const ALL: [Fund; 8] = [
        Fund::GeneralPublic,
        Fund::GovernmentFund,
        Fund::StateCapital,
        Fund::SpecialAccount,
        Fund::Business,
        Fund::Operating,
        Fund::Other,
        Fund::CarryOver,
    ];

    /// The 财政拨款 funds.
    pub const FISCAL: [Fund; 3] = [
        Fund::GeneralPublic,
        Fund::GovernmentFund,
        Fund::StateCapital,
    ];

    /// The name as the documents print it.
    pub fn label(&self) -> &'static str {
        match self {
            Fund::GeneralPublic => "一般公共预算",
            Fund::GovernmentFund => "政府性基金预算",
            Fund::StateCapital => "国有资本经营预算",
            Fund::SpecialAccount => "财政专户管理资金",
            Fund::Business => "事业收入",
            Fund::Operating => "事业单位经营收入",
            Fund::Other => "其他收入",
            Fund::CarryOver => "上年结转",
        }
    }

    /// Whether this is 财政拨款.
    pub fn is_fiscal(&self) -> bool {
        Fund::FISCAL.contains(self)
    }

    /// The fund a printed label names (`一般公共预算资金`, `政府性基金`, `事业收入` …).
    pub fn from_label(text: &str) -> Option<Fund> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let has = |s: &str| t.contains(s);
        if has("一般公共预算") {
            Some(Fund::GeneralPublic)
        } else if has("政府性基金") {
            Some(Fund::GovernmentFund)
        } else if has("国有资本经营") {
            Some(Fund::StateCapital)
        } else if has("财政专户") {
            Some(Fund::SpecialAccount)
        } else if has("经营收入") {
            Some(Fund::Operating)
        } else if has("事业收入") {
            Some(Fund::Business)
        } else if has("其他收入") {
            Some(Fund::Other)
        } else if has("上年结转") {
            Some(Fund::CarryOver)
        } else {
            None
        }
    }
}

/// What kind of spending a line is: 基本支出 (人员经费 / 公用经费, or unsplit where the source
/// prints only 基本支出) or 项目支出, or another column a format prints (事业单位经营支出 …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SpendKind {
    /// 人员经费
    #[serde(rename = "人员经费")]
    Personnel,
    /// 公用经费
    #[serde(rename = "公用经费")]
    Public,
    /// 基本支出, not split into 人员/公用 by the source.
    #[serde(rename = "基本支出")]
    Basic,
    /// 项目支出
    #[serde(rename = "项目支出")]
    Project,
    /// Another spending column (`事业单位经营支出`, `上缴上级支出` …).
    #[serde(rename = "其他")]
    Named(String),
}

impl SpendKind {
    /// The name as printed.
    pub fn label(&self) -> &str {
        match self {
            SpendKind::Personnel => "人员经费",
            SpendKind::Public => "公用经费",
            SpendKind::Basic => "基本支出",
            SpendKind::Project => "项目支出",
            SpendKind::Named(s) => s,
        }
    }

    /// 人员经费, 公用经费 and unsplit 基本支出.
    pub fn is_basic(&self) -> bool {
        matches!(
            self,
            SpendKind::Personnel | SpendKind::Public | SpendKind::Basic
        )
    }

    fn parse(text: &str) -> SpendKind {
        match text {
            "人员经费" => SpendKind::Personnel,
            "公用经费" => SpendKind::Public,
            "基本支出" => SpendKind::Basic,
            "项目支出" => SpendKind::Project,
            other => SpendKind::Named(other.to_string()),
        }
    }
}

/// A figure of 政府采购预算 as the narrative states it. The total is a leaf only where the source
/// states no 货物/工程/服务 parts; otherwise it is their sum. 面向中小企业预留 is a share of them,
/// stated beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProcurementPart {
    /// 政府采购预算 (the total, when no parts are stated).
    #[serde(rename = "合计")]
    Total,
    /// 货物
    #[serde(rename = "货物")]
    Goods,
    /// 工程
    #[serde(rename = "工程")]
    Works,
    /// 服务
    #[serde(rename = "服务")]
    Services,
    /// 面向中小企业预留
    #[serde(rename = "面向中小企业预留")]
    SmallFirms,
    /// 其中：预留给小型和微型企业 (of the 中小企业 reservation)
    #[serde(rename = "预留给小型和微型企业")]
    MicroFirms,
}

impl ProcurementPart {
    /// Every part, in the order the narrative states them.
    pub const ALL: [ProcurementPart; 6] = [
        ProcurementPart::Total,
        ProcurementPart::Goods,
        ProcurementPart::Works,
        ProcurementPart::Services,
        ProcurementPart::SmallFirms,
        ProcurementPart::MicroFirms,
    ];

    /// The name as printed.
    pub fn label(self) -> &'static str {
        match self {
            ProcurementPart::Total => "合计",
            ProcurementPart::Goods => "货物",
            ProcurementPart::Works => "工程",
            ProcurementPart::Services => "服务",
            ProcurementPart::SmallFirms => "面向中小企业预留",
            ProcurementPart::MicroFirms => "预留给小型和微型企业",
        }
    }

    /// The leaf line's readable name.
    pub fn leaf_label(self) -> String {
        match self {
            ProcurementPart::Total => "政府采购预算".to_string(),
            ProcurementPart::SmallFirms => "政府采购预算 其中：面向中小企业预留".to_string(),
            ProcurementPart::MicroFirms => {
                "政府采购预算 面向中小企业预留 其中：预留给小型和微型企业".to_string()
            }
            part => format!("政府采购预算 {}", part.label()),
        }
    }
}

/// A figure of 其他相关情况说明 that is not a sum of the tables: the 国有资产 counts and the
/// 绩效目标设置 summary. Next year's are facts the user states (the vehicles held on 8月31日,
/// the projects with targets), so they are lines of the draft rather than carried text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum StatedItem {
    /// 车辆 held (辆).
    #[serde(rename = "车辆")]
    Vehicles,
    /// 单价100万元（含）以上设备 held (台（套）).
    #[serde(rename = "大型设备")]
    CostlyEquipment,
    /// 车辆 to be bought in the budget year (辆).
    #[serde(rename = "购置车辆")]
    VehiclesToBuy,
    /// Projects with 绩效目标 (个).
    #[serde(rename = "绩效项目")]
    TargetProjects,
    /// The project money those targets cover (元).
    #[serde(rename = "绩效资金")]
    TargetAmount,
    /// 行政单位 (机关) of the department (家), as its 机构设置 counts them.
    #[serde(rename = "行政单位")]
    AdministrativeUnits,
    /// 参公 (参照公务员法管理的) 事业单位 (家).
    #[serde(rename = "参公单位")]
    CivilServiceUnits,
    /// 事业单位 other than 参公 (家).
    #[serde(rename = "事业单位")]
    InstitutionUnits,
}

impl StatedItem {
    /// Every item, in the order the narrative states them.
    pub const ALL: [StatedItem; 8] = [
        StatedItem::Vehicles,
        StatedItem::CostlyEquipment,
        StatedItem::VehiclesToBuy,
        StatedItem::TargetProjects,
        StatedItem::TargetAmount,
        StatedItem::AdministrativeUnits,
        StatedItem::CivilServiceUnits,
        StatedItem::InstitutionUnits,
    ];

    /// The name in the key (`情况|车辆`).
    pub fn label(self) -> &'static str {
        match self {
            StatedItem::Vehicles => "车辆",
            StatedItem::CostlyEquipment => "大型设备",
            StatedItem::VehiclesToBuy => "购置车辆",
            StatedItem::TargetProjects => "绩效项目",
            StatedItem::TargetAmount => "绩效资金",
            StatedItem::AdministrativeUnits => "行政单位",
            StatedItem::CivilServiceUnits => "参公单位",
            StatedItem::InstitutionUnits => "事业单位",
        }
    }

    /// What the value counts: `元` for money, else the measure (`辆`, `台（套）`, `个`).
    pub fn unit(self) -> &'static str {
        match self {
            StatedItem::Vehicles | StatedItem::VehiclesToBuy => "辆",
            StatedItem::CostlyEquipment => "台（套）",
            StatedItem::TargetProjects => "个",
            StatedItem::TargetAmount => "元",
            StatedItem::AdministrativeUnits
            | StatedItem::CivilServiceUnits
            | StatedItem::InstitutionUnits => "家",
        }
    }

    /// The leaf line's readable name.
    pub fn leaf_label(self) -> String {
        match self {
            StatedItem::Vehicles => "国有资产 车辆（辆）".to_string(),
            StatedItem::CostlyEquipment => {
                "国有资产 单价100万元（含）以上设备（台（套））".to_string()
            }
            StatedItem::VehiclesToBuy => "国有资产 本年购置车辆（辆）".to_string(),
            StatedItem::TargetProjects => "绩效目标 编报绩效目标的项目（个）".to_string(),
            StatedItem::TargetAmount => "绩效目标 涉及项目预算资金".to_string(),
            StatedItem::AdministrativeUnits => "机构设置 行政单位（家）".to_string(),
            StatedItem::CivilServiceUnits => "机构设置 参公单位（家）".to_string(),
            StatedItem::InstitutionUnits => "机构设置 事业单位（家）".to_string(),
        }
    }
}

/// What one leaf line is keyed by. Its text form (`支出|一般公共预算|2013901|基本支出`) is the
/// key users type and scripts read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "grid", rename_all = "snake_case")]
pub enum LeafKey {
    /// Spending by fund, function 项 and kind: the grid behind every function-classified table.
    Spend {
        /// 资金来源
        fund: Fund,
        /// 支出功能分类 项 (or the deepest level the source prints)
        function: FunctionCode,
        /// 基本 (人员/公用) or 项目
        kind: SpendKind,
    },
    /// 一般公共预算 基本支出 by economic 款 and 人员/公用.
    Economic {
        /// 部门预算支出经济分类 款
        code: EconomicCode,
        /// 人员经费 / 公用经费
        kind: SpendKind,
    },
    /// One cell of a table whose structure is its own (units, 三公, projects): the table kind's
    /// name, the row's key (code or label) and the column's header path.
    Cell {
        /// The table kind's Chinese name.
        table: String,
        /// The row key.
        row: String,
        /// The column path joined with `/`.
        column: String,
    },
    /// 政府采购预算 as the 其他相关情况说明 states it.
    Procurement {
        /// 货物, 工程, 服务, 面向中小企业预留, or the total.
        part: ProcurementPart,
    },
    /// A 国有资产 count or the 绩效目标 summary, as the 其他相关情况说明 states it.
    Stated {
        /// Which figure.
        item: StatedItem,
    },
}

impl fmt::Display for LeafKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeafKey::Spend {
                fund,
                function,
                kind,
            } => write!(
                f,
                "支出|{}|{}|{}",
                fund.label(),
                function.as_str(),
                kind.label()
            ),
            LeafKey::Economic { code, kind } => {
                write!(f, "经济|{}|{}", code.as_str(), kind.label())
            }
            LeafKey::Cell { table, row, column } => write!(f, "表|{table}|{row}|{column}"),
            LeafKey::Procurement { part } => write!(f, "采购|{}", part.label()),
            LeafKey::Stated { item } => write!(f, "情况|{}", item.label()),
        }
    }
}

impl LeafKey {
    /// Reads the text form; `None` when it is not a key.
    pub fn parse(text: &str) -> Option<LeafKey> {
        let parts: Vec<&str> = text.trim().splitn(4, '|').collect();
        match parts.as_slice() {
            ["支出", fund, code, kind] => Some(LeafKey::Spend {
                fund: Fund::ALL.into_iter().find(|f| f.label() == *fund)?,
                function: FunctionCode::parse(code).ok()?,
                kind: SpendKind::parse(kind),
            }),
            ["经济", code, kind] => Some(LeafKey::Economic {
                code: EconomicCode::parse(code).ok()?,
                kind: SpendKind::parse(kind),
            }),
            ["表", table, row, column] => Some(LeafKey::Cell {
                table: table.to_string(),
                row: row.to_string(),
                column: column.to_string(),
            }),
            ["采购", part] => Some(LeafKey::Procurement {
                part: ProcurementPart::ALL
                    .into_iter()
                    .find(|p| p.label() == *part)?,
            }),
            ["情况", item] => Some(LeafKey::Stated {
                item: StatedItem::ALL.into_iter().find(|i| i.label() == *item)?,
            }),
            _ => None,
        }
    }
}

impl LeafKey {
    /// What a leaf's value counts: `元`, or a count's measure (`辆`, `个` …).
    pub fn unit(&self) -> &'static str {
        match self {
            LeafKey::Stated { item } => item.unit(),
            _ => "元",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_from_their_text() {
        let keys = [
            LeafKey::Spend {
                fund: Fund::GeneralPublic,
                function: FunctionCode::parse("2013901").unwrap(),
                kind: SpendKind::Basic,
            },
            LeafKey::Spend {
                fund: Fund::Business,
                function: FunctionCode::parse("2080505").unwrap(),
                kind: SpendKind::Project,
            },
            LeafKey::Economic {
                code: EconomicCode::parse("30101").unwrap(),
                kind: SpendKind::Personnel,
            },
            LeafKey::Cell {
                table: "三公".into(),
                row: "1".into(),
                column: "a/b|c".into(),
            },
            LeafKey::Procurement {
                part: ProcurementPart::SmallFirms,
            },
            LeafKey::Stated {
                item: StatedItem::Vehicles,
            },
        ];
        for k in keys {
            assert_eq!(LeafKey::parse(&k.to_string()), Some(k.clone()), "{k}");
        }
        assert_eq!(LeafKey::parse("支出|不存在|2013901|基本支出"), None);
        assert_eq!(LeafKey::parse("随便"), None);
        assert_eq!(LeafKey::parse("采购|家具"), None);
    }

    #[test]
    fn funds_from_printed_labels() {
        assert_eq!(
            Fund::from_label("1.一般公共预算资金"),
            Some(Fund::GeneralPublic)
        );
        assert_eq!(
            Fund::from_label("二、政府性基金"),
            Some(Fund::GovernmentFund)
        );
        assert_eq!(Fund::from_label("事业单位经营收入"), Some(Fund::Operating));
        assert_eq!(Fund::from_label("合计"), None);
    }
}
