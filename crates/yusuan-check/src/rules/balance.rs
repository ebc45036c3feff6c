//! T003: in the two-sided summary tables, 收入总计 = 支出总计. T005: each side's numbered items
//! (一、二、… — the funds on the 收入 side; the classes, or 基本支出/项目支出/单位预留机动经费, on the
//! 支出 side) add up to the side's first 合计/小计/总计, column by column.

use super::at;
use crate::finding::money;
use crate::tolerance::{agree_printed, Agreement};
use crate::{Finding, Severity};
use yusuan_domain::{Cell, Document, LedgerSide, Row, TableKind};

/// The check.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter(|t| {
        matches!(
            t.kind,
            TableKind::FinancialSummary | TableKind::FiscalSummary
        )
    }) {
        let total = |side: LedgerSide, word: &str| {
            t.rows.iter().find(|r| {
                let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
                r.side == Some(side) && l.ends_with(word)
            })
        };
        let (Some(inc), Some(exp)) = (
            total(LedgerSide::Income, "收入总计"),
            total(LedgerSide::Expenditure, "支出总计"),
        ) else {
            continue;
        };
        let first = |r: &yusuan_domain::Row| r.cells.iter().find_map(|c| c.amount());
        let (Some(a), Some(b)) = (first(inc), first(exp)) else {
            continue;
        };
        if a != b {
            out.push(Finding {
                rule: "T003",
                severity: Severity::Error,
                message: "收入总计不等于支出总计".into(),
                location: at(t, exp, None),
                expected: Some(money(a, t.unit)),
                actual: Some(money(b, t.unit)),
                hint: Some("收支总表必须平衡，请核对两侧各项".into()),
            });
        }
    }
    out
}

/// Whether a row label is a top-level item of a summary table's side: `一、…` … `廿五、…`.
fn numbered_item(label: &str) -> bool {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let numeral: String = l
        .chars()
        .take_while(|c| "一二三四五六七八九十廿".contains(*c))
        .collect();
    !numeral.is_empty() && l[numeral.len()..].starts_with('、')
}

/// Whether a row label closes a side's items: 合计, 小计, 总计 (收入合计, 当年支出小计, 支出总计).
fn side_total(label: &str) -> bool {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    !numbered_item(&l) && (l.ends_with("合计") || l.ends_with("小计") || l.ends_with("总计"))
}

/// T005: the numbered items of each side add up to the side's first total, in each column where
/// that total prints an amount (a rounding tail is a 提示).
pub fn items_add_up(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter(|t| {
        matches!(
            t.kind,
            TableKind::FinancialSummary | TableKind::FiscalSummary
        )
    }) {
        for side in [LedgerSide::Income, LedgerSide::Expenditure] {
            let rows: Vec<&Row> = t.rows.iter().filter(|r| r.side == Some(side)).collect();
            let Some(end) = rows.iter().position(|r| side_total(&r.label)) else {
                continue;
            };
            let items: Vec<&Row> = rows[..end]
                .iter()
                .copied()
                .filter(|r| numbered_item(&r.label))
                .collect();
            let total = rows[end];
            for (c, cell) in total.cells.iter().enumerate() {
                if cell.amount().is_none() {
                    continue;
                }
                let parts: Vec<&Cell> = items
                    .iter()
                    .filter_map(|r| r.cells.get(c))
                    .filter(|x| x.amount().is_some())
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let sum: rust_decimal::Decimal = parts.iter().filter_map(|x| x.amount()).sum();
                let (severity, hint) = match agree_printed(cell, &parts, t.unit) {
                    Agreement::Exact => continue,
                    Agreement::RoundingTail => (Severity::Info, "差额在各项四舍五入的范围内"),
                    Agreement::Differs => (Severity::Error, "核对各项金额或合计"),
                };
                let column = t.columns.get(c).map(|x| x.name());
                out.push(Finding {
                    rule: "T005",
                    severity,
                    message: format!(
                        "{}方各项之和不等于“{}”",
                        if side == LedgerSide::Income {
                            "收入"
                        } else {
                            "支出"
                        },
                        total.label.split_whitespace().collect::<String>()
                    ),
                    location: at(t, total, column.as_deref()),
                    expected: Some(money(sum, t.unit)),
                    actual: Some(money(cell.amount().unwrap_or_default(), t.unit)),
                    hint: Some(hint.into()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_totals_of_a_side() {
        // check(input, expect)
        for (label, item, total) in [
            ("一、财政拨款收入", true, false),
            ("廿一、灾害防治及应急管理支出", true, false),
            ("1. 一般公共预算", false, false),
            ("收 入 总 计", false, true),
            ("当年支出小计", false, true),
            ("本年收入合计", false, true),
            ("（一）一般公共预算拨款", false, false),
        ] {
            assert_eq!(
                (numbered_item(label), side_total(label)),
                (item, total),
                "{label}"
            );
        }
    }
}
