//! The draft itself: leaf lines with their keys, baselines and origins, and what the user wrote.

pub use crate::keys::{Fund, LeafKey, ProcurementPart, SpendKind, StatedItem};
use crate::layout::{Body, ColumnRule, TableLayout};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use yusuan_domain::{
    BudgetUnit, PerformanceForm, ProjectDescription, RegionalFormat, Scope, Section, StatedFigures,
};

/// The version of the draft's JSON shape (stored with every draft).
pub const DRAFT_SCHEMA: u32 = 1;

/// Where a baseline figure came from: the document, the table, the row and column, the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The source document's library id.
    pub document: i64,
    /// The table as titled.
    pub table: String,
    /// The row (code and label).
    pub row: String,
    /// The column's header path.
    pub column: String,
    /// The value as printed there.
    pub printed: String,
    /// Page, when the source has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Line in the source text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// One leaf line: an amount in 元 the user decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leaf {
    /// What it is keyed by.
    pub key: LeafKey,
    /// A readable name (`一般公共预算 2013901 行政运行 基本支出`).
    pub label: String,
    /// This year's amount, in 元.
    pub value: Decimal,
    /// Last year's amount, in 元 (when rolled forward).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Decimal>,
    /// Where the baseline came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The value was allocated by the roll-forward (the source prints only margins), not read:
    /// the user should confirm it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
    /// The unit (单位) whose money this is; `None` while the department's money is not placed
    /// in a unit (a department of one unit needs none). The department's tables sum every unit;
    /// a unit's own 单位预算 ([`crate::unit_view`]) takes its lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Leaf {
    /// The line's address as users type it: its key, then `@单位` when placed in a unit.
    pub fn address(&self) -> String {
        address(&self.key, self.unit.as_deref())
    }
}

impl Draft {
    /// The 政府采购 total as a line, where the draft has only its parts (货物/工程/服务): their
    /// sum, this year and last — the total every document prints. `None` when the draft has a
    /// total line of its own or no part.
    pub fn procurement_total_line(&self) -> Option<Leaf> {
        use crate::model::ProcurementPart as P;
        let part = |l: &&Leaf| {
            l.unit.is_none()
                && matches!(&l.key, LeafKey::Procurement { part } if matches!(part, P::Goods | P::Works | P::Services))
        };
        let total = LeafKey::Procurement { part: P::Total };
        if self.leaves.iter().any(|l| l.key == total) || !self.leaves.iter().any(|l| part(&l)) {
            return None;
        }
        let parts: Vec<&Leaf> = self.leaves.iter().filter(part).collect();
        Some(Leaf {
            label: "政府采购预算".to_string(),
            value: parts.iter().map(|l| l.value).sum(),
            baseline: Some(parts.iter().map(|l| l.baseline.unwrap_or_default()).sum()),
            origin: None,
            estimated: false,
            unit: None,
            key: total,
        })
    }
}

/// A line's address: `key` or `key@单位`.
pub fn address(key: &LeafKey, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{key}@{u}"),
        None => key.to_string(),
    }
}

/// Reads an address (`支出|一般公共预算|2013901|基本支出@某单位`): the key and the unit.
pub fn parse_address(text: &str) -> Option<(LeafKey, Option<String>)> {
    let text = text.trim();
    if let Some(key) = LeafKey::parse(text) {
        if !text.contains('@') {
            return Some((key, None));
        }
    }
    let (key, unit) = text.rsplit_once('@')?;
    let unit = unit.trim();
    if unit.is_empty() {
        return None;
    }
    Some((LeafKey::parse(key)?, Some(unit.to_string())))
}

