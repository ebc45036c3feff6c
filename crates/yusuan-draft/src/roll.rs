//! Roll-forward: a stored document of year N becomes a draft of year N+1.
//!
//! The leaves are read from the finest cells the document prints: the fund tables' 项 rows by
//! 基本/项目 (or 人员/公用/项目), the rest of the 支出总表 (non-fiscal money) split by the 收入总表's
//! sources, the economic table's 款 rows, and the own cells of tables whose structure is local.
//! Every leaf keeps its value as the baseline with its origin. The draft is then derived and
//! compared with the source cell by cell: a cell that differs is one where the source contradicts
//! itself, and it is reported with the checker's findings on that cell.

use ts_rs::TS;
use crate::derive::derive_table_values;
use crate::layout::{FUNCTION_CLASSES, column_filter, column_side, ledger_query, narrow, table_funds, Body, CellRule, ColumnRule, PrintStyle, Query, RowRule, TableLayout, TotalRow};
use crate::model::{Draft, Fund, Leaf, LeafKey, Origin, ProcurementPart, SpendKind, StatedItem, DRAFT_SCHEMA};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use yusuan_domain::{
    sum_identities, Amount, Cell, DocKind, Document, FunctionCode, LedgerSide, Row, RowCode, Section, SectionKind, Table, TableKind,
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

/// Builds the draft of `year` (default: the document's year + 1) from a stored document.
pub fn roll_forward(doc: &Document, doc_id: i64, year: Option<i32>) -> Result<(Draft, RollReport), RollError> {
    if doc.meta.kind == DocKind::FinalAccounts {
        return Err(RollError::NotABudget);
    }
    if !doc.tables.iter().any(|t| t.amount_count() > 0) {
        return Err(RollError::NoTables);
    }
    let year = year.unwrap_or(doc.meta.year + 1);
    let shift = year - doc.meta.year;
    let adv = |s: &str| advance_years(s, doc.meta.year, shift);
    let mut r = Roller { doc, doc_id, year, leaves: Vec::new(), index: BTreeMap::new(), report: RollReport::default() };
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
    let mut layout = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for t in &doc.tables {
        let n = seen.entry(t.kind.label().to_string()).or_default();
        *n += 1;
        let table_key = if *n == 1 { t.kind.label().to_string() } else { format!("{}#{}", t.kind.label(), n) };
        let mut l = r.layout(t, &table_key, &names);
        l.title = adv(&l.title);
        l.empty_note = l.empty_note.map(|s| adv(&s));
        layout.push(l);
    }
    let sections: Vec<Section> = doc
        .sections
        .iter()
        .map(|s| {
            let mut s = s.clone();
            s.title = adv(&s.title);
            for p in &mut s.paragraphs {
                p.text = adv(&p.text);
            }
            if matches!(s.kind, SectionKind::BudgetExplanation | SectionKind::OtherExplanations) {
                s.paragraphs.clear();
            }
            s
        })
        .collect();
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
        stated: yusuan_domain::StatedFigures { procurement: None, assets: None, performance: None, ..doc.stated.clone() },
        threshold_percent: Decimal::from(10),
        // The 目录 lists what the draft prints: an entry naming a table the source did not print
        // (a published 目录 that promised a table it left out) is not carried.
        contents: doc
            .contents
            .iter()
            .filter(|c| match TableKind::from_title(&c.title) {
                TableKind::Other => true,
                kind => doc.tables.iter().any(|t| t.kind == kind),
            })
            .map(|c| yusuan_domain::ContentsEntry { number: c.number.clone(), title: adv(&c.title), level: c.level })
            .collect(),
        // No table says which 项目支出 line funds which project: the user says (project_funds).
        project_funds: BTreeMap::new(),
        unit_texts: BTreeMap::new(),
    };
    for l in &mut draft.leaves {
        l.label = draft_label(&draft.names, &l.key);
    }
    // A table of one unlabelled row (a 三公 table's line of figures): its cells are named by their
    // columns alone, not by `第1行`.
    let single: Vec<String> = {
        let mut rows: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for l in &draft.leaves {
            if let LeafKey::Cell { table, row, .. } = &l.key {
                rows.entry(table.clone()).or_default().insert(row.clone());
            }
        }
        rows.into_iter().filter(|(_, r)| r.len() == 1 && r.iter().all(|r| r.starts_with('第') && r.ends_with('行'))).map(|(t, _)| t).collect()
    };
    for l in &mut draft.leaves {
        if let LeafKey::Cell { table, column, .. } = &l.key {
            if single.contains(table) {
                l.label = format!("{table} {column}");
            }
        }
    }
    report.leaves = draft.leaves.len();
    report.estimated = draft.leaves.iter().filter(|l| l.estimated).count();
    report.contradictions = contradictions(doc, &draft);
    Ok((draft, report))
}

