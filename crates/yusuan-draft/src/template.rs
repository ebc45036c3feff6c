//! Blank drafts: a disclosure format with no money in it, for a department that has no published
//! budget of its own to roll forward (a new department, a format the region has just adopted).
//!
//! A blank draft is made from any draft of the chosen format (a stored document rolled forward,
//! or one of the shipped templates, which are exactly that with nothing left of their source):
//! the same tables, columns, ledger rows and 目录, the same print styles — and no lines but the
//! fixed items of the tables whose rows are their own (三公 items), at zero. Rows that belonged
//! to the source's department go: its function and economic rows (they are generated from the
//! lines), its units and projects, the 类 rows of its ledgers (one stays, unprinted, as the
//! pattern a new 类 row copies), the figures carried from its tables. The texts it wrote become
//! `待补充` placeholders, which the draft rule R006 reports until they are written (the 名词解释,
//! which defines the format's terms, stays). There is no 上年:
//! the narrative states this year's figures without a comparison.

use crate::derive::is_class_row;
use crate::layout::{Body, CellRule, Query, RowRule};
use crate::model::{Draft, LeafKey};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use yusuan_domain::{RowCode, SectionKind, StatedFigures, TableKind};

/// The department a shipped template names (replaced by the user's department).
pub const TEMPLATE_DEPARTMENT: &str = "（部门名称）";

/// The templates shipped with the app: id, what the user picks, the blank draft as JSON. Each
/// is a real document of its format made blank (see `tests/blank.rs`, which writes them).
pub const TEMPLATES: [(&str, &str, &str); 5] = [
    (
        "shanghai-11-bumen",
        "上海 11张表 部门预算（含分单位表）",
        include_str!("../templates/shanghai-11-bumen.json"),
    ),
    (
        "shanghai-9-bumen",
        "上海 9张表 部门预算（区级）",
        include_str!("../templates/shanghai-9-bumen.json"),
    ),
    (
        "shanghai-9-danwei",
        "上海 9张表 单位预算（区级）",
        include_str!("../templates/shanghai-9-danwei.json"),
    ),
    (
        "hubei-15-bumen",
        "湖北 15张表 部门预算",
        include_str!("../templates/hubei-15-bumen.json"),
    ),
    (
        "jiangsu-12-bumen",
        "江苏 12张表 部门预算",
        include_str!("../templates/jiangsu-12-bumen.json"),
    ),
];

/// A shipped template by id (or by the name the user picks).
pub fn template(id: &str) -> Option<Draft> {
    let (_, _, json) = TEMPLATES
        .iter()
        .find(|(i, n, _)| *i == id.trim() || *n == id.trim())?;
    serde_json::from_str(json).ok()
}

/// Who the blank draft is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlankFor {
    /// The department (or unit) as it will be printed.
    pub department: String,
    /// The budget year.
    pub year: i32,
    /// The region as printed (`上海市嘉定区`); the format's own when `None`.
    pub region: Option<String>,
}

/// The placeholder a carried text becomes: the checker's W001 reports it until it is written.
pub fn placeholder_text(title: &str) -> String {
    format!(
        "（待补充：{}）",
        yusuan_domain::strip_numbering(title).trim()
    )
}

/// A draft of `format_of`'s format for another department, with nothing of its money or texts.
pub fn blank(format_of: &Draft, to: &BlankFor) -> Draft {
    let old_department = format_of.department.clone();
    let forms = name_forms(&old_department);
    // A region read as the department's own name is no region.
    let old_region = format_of.region.clone().filter(|r| !forms.contains(r));
    let rename = |text: &str| -> String {
        let mut t = crate::roll::advance_years(text, format_of.year, to.year - format_of.year);
        // The name as the text prints it: in full, or without its region (`青山区城市运行管理中心`
        // for 武汉市青山区城市运行管理中心).
        if let Some(form) = forms.iter().find(|f| t.contains(f.as_str())) {
            t = t.replace(form.as_str(), &to.department);
        }
        if let (Some(old), Some(new)) = (&old_region, &to.region) {
            if !old.is_empty() {
                t = t.replace(old.as_str(), new);
            }
        }
        t
    };
    let mut d = format_of.clone();
    d.department = to.department.clone();
    d.year = to.year;
    d.base_year = None;
    d.source_document = None;
    d.region = to.region.clone().or(old_region.clone());
    d.title = rename(&format_of.title);
    d.units.clear();
    d.reasons.clear();
    d.projects.clear();
    d.project_funds.clear();
    d.unit_texts.clear();
    d.actuals.clear();
    // Last year's explanation in the source department's words is not this one's.
    d.restated.clear();
    d.performance_forms.clear();
    d.stated = StatedFigures::default();
    // The 目录 lists what a blank draft prints: not the project 说明 and 绩效 forms it drops.
    d.contents.retain(|c| {
        let dropped = c.title.contains("项目经费")
            || (c.title.contains("绩效目标")
                && TableKind::from_title(&c.title) == TableKind::Other);
        !dropped
    });
    for c in &mut d.contents {
        c.title = rename(&c.title);
    }
    for s in &mut d.sections {
        blank_section(s, &rename);
    }
    let mut removed: BTreeSet<LeafKey> = BTreeSet::new();
    for t in &mut d.layout {
        t.title = rename(&t.title);
        t.compiled_by = t.compiled_by.as_deref().map(|c| {
            let renamed = rename(c);
            if renamed.contains(&to.department) {
                renamed
            } else {
                compiled_by(c, &old_department, &to.department)
            }
        });
        t.empty_note = t
            .empty_note
            .as_deref()
            .map(rename)
            .or_else(|| crate::empty::empty_note(t.kind, d.scope, to.year));
        if let Body::Rows { rows } = &mut t.body {
            let (kept, gone) = blank_rows(t.kind, std::mem::take(rows));
            *rows = kept;
            removed.extend(gone.iter().flat_map(row_keys));
        }
    }
    // The lines left: the cells the kept rows still name (三公 items; a 合计 row of units names
    // its units' cells, which went with them), and the 政府采购 / 国有资产 figures the format
    // states; all at zero, with no 上年.
    let named: BTreeSet<LeafKey> = d.layout.iter().flat_map(|t| layout_keys(&t.body)).collect();
    d.leaves.retain(|l| match &l.key {
        LeafKey::Cell { .. } => named.contains(&l.key) && !removed.contains(&l.key),
        LeafKey::Procurement { .. } | LeafKey::Stated { .. } => true,
        LeafKey::Spend { .. } | LeafKey::Economic { .. } => false,
    });
    for l in &mut d.leaves {
        l.value = Decimal::ZERO;
        l.baseline = None;
        l.origin = None;
        l.estimated = false;
    }
    d
}

