//! Chart data derived from a comparison: by 功能类, by 基本/项目, by economic 类, a waterfall
//! of the largest changes, and a multi-year trend. Amounts are decimal strings in 元.

use crate::model::{AlignedLine, Comparison};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;
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
    /// The bars to draw, start to end: each floats from `low` to `low + size`.
    pub bars: Vec<WaterfallBar>,
}

/// What a bar of the waterfall is.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum BarKind {
    /// The first or the last total (from zero).
    Total,
    /// An increase.
    Up,
    /// A decrease.
    Down,
}

/// One bar of the waterfall, computed here so the UI draws without doing arithmetic on money.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct WaterfallBar {
    /// `2024年`, `2080502 事业单位离退休`, `其他`.
    pub label: String,
    /// Total, increase or decrease.
    pub kind: BarKind,
    /// Where the bar starts, in 元.
    #[ts(type = "string")]
    pub low: Decimal,
    /// How tall it is (never negative), in 元.
    #[ts(type = "string")]
    pub size: Decimal,
    /// The signed change (the total itself for a total bar), in 元.
    #[ts(type = "string")]
    pub change: Decimal,
}

fn waterfall_bars(
    first: &str,
    last: &str,
    start: Decimal,
    steps: &[(String, Decimal)],
    other: Decimal,
    end: Decimal,
) -> Vec<WaterfallBar> {
    let total = |label: &str, v: Decimal| WaterfallBar {
        label: label.to_string(),
        kind: BarKind::Total,
        low: v.min(Decimal::ZERO),
        size: v.abs(),
        change: v,
    };
    let mut bars = vec![total(first, start)];
    let mut level = start;
    let other_step = (!other.is_zero()).then(|| ("其他".to_string(), other));
    for (label, change) in steps.iter().cloned().chain(other_step) {
        let next = level + change;
        let kind = if change.is_sign_negative() {
            BarKind::Down
        } else {
            BarKind::Up
        };
        bars.push(WaterfallBar {
            label,
            kind,
            low: level.min(next),
            size: change.abs(),
            change,
        });
        level = next;
    }
    bars.push(total(last, end));
    bars
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
        .map(|l| Point {
            label: l.row_label.clone(),
            values: l.amounts.clone(),
        })
        .collect();
    let totals: Vec<&AlignedLine> = c
        .lines
        .iter()
        .filter(exp)
        .filter(|l| {
            l.key.code.is_empty() && !l.key.label.is_empty() && l.key.label.ends_with("合计")
        })
        .collect();
    let by_basic_project = totals
        .iter()
        .filter(|l| l.key.column.ends_with("基本支出") || l.key.column.ends_with("项目支出"))
        .map(|l| Point {
            label: l
                .key
                .column
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            values: l.amounts.clone(),
        })
        .collect();
    let by_economic_class = c
        .lines
        .iter()
        .filter(|l| {
            l.key.table == TableKind::GeneralPublicBasicEconomic
                && l.key.code.len() == 3
                && total_column(l)
        })
        .map(|l| Point {
            label: l.row_label.clone(),
            values: l.amounts.clone(),
        })
        .collect();
    let grand = totals.iter().find(|l| total_column(l));
    let trend = grand
        .map(|l| {
            c.documents
                .iter()
                .zip(&l.amounts)
                .map(|(d, a)| Point {
                    label: format!("{}年", d.year),
                    values: vec![*a],
                })
                .collect()
        })
        .unwrap_or_default();
    let waterfall = grand.map(|g| {
        let mut items: Vec<&AlignedLine> = c
            .lines
            .iter()
            .filter(exp)
            .filter(|l| l.key.code.len() == 7 && total_column(l) && !l.change.is_zero())
            .collect();
        items.sort_by(|a, b| {
            b.change
                .abs()
                .cmp(&a.change.abs())
                .then(a.key.code.cmp(&b.key.code))
        });
        let shown: Vec<(String, Decimal)> = items
            .iter()
            .take(steps)
            .map(|l| (format!("{} {}", l.key.code, l.row_label), l.change))
            .collect();
        let shown_sum: Decimal = shown.iter().map(|s| s.1).sum();
        let start = g.amounts[0].unwrap_or_default();
        let end = g.amounts.last().copied().flatten().unwrap_or_default();
        let other = g.change - shown_sum;
        let year = |d: Option<&crate::model::DocRef>| {
            d.map(|d| format!("{}年", d.year)).unwrap_or_default()
        };
        let bars = waterfall_bars(
            &year(c.documents.first()),
            &year(c.documents.last()),
            start,
            &shown,
            other,
            end,
        );
        Waterfall {
            start,
            other,
            end,
            steps: shown,
            bars,
        }
    });
    ChartSeries {
        by_function_class,
        by_basic_project,
        by_economic_class,
        waterfall,
        trend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn waterfall_bars_float_from_the_running_total_and_land_on_the_end() {
        let steps = vec![
            ("2080502 事业单位离退休".to_string(), d("-300")),
            ("2010301 行政运行".to_string(), d("500")),
        ];
        let bars = waterfall_bars("2024年", "2025年", d("1000"), &steps, d("50"), d("1250"));
        let got: Vec<(&str, BarKind, Decimal, Decimal)> = bars
            .iter()
            .map(|b| (b.label.as_str(), b.kind, b.low, b.size))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2024年", BarKind::Total, d("0"), d("1000")),
                ("2080502 事业单位离退休", BarKind::Down, d("700"), d("300")),
                ("2010301 行政运行", BarKind::Up, d("700"), d("500")),
                ("其他", BarKind::Up, d("1200"), d("50")),
                ("2025年", BarKind::Total, d("0"), d("1250")),
            ]
        );
    }

    #[test]
    fn no_other_bar_when_the_steps_explain_everything() {
        let bars = waterfall_bars(
            "2024年",
            "2025年",
            d("10"),
            &[("a".into(), d("5"))],
            Decimal::ZERO,
            d("15"),
        );
        assert_eq!(
            bars.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
            vec!["2024年", "a", "2025年"]
        );
    }
}