/// A draft of next year's budget of one department (or one unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The JSON shape's version ([`DRAFT_SCHEMA`]).
    pub schema: u32,
    /// 预算主管部门 (or the unit, for a 单位预算).
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The year of the baseline (the source document's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    /// The source document's library id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_document: Option<i64>,
    /// The disclosure format the draft derives.
    pub format: RegionalFormat,
    /// 部门 / 单位.
    pub scope: Scope,
    /// The region as printed (`上海市普陀区`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The cover title (`上海市普陀区2026年区级部门预算`).
    pub title: String,
    /// The department's units.
    pub units: Vec<BudgetUnit>,
    /// The leaf lines, in a stable order.
    pub leaves: Vec<Leaf>,
    /// The tables to derive, in order.
    pub layout: Vec<TableLayout>,
    /// Names of classification codes (功能 and 经济), for rows the derivation prints.
    pub names: BTreeMap<String, String>,
    /// Reasons for changes, by leaf key or narrative figure key.
    pub reasons: BTreeMap<String, String>,
    /// Carried narrative sections (职能, 机构设置, 名词解释 …) with years advanced; the 编制说明
    /// and the figures of 其他相关情况说明 are generated, not carried.
    pub sections: Vec<Section>,
    /// Carried project descriptions (years advanced).
    pub projects: Vec<ProjectDescription>,
    /// Carried performance forms (years advanced).
    pub performance_forms: Vec<PerformanceForm>,
    /// Figures the narrative states outside the tables (政府采购, 国有资产, unit counts), carried.
    pub stated: StatedFigures,
    /// Change threshold in percent beyond which a change needs a reason (default 10).
    pub threshold_percent: Decimal,
    /// The source's explanation sections read as sentences over its tables
    /// (`crate::restate`): printed with the draft's figures in place of the generated ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restated: Vec<crate::restated::Restatement>,
    /// The 目录, carried (years advanced).
    #[serde(default)]
    pub contents: Vec<yusuan_domain::ContentsEntry>,
    /// Each project's money: the 项目支出 lines (by address) that fund it and how much of each
    /// ([`crate::project_funds`]). A project's budget is the sum of its shares; its
    /// description's stated total is checked against it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub project_funds: BTreeMap<String, Vec<ProjectShare>>,
    /// A unit's own texts for its 单位预算 (主要职能, 机构设置 …): by unit, by the department's
    /// section title, the unit's paragraphs ([`crate::unit_view`]; a section a unit has not
    /// written is the department's, in the unit's wording).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unit_texts: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// 上年执行数: last year's actual spending of the 一般公共预算 by function code (类, 款 or 项),
    /// in 元 — typed, pasted or taken from last year's 决算 ([`crate::actuals`]). Where it is
    /// given, the 编制说明 compares the code's budget with it (`比2025年执行数…`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub actuals: BTreeMap<String, Decimal>,
    /// How the draft prints what the tables leave open: the region's practice as last year's
    /// tables printed it, unless the user chose otherwise.
    #[serde(default, skip_serializing_if = "PrintChoices::is_default")]
    pub print: PrintChoices,
}

/// The draft's print style, a property of the draft (shown and chosen in 导出).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintChoices {
    /// An amount cell of zero.
    #[serde(default)]
    pub zeros: Zeros,
    /// The budget year in the tables' titles.
    #[serde(default, skip_serializing_if = "TitleYears::is_as_printed")]
    pub title_years: TitleYears,
}

impl PrintChoices {
    fn is_default(&self) -> bool {
        *self == PrintChoices::default()
    }

    /// What `setting` is set to, by its label.
    pub fn chosen(&self, setting: PrintSetting) -> &'static str {
        match setting {
            PrintSetting::Zeros => self.zeros.label(),
            PrintSetting::TitleYears => self.title_years.label(),
        }
    }

    /// Sets `setting` to the choice labelled (or keyed) `choice`; `false` when it is none of
    /// the setting's choices.
    pub fn choose(&mut self, setting: PrintSetting, choice: &str) -> bool {
        match setting {
            PrintSetting::Zeros => Zeros::parse(choice).map(|z| self.zeros = z),
            PrintSetting::TitleYears => TitleYears::parse(choice).map(|y| self.title_years = y),
        }
        .is_some()
    }
}

/// One setting of the print style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintSetting {
    /// How an amount cell of zero prints ([`Zeros`]).
    Zeros,
    /// Whether the tables' titles carry the year ([`TitleYears`]).
    TitleYears,
}

impl PrintSetting {
    /// Every setting, in the order 导出 shows them.
    pub const ALL: [PrintSetting; 2] = [PrintSetting::Zeros, PrintSetting::TitleYears];

    /// The setting's name as 导出 and the history show it.
    pub fn name(self) -> &'static str {
        match self {
            PrintSetting::Zeros => "零值单元格",
            PrintSetting::TitleYears => "表名年度",
        }
    }

    /// The setting named `name`.
    pub fn parse(name: &str) -> Option<PrintSetting> {
        PrintSetting::ALL
            .into_iter()
            .find(|s| s.name() == name.trim())
    }

    /// The labels of the setting's choices, in the order 导出 offers them.
    pub fn choices(self) -> Vec<&'static str> {
        match self {
            PrintSetting::Zeros => Zeros::ALL.iter().map(|z| z.label()).collect(),
            PrintSetting::TitleYears => TitleYears::ALL.iter().map(|y| y.label()).collect(),
        }
    }
}

