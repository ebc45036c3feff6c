//! The shapes a comparison is made of (what the CLI prints and the UI receives).

use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;
use yusuan_check::Finding;
use yusuan_domain::{LedgerSide, TableKind};

/// How a comparison flags lines.
#[derive(Debug, Clone)]
pub struct Options {
    /// A change is notable when its percent is at least this (e.g. 10 for ±10 %)…
    pub threshold_percent: Decimal,
    /// …and its amount at least this many 元 (e.g. 500000 for ±50万元).
    pub threshold_yuan: Decimal,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold_percent: Decimal::from(10),
            threshold_yuan: Decimal::from(500_000),
        }
    }
}

/// One compared document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocRef {
    /// The department.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// A caller's label (library id or file name).
    pub label: String,
}

/// What identifies a line across years.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
pub struct LineKey {
    /// The standard table.
    pub table: TableKind,
    /// 收入 / 支出 side of a two-sided table.
    pub side: Option<LedgerSide>,
    /// The canonical code (empty for rows keyed by label).
    pub code: String,
    /// The row label with spaces removed (used when there is no code).
    pub label: String,
    /// The column's header path.
    pub column: String,
}

/// A flag on an aligned line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Only in the later documents (新增).
    New,
    /// Only in the earlier documents (取消).
    Removed,
    /// Change beyond both thresholds (变动较大).
    BeyondThreshold,
    /// Same code, different name (科目名称变化).
    Renamed,
    /// Compared under a new code through the catalogue mapping (科目代码调整).
    Mapped,
    /// 基本支出 and 项目支出 moved in opposite directions (基本/项目调整).
    BasicProjectShift,
    /// A 三公 line changed (三公经费变动).
    ThreePublic,
}

impl Flag {
    /// The Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Flag::New => "新增",
            Flag::Removed => "取消",
            Flag::BeyondThreshold => "变动较大",
            Flag::Renamed => "科目名称变化",
            Flag::Mapped => "科目代码调整",
            Flag::BasicProjectShift => "基本/项目调整",
            Flag::ThreePublic => "三公经费变动",
        }
    }
}

/// One line of the comparison.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AlignedLine {
    /// What the line is.
    pub key: LineKey,
    /// The row label as printed in the latest document that has the line.
    pub row_label: String,
    /// The table title in the latest document that has the line.
    pub table_title: String,
    /// The amount in 元 in each document (same order as `Comparison::documents`); for the
    /// 国有资产 lines (column 数量) a count.
    #[ts(type = "Array<string | null>")]
    pub amounts: Vec<Option<Decimal>>,
    /// Last minus first (a missing amount counts as 0), in 元.
    #[ts(type = "string")]
    pub change: Decimal,
    /// The change in percent of the first amount, 2 decimals; none when the first is 0 or missing.
    #[ts(type = "string | null")]
    pub change_percent: Option<Decimal>,
    /// The line's share of its table's total in each document, percent, 2 decimals.
    #[ts(type = "Array<string | null>")]
    pub share_percent: Vec<Option<Decimal>>,
    /// Flags.
    pub flags: Vec<Flag>,
    /// The earlier code the line was printed under, when mapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub mapped_from: Option<String>,
    /// The reason the latest narrative gives for the change (`主要原因是…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reason: Option<String>,
}

/// A comparison of two or more documents.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Comparison {
    /// The documents, oldest first.
    pub documents: Vec<DocRef>,
    /// Every line of every document, aligned.
    pub lines: Vec<AlignedLine>,
    /// Prior-year figures the later documents quote that disagree with the comparison.
    pub findings: Vec<Finding>,
}
