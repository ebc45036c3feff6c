//! Roll-forward: a stored document of year N becomes a draft of year N+1.
//!
//! The leaves are read from the finest cells the document prints: the fund tables' 项 rows by
//! 基本/项目 (or 人员/公用/项目), the rest of the 支出总表 (non-fiscal money) split by the 收入总表's
//! sources, the economic table's 款 rows, and the own cells of tables whose structure is local.
//! Every leaf keeps its value as the baseline with its origin. The draft is then derived and
//! compared with the source cell by cell: a cell that differs is one where the source contradicts
//! itself, and it is reported with the checker's findings on that cell.

mod leaves;
mod tables;

use crate::derive::derive_table_values;
use crate::layout::{
    column_filter, column_side, ledger_query, narrow, table_funds, Body, CellRule, ColumnRule,
    PrintStyle, Query, RowRule, TableLayout, TotalRow, FUNCTION_CLASSES,
};
use crate::model::{
    Draft, Fund, Leaf, LeafKey, Origin, ProcurementPart, SpendKind, StatedItem, DRAFT_SCHEMA,
};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tables::*;
use ts_rs::TS;
use yusuan_domain::{
    sum_identities, Amount, Cell, DocKind, Document, FunctionCode, LedgerSide, Row, RowCode,
    Section, SectionKind, Table, TableKind,
};

/// A cell where the derived draft differs from its source because the source contradicts itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SourceContradiction {
    /// The table as titled in the source.
    pub table: String,
    /// The row (code and label).
    pub row: String,
    /// The column.
    pub column: String,
    /// As the source prints it.
    pub printed: String,
    /// As the leaves give it.
    pub derived: String,
    /// The checker's findings on that place of the source (`T002 …`); empty when none.
    pub findings: Vec<String>,
}

/// What the roll-forward did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct RollReport {
    /// Leaves made.
    pub leaves: usize,
    /// Leaves whose split was allocated (the source prints only margins): to be confirmed.
    pub estimated: usize,
    /// Cells carried as printed (not derived from leaves), with why.
    pub carried: Vec<String>,
    /// Cells where the source contradicts itself; the draft uses the leaves.
    pub contradictions: Vec<SourceContradiction>,
}

/// Why a document cannot be rolled forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollError {
    /// A 决算 is not a budget.
    NotABudget,
    /// The document has no tables to derive.
    NoTables,
}

impl std::fmt::Display for RollError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RollError::NotABudget => f.write_str("这是决算文档，不能作为下一年预算的底稿；请选择一份部门预算或单位预算"),
            RollError::NoTables => f.write_str("这份文档没有预算表（例如只有项目说明或绩效目标表），无法据此编制；请选择含收支预算表的公开文件"),
        }
    }
}

impl std::error::Error for RollError {}

