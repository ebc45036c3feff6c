//! Disclosure tables: titled, with a unit, header columns and rows keyed by code.

use crate::{CodeLevel, EconomicCode, FunctionCode, Location, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which of the standard disclosure tables this is, recognised from its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 财务收支预算总表 / 部门收支总表
    FinancialSummary,
    /// 收入预算总表 / 收入总表
    Income,
    /// 支出预算总表 / 支出总表
    Expenditure,
    /// 支出预算分单位明细表
    ExpenditureByUnit,
    /// 财政拨款收支预算总表 / 财政拨款收支总表
    FiscalSummary,
    /// 财政拨款支出预算明细表
    FiscalByUnit,
    /// 财政拨款支出预算表: every 财政拨款 fund by function code (Jiangsu prints it beside the
    /// fund tables).
    FiscalFunction,
    /// 一般公共预算支出功能分类预算表 / 一般公共预算支出表
    GeneralPublicFunction,
    /// 政府性基金预算支出功能分类预算表 / 政府性基金预算支出表
    GovernmentFundFunction,
    /// 国有资本经营预算支出功能分类预算表 / 国有资本经营预算支出表
    StateCapitalFunction,
    /// 一般公共预算基本支出部门预算经济分类预算表 / 一般公共预算基本支出表
    GeneralPublicBasicEconomic,
    /// 财政拨款基本支出预算表: the 财政拨款 funds' 基本支出 by economic code.
    FiscalBasicEconomic,
    /// “三公”经费和机关运行经费预算表 / “三公”经费支出表
    ThreePublic,
    /// 机关运行经费支出预算表 printed as a table of its own, by economic code (Jiangsu).
    RunningCosts,
    /// 项目支出表
    Projects,
    /// 政府采购预算表
    Procurement,
    /// 政府购买服务预算表
    PurchasedServices,
    /// 资产配置预算表
    AssetAllocation,
    /// 部门整体支出绩效目标表
    DepartmentPerformance,
    /// 部门项目支出绩效目标表
    ProjectPerformance,
    /// Anything else: kept whole, listed in the import report.
    Other,
}

impl TableKind {
    /// A short Chinese name of the kind, for reports.
    pub fn label(self) -> &'static str {
        match self {
            TableKind::FinancialSummary => "财务收支预算总表",
            TableKind::Income => "收入预算总表",
            TableKind::Expenditure => "支出预算总表",
            TableKind::ExpenditureByUnit => "支出预算分单位明细表",
            TableKind::FiscalSummary => "财政拨款收支预算总表",
            TableKind::FiscalByUnit => "财政拨款支出预算明细表",
            TableKind::FiscalFunction => "财政拨款支出预算表",
            TableKind::GeneralPublicFunction => "一般公共预算支出功能分类预算表",
            TableKind::GovernmentFundFunction => "政府性基金预算支出功能分类预算表",
            TableKind::StateCapitalFunction => "国有资本经营预算支出功能分类预算表",
            TableKind::GeneralPublicBasicEconomic => "一般公共预算基本支出经济分类预算表",
            TableKind::FiscalBasicEconomic => "财政拨款基本支出预算表",
            TableKind::ThreePublic => "“三公”经费和机关运行经费预算表",
            TableKind::RunningCosts => "机关运行经费支出预算表",
            TableKind::Projects => "项目支出表",
            TableKind::Procurement => "政府采购预算表",
            TableKind::PurchasedServices => "政府购买服务预算表",
            TableKind::AssetAllocation => "资产配置预算表",
            TableKind::DepartmentPerformance => "部门整体支出绩效目标表",
            TableKind::ProjectPerformance => "部门项目支出绩效目标表",
            TableKind::Other => "其他表",
        }
    }

    /// Recognises a table from its printed title (year and department prefixes allowed).
    pub fn from_title(title: &str) -> TableKind {
        let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        let has = |s: &str| t.contains(s);
        if has("三公") {
            TableKind::ThreePublic
        } else if has("分单位") && !has("一般公共预算") {
            TableKind::ExpenditureByUnit
        } else if has("财政拨款支出预算明细") {
            TableKind::FiscalByUnit
        } else if has("财政拨款收支") || (has("财政拨款") && has("收入支出") && has("总表"))
        {
            // 决算: `财政拨款收入支出决算总表`.
            TableKind::FiscalSummary
        } else if has("财务收支")
            || has("收支总表")
            || has("收支预算总表")
            || has("收支总体情况表")
            || (has("收入支出") && has("总表"))
        {
            // 决算: `收入支出决算总表`.
            TableKind::FinancialSummary
        } else if has("机关运行经费") {
            // Its own table (Jiangsu: `一般公共预算机关运行经费支出预算表`), by economic code.
            TableKind::RunningCosts
        } else if has("财政拨款") && has("基本支出") && !has("一般公共预算") {
            TableKind::FiscalBasicEconomic
        } else if has("基本支出") && (has("经济分类") || has("一般公共预算")) {
            TableKind::GeneralPublicBasicEconomic
        } else if has("一般公共预算") && has("支出") {
            TableKind::GeneralPublicFunction
        } else if has("财政拨款支出") && !has("政府性基金") && !has("国有资本经营")
        {
            TableKind::FiscalFunction
        } else if has("政府性基金") {
            TableKind::GovernmentFundFunction
        } else if has("国有资本经营") {
            TableKind::StateCapitalFunction
        } else if has("整体支出绩效") {
            TableKind::DepartmentPerformance
        } else if has("项目支出绩效") {
            TableKind::ProjectPerformance
        } else if has("购买服务") {
            TableKind::PurchasedServices
        } else if has("政府采购") {
            TableKind::Procurement
        } else if has("资产配置") {
            TableKind::AssetAllocation
        } else if has("项目支出表") {
            TableKind::Projects
        } else if has("收入") && (has("总表") || has("收入决算表")) {
            TableKind::Income
        } else if has("支出") && (has("总表") || has("支出决算表")) {
            TableKind::Expenditure
        } else {
            TableKind::Other
        }
    }
}