fn draft_label(names: &BTreeMap<String, String>, key: &LeafKey) -> String {
    let name = |c: &str| names.get(c).cloned().unwrap_or_default();
    match key {
        LeafKey::Spend { fund, function, kind } => format!("{} {} {} {}", fund.label(), function.as_str(), name(function.as_str()), kind.label()),
        LeafKey::Economic { code, kind } => format!("一般公共预算基本支出 {} {} {}", code.as_str(), name(code.as_str()), kind.label()),
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
        let digits = chars.len() >= i + 4 && chars[i..i + 4].iter().all(|c| c.is_ascii_digit()) && (i == 0 || !chars[i - 1].is_ascii_digit());
        // The year may be printed with a space before 年 (`2026 年`).
        let mut j = i + 4;
        while digits && j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if digits && j < chars.len() && chars[j] == '年' {
            let y: i32 = chars[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
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
                let code = r.code.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default();
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
        TableKind::Income | TableKind::Expenditure | TableKind::FiscalFunction | TableKind::GeneralPublicFunction | TableKind::GovernmentFundFunction | TableKind::StateCapitalFunction
    ) && (t.rows.iter().any(|r| matches!(r.code, Some(RowCode::Function(_)))) || t.rows.iter().all(|r| r.code.is_none() && (r.is_total() || r.label.trim().is_empty())))
}

fn is_economic_table(t: &Table) -> bool {
    matches!(t.kind, TableKind::GeneralPublicBasicEconomic | TableKind::FiscalBasicEconomic | TableKind::RunningCosts)
        && t.rows.iter().any(|r| matches!(r.code, Some(RowCode::Economic(_))))
}

/// Whether a function table prints no code rows, only its totals (Jiangsu's 支出预算总表: one
/// row of 合计 / 基本支出 / 项目支出 / 单位预留机动经费).
fn totals_only(t: &Table) -> bool {
    !t.rows.iter().any(|r| matches!(r.code, Some(RowCode::Function(_)))) && t.amount_count() > 0
}

/// The column of a table that sums every kind (`金额`, `合计`), for tables that print no kind
/// columns.
fn total_column(t: &Table) -> Option<usize> {
    let funds = table_funds(t.kind);
    t.columns.iter().position(|c| matches!(column_filter(&c.path, &funds), Some((_, None))))
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
    (code.len() == 7 && (code.ends_with("01") || code.ends_with("50"))) || ["20805", "21011", "22102"].iter().any(|p| code.starts_with(p))
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
        (Some(RowCode::Function(a)), RowCode::Function(b)) => a.as_str().len() > b.as_str().len() && a.as_str().starts_with(b.as_str()),
        (Some(RowCode::Economic(a)), RowCode::Economic(b)) => a.as_str().len() > b.as_str().len() && a.as_str().starts_with(b.as_str()),
        _ => false,
    })
}