/// Builds the draft of `year` (default: the document's year + 1) from a stored document.
pub fn roll_forward(
    doc: &Document,
    doc_id: i64,
    year: Option<i32>,
) -> Result<(Draft, RollReport), RollError> {
    if doc.meta.kind == DocKind::FinalAccounts {
        return Err(RollError::NotABudget);
    }
    if !doc.tables.iter().any(|t| t.amount_count() > 0) {
        return Err(RollError::NoTables);
    }
    let year = year.unwrap_or(doc.meta.year + 1);
    let shift = year - doc.meta.year;
    let adv = |s: &str| advance_years(s, doc.meta.year, shift);
    let mut r = Roller {
        doc,
        doc_id,
        year,
        leaves: Vec::new(),
        index: BTreeMap::new(),
        report: RollReport::default(),
    };
    let mut names = code_names(doc);
    // A code renamed by a later catalogue takes its name of the draft's year.
    for (code, name) in names.iter_mut() {
        if let Some(new) = yusuan_check::renamed_for_year(code, name, year) {
            *name = new.to_string();
        }
    }

    r.fund_leaves();
    r.non_fiscal_leaves();
    r.economic_leaves();
    r.procurement_leaves();
    r.stated_leaves();
    let layout = r.layouts(&names, &adv);
    let (sections, explained) = carried_sections(doc, &adv);
    let (projects, forms) = carried_projects(doc, &adv);
    let leaves = std::mem::take(&mut r.leaves);
    let mut report = std::mem::take(&mut r.report);
    let mut draft = Draft {
        schema: DRAFT_SCHEMA,
        department: doc.meta.department.clone(),
        year,
        base_year: Some(doc.meta.year),
        source_document: Some(doc_id),
        format: doc.meta.format.clone(),
        scope: doc.meta.scope,
        region: doc.meta.region.clone(),
        title: adv(&doc.meta.title),
        units: doc.units.clone(),
        leaves,
        layout,
        names,
        reasons: BTreeMap::new(),
        sections,
        projects,
        performance_forms: forms,
        // 政府采购 lives in its leaves (see `procurement_leaves`); derive states it from them.
        // 政府采购, 国有资产 and 绩效目标 live in their leaves; derive states them from them.
        stated: yusuan_domain::StatedFigures {
            procurement: None,
            assets: None,
            performance: None,
            ..doc.stated.clone()
        },
        threshold_percent: Decimal::from(10),
        // The 目录 lists what the draft prints: an entry naming a table the source did not print
        // (a published 目录 that promised a table it left out) is not carried.
        contents: carried_contents(doc, &adv),
        // No table says which 项目支出 line funds which project: the user says (project_funds).
        project_funds: BTreeMap::new(),
        unit_texts: BTreeMap::new(),
        actuals: BTreeMap::new(),
        print: Default::default(),
        restated: Vec::new(),
    };
    label_leaves(&mut draft);
    let (derived, figures) = (
        crate::derive::derive_tables_for(&draft, crate::eval::Year::Baseline),
        crate::narrative::figures(&draft),
    );
    let against = crate::restate::Against {
        draft: &draft,
        source: &doc.tables,
        derived: &derived,
        figures: &figures,
    };
    let restated = explained
        .iter()
        .filter_map(|s| crate::restate::bind(&against, s, crate::restate::MIN_AMOUNTS).ok())
        .collect();
    draft.restated = restated;
    report.leaves = draft.leaves.len();
    report.estimated = draft.leaves.iter().filter(|l| l.estimated).count();
    report.contradictions = contradictions(doc, &draft);
    Ok((draft, report))
}

fn draft_label(names: &BTreeMap<String, String>, key: &LeafKey) -> String {
    let name = |c: &str| names.get(c).cloned().unwrap_or_default();
    match key {
        LeafKey::Spend {
            fund,
            function,
            kind,
        } => format!(
            "{} {} {} {}",
            fund.label(),
            function.as_str(),
            name(function.as_str()),
            kind.label()
        ),
        LeafKey::Economic { code, kind } => format!(
            "一般公共预算基本支出 {} {} {}",
            code.as_str(),
            name(code.as_str()),
            kind.label()
        ),
        LeafKey::Cell { table, row, column } => format!("{table} {row} {column}"),
        LeafKey::Procurement { part } => part.leaf_label(),
        LeafKey::Stated { item } => item.leaf_label(),
    }
}

/// `2025年` → `2026年` for the years up to the document's own (a 4-digit year followed by 年 or
/// 年度), so texts carried to the next year speak of it.
pub(crate) fn advance_years(text: &str, year: i32, shift: i32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let digits = chars.len() >= i + 4
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        // The year may be printed with a space before 年 (`2026 年`).
        let mut j = i + 4;
        while digits && j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if digits && j < chars.len() && chars[j] == '年' {
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            if (year - 3..=year).contains(&y) {
                out.push_str(&(y + shift).to_string());
            } else {
                out.extend(&chars[i..i + 4]);
            }
            i += 4;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Names of every function and economic code the document prints, and its 类 by name.
fn code_names(doc: &Document) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for t in &doc.tables {
        for r in &t.rows {
            if let Some(RowCode::Function(_) | RowCode::Economic(_)) = &r.code {
                let code = r
                    .code
                    .as_ref()
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default();
                let label = r.label.split_whitespace().collect::<String>();
                if !label.is_empty() {
                    names.entry(code).or_insert(label);
                }
            }
        }
    }
    names
}

fn is_function_table(t: &Table) -> bool {
    matches!(
        t.kind,
        TableKind::Income
            | TableKind::Expenditure
            | TableKind::FiscalFunction
            | TableKind::GeneralPublicFunction
            | TableKind::GovernmentFundFunction
            | TableKind::StateCapitalFunction
    ) && (t
        .rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Function(_))))
        || t.rows
            .iter()
            .all(|r| r.code.is_none() && (r.is_total() || r.label.trim().is_empty())))
}