/// A column, named by its header path from the top header row down (multi-level headers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Column {
    /// e.g. `["收入预算", "财政拨款收入"]` or `["本年支出", "预算数"]`.
    pub path: Vec<String>,
}

impl Column {
    /// The header path joined with `/`.
    pub fn name(&self) -> String {
        self.path.join("/")
    }
}

/// One printed cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Cell {
    /// Nothing printed ("nothing here": 0 in sums, but not a printed 0).
    Blank,
    /// A number, exact, in the table's unit, with the text as printed.
    Amount {
        /// Exact value in the table's unit.
        #[ts(type = "string")]
        value: Decimal,
        /// The text as printed (`68,643,213`).
        printed: String,
    },
    /// A cell of words (a name, a note, a unit name in a per-unit table).
    Text {
        /// The text.
        text: String,
    },
}

impl Cell {
    /// The value, when the cell holds a number.
    pub fn amount(&self) -> Option<Decimal> {
        match self {
            Cell::Amount { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The cell as printed: the number's text, the words, or nothing for a blank.
    pub fn printed(&self) -> &str {
        match self {
            Cell::Blank => "",
            Cell::Amount { printed, .. } => printed,
            Cell::Text { text } => text,
        }
    }

    /// The value for sums: a blank counts as 0; text is not a number.
    pub fn value_or_zero(&self) -> Option<Decimal> {
        match self {
            Cell::Amount { value, .. } => Some(*value),
            Cell::Blank => Some(Decimal::ZERO),
            Cell::Text { .. } => None,
        }
    }
}

/// What a row is keyed by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "t", content = "code", rename_all = "snake_case")]
pub enum RowCode {
    /// 支出功能分类 类/款/项
    Function(FunctionCode),
    /// 经济分类 类/款
    Economic(EconomicCode),
    /// A budget unit's code or sequence number (per-unit tables).
    Unit(String),
    /// A project code (Hubei 项目支出表).
    Project(String),
}

impl RowCode {
    /// The canonical code text.
    pub fn as_str(&self) -> &str {
        match self {
            RowCode::Function(c) => c.as_str(),
            RowCode::Economic(c) => c.as_str(),
            RowCode::Unit(s) | RowCode::Project(s) => s,
        }
    }

    /// The code as a table's 科目编码 column prints it: a classification code split into
    /// its levels (`201 39 01`, `302 17`), a unit's or project's code as it is.
    pub fn shown(&self) -> String {
        match self {
            RowCode::Function(c) => c.split_form(),
            RowCode::Economic(c) => c.split_form(),
            RowCode::Unit(s) | RowCode::Project(s) => s.clone(),
        }
    }

    /// 类 / 款 / 项 of a classification code; `None` for a unit's or project's code.
    pub fn level(&self) -> Option<CodeLevel> {
        match self {
            RowCode::Function(c) => Some(c.level()),
            RowCode::Economic(c) => Some(c.level()),
            RowCode::Unit(_) | RowCode::Project(_) => None,
        }
    }
}

/// In a two-sided (收入 | 支出) table, which side a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LedgerSide {
    /// 收入 side (left)
    Income,
    /// 支出 side (right)
    Expenditure,
}

/// One logical row. A printed line of a two-sided table gives two rows (one per side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Row {
    /// The classification or unit code, when the row has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<RowCode>,
    /// The row's label as printed (科目名称, 项目, unit name, 合计).
    pub label: String,
    /// Side of a two-sided table; `None` in ordinary tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub side: Option<LedgerSide>,
    /// One cell per column of the table (same order as `Table::columns`).
    pub cells: Vec<Cell>,
    /// Where the row was printed.
    pub location: Location,
}

impl Row {
    /// The printed text of the row's amount cells, in column order.
    pub fn printed_amounts(&self) -> Vec<String> {
        self.cells
            .iter()
            .filter(|c| c.amount().is_some())
            .map(|c| c.printed().to_string())
            .collect()
    }

