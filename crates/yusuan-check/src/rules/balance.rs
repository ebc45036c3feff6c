//! T003: in the two-sided summary tables, 收入总计 = 支出总计.

use super::at;
use crate::finding::money;
use crate::{Finding, Severity};
use yusuan_domain::{Document, LedgerSide, TableKind};

/// The check.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in doc.tables.iter().filter(|t| matches!(t.kind, TableKind::FinancialSummary | TableKind::FiscalSummary)) {
        let total = |side: LedgerSide, word: &str| {
            t.rows.iter().find(|r| {
                let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
                r.side == Some(side) && l.ends_with(word)
            })
        };
        let (Some(inc), Some(exp)) = (total(LedgerSide::Income, "收入总计"), total(LedgerSide::Expenditure, "支出总计")) else {
            continue;
        };
        let first = |r: &yusuan_domain::Row| r.cells.iter().find_map(|c| c.amount());
        let (Some(a), Some(b)) = (first(inc), first(exp)) else { continue };
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