fn yuan(t: &Table, v: Decimal) -> Decimal {
    Amount { value: v, unit: t.unit }.to_yuan()
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
            printed: r.cells.get(c).map(|c| c.printed().to_string()).unwrap_or_default(),
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
        self.leaves.push(Leaf { key, label: String::new(), value, baseline: Some(value), origin, estimated, unit: None });
    }

    /// The finest kind columns of a function table: 人员/公用 where printed, else 基本; 项目.
    fn kind_columns(t: &Table) -> Vec<(usize, SpendKind)> {
        let funds = table_funds(t.kind);
        let filters: Vec<Option<Vec<SpendKind>>> =
            t.columns.iter().map(|c| column_filter(&c.path, &funds).and_then(|(_, k)| k)).collect();
        let split = filters.iter().flatten().any(|k| k == &vec![SpendKind::Personnel]);
        filters
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                let k = k.as_ref()?;
                match k.as_slice() {
                    [one] if matches!(one, SpendKind::Personnel | SpendKind::Public | SpendKind::Project | SpendKind::Named(_)) => Some((i, one.clone())),
                    [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic] if !split => Some((i, SpendKind::Basic)),
                    _ => None,
                }
            })
            .collect()
    }

    /// The 国有资产 counts and the 绩效目标 summary as the narrative states them: lines of the
    /// draft, each with where it was stated.
    fn stated_leaves(&mut self) {
        let doc: &Document = self.doc;
        let doc_id = self.doc_id;
        let assets = doc.stated.assets.as_ref();
        let perf = doc.stated.performance.as_ref();
        let count = |v: Option<u32>| v.map(Decimal::from);
        let items = [
            (StatedItem::Vehicles, assets.and_then(|a| count(a.vehicles)), assets.map(|a| a.location), "国有资产占有使用情况"),
            (StatedItem::CostlyEquipment, assets.and_then(|a| count(a.costly_equipment)), assets.map(|a| a.location), "国有资产占有使用情况"),
            (StatedItem::VehiclesToBuy, assets.and_then(|a| count(a.vehicles_to_buy)), assets.map(|a| a.location), "国有资产占有使用情况"),
            (StatedItem::TargetProjects, perf.and_then(|p| count(p.projects)), perf.map(|p| p.location), "绩效目标设置情况"),
            (StatedItem::TargetAmount, perf.and_then(|p| p.amount.map(|a| a.to_yuan())), perf.map(|p| p.location), "绩效目标设置情况"),
        ];
        for (item, value, at, section) in items {
            let (Some(value), Some(at)) = (value, at) else { continue };
            let origin = Origin {
                document: doc_id,
                table: section.into(),
                row: item.leaf_label(),
                column: item.unit().into(),
                printed: format!("{value}{}", item.unit()),
                page: at.page,
                line: at.line,
            };
            self.add(LeafKey::Stated { item }, value, Some(origin), false);
        }
    }

    /// 政府采购预算 as the narrative states it: its 货物/工程/服务 parts (their sum is the total) or,
    /// where it states none, the total; 面向中小企业预留 beside them.
    fn procurement_leaves(&mut self) {
        let doc: &Document = self.doc;
        let Some(p) = &doc.stated.procurement else { return };
        let doc_id = self.doc_id;
        let origin = |part: ProcurementPart, a: &yusuan_domain::Amount| Origin {
            document: doc_id,
            table: "其他相关情况说明".into(),
            row: "政府采购预算".into(),
            column: part.label().into(),
            printed: format!("{}{}", a.value, a.unit.as_str()),
            page: p.location.page,
            line: p.location.line,
        };
        let parts = [(ProcurementPart::Goods, p.goods), (ProcurementPart::Works, p.works), (ProcurementPart::Services, p.services)];
        let stated: Vec<(ProcurementPart, yusuan_domain::Amount)> = if parts.iter().any(|(_, a)| a.is_some()) {
            parts.iter().filter_map(|(k, a)| a.map(|a| (*k, a))).collect()
        } else {
            vec![(ProcurementPart::Total, p.total)]
        };
        let reserved = p.reserved_for_small_firms.map(|a| (ProcurementPart::SmallFirms, a));
        for (part, a) in stated.into_iter().chain(reserved) {
            let o = origin(part, &a);
            self.add(LeafKey::Procurement { part }, a.to_yuan(), Some(o), false);
        }
    }

    fn fund_leaves(&mut self) {
        let doc = self.doc;
        // Codes whose kind split the table does not print (one 金额 column): (fund, code), amount, origin.
        let mut totals: Vec<((Fund, FunctionCode), Decimal, Origin)> = Vec::new();
        for t in doc.tables.iter().filter(|t| is_function_table(t)) {
            let Some(funds) = table_funds(t.kind) else { continue };
            // A table of several funds (财政拨款支出预算表) repeats the funds' own tables.
            let [fund] = funds.as_slice() else { continue };
            let cols = Self::kind_columns(t);
            let total_col = if cols.is_empty() { total_column(t) } else { None };
            for r in t.rows.iter().filter(|r| matches!(r.code, Some(RowCode::Function(_))) && !has_child(t, r)) {
                let Some(RowCode::Function(code)) = &r.code else { continue };
                if let Some(c) = total_col {
                    let v = r.cells.get(c).and_then(Cell::value_or_zero).unwrap_or_default();
                    totals.push(((fund.clone(), code.clone()), yuan(t, v), self.origin(t, r, c)));
                }
                for (c, kind) in &cols {
                    let v = r.cells.get(*c).and_then(Cell::value_or_zero).unwrap_or_default();
                    let key = LeafKey::Spend { fund: fund.clone(), function: code.clone(), kind: kind.clone() };
                    let origin = self.origin(t, r, *c);
                    self.add(key, yuan(t, v), Some(origin), false);
                }
            }
        }
        if !totals.is_empty() {
            self.split_code_totals(totals);
        }
    }

    /// The 财政拨款's spending by kind as its 收支总表 prints it (基本支出, 项目支出, 单位预留机动经费).
    fn fiscal_kind_margins(&self) -> Vec<(SpendKind, Decimal)> {
        let Some(t) = self.doc.tables.iter().find(|t| t.kind == TableKind::FiscalSummary) else { return vec![] };
        let funds = Some(Fund::FISCAL.to_vec());
        let mut out = Vec::new();
        for r in t.rows.iter().filter(|r| r.side == Some(LedgerSide::Expenditure)) {
            let Some(Query::Spend { prefix: None, kinds: Some(kinds), .. }) = ledger_query(&r.label, r.side, &funds, |_| None) else { continue };
            let kind = match kinds.as_slice() {
                [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic] => SpendKind::Basic,
                [one] => one.clone(),
                _ => continue,
            };
            let v = side_amount(t, r).map(|(_, v)| yuan(t, v)).unwrap_or_default();
            out.push((kind, v));
        }
        out
    }

    /// A format whose function tables print each code's total only (Jiangsu): the kinds are the
    /// 财政拨款收支总表's, spread over the codes keeping both margins (the codes that are 基本支出
    /// by nature first), and marked estimated where more than one kind has money.
    fn split_code_totals(&mut self, mut totals: Vec<((Fund, FunctionCode), Decimal, Origin)>) {
        let sum: Decimal = totals.iter().map(|t| t.1).sum();
        let mut margins = self.fiscal_kind_margins();
        if margins.is_empty() || margins.iter().map(|m| m.1).sum::<Decimal>() != sum {
            self.report.carried.push("功能分类表只列各科目合计，财政拨款收支总表中没有与之相符的基本支出、项目支出，各科目暂记为基本支出，请核对".into());
            margins = vec![(SpendKind::Basic, sum)];
        }
        totals.sort_by_key(|((_, code), _, _)| !basic_by_nature(code.as_str()));
        let estimated = margins.iter().filter(|m| !m.1.is_zero()).count() > 1;
        let rows: Vec<(usize, Decimal)> = totals.iter().enumerate().map(|(i, t)| (i, t.1)).collect();
        for (i, kind, v) in north_west(&rows, &margins) {
            let ((fund, code), _, origin) = &totals[i];
            let key = LeafKey::Spend { fund: fund.clone(), function: code.clone(), kind };
            self.add(key, v, Some(origin.clone()), estimated);
        }
    }

    /// Money of the 支出总表 that no fund table holds: split by the 收入总表's non-fiscal sources
    /// (north-west corner: exact, margins kept; marked estimated when the split is not printed).
    fn non_fiscal_leaves(&mut self) {
        let doc = self.doc;
        let Some(exp) = doc.tables.iter().find(|t| t.kind == TableKind::Expenditure && is_function_table(t)) else { return };
        if totals_only(exp) {
            self.non_fiscal_by_class(exp);
            return;
        }
        let fiscal_tables: Vec<&Table> = doc.tables.iter().filter(|t| is_function_table(t) && table_funds(t.kind).is_some()).collect();
        let cols = Self::kind_columns(exp);
        let income = doc.tables.iter().find(|t| t.kind == TableKind::Income && is_function_table(t));
        for r in exp.rows.iter().filter(|r| matches!(r.code, Some(RowCode::Function(_))) && !has_child(exp, r)) {
            let Some(RowCode::Function(code)) = &r.code else { continue };
            // Residual per kind: the 支出总表 minus the fiscal leaves of this code.
            let mut residual: Vec<(SpendKind, Decimal, usize)> = Vec::new();
            for (c, kind) in &cols {
                let total = yuan(exp, r.cells.get(*c).and_then(Cell::value_or_zero).unwrap_or_default());
                let fiscal: Decimal = self
                    .leaves
                    .iter()
                    .filter(|l| match &l.key {
                        LeafKey::Spend { fund, function, kind: k } => {
                            fund.is_fiscal() && function == code && (k == kind || (kind == &SpendKind::Basic && k.is_basic()))
                        }
                        _ => false,
                    })
                    .map(|l| l.value)
                    .sum();
                if fiscal_tables.is_empty() || !(total - fiscal).is_zero() {
                    residual.push((kind.clone(), total - fiscal, *c));
                }
            }
            if residual.iter().all(|(_, v, _)| v.is_zero()) {
                continue;
            }
            // Sources of this code's non-fiscal money, from the 收入总表.
            let mut sources: Vec<(Fund, Decimal)> = Vec::new();
            if let Some(inc) = income {
                if let Some(ir) = inc.rows.iter().find(|x| x.code.as_ref() == r.code.as_ref()) {
                    for (c, col) in inc.columns.iter().enumerate() {
                        let Some((Some(f), None)) = column_filter(&col.path, &None) else { continue };
                        if let [fund] = f.as_slice() {
                            let fiscal_ok = !fiscal_tables.is_empty() && fund.is_fiscal();
                            let v = yuan(inc, ir.cells.get(c).and_then(Cell::value_or_zero).unwrap_or_default());
                            if !fiscal_ok && !v.is_zero() {
                                sources.push((fund.clone(), v));
                            }
                        }
                    }
                }
            }
            if sources.is_empty() {
                sources.push((Fund::Other, residual.iter().map(|(_, v, _)| *v).sum()));
                self.report.carried.push(format!("{} {}：支出总表中财政拨款以外的资金在收入总表中没有来源，记为其他收入", exp.title, row_name(r)));
            }
            let estimated = sources.len() > 1 && residual.iter().filter(|(_, v, _)| !v.is_zero()).count() > 1;
            let residual: Vec<((SpendKind, usize), Decimal)> = residual.into_iter().map(|(k, v, c)| ((k, c), v)).collect();
            for (fund, (kind, c), v) in north_west(&sources, &residual) {
                let origin = self.origin(exp, r, c);
                let key = LeafKey::Spend { fund, function: code.clone(), kind };
                self.add(key, v, Some(origin), estimated);
            }
        }
    }

    /// The fiscal lines' sum under a function code prefix, of these kinds (all when `None`).
    fn fiscal_sum(&self, prefix: &str, kinds: Option<&[SpendKind]>) -> Decimal {
        self.leaves
            .iter()
            .filter(|l| match &l.key {
                LeafKey::Spend { fund, function, kind } => fund.is_fiscal() && function.as_str().starts_with(prefix) && kinds.is_none_or(|k| k.contains(kind)),
                _ => false,
            })
            .map(|l| l.value)
            .sum()
    }

    /// Money the 财政拨款 does not hold where the 支出总表 prints no codes (Jiangsu): the 收支总表
    /// gives all funds' spending by 类; what a 类 has beyond its fiscal lines is the other funds'
    /// (the 收入总表's sources), of the kinds the 支出总表's total row has beyond the fiscal lines.
    /// The lines are at 类 level: no table says under which 款 or 项.
    fn non_fiscal_by_class(&mut self, exp: &Table) {
        let doc = self.doc;
        let Some(fs) = doc.tables.iter().find(|t| t.kind == TableKind::FinancialSummary) else { return };
        let names = code_names(doc);
        let mut classes: Vec<((FunctionCode, Origin), Decimal)> = Vec::new();
        for r in fs.rows.iter().filter(|r| r.side == Some(LedgerSide::Expenditure)) {
            let bare = yusuan_domain::strip_numbering(&compact_label(&r.label)).to_string();
            let Some(code) = class_code(&names, &bare).and_then(|c| FunctionCode::parse(&c).ok()) else { continue };
            let Some((c, v)) = side_amount(fs, r) else { continue };
            let rest = yuan(fs, v) - self.fiscal_sum(code.as_str(), None);
            if !rest.is_zero() {
                classes.push(((code, self.origin(fs, r, c)), rest));
            }
        }
        if classes.is_empty() {
            return;
        }
        let Some(total) = exp.rows.iter().find(|r| r.code.is_none() && r.cells.iter().any(|c| c.amount().is_some())) else { return };
        let basic = [SpendKind::Personnel, SpendKind::Public, SpendKind::Basic];
        let kinds: Vec<(SpendKind, Decimal)> = Self::kind_columns(exp)
            .into_iter()
            .map(|(c, kind)| {
                let all = yuan(exp, total.cells.get(c).and_then(Cell::value_or_zero).unwrap_or_default());
                let of = if kind.is_basic() { self.fiscal_sum("", Some(&basic)) } else { self.fiscal_sum("", Some(std::slice::from_ref(&kind))) };
                (kind, all - of)
            })
            .filter(|(_, v)| !v.is_zero())
            .collect();
        let rest: Decimal = classes.iter().map(|c| c.1).sum();
        let kinds = if kinds.iter().map(|k| k.1).sum::<Decimal>() == rest { kinds } else { vec![(SpendKind::Basic, rest)] };
        let mut sources: Vec<(Fund, Decimal)> = doc
            .tables
            .iter()
            .filter(|t| crate::sources::is_sources_table(t))
            .flat_map(|t| {
                t.rows.iter().zip(crate::sources::classify(&t.rows)).filter_map(move |(r, k)| match k {
                    crate::sources::SourceRow::Fund(f) if !f.is_fiscal() => {
                        let v = yuan(t, r.cells.iter().find_map(Cell::amount).unwrap_or_default());
                        (!v.is_zero()).then_some((f, v))
                    }
                    _ => None,
                })
            })
            .collect();
        if sources.iter().map(|s| s.1).sum::<Decimal>() != rest {
            self.report.carried.push(format!("{}：财政拨款以外的资金在收入总表中没有相符的来源，记为其他收入", fs.title));
            sources = vec![(Fund::Other, rest)];
        }
        let estimated = classes.len() > 1 || kinds.len() > 1 || sources.len() > 1;
        let pieces: Vec<((FunctionCode, Origin, Fund), Decimal)> =
            north_west(&classes, &sources).into_iter().map(|((code, origin), fund, v)| ((code, origin, fund), v)).collect();
        for ((code, origin, fund), kind, v) in north_west(&pieces, &kinds) {
            self.add(LeafKey::Spend { fund, function: code, kind }, v, Some(origin), estimated);
        }
    }

    fn economic_leaves(&mut self) {
        let doc = self.doc;
        // The 一般公共预算's table where printed, else the 财政拨款's.
        let economic = |kind: TableKind| doc.tables.iter().find(|t| t.kind == kind && is_economic_table(t));
        let Some(t) = economic(TableKind::GeneralPublicBasicEconomic).or_else(|| economic(TableKind::FiscalBasicEconomic)) else { return };
        let cols = Self::kind_columns(t);
        // No 人员经费/公用经费 columns (Jiangsu): each line's kind is its class's.
        let total_col = if cols.is_empty() { total_column(t) } else { None };
        for r in t.rows.iter().filter(|r| matches!(r.code, Some(RowCode::Economic(_))) && !has_child(t, r)) {
            let Some(RowCode::Economic(code)) = &r.code else { continue };
            let by_class = total_col.map(|c| (c, economic_kind(code.as_str())));
            for (c, kind) in cols.iter().cloned().chain(by_class) {
                let v = r.cells.get(c).and_then(Cell::value_or_zero).unwrap_or_default();
                let origin = self.origin(t, r, c);
                self.add(LeafKey::Economic { code: code.clone(), kind }, yuan(t, v), Some(origin), false);
            }
        }
    }

    fn style(t: &Table) -> PrintStyle {
        let amounts: Vec<&str> = t.rows.iter().flat_map(|r| &r.cells).filter(|c| c.amount().is_some()).map(Cell::printed).collect();
        let decimals = amounts.iter().filter_map(|p| p.split_once('.').map(|(_, f)| f.len() as u32)).max().unwrap_or(if t.unit == yusuan_domain::Unit::WanYuan { 2 } else { 0 });
        let separators = amounts.iter().any(|p| p.contains(',')) || (amounts.is_empty() && t.unit == yusuan_domain::Unit::Yuan);
        let zero_printed = (0..t.columns.len())
            .map(|c| t.rows.iter().any(|r| r.cells.get(c).and_then(Cell::amount).is_some_and(|v| v.is_zero())))
            .collect();
        PrintStyle { decimals, separators, zero_printed }
    }

    fn total_row(t: &Table) -> Option<TotalRow> {
        let pos = t.rows.iter().position(|r| r.code.is_none() && r.is_total())?;
        let first_coded = t.rows.iter().position(|r| r.code.is_some()).unwrap_or(usize::MAX);
        Some(TotalRow { label: t.rows[pos].label.clone(), first: pos < first_coded })
    }

    fn layout(&mut self, t: &Table, table_key: &str, names: &BTreeMap<String, String>) -> TableLayout {
        let funds = table_funds(t.kind);
        let column_rules = || -> Vec<ColumnRule> {
            t.columns
                .iter()
                .map(|c| match column_filter(&c.path, &funds) {
                    Some((f, k)) => ColumnRule::Filter { funds: f, kinds: k },
                    None => ColumnRule::Blank,
                })
                .collect()
        };
        let mut carried = false;
        let body = if crate::sources::is_sources_table(t) {
            Body::Rows { rows: self.source_rows(t, table_key) }
        } else if is_function_table(t) && totals_only(t) {
            // Its rows are totals: each cell sums its column's funds and kinds.
            let columns = column_rules();
            let rows = t
                .rows
                .iter()
                .map(|r| {
                    let cells = columns
                        .iter()
                        .zip(&r.cells)
                        .map(|(rule, cell)| match (rule, cell) {
                            (_, Cell::Text { text }) => CellRule::Text { text: text.clone() },
                            (ColumnRule::Filter { funds, kinds }, _) => CellRule::Sum { query: Query::Spend { funds: funds.clone(), prefix: None, kinds: kinds.clone() } },
                            (ColumnRule::Blank, cell) => fixed_cell(cell),
                        })
                        .collect();
                    RowRule { code: None, label: r.label.clone(), side: r.side, cells, pattern: false }
                })
                .collect();
            Body::Rows { rows }
        } else if t.kind == TableKind::RunningCosts && is_economic_table(t) {
            // 机关运行经费 is the 公用经费 of the 基本支出, by economic code.
            let columns = vec![ColumnRule::Filter { funds: None, kinds: Some(vec![SpendKind::Public]) }; t.columns.len()];
            Body::Economic { columns, total: Self::total_row(t) }
        } else if is_function_table(t) {
            let columns = column_rules();
            for (i, c) in columns.iter().enumerate() {
                if *c == ColumnRule::Blank && t.rows.iter().any(|r| r.cells.get(i).and_then(Cell::amount).is_some_and(|v| !v.is_zero())) {
                    self.report.carried.push(format!("{}：栏目“{}”不能由明细行推出，按空栏处理", t.title, t.columns[i].name()));
                }
            }
            Body::Function { funds, columns, total: Self::total_row(t) }
        } else if is_economic_table(t) {
            Body::Economic { columns: column_rules(), total: Self::total_row(t) }
        } else if matches!(t.kind, TableKind::FinancialSummary | TableKind::FiscalSummary) {
            Body::Rows { rows: self.ledger_rows(t, names, table_key) }
        } else if matches!(t.kind, TableKind::ExpenditureByUnit | TableKind::FiscalByUnit | TableKind::ThreePublic | TableKind::Projects | TableKind::Income) {
            Body::Rows { rows: self.local_rows(t, table_key) }
        } else {
            if t.amount_count() > 0 {
                self.report.carried.push(format!("{}：按原表结转（{} 个数字，不由明细行推出）", t.title, t.amount_count()));
            }
            carried = true;
            Body::Rows { rows: t.rows.iter().map(fixed_row).collect() }
        };
        TableLayout {
            title: t.title.clone(),
            number: t.number.clone(),
            kind: t.kind,
            unit: t.unit,
            compiled_by: t.compiled_by.clone(),
            columns: t.columns.clone(),
            empty_note: t.note.clone().filter(|n| n.contains("空表") || n.contains('无')),
            style: Self::style(t),
            body,
            location: t.location,
            carried,
        }
    }

    fn ledger_rows(&mut self, t: &Table, names: &BTreeMap<String, String>, table_key: &str) -> Vec<RowRule> {
        // Whether the spending leaves split 基本支出 into 人员经费 and 公用经费: a format whose
        // function tables print only 基本支出 does not, and a ledger column of 人员经费 by 功能类
        // (a 单位 财务收支总表) cannot be summed from them.
        let split = self.leaves.iter().any(|l| matches!(&l.key, LeafKey::Spend { kind: SpendKind::Personnel | SpendKind::Public, .. }));
        let funds = table_funds(t.kind);
        let class_code = |name: &str| class_code(names, name);
        let mut out = Vec::new();
        // A numbered heading (`二、上年结转`) opens a block on its side; the rows under a carry-over
        // heading are not this year's money.
        let mut carry: BTreeMap<Option<LedgerSide>, bool> = BTreeMap::new();
        let queries: Vec<Option<Query>> = t
            .rows
            .iter()
            .map(|r| {
                let l: String = r.label.chars().filter(|c| !c.is_whitespace()).collect();
                let heading = l.chars().next().is_some_and(|c| "一二三四五六七八九十".contains(c)) && l.contains('、');
                if heading {
                    carry.insert(r.side, l.contains("结转") || l.contains("结余"));
                }
                let in_carry = !heading && carry.get(&r.side).copied().unwrap_or(false) && l.starts_with('（');
                if in_carry { None } else { ledger_query(&r.label, r.side, &funds, class_code) }
            })
            .collect();
        let elsewhere = blocks_elsewhere(t, &queries);
        for (ri, (r, q)) in t.rows.iter().zip(&queries).enumerate() {
            let cells = r
                .cells
                .iter()
                .enumerate()
                .map(|(c, cell)| match cell {
                    Cell::Text { text } => CellRule::Text { text: text.clone() },
                    _ => {
                        let col = &t.columns[c];
                        let same_side = column_side(col).is_none_or(|s| Some(s) == r.side);
                        let personnel_or_public = |k: &Option<Vec<SpendKind>>| {
                            k.as_ref().is_some_and(|k| !k.is_empty() && k.iter().all(|k| matches!(k, SpendKind::Personnel | SpendKind::Public)))
                        };
                        match (q, same_side && !elsewhere(ri, c), column_filter(&col.path, &funds)) {
                            (Some(_), true, Some((_, ck))) if !split && personnel_or_public(&ck) => {
                                let total = { let l = compact_label(&r.label); l.contains("总计") || l.contains("合计") };
                                if total {
                                    // The whole 人员经费 (公用经费) is the economic leaves' own split.
                                    CellRule::Sum { query: Query::Economic { prefix: None, kinds: ck.clone() } }
                                } else {
                                    // By 功能类 it is the department's own figure: a leaf of its own.
                                    let key = LeafKey::Cell { table: table_key.to_string(), row: compact_label(&r.label), column: col.name() };
                                    let v = yuan(t, cell.value_or_zero().unwrap_or_default());
                                    let origin = self.origin(t, r, c);
                                    self.add(key.clone(), v, Some(origin), false);
                                    CellRule::Sum { query: Query::Leaves { keys: vec![key] } }
                                }
                            }
                            (Some(q), true, Some((cf, ck))) => CellRule::Sum { query: narrow(q.clone(), &cf, &ck) },
                            _ if matches!(cell, Cell::Blank) => CellRule::Blank,
                            _ => {
                                self.report.carried.push(format!("{} {} {}：按原表结转（{}）", t.title, row_name(r), col.name(), cell.printed()));
                                fixed_cell(cell)
                            }
                        }
                    }
                })
                .collect();
            out.push(RowRule { code: r.code.clone(), label: self.renamed_label(&r.label, q), side: r.side, cells, pattern: false });
        }
        out
    }

    /// A ledger row naming a 类 by a name the draft's year has replaced (`九、医疗卫生与计划生育支出`
    /// in a 2018 budget rolled into 2019) takes the new name, numbering kept.
    fn renamed_label(&self, label: &str, q: &Option<Query>) -> String {
        let Some(Query::Spend { prefix: Some(code), .. }) = q else { return label.to_string() };
        let bare = yusuan_domain::strip_numbering(label.trim());
        match yusuan_check::renamed_for_year(code, bare, self.year) {
            Some(new) => format!("{}{new}", &label.trim()[..label.trim().len() - bare.len()]),
            None => label.to_string(),
        }
    }

    /// An income table by source ([`crate::sources`]): its rows follow the funds' lines; a figure
    /// that names no fund is a leaf of the table's own.
    fn source_rows(&mut self, t: &Table, table_key: &str) -> Vec<RowRule> {
        let mut own = |i: usize, c: usize| {
            let r = &t.rows[i];
            let key = LeafKey::Cell { table: table_key.to_string(), row: compact_label(&r.label), column: t.columns[c].name() };
            let v = yuan(t, r.cells.get(c).and_then(Cell::value_or_zero).unwrap_or_default());
            let origin = self.origin(t, r, c);
            self.add(key.clone(), v, Some(origin), false);
            Query::Leaves { keys: vec![key] }
        };
        crate::sources::source_rows(t, &mut own)
    }

    /// A table with its own structure: its leaf cells become leaves; total rows (合计, parent
    /// codes) and total columns (合计/小计 by header path) sum them.
    fn local_rows(&mut self, t: &Table, table_key: &str) -> Vec<RowRule> {
        // A column of amounts: one that prints an amount, or that is blank in every row (an empty
        // 购置费 column is still an amount column: its 小计 sums it).
        let numeric: Vec<bool> = (0..t.columns.len())
            .map(|c| {
                t.rows.iter().any(|r| r.cells.get(c).and_then(Cell::amount).is_some())
                    || t.rows.iter().all(|r| matches!(r.cells.get(c), None | Some(Cell::Blank)))
            })
            .collect();
        let col_parts: BTreeMap<usize, Vec<usize>> = sum_identities(&t.columns, &numeric).into_iter().collect();
        let mut keys: Vec<String> = Vec::new();
        for (i, r) in t.rows.iter().enumerate() {
            let base = match &r.code {
                Some(c) => c.as_str().to_string(),
                None if !r.label.trim().is_empty() => r.label.split_whitespace().collect(),
                None => format!("第{}行", i + 1),
            };
            let mut k = base.clone();
            let mut n = 1;
            while keys.contains(&k) {
                n += 1;
                k = format!("{base}#{n}");
            }
            keys.push(k);
        }
        let code_of = |r: &Row| match &r.code {
            Some(RowCode::Unit(s) | RowCode::Project(s)) => Some(s.clone()),
            _ => None,
        };
        // Children by code prefix (the nearest longer code under each).
        let children: Vec<Vec<usize>> = t
            .rows
            .iter()
            .map(|r| {
                let Some(pc) = code_of(r) else { return vec![] };
                t.rows
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| {
                        code_of(s).is_some_and(|sc| {
                            sc.len() > pc.len()
                                && sc.starts_with(&pc)
                                && !t.rows.iter().any(|m| code_of(m).is_some_and(|mc| mc.len() > pc.len() && mc.len() < sc.len() && mc.starts_with(&pc) && sc.starts_with(&mc)))
                        })
                    })
                    .map(|(j, _)| j)
                    .collect()
            })
            .collect();
        let is_child: BTreeSet<usize> = children.iter().flatten().copied().collect();
        let is_total = |r: &Row| r.code.is_none() && r.is_total();
        let top: Vec<usize> = (0..t.rows.len()).filter(|&i| !is_total(&t.rows[i]) && !is_child.contains(&i)).collect();
        #[allow(clippy::too_many_arguments)]
        fn expand(t: &Table, i: usize, c: usize, keys: &[String], children: &[Vec<usize>], top: &[usize], col_parts: &BTreeMap<usize, Vec<usize>>, table_key: &str, out: &mut Vec<LeafKey>) {
            let r = &t.rows[i];
            if r.code.is_none() && r.is_total() {
                for &j in top {
                    expand(t, j, c, keys, children, top, col_parts, table_key, out);
                }
            } else if !children[i].is_empty() {
                for &j in &children[i] {
                    expand(t, j, c, keys, children, top, col_parts, table_key, out);
                }
            } else if let Some(parts) = col_parts.get(&c) {
                for &p in parts {
                    expand(t, i, p, keys, children, top, col_parts, table_key, out);
                }
            } else {
                out.push(LeafKey::Cell { table: table_key.to_string(), row: keys[i].clone(), column: t.columns[c].name() });
            }
        }
        let mut out = Vec::new();
        for (i, r) in t.rows.iter().enumerate() {
            let leaf_row = !is_total(r) && children[i].is_empty();
            let mut cells = Vec::new();
            for (c, is_numeric) in numeric.iter().enumerate() {
                let cell = r.cells.get(c).cloned().unwrap_or(Cell::Blank);
                if let Cell::Text { text } = &cell {
                    cells.push(CellRule::Text { text: text.clone() });
                    continue;
                }
                if !is_numeric {
                    cells.push(CellRule::Blank);
                    continue;
                }
                if leaf_row && !col_parts.contains_key(&c) {
                    let key = LeafKey::Cell { table: table_key.to_string(), row: keys[i].clone(), column: t.columns[c].name() };
                    let v = yuan(t, cell.value_or_zero().unwrap_or_default());
                    let origin = self.origin(t, r, c);
                    self.add(key, v, Some(origin), false);
                }
                let mut ks = Vec::new();
                expand(t, i, c, &keys, &children, &top, &col_parts, table_key, &mut ks);
                cells.push(CellRule::Sum { query: Query::Leaves { keys: ks } });
            }
            out.push(RowRule { code: r.code.clone(), label: r.label.clone(), side: r.side, cells, pattern: false });
        }
        out
    }
}

