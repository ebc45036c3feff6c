//! A published disclosure document: cover, contents, narrative, tables, projects, forms.

use crate::{Location, PerformanceForm, ProjectDescription, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 预算 or 决算.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum DocKind {
    /// 预算 (budget)
    #[serde(rename = "预算")]
    Budget,
    /// 决算 (final accounts)
    #[serde(rename = "决算")]
    FinalAccounts,
}

/// 部门 (whole department) or 单位 (one unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Scope {
    /// 部门
    #[serde(rename = "部门")]
    Department,
    /// 单位
    #[serde(rename = "单位")]
    Unit,
}

/// The regional standard format the document follows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RegionalFormat {
    /// Shanghai, 11 tables (with the two 分单位 tables).
    Shanghai11,
    /// Shanghai, 9 tables (district 2025 style, without the 分单位 tables).
    Shanghai9,
    /// Hubei / Wuhan, 15 tables.
    Hubei15,
    /// Jiangsu, 12 tables (公开01表–公开12表, 万元; 财政拨款支出 and 机关运行经费 tables of their own).
    Jiangsu12,
    /// A standalone set of 项目绩效目标 forms.
    PerformanceForms,
    /// A standalone 项目经费情况说明 (with forms).
    ProjectDescriptions,
    /// Not recognised: described in words.
    Other(String),
}

impl RegionalFormat {
    /// A Chinese description for reports and the UI.
    pub fn label(&self) -> String {
        match self {
            RegionalFormat::Shanghai11 => "上海11张表".into(),
            RegionalFormat::Shanghai9 => "上海9张表".into(),
            RegionalFormat::Hubei15 => "湖北15张表".into(),
            RegionalFormat::Jiangsu12 => "江苏12张表".into(),
            RegionalFormat::PerformanceForms => "项目绩效目标表".into(),
            RegionalFormat::ProjectDescriptions => "项目经费情况说明".into(),
            RegionalFormat::Other(s) => s.clone(),
        }
    }
}

/// The cover facts of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentMeta {
    /// The title as printed on the cover (`上海市2026年市级部门预算`).
    pub title: String,
    /// 预算主管部门 (the department).
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// 预算 / 决算.
    pub kind: DocKind,
    /// 部门 / 单位.
    pub scope: Scope,
    /// The regional format.
    pub format: RegionalFormat,
    /// The region / level as printed (`上海市`, `嘉定区`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub region: Option<String>,
    /// The publication date as printed (`2026年2月`), when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub published: Option<String>,
}

/// The type of a budget unit (预算单位).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum UnitKind {
    /// 行政单位
    #[serde(rename = "行政单位")]
    Administrative,
    /// 参照公务员法管理的事业单位
    #[serde(rename = "参公事业单位")]
    CivilServiceInstitution,
    /// 事业单位
    #[serde(rename = "事业单位")]
    Institution,
    /// 其他 / not stated
    #[serde(rename = "其他")]
    Other,
}

/// A budget unit of the department (本部 or a subordinate unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BudgetUnit {
    /// The unit's name.
    pub name: String,
    /// Its code, when printed (Hubei prints `143001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code: Option<String>,
    /// Its type, when the document says.
    pub kind: UnitKind,
}

/// One line of the contents page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContentsEntry {
    /// The number as printed (`一`, `1`), when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub number: Option<String>,
    /// The title.
    pub title: String,
    /// Nesting level (0 = top).
    pub level: u8,
}

/// The kind of a narrative section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 部门主要职能
    Functions,
    /// 部门机构设置
    Organisation,
    /// 名词解释
    Glossary,
    /// 部门预算编制说明
    BudgetExplanation,
    /// 其他相关情况说明 (三公, 机关运行经费, 政府采购, 绩效, 国有资产)
    OtherExplanations,
    /// Hubei's 情况说明 part
    Notes,
    /// Anything else
    Other,
}

/// One paragraph with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Paragraph {
    /// The text.
    pub text: String,
    /// Where it was printed.
    pub location: Location,
}