/// A choice's label or English key names it.
fn named<T: Serialize + Copy>(all: &[T], label: fn(T) -> &'static str, text: &str) -> Option<T> {
    let t = text.trim();
    all.iter().copied().find(|c| {
        label(*c) == t
            || serde_json::to_value(c)
                .ok()
                .and_then(|v| v.as_str().map(|s| s == t))
                == Some(true)
    })
}

/// How an amount cell of zero prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zeros {
    /// As last year's table printed that column (`0.00` where it printed a zero, else blank).
    #[default]
    AsPrinted,
    /// Left blank.
    Blank,
    /// Printed as 0 (`0`, `0.00`).
    Zero,
}

impl Zeros {
    /// Every choice, in the order 导出 offers them.
    pub const ALL: [Zeros; 3] = [Zeros::AsPrinted, Zeros::Blank, Zeros::Zero];

    /// The name 导出 shows and the command line takes.
    pub fn label(self) -> &'static str {
        match self {
            Zeros::AsPrinted => "按上年原表",
            Zeros::Blank => "留空",
            Zeros::Zero => "填0",
        }
    }

    /// The choice a name (or its English key) stands for.
    pub fn parse(text: &str) -> Option<Zeros> {
        named(&Zeros::ALL, Zeros::label, text)
    }
}

/// Whether the tables' titles carry the budget year (`2026年部门收入预算总表`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleYears {
    /// Each title as last year's printed it, its year advanced.
    #[default]
    AsPrinted,
    /// Every table's title opens with the year where it does not carry it.
    Every,
    /// No title carries the year.
    Never,
}

impl TitleYears {
    /// Every choice, in the order 导出 offers them.
    pub const ALL: [TitleYears; 3] = [TitleYears::AsPrinted, TitleYears::Every, TitleYears::Never];

    fn is_as_printed(&self) -> bool {
        *self == TitleYears::AsPrinted
    }

    /// The name 导出 shows and the command line takes.
    pub fn label(self) -> &'static str {
        match self {
            TitleYears::AsPrinted => "按上年原表",
            TitleYears::Every => "每张表都印年度",
            TitleYears::Never => "都不印年度",
        }
    }

    /// The choice a name (or its English key) stands for.
    pub fn parse(text: &str) -> Option<TitleYears> {
        named(&TitleYears::ALL, TitleYears::label, text)
    }

    /// A table's title (`title`, its year advanced) as this choice prints it in `year`.
    pub fn title(self, title: &str, year: i32) -> String {
        let y = format!("{year}年");
        match self {
            TitleYears::AsPrinted => title.to_string(),
            TitleYears::Every if title.contains(&y) => title.to_string(),
            TitleYears::Every => format!("{y}{title}"),
            TitleYears::Never => title.replacen(&y, "", 1),
        }
    }

    /// The practice a document's table titles show: every one carrying its year, none, or
    /// some (`AsPrinted`). `None` when it has no tables.
    pub fn practice<'a>(
        titles: impl IntoIterator<Item = &'a str>,
        year: i32,
    ) -> Option<TitleYears> {
        let y = format!("{year}年");
        let (mut with, mut without) = (0, 0);
        for t in titles {
            if t.contains(&y) {
                with += 1;
            } else {
                without += 1;
            }
        }
        match (with, without) {
            (0, 0) => None,
            (_, 0) => Some(TitleYears::Every),
            (0, _) => Some(TitleYears::Never),
            _ => Some(TitleYears::AsPrinted),
        }
    }
}

/// A project's share of one 项目支出 line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectShare {
    /// The line's address (`支出|一般公共预算|2013999|项目支出`, `…@单位`).
    pub line: String,
    /// How much of it funds the project, 元.
    pub amount: Decimal,
}

impl Draft {
    /// The leaf with this key not placed in a unit.
    pub fn leaf(&self, key: &LeafKey) -> Option<&Leaf> {
        self.leaf_at(key, None)
    }

    /// The leaf with this key in this unit (`None`: not placed in a unit).
    pub fn leaf_at(&self, key: &LeafKey, unit: Option<&str>) -> Option<&Leaf> {
        self.leaves
            .iter()
            .find(|l| &l.key == key && l.unit.as_deref() == unit)
    }

    /// The key this draft gives a table cell addressed with its row or column printed another
    /// way (`(补助)` for `（补助）`, spaces): the same table, row and column by
    /// [`yusuan_domain::label_key`]. `None` when no cell of the draft is that one.
    pub fn cell_as_named(&self, key: &LeafKey) -> Option<&LeafKey> {
        let LeafKey::Cell { table, row, column } = key else {
            return None;
        };
        let (row, column) = (
            yusuan_domain::label_key(row),
            yusuan_domain::label_key(column),
        );
        self.leaves.iter().map(|l| &l.key).find(|k| {
            matches!(k, LeafKey::Cell { table: t, row: r, column: c } if t == table && yusuan_domain::label_key(r) == row && yusuan_domain::label_key(c) == column)
        })
    }

