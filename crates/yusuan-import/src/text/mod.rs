//! The line-level parser of disclosure text: cover, contents, sections, tables, projects.
//!
//! It cuts the numbered [`Line`]s into blocks once ([`segment`]: cover and contents first, then
//! tables, forms and text), hands each parser its block, and then places what the tables left
//! open by the document's other tables ([`placement`]). Table titles are recognised by their shape and the
//! 编制部门/单位 lines that follow; narrative headings by their standard endings (主要职能,
//! 机构设置, 名词解释, 编制说明, 其他相关情况说明, 项目经费情况说明). Whatever is not understood is
//! kept in `Document::unrecognised` and listed in the report.

mod blanks;
mod body;
mod columns;
mod cover;
mod flow;
mod form;
mod grid;
mod halves;
mod header;
mod heading;
mod marks;
mod narrative;
pub use narrative::section_kind;
mod placement;
mod restarts;
mod rows;
mod segment;
mod sides;
mod stated;
mod table;
mod template;
mod units;

use crate::{ImportError, ImportReport, Imported, Line, ReportItem};
use yusuan_domain::{Document, RegionalFormat, TableKind};

/// How the cells of a line were delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Tab-separated cells that keep their positions (empty cells are kept).
    Cells,
    /// Cells without reliable positions (PDF text layers): rows are read in order.
    Flow,
}

/// Parses the lines of one document whose cells are tab-separated.
pub fn parse_lines(file: &str, lines: &[Line]) -> Result<Imported, ImportError> {
    parse_lines_with(file, lines, Layout::Cells)
}

/// The indicators run-on text prints (see [`crate::inline_indicators`]).
pub(crate) fn inline_indicators(
    text: &str,
    at: yusuan_domain::Location,
) -> Vec<yusuan_domain::Indicator> {
    form::indicators_in_text(text, at)
}

/// An indicator value read as a form prints it (see [`crate::parse_indicator_value`]).
pub(crate) fn parse_indicator_value(printed: &str) -> yusuan_domain::IndicatorValue {
    form::parse_value(printed)
}

/// The amounts of a document's project descriptions, read from their text (see
/// [`crate::reread_project`]).
pub(crate) fn read_project_amounts(doc: &mut Document) {
    narrative::read_project_amounts(doc);
    narrative::read_other_project_amounts(doc);
}

/// The year a text names (`2018年`, `（2026）`, never an amount such as `2,026`).
pub(crate) fn find_year(s: &str) -> Option<i32> {
    cover::find_year(s)
}

/// Parses the lines of one document.
pub fn parse_lines_with(
    file: &str,
    lines: &[Line],
    layout: Layout,
) -> Result<Imported, ImportError> {
    let mut warnings: Vec<ReportItem> = Vec::new();
    let mut notes: Vec<ReportItem> = Vec::new();
    let mut open_rows: Vec<(usize, placement::OpenRow)> = Vec::new();
    let (meta, cover_end) = cover::parse_cover(file, lines)?;
    let mut doc = Document::new(meta);
    let (contents, body_start) = cover::parse_contents(lines, cover_end);
    doc.contents = contents;

    // Shanghai's standard column layouts apply to Shanghai's documents only: a Shanghai cover,
    // or Shanghai's own table name (财务收支预算总表) anywhere in the document.
    let shanghai = doc.meta.title.contains("上海")
        || doc.meta.department.contains("上海")
        || lines
            .iter()
            .any(|l| l.compact().contains("财务收支预算总表"));
    let mut body = narrative::Body::default();
    // The tables the 目录 lists, by title: their lines start tables wherever printed.
    let listed: Vec<String> = doc
        .contents
        .iter()
        .map(|e| marks::compact(&e.title))
        .filter(|t| t.ends_with('表'))
        .collect();
    for block in segment::cut(lines, body_start, &listed) {
        let part = &lines[block.range.clone()];
        let used = match block.kind {
            segment::BlockKind::Form => {
                body.form_starts();
                let (f, used) = form::parse_form(part, layout == Layout::Flow);
                doc.performance_forms.push(f);
                used
            }
            segment::BlockKind::Table => {
                body.close();
                let mut open = Vec::new();
                let (t, used) = table::parse_table(
                    part,
                    block.next,
                    layout,
                    shanghai,
                    &mut warnings,
                    &mut notes,
                    &mut open,
                );
                open_rows.extend(open.into_iter().map(|o| (doc.tables.len(), o)));
                doc.tables.push(t);
                used
            }
            segment::BlockKind::Text => 0,
        };
        // What a table or form leaves of its block is text.
        for line in part[used..].iter().filter(|l| !l.is_blank()) {
            body.line(line, &mut doc);
        }
    }
    body.close_into(&mut doc);
    placement::place_by_sibling_tables(&mut doc, open_rows, &mut warnings, &mut notes);
    placement::place_fiscal_summary_by_classes(&mut doc, &mut warnings, &mut notes);
    restarts::split(&mut doc, &mut notes);
    columns::reread(&mut doc, &mut notes);
    narrative::read_units(&mut doc);
    read_project_amounts(&mut doc);
    narrative::read_inline_indicators(&mut doc);
    stated::read_stated(&mut doc);
    add_grid_forms(&mut doc);
    name_department(&mut doc, lines, &mut warnings);
    number_tables(&mut doc);
    doc.meta.format = detect_format(&doc);
    if doc.meta.title == format!("{}年度", doc.meta.year) {
        // A document without a cover: name it after its department, year and kind.
        doc.meta.title = format!(
            "{}{}年{}",
            doc.meta.department,
            doc.meta.year,
            doc.meta.format.label()
        );
    }

    if doc.tables.is_empty()
        && doc.projects.is_empty()
        && doc.performance_forms.is_empty()
        && doc.sections.is_empty()
    {
        return Err(ImportError::NotABudget {
            file: file.to_string(),
            reason: "没有找到预算表、编制说明或项目经费情况说明".into(),
        });
    }
    decide_assumed_units(&mut doc, &mut warnings, &mut notes);
    let mut report = ImportReport::tally(file, &doc, warnings);
    report.notes = notes;
    Ok(Imported {
        document: doc,
        report,
    })
}