/// A section of a blank draft: 名词解释 kept up to its item about the department, the format's
/// words about where its tables are kept, any other text a `待补充` placeholder (the explanations
/// are generated); titles and kept words renamed for the new department.
fn blank_section(s: &mut yusuan_domain::Section, rename: &dyn Fn(&str) -> String) {
    s.title = rename(&s.title);
    if s.kind == SectionKind::Glossary {
        // 名词解释 defines the tables' terms, the same for every department of the format —
        // up to an item about the department itself (Hubei lists `本部门使用的主要支出功能分类
        // 科目`), which is the new department's to write.
        if let Some(own) = s
            .paragraphs
            .iter()
            .position(|p| p.text.contains("本部门") || p.text.contains("本单位"))
        {
            let lead: String = s.paragraphs[own]
                .text
                .split(['：', ':'])
                .next()
                .unwrap_or("")
                .to_string();
            s.paragraphs.truncate(own + 1);
            s.paragraphs[own].text = format!("{}：（待补充）", lead.trim());
        }
        for p in &mut s.paragraphs {
            p.text = rename(&p.text);
        }
    } else if !s.paragraphs.is_empty()
        && s.paragraphs
            .iter()
            .all(|p| yusuan_domain::says_tables_attached(&p.text))
    {
        // `部门预算公开表附后`: the format's words about where its tables are, kept.
        for p in &mut s.paragraphs {
            p.text = rename(&p.text);
        }
    } else if !s.paragraphs.is_empty()
        && !matches!(
            s.kind,
            SectionKind::BudgetExplanation | SectionKind::OtherExplanations
        )
    {
        let at = s.paragraphs.first().map_or(s.location, |p| p.location);
        s.paragraphs = vec![yusuan_domain::Paragraph {
            text: placeholder_text(&s.title),
            location: at,
        }];
    }
}

/// The forms a department's name is printed in: in full, then without each leading region
/// (`上海市普陀区万里街道办事处`, `普陀区万里街道办事处`, `万里街道办事处`), longest first.
pub fn name_forms(department: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = department.trim();
    while rest.chars().count() >= 4 {
        out.push(rest.to_string());
        // A region is at least three characters (`青山区`, `武汉市`): `城市运行…` is not one.
        let cut = rest
            .char_indices()
            .enumerate()
            .take(8)
            .find(|(n, (_, c))| *n >= 2 && matches!(c, '省' | '市' | '区' | '县'))
            .map(|(_, (i, c))| i + c.len_utf8());
        match cut {
            Some(i) if rest[i..].chars().count() >= 4 => rest = &rest[i..],
            _ => break,
        }
    }
    out
}

/// `编制部门：旧部门` → `编制部门：新部门` (the prefix kept; a line that does not name the old
/// department by its full name names the new one after its colon).
fn compiled_by(line: &str, old: &str, new: &str) -> String {
    if !old.is_empty() && line.contains(old) {
        return line.replace(old, new);
    }
    match line.split_once('：').or_else(|| line.split_once(':')) {
        Some((prefix, rest)) if prefix.contains("编制") => {
            // Keep what follows the name (`单位：元`), separated by spaces.
            let tail = rest
                .trim()
                .split_once(char::is_whitespace)
                .map(|(_, t)| t.trim())
                .unwrap_or("");
            if tail.is_empty() {
                format!("{prefix}：{new}")
            } else {
                format!("{prefix}：{new}  {tail}")
            }
        }
        _ => line.to_string(),
    }
}