/// The 类 a ledger row names: by the document's own names, the catalogue's, or an earlier name
/// of the class (a 2018 ledger's `医疗卫生与计划生育支出`).
fn class_code(names: &BTreeMap<String, String>, name: &str) -> Option<String> {
    names
        .iter()
        .find(|(code, n)| code.len() == 3 && n.as_str() == name)
        .map(|(c, _)| c.clone())
        .or_else(|| FUNCTION_CLASSES.iter().find(|(_, n)| *n == name).map(|(c, _)| c.to_string()))
        .or_else(|| yusuan_check::renamed_class_code(name).filter(|c| c.len() == 3).map(str::to_string))
}

/// What a ledger row sums, for telling its columns apart: a 类, a use (基本支出 …), a total.
fn row_category(q: &Option<Query>) -> Option<u8> {
    match q {
        Some(Query::Spend { prefix: Some(_), .. }) => Some(0),
        Some(Query::Spend { prefix: None, kinds: Some(_), .. }) => Some(1),
        Some(Query::Spend { prefix: None, kinds: None, .. }) => Some(2),
        _ => None,
    }
}

/// Whether a ledger row's cell belongs to another column of its side: a ledger may print one
/// side in two blocks (Jiangsu: 功能分类 beside 支出用途), each column printing its own kind of
/// rows. A cell is another column's when its column prints no row of its category while a
/// column of the same side and restriction does.
fn blocks_elsewhere<'a>(t: &'a Table, queries: &'a [Option<Query>]) -> impl Fn(usize, usize) -> bool + 'a {
    let prints = move |c: usize, cat: u8| {
        t.rows.iter().zip(queries).any(|(r, q)| row_category(q) == Some(cat) && r.cells.get(c).and_then(Cell::amount).is_some_and(|v| !v.is_zero()))
    };
    let funds = table_funds(t.kind);
    move |ri: usize, c: usize| {
        let Some(cat) = row_category(&queries[ri]) else { return false };
        let side = t.rows[ri].side;
        let filter = column_filter(&t.columns[c].path, &funds);
        !prints(c, cat)
            && (0..t.columns.len()).any(|o| {
                o != c && column_side(&t.columns[o]) == column_side(&t.columns[c]) && column_side(&t.columns[o]).is_none_or(|s| Some(s) == side)
                    && column_filter(&t.columns[o].path, &funds) == filter
                    && prints(o, cat)
            })
    }
}