fn is_economic_table(t: &Table) -> bool {
    matches!(
        t.kind,
        TableKind::GeneralPublicBasicEconomic
            | TableKind::FiscalBasicEconomic
            | TableKind::RunningCosts
    ) && t
        .rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Economic(_))))
}

/// Whether a function table prints no code rows, only its totals (Jiangsu's 支出预算总表: one
/// row of 合计 / 基本支出 / 项目支出 / 单位预留机动经费).
fn totals_only(t: &Table) -> bool {
    !t.rows
        .iter()
        .any(|r| matches!(r.code, Some(RowCode::Function(_))))
        && t.amount_count() > 0
}

/// The column of a table that sums every kind (`金额`, `合计`), for tables that print no kind
/// columns.
fn total_column(t: &Table) -> Option<usize> {
    let funds = table_funds(t.kind);
    t.columns
        .iter()
        .position(|c| matches!(column_filter(&c.path, &funds), Some((_, None))))
}

/// The kind of a 基本支出 economic line where the table prints no 人员经费/公用经费 columns:
/// 人员经费 is 工资福利支出 (301) and 对个人和家庭的补助 (303), 公用经费 the rest.
fn economic_kind(code: &str) -> SpendKind {
    if code.starts_with("301") || code.starts_with("303") {
        SpendKind::Personnel
    } else {
        SpendKind::Public
    }
}

/// Whether a function code is one whose money is 基本支出 by its nature (行政运行, 事业运行,
/// 离退休 and 养老, 行政事业单位医疗, 住房改革): when a format prints only each code's total,
/// these take the 基本支出 first.
fn basic_by_nature(code: &str) -> bool {
    (code.len() == 7 && (code.ends_with("01") || code.ends_with("50")))
        || ["20805", "21011", "22102"]
            .iter()
            .any(|p| code.starts_with(p))
}

/// A ledger row's one amount on its side (the column of its side that sums, else the first).
fn side_amount(t: &Table, r: &Row) -> Option<(usize, Decimal)> {
    let on_side = |c: usize| column_side(&t.columns[c]).is_none_or(|s| Some(s) == r.side);
    (0..t.columns.len())
        .filter(|&c| on_side(c))
        .find_map(|c| r.cells.get(c).and_then(Cell::amount).map(|v| (c, v)))
}

fn row_name(r: &Row) -> String {
    match &r.code {
        Some(c) => format!("{} {}", c.as_str(), r.label),
        None => r.label.clone(),
    }
}

/// Whether `r` has a child code row in `t` (a deeper code under it).
fn has_child(t: &Table, r: &Row) -> bool {
    let Some(code) = &r.code else { return false };
    t.rows.iter().any(|s| match (&s.code, code) {
        (Some(RowCode::Function(a)), RowCode::Function(b)) => {
            a.as_str().len() > b.as_str().len() && a.as_str().starts_with(b.as_str())
        }
        (Some(RowCode::Economic(a)), RowCode::Economic(b)) => {
            a.as_str().len() > b.as_str().len() && a.as_str().starts_with(b.as_str())
        }
        _ => false,
    })
}

fn yuan(t: &Table, v: Decimal) -> Decimal {
    Amount {
        value: v,
        unit: t.unit,
    }
    .to_yuan()
}

/// A row's amount in column `c`, in 元 (an empty or missing cell is 0).
fn cell_yuan(t: &Table, r: &Row, c: usize) -> Decimal {
    yuan(
        t,
        r.cells
            .get(c)
            .and_then(Cell::value_or_zero)
            .unwrap_or_default(),
    )
}

