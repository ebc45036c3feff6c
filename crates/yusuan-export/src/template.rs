//! The region formats as data: which documents a template prints, the page orientation of its
//! tables and texts, how codes are printed, and its wording (cover line, 编制 line, empty-table
//! note). A new year's wording is a change here, not in the layout code.

use yusuan_domain::{Document, RegionalFormat, Scope};

/// Page orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// A4 297 × 210 mm.
    Landscape,
    /// A4 210 × 297 mm.
    Portrait,
}

impl Orientation {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        const A4_LONG: f32 = 841.89;
        const A4_SHORT: f32 = 595.28;
        match self {
            Orientation::Landscape => (A4_LONG, A4_SHORT),
            Orientation::Portrait => (A4_SHORT, A4_LONG),
        }
    }

    /// 横向 / 纵向.
    pub fn label(self) -> &'static str {
        match self {
            Orientation::Landscape => "横向",
            Orientation::Portrait => "纵向",
        }
    }
}

/// How classification codes are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeStyle {
    /// 类 / 款 / 项 in three columns (Shanghai).
    Split,
    /// One column, joined (`2010350`; Hubei).
    Joined,
}

/// A disclosure template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its id (`--template`).
    pub id: &'static str,
    /// Its Chinese name.
    pub name: &'static str,
    /// The format it prints.
    pub format: RegionalFormat,
    /// 部门 or 单位 (`None`: both).
    pub scope: Option<Scope>,
    /// Orientation of the table pages.
    pub tables: Orientation,
    /// Orientation of the cover, 目录 and text pages.
    pub texts: Orientation,
    /// How codes are printed.
    pub codes: CodeStyle,
    /// The cover's second line (`预算主管部门`).
    pub cover_label: &'static str,
    /// The line above each table (`编制部门`).
    pub compiled_label: &'static str,
    /// The years whose wording it has.
    pub years: (i32, i32),
    /// Header paths of the key columns of a function-classified table (codes, then the name).
    pub function_keys: &'static [&'static [&'static str]],
    /// … of an economic-classified table.
    pub economic_keys: &'static [&'static [&'static str]],
    /// … of a table by unit.
    pub unit_keys: &'static [&'static [&'static str]],
    /// The 合计 row's label spans the key columns (Shanghai) rather than sitting in the name
    /// column (Hubei).
    pub total_spans_keys: bool,
}

const SH_FUNCTION: &[&[&str]] = &[
    &["项目", "功能分类科目编码", "类"],
    &["项目", "功能分类科目编码", "款"],
    &["项目", "功能分类科目编码", "项"],
    &["项目", "功能分类科目名称"],
];
const SH_ECONOMIC: &[&[&str]] = &[
    &["项目", "部门预算经济分类科目编码", "类"],
    &["项目", "部门预算经济分类科目编码", "款"],
    &["项目", "经济分类科目名称"],
];
const SH_UNIT: &[&[&str]] = &[&["序号"], &["预算单位"]];
const HB_FUNCTION: &[&[&str]] = &[&["科目编码"], &["科目名称"]];
const HB_ECONOMIC: &[&[&str]] = &[
    &["部门预算支出经济分类科目", "科目编码"],
    &["部门预算支出经济分类科目", "科目名称"],
];
const HB_UNIT: &[&[&str]] = &[&["单位编码"], &["单位名称"]];
const JS_FUNCTION: &[&[&str]] = &[&["功能科目代码"], &["功能科目名称"]];
const JS_ECONOMIC: &[&[&str]] = &[&["科目编码"], &["科目名称"]];

static TEMPLATES: std::sync::OnceLock<Vec<Template>> = std::sync::OnceLock::new();

/// Every template.
pub fn templates() -> &'static [Template] {
    TEMPLATES.get_or_init(|| {
        // Shanghai's three templates differ in the documents they print and their wording only,
        // Jiangsu's from Hubei's in its years and key columns.
        let shanghai_9 = Template {
            id: "shanghai-9-bumen",
            name: "上海区级部门预算（9张表，部门）",
            format: RegionalFormat::Shanghai9,
            scope: Some(Scope::Department),
            tables: Orientation::Landscape,
            texts: Orientation::Landscape,
            codes: CodeStyle::Split,
            cover_label: "预算主管部门",
            compiled_label: "编制部门",
            years: (2024, 2027),
            function_keys: SH_FUNCTION,
            economic_keys: SH_ECONOMIC,
            unit_keys: SH_UNIT,
            total_spans_keys: true,
        };
        let hubei = Template {
            id: "hubei-15",
            name: "湖北部门预算公开（15张表）",
            format: RegionalFormat::Hubei15,
            scope: None,
            tables: Orientation::Landscape,
            texts: Orientation::Portrait,
            codes: CodeStyle::Joined,
            cover_label: "预算主管部门",
            compiled_label: "部门",
            years: (2024, 2027),
            function_keys: HB_FUNCTION,
            economic_keys: HB_ECONOMIC,
            unit_keys: HB_UNIT,
            total_spans_keys: false,
        };
        vec![
            shanghai_9.clone(),
            Template {
                id: "shanghai-9-danwei",
                name: "上海区级单位预算（9张表，单位）",
                scope: Some(Scope::Unit),
                cover_label: "预算单位",
                compiled_label: "编制单位",
                ..shanghai_9.clone()
            },
            Template {
                id: "shanghai-11",
                name: "上海部门预算（11张表）",
                format: RegionalFormat::Shanghai11,
                scope: None,
                ..shanghai_9
            },
            hubei.clone(),
            Template {
                id: "jiangsu-12",
                name: "江苏部门预算公开（12张表）",
                format: RegionalFormat::Jiangsu12,
                years: (2018, 2027),
                function_keys: JS_FUNCTION,
                economic_keys: JS_ECONOMIC,
                ..hubei
            },
        ]
    })
}

/// The template with this id.
pub fn template(id: &str) -> Option<&'static Template> {
    templates().iter().find(|t| t.id == id)
}

/// A document's own template: its format and scope.
pub fn template_for(doc: &Document) -> Option<&'static Template> {
    let fits =
        |t: &&Template| t.format == doc.meta.format && t.scope.is_none_or(|s| s == doc.meta.scope);
    templates().iter().find(fits)
}
