//! Budget against actual: a 预算 and the 决算 of the same year side by side, code by code — its
//! 一般公共预算 spending as budgeted and as spent, the difference and the execution rate (决算 ÷
//! 预算). The start of 预算执行 review; a draft's 上年执行数 come from the same reading.

use crate::model::DocRef;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;
use yusuan_domain::{DocKind, Document};

/// One code's budget and actual spending (元).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExecutionLine {
    /// The function code (类, 款 or 项); empty for the 合计.
    pub code: String,
    /// Its name (the 决算's where both print it).
    pub name: String,
    /// 预算数, where the 预算 prints the code.
    #[ts(type = "string | null")]
    pub budget: Option<Decimal>,
    /// 决算数, where the 决算 prints the code.
    #[ts(type = "string | null")]
    pub actual: Option<Decimal>,
    /// 决算 less 预算 (a missing side counts as 0).
    #[ts(type = "string")]
    pub difference: Decimal,
    /// 执行率: 决算 ÷ 预算 in percent, 2 decimals; none without a budget.
    #[ts(type = "string | null")]
    pub rate_percent: Option<Decimal>,
}

/// A 预算 and its 决算 of one year, line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Execution {
    /// The 预算.
    pub budget: DocRef,
    /// The 决算.
    pub final_accounts: DocRef,
    /// Every code either prints, in code order.
    pub lines: Vec<ExecutionLine>,
    /// The 合计 of both tables, where both print one.
    pub total: Option<ExecutionLine>,
}

/// Why a pair cannot be set side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecutionError {
    /// The first is not a 预算 or the second not a 决算.
    Kinds,
    /// Their years differ.
    Years(i32, i32),
    /// One of them prints no 一般公共预算 function table: which one's label.
    NoTable(String),
}

impl std::fmt::Display for ExecutionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExecutionError::Kinds => {
                write!(f, "预算执行比较需要同一年度的一份部门预算和一份部门决算")
            }
            ExecutionError::Years(b, a) => {
                write!(f, "预算是{b}年的，决算是{a}年的：须是同一年度")
            }
            ExecutionError::NoTable(which) => {
                write!(f, "{which}中没有读到一般公共预算（财政拨款）支出功能分类表")
            }
        }
    }
}

fn rate(budget: Option<Decimal>, actual: Option<Decimal>) -> Option<Decimal> {
    let b = budget.filter(|b| !b.is_zero())?;
    let mut r = (actual.unwrap_or_default() / b * Decimal::from(100))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    Some(r)
}

fn line(
    code: String,
    name: String,
    budget: Option<Decimal>,
    actual: Option<Decimal>,
) -> ExecutionLine {
    ExecutionLine {
        code,
        name,
        difference: actual.unwrap_or_default() - budget.unwrap_or_default(),
        rate_percent: rate(budget, actual),
        budget,
        actual,
    }
}

fn doc_ref(d: &Document, label: &str) -> DocRef {
    DocRef {
        department: d.meta.department.clone(),
        year: d.meta.year,
        label: label.to_string(),
    }
}

/// The 预算 `budget` and the 决算 `actual` of the same year side by side (each with the label the
/// caller names it by).
pub fn execution(
    budget: (&Document, &str),
    actual: (&Document, &str),
) -> Result<Execution, ExecutionError> {
    let (b, a) = (budget.0, actual.0);
    if b.meta.kind != DocKind::Budget || a.meta.kind != DocKind::FinalAccounts {
        return Err(ExecutionError::Kinds);
    }
    if b.meta.year != a.meta.year {
        return Err(ExecutionError::Years(b.meta.year, a.meta.year));
    }
    let planned = b
        .general_public_by_function()
        .ok_or_else(|| ExecutionError::NoTable(format!("预算（{}）", budget.1)))?;
    let spent = a
        .general_public_by_function()
        .ok_or_else(|| ExecutionError::NoTable(format!("决算（{}）", actual.1)))?;
    let codes: std::collections::BTreeSet<&String> =
        planned.by_code.keys().chain(spent.by_code.keys()).collect();
    let lines = codes
        .into_iter()
        .map(|code| {
            let p = planned.by_code.get(code);
            let s = spent.by_code.get(code);
            let name = s.or(p).map(|x| x.0.clone()).unwrap_or_default();
            line(code.clone(), name, p.map(|x| x.1), s.map(|x| x.1))
        })
        .collect();
    let total = planned
        .total
        .zip(spent.total)
        .map(|(p, s)| line(String::new(), "合计".into(), Some(p), Some(s)));
    Ok(Execution {
        budget: doc_ref(b, budget.1),
        final_accounts: doc_ref(a, actual.1),
        lines,
        total,
    })
}