    /// The leaf with this key not placed in a unit, for editing.
    pub fn leaf_mut(&mut self, key: &LeafKey) -> Option<&mut Leaf> {
        self.leaf_at_mut(key, None)
    }

    /// The leaf with this key in this unit, for editing.
    pub fn leaf_at_mut(&mut self, key: &LeafKey, unit: Option<&str>) -> Option<&mut Leaf> {
        self.leaves
            .iter_mut()
            .find(|l| &l.key == key && l.unit.as_deref() == unit)
    }

    /// The department's amount of a key: its lines in every unit and not placed (`None` when
    /// the draft has no such line).
    pub fn total_of(&self, key: &LeafKey) -> Option<Decimal> {
        let mut lines = self.leaves.iter().filter(|l| &l.key == key).peekable();
        lines.peek()?;
        Some(lines.map(|l| l.value).sum())
    }

    /// `部门` or `单位`: how the draft's own texts name whose budget it is (本部门, 本单位).
    pub fn who(&self) -> &'static str {
        if self.scope == Scope::Unit {
            "单位"
        } else {
            "部门"
        }
    }

    /// The name of a function or economic code, when known.
    pub fn name_of(&self, code: &str) -> &str {
        self.names.get(code).map(String::as_str).unwrap_or("")
    }

    /// A readable label for a key.
    pub fn label_for(&self, key: &LeafKey) -> String {
        match key {
            LeafKey::Spend {
                fund,
                function,
                kind,
            } => {
                format!(
                    "{} {} {} {}",
                    fund.label(),
                    function.as_str(),
                    self.name_of(function.as_str()),
                    kind.label()
                )
            }
            LeafKey::Economic { code, kind } => format!(
                "基本支出 {} {} {}",
                code.as_str(),
                self.name_of(code.as_str()),
                kind.label()
            ),
            LeafKey::Cell { table, row, column } => format!("{table} {row} {column}"),
            LeafKey::Procurement { part } => part.leaf_label(),
            LeafKey::Stated { item } => item.leaf_label(),
        }
    }
}

/// The kinds a spending line of this draft is keyed by: 人员经费, 公用经费 and 项目支出 where
/// its function tables split 基本支出 (Shanghai), else 基本支出 and 项目支出.
pub fn spend_kinds(d: &Draft) -> Vec<SpendKind> {
    let split_in_lines = d.leaves.iter().any(|l| {
        matches!(
            &l.key,
            LeafKey::Spend {
                kind: SpendKind::Personnel | SpendKind::Public,
                ..
            }
        )
    });
    let split_in_tables = d.layout.iter().any(|t| match &t.body {
        Body::Function { columns, .. } => columns.iter().any(|c| matches!(c, ColumnRule::Filter { kinds: Some(k), .. } if k.iter().any(|k| matches!(k, SpendKind::Personnel | SpendKind::Public)) && !k.contains(&SpendKind::Basic))),
        _ => false,
    });
    let mut kinds = if split_in_lines || split_in_tables {
        vec![SpendKind::Personnel, SpendKind::Public, SpendKind::Project]
    } else {
        vec![SpendKind::Basic, SpendKind::Project]
    };
    // A use of its own the tables print a column or a row for (Jiangsu's 单位预留机动经费), even
    // where last year had none of it.
    let mut named = |ks: &Option<Vec<SpendKind>>| {
        for k in ks.iter().flatten() {
            if matches!(k, SpendKind::Named(_)) && !kinds.contains(k) {
                kinds.push(k.clone());
            }
        }
    };
    for t in &d.layout {
        match &t.body {
            Body::Function { columns, .. } | Body::Economic { columns, .. } => {
                columns.iter().for_each(|c| {
                    if let ColumnRule::Filter { kinds, .. } = c {
                        named(kinds)
                    }
                })
            }
            Body::Rows { rows } => rows.iter().flat_map(|r| &r.cells).for_each(|c| {
                if let crate::layout::CellRule::Sum {
                    query: crate::layout::Query::Spend { kinds, .. },
                } = c
                {
                    named(kinds)
                }
            }),
        }
    }
    kinds
}

/// A figure the narrative states, with last year's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Its key, for reasons (`说明|收入预算`).
    pub key: String,
    /// Its name as the sentence prints it.
    pub name: String,
    /// This year, in 元.
    pub current: Decimal,
    /// Last year, in 元.
    pub baseline: Decimal,
}