    /// Whether this is a total row (合计 / 总计 / 小计).
    pub fn is_total(&self) -> bool {
        let l: String = self.label.chars().filter(|c| !c.is_whitespace()).collect();
        l.ends_with("合计") || l.ends_with("总计") || l == "小计"
    }
}

/// A disclosure table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Table {
    /// The title as printed (`2026年部门收入预算总表`).
    pub title: String,
    /// The table number when printed or listed (`1`, `5-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub number: Option<String>,
    /// Which standard table this is.
    pub kind: TableKind,
    /// The unit of every amount in the table.
    pub unit: Unit,
    /// 编制部门 / 部门 line, when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub compiled_by: Option<String>,
    /// The value columns (code and label columns are not listed: they key the rows).
    pub columns: Vec<Column>,
    /// The rows, in printed order.
    pub rows: Vec<Row>,
    /// A note printed with the table (e.g. 本部门无…，故本表为空表).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
    /// Where the title was printed.
    pub location: Location,
}

/// For each 合计/小计 column, the columns that add up to it, read from the header paths: the
/// siblings under the same parent (a sibling group with its own 小计 counts by that 小计).
/// `numeric[k]` says whether column `k` holds amounts at all.
/// E.g. 三公: 合计 = 因公出国 + 公务用车/小计 + 公务接待; 公务用车/小计 = 购置 + 运行.
pub fn sum_identities(columns: &[Column], numeric: &[bool]) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for (c, col) in columns.iter().enumerate() {
        let leaf = col.path.last().map(String::as_str).unwrap_or("");
        if leaf != "合计" && leaf != "小计" {
            continue;
        }
        let parent = &col.path[..col.path.len() - 1];
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (k, other) in columns.iter().enumerate() {
            if k == c
                || !numeric.get(k).copied().unwrap_or(true)
                || other.path.len() <= parent.len()
                || other.path[..parent.len()] != *parent
            {
                continue;
            }
            let name = other.path[parent.len()].clone();
            match groups.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => v.push(k),
                None => groups.push((name, vec![k])),
            }
        }
        let parts: Vec<usize> = groups
            .into_iter()
            .flat_map(|(_, cols)| {
                let sub = cols
                    .iter()
                    .copied()
                    .find(|&k| columns[k].path.last().is_some_and(|l| l == "小计"));
                match sub {
                    Some(s) => vec![s],
                    None => cols,
                }
            })
            .collect();
        if parts.len() >= 2 {
            out.push((c, parts));
        }
    }
    out
}