/// A narrative section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Section {
    /// What it is.
    pub kind: SectionKind,
    /// Its heading as printed.
    pub title: String,
    /// Its paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Where the heading was printed.
    pub location: Location,
}

/// Text the importer did not understand: kept, and listed in the import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Unrecognised {
    /// The text.
    pub text: String,
    /// Where it was.
    pub location: Location,
}

/// A whole disclosure document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Document {
    /// Cover facts.
    pub meta: DocumentMeta,
    /// The department's units.
    pub units: Vec<BudgetUnit>,
    /// The contents page.
    pub contents: Vec<ContentsEntry>,
    /// Narrative sections, in order.
    pub sections: Vec<Section>,
    /// Tables, in order.
    pub tables: Vec<Table>,
    /// 项目经费情况说明, one per project.
    pub projects: Vec<ProjectDescription>,
    /// 绩效目标 forms.
    pub performance_forms: Vec<PerformanceForm>,
    /// Figures the narrative states outside the tables (政府采购, 绩效, 国有资产).
    #[serde(default)]
    pub stated: crate::StatedFigures,
    /// What was not understood.
    pub unrecognised: Vec<Unrecognised>,
    /// Titles of the tables whose unit the document does not print (read as 元): what rests on
    /// their amounts is not confirmed, and the checker says so rather than blame the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(skip)]
    pub assumed_units: Vec<String>,
}

impl Document {
    /// An empty document with these cover facts.
    pub fn new(meta: DocumentMeta) -> Document {
        Document {
            meta,
            units: vec![],
            contents: vec![],
            sections: vec![],
            tables: vec![],
            projects: vec![],
            performance_forms: vec![],
            stated: Default::default(),
            unrecognised: vec![],
            assumed_units: vec![],
        }
    }

    /// The first section of this kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The first table of this kind.
    pub fn table(&self, kind: crate::TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The 一般公共预算 spending by function code (类, 款 and 项, as printed), in 元, with each
    /// code's name, and the table's 合计: the 合计 column (or the first amount column) of its
    /// 一般公共预算 function table — a 预算's budget, a 决算's actual spending. `None` without such
    /// a table. A code printed with its cell blank spent nothing.
    pub fn general_public_by_function(&self) -> Option<FunctionAmounts> {
        use crate::{Amount, Cell, RowCode, TableKind};
        let t = self.tables.iter().find(|t| {
            t.kind == TableKind::GeneralPublicFunction
                && t.rows
                    .iter()
                    .any(|r| matches!(r.code, Some(RowCode::Function(_))))
        })?;
        let column = t
            .columns
            .iter()
            .position(|c| c.name().contains("合计"))
            .unwrap_or(0);
        let yuan = |r: &crate::Row| match r.cells.get(column) {
            Some(Cell::Amount { value, .. }) => Amount {
                value: *value,
                unit: t.unit,
            }
            .to_yuan(),
            _ => rust_decimal::Decimal::ZERO,
        };
        let mut out = FunctionAmounts {
            by_code: Default::default(),
            total: None,
        };
        for r in &t.rows {
            match &r.code {
                Some(RowCode::Function(f)) => {
                    out.by_code
                        .entry(f.as_str().to_string())
                        .or_insert_with(|| (r.label.trim().to_string(), yuan(r)));
                }
                None if r.is_total() && out.total.is_none() => out.total = Some(yuan(r)),
                _ => {}
            }
        }
        Some(out)
    }
}

/// A document's 一般公共预算 spending by function code ([`Document::general_public_by_function`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionAmounts {
    /// Each code's name and amount in 元.
    pub by_code: std::collections::BTreeMap<String, (String, rust_decimal::Decimal)>,
    /// The table's 合计, in 元, where printed.
    pub total: Option<rust_decimal::Decimal>,
}

impl DocumentMeta {
    /// 部门 / 单位
    pub fn scope_label(&self) -> &'static str {
        match self.scope {
            Scope::Department => "部门",
            Scope::Unit => "单位",
        }
    }

    /// 预算 / 决算
    pub fn kind_label(&self) -> &'static str {
        match self.kind {
            DocKind::Budget => "预算",
            DocKind::FinalAccounts => "决算",
        }
    }
}
