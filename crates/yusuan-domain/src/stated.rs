//! Figures the narrative states outside the tables (其他相关情况说明): 政府采购 with its
//! 货物/工程/服务 parts, the 绩效目标 summary, and the 国有资产 (vehicles, equipment) counts.

use crate::{Amount, Location};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 政府采购预算 as the narrative states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Procurement {
    /// 政府采购预算 (the total).
    pub total: Amount,
    /// 货物.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goods: Option<Amount>,
    /// 工程.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub works: Option<Amount>,
    /// 服务.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub services: Option<Amount>,
    /// 面向中小企业预留.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reserved_for_small_firms: Option<Amount>,
    /// 其中：预留给小型和微型企业.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reserved_for_micro_firms: Option<Amount>,
    /// Where it is stated.
    pub location: Location,
}

/// The 绩效目标设置情况 summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PerformanceSummary {
    /// How many budget units set targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub units: Option<u32>,
    /// How many projects have targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub projects: Option<u32>,
    /// The project money they cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount: Option<Amount>,
    /// Where it is stated.
    pub location: Location,
}

/// The 国有资产占有使用情况 counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssetSummary {
    /// 车辆 held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub vehicles: Option<u32>,
    /// 单价100万元（含）以上设备 held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub costly_equipment: Option<u32>,
    /// 车辆 to be bought this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub vehicles_to_buy: Option<u32>,
    /// Where it is stated.
    pub location: Location,
}

/// How many units of each type the 机构设置 says the department has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitCounts {
    /// 行政单位.
    pub administrative: u32,
    /// 参公 (参照公务员法管理的) 事业单位.
    pub civil_service: u32,
    /// 事业单位 (other than 参公).
    pub institutions: u32,
    /// Where it is stated.
    pub location: Location,
}

/// The figures stated in the narrative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatedFigures {
    /// 政府采购.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub procurement: Option<Procurement>,
    /// 绩效目标 summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub performance: Option<PerformanceSummary>,
    /// 国有资产.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub assets: Option<AssetSummary>,
    /// 机构设置: units by type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_counts: Option<UnitCounts>,
}