impl Table {
    /// The column index whose header path ends with `name` (first match).
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.path.last().is_some_and(|l| l == name))
    }

    /// The first row with this code.
    pub fn row_by_code(&self, code: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == code))
    }

    /// In a grid whose heads are rows of the table (form-like tables), the column of the first
    /// cell that starts with `head` (spaces ignored), e.g. `当年金额`, `近两年收支金额`.
    pub fn head_column(&self, head: &str) -> Option<usize> {
        self.rows.iter().find_map(|r| {
            r.cells.iter().position(|c| {
                c.printed()
                    .chars()
                    .filter(|x| !x.is_whitespace())
                    .collect::<String>()
                    .starts_with(head)
            })
        })
    }

    /// The number of amount cells in the table.
    pub fn amount_count(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.amount().is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_shanghai_and_hubei_titles() {
        let cases = [
            ("2026年部门财务收支预算总表", TableKind::FinancialSummary),
            // The national 部门决算 format's tables.
            ("收入支出决算总表", TableKind::FinancialSummary),
            ("收入决算表", TableKind::Income),
            ("支出决算表", TableKind::Expenditure),
            ("财政拨款收入支出决算总表", TableKind::FiscalSummary),
            (
                "一般公共预算财政拨款支出决算表",
                TableKind::GeneralPublicFunction,
            ),
            (
                "一般公共预算财政拨款基本支出决算表",
                TableKind::GeneralPublicBasicEconomic,
            ),
            (
                "政府性基金预算财政拨款收入支出决算表",
                TableKind::GovernmentFundFunction,
            ),
            ("2026年部门收入预算总表", TableKind::Income),
            ("2026年部门支出预算总表", TableKind::Expenditure),
            (
                "2026年部门支出预算分单位明细表",
                TableKind::ExpenditureByUnit,
            ),
            ("2026年部门财政拨款收支预算总表", TableKind::FiscalSummary),
            ("2026年部门财政拨款支出预算明细表", TableKind::FiscalByUnit),
            (
                "2026年部门一般公共预算支出功能分类预算表",
                TableKind::GeneralPublicFunction,
            ),
            (
                "2026年部门政府性基金预算支出功能分类预算表",
                TableKind::GovernmentFundFunction,
            ),
            (
                "2026年部门国有资本经营预算支出功能分类预算表",
                TableKind::StateCapitalFunction,
            ),
            (
                "2026年部门一般公共预算基本支出部门预算经济分类预算表",
                TableKind::GeneralPublicBasicEconomic,
            ),
            (
                "2026年部门“三公”经费和机关运行经费预算表",
                TableKind::ThreePublic,
            ),
            ("部门收支总表", TableKind::FinancialSummary),
            (
                "表1.青山区城市运行管理中心2026年收支总表",
                TableKind::FinancialSummary,
            ),
            ("收入总表", TableKind::Income),
            ("支出总表", TableKind::Expenditure),
            ("财政拨款收支总表", TableKind::FiscalSummary),
            (
                "一般公共预算支出表(分功能科目)",
                TableKind::GeneralPublicFunction,
            ),
            (
                "一般公共预算支出表（分功能分类，分单位）",
                TableKind::GeneralPublicFunction,
            ),
            (
                "一般公共预算基本支出表",
                TableKind::GeneralPublicBasicEconomic,
            ),
            ("项目支出表", TableKind::Projects),
            ("政府采购预算表", TableKind::Procurement),
            ("政府向社会力量购买服务预算表", TableKind::PurchasedServices),
            ("资产配置预算表", TableKind::AssetAllocation),
            (
                "部门整体支出绩效目标申报表",
                TableKind::DepartmentPerformance,
            ),
            // Jiangsu's 12 tables.
            ("财政拨款支出预算表", TableKind::FiscalFunction),
            ("财政拨款基本支出预算表", TableKind::FiscalBasicEconomic),
            (
                "一般公共预算机关运行经费支出预算表",
                TableKind::RunningCosts,
            ),
            (
                "“三公”经费、会议费、培训费支出预算表",
                TableKind::ThreePublic,
            ),
            (
                "财政拨款政府性基金支出预算表",
                TableKind::GovernmentFundFunction,
            ),
            // 决算: the 一般公共预算 ones stay theirs.
            (
                "一般公共预算财政拨款基本支出决算表",
                TableKind::GeneralPublicBasicEconomic,
            ),
            (
                "一般公共预算财政拨款支出决算表",
                TableKind::GeneralPublicFunction,
            ),
        ];
        for (title, kind) in cases {
            assert_eq!(TableKind::from_title(title), kind, "{title}");
        }
    }

    #[test]
    fn total_rows() {
        let r = |l: &str| Row {
            code: None,
            label: l.into(),
            side: None,
            cells: vec![],
            location: Location::default(),
        };
        assert!(r("合计").is_total());
        assert!(r("收 入 总 计").is_total());
        assert!(!r("行政运行").is_total());
    }
}
