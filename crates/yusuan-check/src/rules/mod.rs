//! The rule registry. Each rule lives in its own module as a plain function.

mod balance;
mod completeness;
mod hierarchy;
mod row_sums;

use crate::{Finding, FindingLocation, Severity};
use yusuan_domain::{Document, Row, Table};

/// A rule of the registry.
pub struct Rule {
    /// Stable id, never reused.
    pub id: &'static str,
    /// The severity of what it finds (a rounding tail is reported as 提示 whatever this is).
    pub severity: Severity,
    /// What it checks, in Chinese.
    pub description: &'static str,
    /// An example of a finding.
    pub example: &'static str,
    /// The check.
    pub run: fn(&Document) -> Vec<Finding>,
}

/// Every rule, in id order.
pub const RULES: &[Rule] = &[
    Rule {
        id: "T001",
        severity: Severity::Error,
        description: "表内每行的合计（小计）等于其各组成部分之和：基本支出＋项目支出、人员经费＋公用经费、各收入来源、“三公”各项",
        example: "支出预算总表 201 39 01 行政运行：合计 25,863,796，基本支出＋项目支出＝25,863,797",
        run: row_sums::run,
    },
    Rule {
        id: "T002",
        severity: Severity::Error,
        description: "按科目层级汇总：类＝Σ款＝Σ项，合计行＝Σ类（功能分类、经济分类，逐列）",
        example: "收入预算总表 208 社会保障和就业支出：印 3,557,923，其下各款之和 3,557,920",
        run: hierarchy::run,
    },
    Rule {
        id: "T003",
        severity: Severity::Error,
        description: "收支总表（财务收支、财政拨款收支）收入总计＝支出总计",
        example: "财务收支预算总表：收入总计 68,643,213，支出总计 68,643,212",
        run: balance::run,
    },
    Rule {
        id: "T004",
        severity: Severity::Error,
        description: "目录列出的每张表都在正文中公开（无数据的表也应公开空表并注明）",
        example: "目录列出“十一、政府采购预算表”，正文从表10直接到表12",
        run: completeness::run,
    },
];

/// Where a cell of a table is.
pub(crate) fn at(t: &Table, r: &Row, column: Option<&str>) -> FindingLocation {
    let row = match &r.code {
        Some(c) => format!("{} {}", c.as_str(), r.label),
        None => r.label.clone(),
    };
    FindingLocation {
        table: Some(t.title.clone()),
        row: Some(row),
        column: column.map(str::to_string),
        section: None,
        page: r.location.page,
        line: r.location.line,
    }
}