/// Adds the forms read from the performance tables kept as grids.
fn add_grid_forms(doc: &mut Document) {
    let grid_forms: Vec<_> = doc
        .tables
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TableKind::ProjectPerformance | TableKind::DepartmentPerformance
            )
        })
        .flat_map(form::forms_from_grid)
        .collect();
    doc.performance_forms.extend(grid_forms);
}

/// Names the department of a document without a cover line for it: from its forms, else from
/// a heading or a table's 编制部门 line in its body (or nothing), with a warning that says so.
fn name_department(doc: &mut Document, lines: &[Line], warnings: &mut Vec<ReportItem>) {
    if doc.meta.department.is_empty() {
        // No cover: the forms name the department.
        if let Some(d) = doc
            .performance_forms
            .iter()
            .find_map(|f| f.department.clone())
        {
            doc.meta.department = d;
        }
    }
    if doc.meta.department.is_empty() {
        // Nor the forms: a heading or a table's 编制部门 line does, or nothing (said).
        let found = cover::department_in_body(lines, doc.meta.year).unwrap_or_default();
        doc.meta.department = found.clone();
        let d = crate::report::Diagnostic::DepartmentFromBody { found };
        warnings.push(ReportItem::new(d, Default::default()));
    }
}

/// Decides the unit of the tables that print none (read as 元) by the document's other tables;
/// only those still undecided keep their warning, and the checker holds their findings back.
fn decide_assumed_units(
    doc: &mut Document,
    warnings: &mut Vec<ReportItem>,
    notes: &mut Vec<ReportItem>,
) {
    // A table whose unit is not printed was read as 元: the checker holds its findings back.
    let assumed = warnings
        .iter()
        .filter_map(|w| match &w.diagnostic {
            crate::report::Diagnostic::NoUnit { table } => Some(table.clone()),
            _ => None,
        })
        .collect();
    // The other unit, where the document's other tables decide it.
    doc.assumed_units = units::decide(doc, assumed, notes);
    warnings.retain(|w| match &w.diagnostic {
        crate::report::Diagnostic::NoUnit { table } => doc.assumed_units.contains(table),
        _ => true,
    });
}

/// Gives each table its number from the contents page (`1. 2026年部门财务收支预算总表`).
fn number_tables(doc: &mut Document) {
    for t in &mut doc.tables {
        if t.number.is_some() {
            continue;
        }
        let title: String = t.title.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(e) = doc.contents.iter().find(|e| {
            e.title
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                == title
        }) {
            t.number = e.number.clone();
        }
    }
}

fn detect_format(doc: &Document) -> RegionalFormat {
    let has = |k: TableKind| doc.tables.iter().any(|t| t.kind == k);
    let shanghai = doc.meta.title.contains("上海")
        || doc.meta.department.contains("上海")
        || doc
            .tables
            .iter()
            .any(|t| t.title.contains("部门财务收支预算总表"));
    if doc.meta.kind == yusuan_domain::DocKind::FinalAccounts && !doc.tables.is_empty() {
        // A 决算 is printed in the national 部门决算 format, not in a region's budget format (whose
        // templates, sections and export layouts do not apply to it).
        RegionalFormat::Other(format!("部门决算{}张表", doc.tables.len()))
    } else if has(TableKind::Projects)
        || has(TableKind::AssetAllocation)
        || has(TableKind::DepartmentPerformance)
    {
        RegionalFormat::Hubei15
    } else if has(TableKind::FiscalFunction)
        || has(TableKind::FiscalBasicEconomic)
        || has(TableKind::RunningCosts)
    {
        // The tables only Jiangsu prints beside the fund tables.
        RegionalFormat::Jiangsu12
    } else if !doc.tables.is_empty() && shanghai {
        if has(TableKind::ExpenditureByUnit) || has(TableKind::FiscalByUnit) {
            RegionalFormat::Shanghai11
        } else {
            RegionalFormat::Shanghai9
        }
    } else if !doc.tables.is_empty() {
        RegionalFormat::Other(format!("{}张表", doc.tables.len()))
    } else if !doc.projects.is_empty() {
        RegionalFormat::ProjectDescriptions
    } else if !doc.performance_forms.is_empty() {
        RegionalFormat::PerformanceForms
    } else {
        RegionalFormat::Other("文字说明".into())
    }
}