/// The rows of a table that have a code and no deeper code under them, each with its code.
fn leaf_rows(t: &Table) -> impl Iterator<Item = (&Row, &RowCode)> {
    t.rows
        .iter()
        .filter(|r| !has_child(t, r))
        .filter_map(|r| Some((r, r.code.as_ref()?)))
}

struct Roller<'a> {
    doc: &'a Document,
    doc_id: i64,
    /// The draft's year.
    year: i32,
    leaves: Vec<Leaf>,
    index: BTreeMap<LeafKey, usize>,
    report: RollReport,
}

impl Roller<'_> {
    fn origin(&self, t: &Table, r: &Row, c: usize) -> Origin {
        Origin {
            document: self.doc_id,
            table: t.title.clone(),
            row: row_name(r),
            column: t.columns.get(c).map(|c| c.name()).unwrap_or_default(),
            printed: r
                .cells
                .get(c)
                .map(|c| c.printed().to_string())
                .unwrap_or_default(),
            page: r.location.page,
            line: r.location.line,
        }
    }

    fn add(&mut self, key: LeafKey, value: Decimal, origin: Option<Origin>, estimated: bool) {
        if let Some(&i) = self.index.get(&key) {
            self.leaves[i].value += value;
            self.leaves[i].baseline = Some(self.leaves[i].value);
            return;
        }
        self.index.insert(key.clone(), self.leaves.len());
        self.leaves.push(Leaf {
            key,
            label: String::new(),
            value,
            baseline: Some(value),
            origin,
            estimated,
            unit: None,
        });
    }

    /// The kind columns of a table ([`Self::kind_columns`]) and, where it prints none, the
    /// column that sums every kind ([`total_column`]).
    fn split_columns(t: &Table) -> (Vec<(usize, SpendKind)>, Option<usize>) {
        let cols = Self::kind_columns(t);
        let total = if cols.is_empty() {
            total_column(t)
        } else {
            None
        };
        (cols, total)
    }

    /// The finest kind columns of a function table: 人员/公用 where printed, else 基本; 项目.
    fn kind_columns(t: &Table) -> Vec<(usize, SpendKind)> {
        let funds = table_funds(t.kind);
        let filters: Vec<Option<Vec<SpendKind>>> = t
            .columns
            .iter()
            .map(|c| column_filter(&c.path, &funds).and_then(|(_, k)| k))
            .collect();
        let split = filters
            .iter()
            .flatten()
            .any(|k| k == &vec![SpendKind::Personnel]);
        filters
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                let k = k.as_ref()?;
                match k.as_slice() {
                    [one]
                        if matches!(
                            one,
                            SpendKind::Personnel
                                | SpendKind::Public
                                | SpendKind::Project
                                | SpendKind::Named(_)
                        ) =>
                    {
                        Some((i, one.clone()))
                    }
                    [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic] if !split => {
                        Some((i, SpendKind::Basic))
                    }
                    _ => None,
                }
            })
            .collect()
    }
}

/// Splits `rows` (e.g. sources and their amounts) over `cols` (e.g. kinds and their amounts)
/// keeping both margins exactly (north-west corner rule): no rounding, deterministic. When the
/// margins disagree, the last column takes the difference.
fn north_west<R: Clone, C: Clone>(
    rows: &[(R, Decimal)],
    cols: &[(C, Decimal)],
) -> Vec<(R, C, Decimal)> {
    let mut out = Vec::new();
    let mut need: Vec<Decimal> = cols.iter().map(|c| c.1).collect();
    for (ri, (row, amount)) in rows.iter().enumerate() {
        let mut left = *amount;
        for (ci, (col, _)) in cols.iter().enumerate() {
            let last = ri == rows.len() - 1 && ci == cols.len() - 1;
            let take = if last {
                left
            } else {
                left.min(need[ci].max(Decimal::ZERO))
            };
            if !take.is_zero() {
                out.push((row.clone(), col.clone(), take));
            }
            left -= take;
            need[ci] -= take;
        }
    }
    out
}