/// A row label without whitespace (the key of a ledger row's own cells).
fn compact_label(label: &str) -> String {
    label.chars().filter(|c| !c.is_whitespace()).collect()
}

fn fixed_cell(cell: &Cell) -> CellRule {
    match cell {
        Cell::Blank => CellRule::Blank,
        Cell::Text { text } => CellRule::Text { text: text.clone() },
        Cell::Amount { value, printed } => CellRule::Fixed { value: *value, printed: printed.clone() },
    }
}

fn fixed_row(r: &Row) -> RowRule {
    RowRule { code: r.code.clone(), label: r.label.clone(), side: r.side, cells: r.cells.iter().map(fixed_cell).collect(), pattern: false }
}

/// Splits `rows` (e.g. sources and their amounts) over `cols` (e.g. kinds and their amounts)
/// keeping both margins exactly (north-west corner rule): no rounding, deterministic. When the
/// margins disagree, the last column takes the difference.
fn north_west<R: Clone, C: Clone>(rows: &[(R, Decimal)], cols: &[(C, Decimal)]) -> Vec<(R, C, Decimal)> {
    let mut out = Vec::new();
    let mut need: Vec<Decimal> = cols.iter().map(|c| c.1).collect();
    for (ri, (row, amount)) in rows.iter().enumerate() {
        let mut left = *amount;
        for (ci, (col, _)) in cols.iter().enumerate() {
            let last = ri == rows.len() - 1 && ci == cols.len() - 1;
            let take = if last { left } else { left.min(need[ci].max(Decimal::ZERO)) };
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
    f.location.table.as_deref() == Some(table) && f.location.row.as_deref().is_none_or(|r| r == row || row.starts_with(r) || r.starts_with(row))
}

/// Every cell where the derived tables differ from the source's, with the checker's findings there.
fn contradictions(doc: &Document, draft: &Draft) -> Vec<SourceContradiction> {
    let derived = derive_table_values(draft);
    let findings = yusuan_check::check(doc);
    let mut out = Vec::new();
    for (src, der) in doc.tables.iter().zip(&derived) {
        let cmp = |r: &Row| (r.side, r.code.as_ref().map(|c| c.as_str().to_string()), if r.code.is_some() { String::new() } else { r.label.clone() });
        let mut keys: Vec<_> = src.rows.iter().map(cmp).collect();
        keys.extend(der.rows.iter().map(cmp));
        keys.sort();
        keys.dedup();
        for key in keys {
            let s = src.rows.iter().find(|r| cmp(r) == key);
            let d = der.rows.iter().find(|r| cmp(r) == key);
            for c in 0..src.columns.len() {
                let value = |r: Option<&Row>| r.and_then(|r| r.cells.get(c)).and_then(Cell::value_or_zero).unwrap_or_default();
                let (sv, dv) = (value(s), value(d));
                let text = |r: Option<&Row>| r.and_then(|r| r.cells.get(c)).map(|c| c.printed().to_string()).unwrap_or_default();
                let both_text = s.and_then(|r| r.cells.get(c)).is_some_and(|c| matches!(c, Cell::Text { .. }));
                if both_text || sv == dv {
                    continue;
                }
                let row = s.or(d).map(row_name).unwrap_or_default();
                let column = src.columns[c].name();
                let mut here: Vec<String> =
                    findings.iter().filter(|f| same_place(f, &src.title, &row)).map(|f| format!("{} {}", f.rule, f.message)).collect();
                if here.is_empty() {
                    // A total above a contradiction carries it: the findings on the same column below.
                    here = findings
                        .iter()
                        .filter(|f| f.location.table.as_deref() == Some(src.title.as_str()) && f.location.column.as_deref() == Some(column.as_str()))
                        .map(|f| format!("{} {}（{}）", f.rule, f.message, f.location.row.clone().unwrap_or_default()))
                        .collect();
                }
                out.push(SourceContradiction { table: src.title.clone(), row, column, printed: text(s), derived: text(d), findings: here });
            }
        }
    }
    out
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
            assert_eq!(advance_years(input, if input.contains("2026 ") { 2026 } else { 2025 }, 1), expect, "{input}");
        }
    }

    #[test]
    fn north_west_keeps_both_margins_exactly() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let rows = [(Fund::Business, d("100")), (Fund::Other, d("50.5"))];
        let cols = [(SpendKind::Basic, d("70")), (SpendKind::Project, d("80.5"))];
        let cells = north_west(&rows, &cols);
        for (f, a) in &rows {
            assert_eq!(cells.iter().filter(|c| &c.0 == f).map(|c| c.2).sum::<Decimal>(), *a);
        }
        for (k, a) in &cols {
            assert_eq!(cells.iter().filter(|c| &c.1 == k).map(|c| c.2).sum::<Decimal>(), *a);
        }
    }

}