/// A ledger printing this many 类 rows lists every 类 of the catalogue (no department spends
/// in fifteen), so a blank draft keeps them all.
const EVERY_CLASS: usize = 15; // layout

/// The rows a blank table keeps, and those it drops.
fn blank_rows(kind: TableKind, rows: Vec<RowRule>) -> (Vec<RowRule>, Vec<RowRule>) {
    let (mut kept, mut gone) = (Vec::new(), Vec::new());
    for (r, keep) in blank_rows_marked(kind, rows) {
        if keep {
            kept.push(r)
        } else {
            gone.push(r)
        }
    }
    (kept, gone)
}

fn blank_rows_marked(kind: TableKind, rows: Vec<RowRule>) -> Vec<(RowRule, bool)> {
    match kind {
        // Ledgers keep their fund and total rows; of the 类 rows, the last stays as the pattern —
        // unless the format lists every 类 whether it has money or not (Hubei), when all stay.
        TableKind::FinancialSummary | TableKind::FiscalSummary => {
            let every_class = rows.iter().filter(|r| is_class_row(r)).count() >= EVERY_CLASS;
            let last_class = if every_class {
                None
            } else {
                rows.iter().rposition(is_class_row)
            };
            rows.into_iter()
                .enumerate()
                .map(|(i, mut r)| {
                    if is_class_row(&r) && !every_class {
                        if Some(i) != last_class {
                            return (r, false);
                        }
                        r.pattern = true;
                    }
                    for c in &mut r.cells {
                        if matches!(c, CellRule::Fixed { .. }) {
                            *c = CellRule::Blank;
                        }
                    }
                    (r, true)
                })
                .collect()
        }
        // Tables whose rows are their own keep the rows that are not the source's units or
        // projects (the 合计, the 三公 items; a 支出总表 of totals only, Jiangsu's).
        TableKind::ExpenditureByUnit
        | TableKind::FiscalByUnit
        | TableKind::ThreePublic
        | TableKind::Projects
        | TableKind::Income
        | TableKind::Expenditure => rows
            .into_iter()
            .map(|r| {
                let keep = !matches!(r.code, Some(RowCode::Unit(_) | RowCode::Project(_)));
                (r, keep)
            })
            .collect(),
        // A grid of items under head rows printed in its body (资产配置, 政府购买服务): its head
        // rows stay (the items are written under them), nothing of the source's items.
        TableKind::AssetAllocation | TableKind::PurchasedServices => {
            let first_item = rows
                .iter()
                .position(|r| r.cells.iter().any(|c| matches!(c, CellRule::Fixed { .. })))
                .unwrap_or(rows.len());
            rows.into_iter()
                .enumerate()
                .map(|(i, r)| (r, i < first_item))
                .collect()
        }
        // Other tables carried as printed (绩效目标 forms): nothing of the source's stays.
        _ => rows.into_iter().map(|r| (r, false)).collect(),
    }
}

fn row_keys(r: &RowRule) -> Vec<LeafKey> {
    r.cells
        .iter()
        .flat_map(|c| match c {
            CellRule::Sum {
                query: Query::Leaves { keys },
            } => keys.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn layout_keys(body: &Body) -> Vec<LeafKey> {
    match body {
        Body::Rows { rows } => rows
            .iter()
            .filter(|r| !r.pattern)
            .flat_map(row_keys)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiling_line_names_the_new_department() {
        let check = |line: &str, old: &str, expect: &str| {
            assert_eq!(
                compiled_by(line, old, "上海市嘉定区新部门"),
                expect,
                "{line}"
            )
        };
        check(
            "编制部门：上海市普陀区万里街道办事处",
            "上海市普陀区万里街道办事处",
            "编制部门：上海市嘉定区新部门",
        );
        check(
            "编制单位：万里街道  单位：元",
            "上海市普陀区万里街道办事处",
            "编制单位：上海市嘉定区新部门  单位：元",
        );
        check("单位：元", "x", "单位：元");
    }

    #[test]
    fn a_name_without_its_regions() {
        assert_eq!(
            name_forms("武汉市青山区城市运行管理中心"),
            [
                "武汉市青山区城市运行管理中心",
                "青山区城市运行管理中心",
                "城市运行管理中心"
            ]
        );
        assert_eq!(
            name_forms("上海市普陀区人民政府办公室"),
            [
                "上海市普陀区人民政府办公室",
                "普陀区人民政府办公室",
                "人民政府办公室"
            ]
        );
        assert_eq!(
            name_forms("中共上海市委社会工作部"),
            ["中共上海市委社会工作部", "委社会工作部"]
        );
        assert!(name_forms("").is_empty());
    }

    #[test]
    fn placeholders_name_the_section() {
        assert_eq!(placeholder_text("一、主要职能"), "（待补充：主要职能）");
    }
}