fn same_place(f: &yusuan_check::Finding, table: &str, row: &str) -> bool {
    f.location.table.as_deref() == Some(table)
        && f.location
            .row
            .as_deref()
            .is_none_or(|r| r == row || row.starts_with(r) || r.starts_with(row))
}

/// Every cell where the derived tables differ from the source's, with the checker's findings there.
fn contradictions(doc: &Document, draft: &Draft) -> Vec<SourceContradiction> {
    let derived = derive_table_values(draft);
    let findings = yusuan_check::check(doc);
    let mut out = Vec::new();
    for (src, der) in doc.tables.iter().zip(&derived) {
        let cmp = |r: &Row| {
            (
                r.side,
                r.code.as_ref().map(|c| c.as_str().to_string()),
                if r.code.is_some() {
                    String::new()
                } else {
                    r.label.clone()
                },
            )
        };
        let mut keys: Vec<_> = src.rows.iter().map(cmp).collect();
        keys.extend(der.rows.iter().map(cmp));
        keys.sort();
        keys.dedup();
        for key in keys {
            let s = src.rows.iter().find(|r| cmp(r) == key);
            let d = der.rows.iter().find(|r| cmp(r) == key);
            for c in 0..src.columns.len() {
                let value = |r: Option<&Row>| {
                    r.and_then(|r| r.cells.get(c))
                        .and_then(Cell::value_or_zero)
                        .unwrap_or_default()
                };
                let (sv, dv) = (value(s), value(d));
                let text = |r: Option<&Row>| {
                    r.and_then(|r| r.cells.get(c))
                        .map(|c| c.printed().to_string())
                        .unwrap_or_default()
                };
                let both_text = s
                    .and_then(|r| r.cells.get(c))
                    .is_some_and(|c| matches!(c, Cell::Text { .. }));
                if both_text || sv == dv {
                    continue;
                }
                let row = s.or(d).map(row_name).unwrap_or_default();
                let column = src.columns[c].name();
                let mut here: Vec<String> = findings
                    .iter()
                    .filter(|f| same_place(f, &src.title, &row))
                    .map(|f| format!("{} {}", f.rule, f.message))
                    .collect();
                if here.is_empty() {
                    // A total above a contradiction carries it: the findings on the same column below.
                    here = findings
                        .iter()
                        .filter(|f| {
                            f.location.table.as_deref() == Some(src.title.as_str())
                                && f.location.column.as_deref() == Some(column.as_str())
                        })
                        .map(|f| {
                            format!(
                                "{} {}（{}）",
                                f.rule,
                                f.message,
                                f.location.row.clone().unwrap_or_default()
                            )
                        })
                        .collect();
                }
                out.push(SourceContradiction {
                    table: src.title.clone(),
                    row,
                    column,
                    printed: text(s),
                    derived: text(d),
                    findings: here,
                });
            }
        }
    }
    out
}

impl Roller<'_> {
    /// Each source table's layout as the draft derives it, keyed by its kind (`#2` for a second
    /// table of a kind), its title and empty-table note's years advanced.
    fn layouts(
        &mut self,
        names: &BTreeMap<String, String>,
        adv: &dyn Fn(&str) -> String,
    ) -> Vec<TableLayout> {
        let doc = self.doc;
        let mut layout = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for t in &doc.tables {
            let n = seen.entry(t.kind.label().to_string()).or_default();
            *n += 1;
            let table_key = if *n == 1 {
                t.kind.label().to_string()
            } else {
                format!("{}#{}", t.kind.label(), n)
            };
            let mut l = self.layout(t, &table_key, names);
            l.title = adv(&l.title);
            l.empty_note = l.empty_note.map(|s| adv(&s));
            layout.push(l);
        }
        layout
    }
}

/// The source's sections with their years advanced; the explanations (编制说明, 其他相关情况说明)
/// emptied, and answered apart, to be read as sentences over the tables.
fn carried_sections(doc: &Document, adv: &dyn Fn(&str) -> String) -> (Vec<Section>, Vec<Section>) {
    let mut explained: Vec<Section> = Vec::new();
    let sections: Vec<Section> = doc
        .sections
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.title = adv(&s.title);
            for p in &mut s.paragraphs {
                p.text = adv(&p.text);
            }
            if matches!(
                s.kind,
                SectionKind::BudgetExplanation | SectionKind::OtherExplanations
            ) {
                explained.push(s.clone());
                s.paragraphs.clear();
            }
            s
        })
        .collect();
    (sections, explained)
}

