//! Chart data derived from a comparison: by 功能类, by 基本/项目, by economic 类, a waterfall
//! of the largest changes, and a multi-year trend. Amounts are decimal strings in 元.

use ts_rs::TS;
use crate::model::{AlignedLine, Comparison};
use rust_decimal::Decimal;
use serde::Serialize;
use yusuan_domain::TableKind;

/// One point of a series.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct Point {
    /// What the point is (a 类 name, 基本支出, a year).
    pub label: String,
    /// The amount in 元 in each document, oldest first.
    #[ts(type = "Array<string | null>")]
    pub values: Vec<Option<Decimal>>,
}

/// A waterfall from the first document's total to the last one's.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct Waterfall {
    /// The first total, in 元.
    #[ts(type = "string")]
    pub start: Decimal,
    /// The largest changes (by size), each a step, in 元.
    #[ts(type = "Array<[string, string]>")]
    pub steps: Vec<(String, Decimal)>,
    /// Everything else, in 元.
    #[ts(type = "string")]
    pub other: Decimal,
    /// The last total, in 元.
    #[ts(type = "string")]
    pub end: Decimal,
}

/// Every series the comparison view draws.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct ChartSeries {
    /// 支出 by 功能分类 类 (the 支出预算总表's 合计 column).
    pub by_function_class: Vec<Point>,
    /// 基本支出 and 项目支出 totals.
    pub by_basic_project: Vec<Point>,
    /// 一般公共预算基本支出 by 经济分类 类.
    pub by_economic_class: Vec<Point>,
    /// The largest changes among 功能分类 项 between the first and the last document.
    pub waterfall: Option<Waterfall>,
    /// Total expenditure per year.
    pub trend: Vec<Point>,
}

fn total_column(l: &AlignedLine) -> bool {
    l.key.column.ends_with("合计")
}

/// The chart series of a comparison (`steps` is how many changes the waterfall shows).
pub fn series(c: &Comparison, steps: usize) -> ChartSeries {
    let exp = |l: &&AlignedLine| l.key.table == TableKind::Expenditure;
    let by_function_class = c
        .lines
        .iter()
        .filter(exp)
        .filter(|l| l.key.code.len() == 3 && total_column(l))
        .map(|l| Point { label: l.row_label.clone(), values: l.amounts.clone() })
        .collect();
    let totals: Vec<&AlignedLine> = c.lines.iter().filter(exp).filter(|l| l.key.code.is_empty() && !l.key.label.is_empty() && l.key.label.ends_with("合计")).collect();
    let by_basic_project = totals
        .iter()
        .filter(|l| l.key.column.ends_with("基本支出") || l.key.column.ends_with("项目支出"))
        .map(|l| Point { label: l.key.column.rsplit('/').next().unwrap_or_default().to_string(), values: l.amounts.clone() })
        .collect();
    let by_economic_class = c
        .lines
        .iter()
        .filter(|l| l.key.table == TableKind::GeneralPublicBasicEconomic && l.key.code.len() == 3 && total_column(l))
        .map(|l| Point { label: l.row_label.clone(), values: l.amounts.clone() })
        .collect();
    let grand = totals.iter().find(|l| total_column(l));
    let trend = grand
        .map(|l| {
            c.documents.iter().zip(&l.amounts).map(|(d, a)| Point { label: format!("{}年", d.year), values: vec![*a] }).collect()
        })
        .unwrap_or_default();
    let waterfall = grand.map(|g| {
        let mut items: Vec<&AlignedLine> = c.lines.iter().filter(exp).filter(|l| l.key.code.len() == 7 && total_column(l) && !l.change.is_zero()).collect();
        items.sort_by(|a, b| b.change.abs().cmp(&a.change.abs()).then(a.key.code.cmp(&b.key.code)));
        let shown: Vec<(String, Decimal)> = items.iter().take(steps).map(|l| (format!("{} {}", l.key.code, l.row_label), l.change)).collect();
        let shown_sum: Decimal = shown.iter().map(|s| s.1).sum();
        Waterfall { start: g.amounts[0].unwrap_or_default(), other: g.change - shown_sum, end: g.amounts.last().copied().flatten().unwrap_or_default(), steps: shown }
    });
    ChartSeries { by_function_class, by_basic_project, by_economic_class, waterfall, trend }
}