/// The source's project descriptions and 绩效目标 forms with their years advanced.
fn carried_projects(
    doc: &Document,
    adv: &dyn Fn(&str) -> String,
) -> (
    Vec<yusuan_domain::ProjectDescription>,
    Vec<yusuan_domain::PerformanceForm>,
) {
    let mut projects = doc.projects.clone();
    for p in &mut projects {
        p.name = adv(&p.name);
        for part in &mut p.parts {
            part.text = adv(&part.text);
        }
    }
    let mut forms = doc.performance_forms.clone();
    for f in &mut forms {
        f.project = adv(&f.project);
        f.period = f.period.as_ref().map(|g| adv(g));
        f.annual_goal = f.annual_goal.as_ref().map(|g| adv(g));
    }
    (projects, forms)
}

/// The 目录 lists what the draft prints: an entry naming a table the source did not print (a
/// published 目录 that promised a table it left out) is not carried.
fn carried_contents(
    doc: &Document,
    adv: &dyn Fn(&str) -> String,
) -> Vec<yusuan_domain::ContentsEntry> {
    doc.contents
        .iter()
        .filter(|c| match TableKind::from_title(&c.title) {
            TableKind::Other => true,
            kind => doc.tables.iter().any(|t| t.kind == kind),
        })
        .map(|c| yusuan_domain::ContentsEntry {
            number: c.number.clone(),
            title: adv(&c.title),
            level: c.level,
        })
        .collect()
}

/// Each line's label from the draft's names; the cells of a table of one unlabelled row (a 三公
/// table's line of figures) named by their columns alone, not by `第1行`.
fn label_leaves(draft: &mut Draft) {
    for l in &mut draft.leaves {
        l.label = draft_label(&draft.names, &l.key);
    }
    let single: Vec<String> = {
        let mut rows: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for l in &draft.leaves {
            if let LeafKey::Cell { table, row, .. } = &l.key {
                rows.entry(table.clone()).or_default().insert(row.clone());
            }
        }
        rows.into_iter()
            .filter(|(_, r)| {
                r.len() == 1 && r.iter().all(|r| r.starts_with('第') && r.ends_with('行'))
            })
            .map(|(t, _)| t)
            .collect()
    };
    for l in &mut draft.leaves {
        if let LeafKey::Cell { table, column, .. } = &l.key {
            if single.contains(table) {
                l.label = format!("{table} {column}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn years_advance_in_texts() {
        // check(input, expect)
        let cases = [
            ("2025年部门预算编制说明", "2026年部门预算编制说明"),
            ("截至2024年8月31日", "截至2025年8月31日"),
            ("比2024年预算增加", "比2025年预算增加"),
            ("1998年成立", "1998年成立"),
            ("编号12025年", "编号12025年"),
            ("青山区 2026 年收支总表", "青山区 2027 年收支总表"),
        ];
        for (input, expect) in cases {
            assert_eq!(
                advance_years(input, if input.contains("2026 ") { 2026 } else { 2025 }, 1),
                expect,
                "{input}"
            );
        }
    }

    #[test]
    fn north_west_keeps_both_margins_exactly() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let rows = [(Fund::Business, d("100")), (Fund::Other, d("50.5"))];
        let cols = [(SpendKind::Basic, d("70")), (SpendKind::Project, d("80.5"))];
        let cells = north_west(&rows, &cols);
        for (f, a) in &rows {
            assert_eq!(
                cells
                    .iter()
                    .filter(|c| &c.0 == f)
                    .map(|c| c.2)
                    .sum::<Decimal>(),
                *a
            );
        }
        for (k, a) in &cols {
            assert_eq!(
                cells
                    .iter()
                    .filter(|c| &c.1 == k)
                    .map(|c| c.2)
                    .sum::<Decimal>(),
                *a
            );
        }
    }
}
