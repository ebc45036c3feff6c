//! Importers: published disclosure documents into the domain model.
//!
//! An importer takes a file's name and bytes (it never opens files itself) and returns the
//! [`Document`](yusuan_domain::Document) together with an [`ImportReport`]: what was recognised
//! (tables, rows, amounts, sections, projects, indicators), what was kept as unrecognised text
//! (with its line), and warnings. Bad input gives an [`ImportError`] naming the file and the
//! reason; importers never panic. The text importer reads the text extracted from published PDFs
//! (tab-separated cells, as the Shanghai seeds print them); PDF and XLSX importers plug in beside
//! it and feed the same line-level parser.
#![deny(missing_docs)]

mod decode;
mod error;
mod lines;
mod pdf;
mod render;
mod report;
mod source;
mod text;
mod xlsx;

pub use decode::decode_text;
pub use error::ImportError;
pub use lines::{split_lines, CellBox, Line};
pub use pdf::{pdf_lines, pdf_lines_with, pdf_text, TextLayer};
pub use render::table_text;
pub use report::{Diagnostic, ImportReport, ReportItem};
pub use source::{read_source, Source};
pub use text::{parse_lines, parse_lines_with, section_kind, Layout};
pub use xlsx::{check_workbook, xlsx_lines, MAX_GRID_CELLS};

use yusuan_domain::Document;

/// A successfully imported document and its report.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The document.
    pub document: Document,
    /// What was and was not understood.
    pub report: ImportReport,
}

/// Imports the text of a published disclosure (UTF-8 with or without BOM, UTF-16, GB18030).
pub fn import_text(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    guard(file_name, || Source::text(file_name, bytes))?.import()
}

/// Runs a read or an import so that a bug can never crash the caller: a panic becomes an error
/// that names the file (and nothing is stored).
pub(crate) fn guard<T>(
    file_name: &str,
    f: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(ImportError::Internal {
            file: file_name.to_string(),
        })
    })
}

/// Imports a published PDF from its text layer (pages kept for locations).
pub fn import_pdf(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    guard(file_name, || Source::pdf(file_name, bytes))?.import()
}

/// Imports the tables of a disclosure whose narrative is another file (see
/// [`ImportError::NoYear`]): `cover` is the line the narrative's cover gives them
/// (`江苏省政协办公厅2018年部门预算`), read as this file's first line.
pub fn import_with_cover(
    file_name: &str,
    bytes: &[u8],
    cover: &str,
) -> Result<Imported, ImportError> {
    read_source(file_name, bytes)?.with_cover(cover)
}

/// The budget year a file's name gives (`2018年部门预算公开表.pdf`, `jiangsu-2018-tables.pdf`),
/// if it names exactly one; a date (`20181231`) or an amount is not a year.
pub fn year_in_file_name(file_name: &str) -> Option<i32> {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let first = text::find_year(stem)?;
    // A second, different year (`2018-2019…`) leaves the year open.
    let after = stem
        .find(&first.to_string())
        .map_or("", |at| &stem[at + 4..]);
    match text::find_year(after) {
        Some(other) if other != first => None,
        _ => Some(first),
    }
}

/// Imports a file of tables that names no year on its own (see [`ImportError::NoYear`]) as the
/// tables of `department`'s disclosure of `year`: the year the user gave (`from_file_name`
/// false), or the one the file's name gives (then a warning asks to check it). 决算 tables
/// (a title saying 决算) are read as a 部门决算.
pub fn import_tables_of_year(
    file_name: &str,
    bytes: &[u8],
    department: &str,
    year: i32,
    from_file_name: bool,
) -> Result<Imported, ImportError> {
    let source = read_source(file_name, bytes)?;
    tables_of_year(&source, department, year, from_file_name)
}

/// [`import_tables_of_year`] of a file already read.
pub fn tables_of_year(
    source: &Source,
    department: &str,
    year: i32,
    from_file_name: bool,
) -> Result<Imported, ImportError> {
    let read = |kind: &str| source.with_cover(&format!("{department}{year}年{kind}"));
    let mut imported = read("部门预算")?;
    if imported
        .document
        .tables
        .iter()
        .any(|t| t.title.contains("决算"))
    {
        imported = read("部门决算")?;
    }
    let diagnostic = if from_file_name {
        Diagnostic::YearFromFileName { year }
    } else {
        Diagnostic::YearGiven { year }
    };
    let item = ReportItem::new(diagnostic, Default::default());
    if from_file_name {
        imported.report.warnings.insert(0, item);
    } else {
        imported.report.notes.insert(0, item);
    }
    Ok(imported)
}

/// Joins a disclosure's tables, published as a file of their own, to its narrative already read:
/// the tables are read under the narrative's cover line (department, year and title), and the
/// one document is the narrative with those tables and their format. The report is the tables'.
pub fn attach_tables(
    narrative: &Document,
    file_name: &str,
    bytes: &[u8],
) -> Result<Imported, ImportError> {
    attach_source(narrative, &read_source(file_name, bytes)?)
}

/// [`attach_tables`] of a file already read.
pub fn attach_source(narrative: &Document, source: &Source) -> Result<Imported, ImportError> {
    let meta = &narrative.meta;
    let cover = format!(
        "{}{}年{}",
        meta.department,
        meta.year,
        meta.title.rsplit_once('年').map_or("部门预算", |(_, t)| t)
    );
    let tables = source.with_cover(&cover)?;
    let mut joined = narrative.clone();
    joined.tables = tables.document.tables;
    joined.assumed_units = tables.document.assumed_units;
    joined.meta.format = tables.document.meta.format;
    Ok(Imported {
        document: joined,
        report: tables.report,
    })
}

/// Reads a project description's amounts again after its text was rewritten (a draft's
/// project edited in the window): its stated total, the 年度预算安排's items and computations,
/// and every other amount its parts print — as an import reads them.
pub fn reread_project(project: &mut yusuan_domain::ProjectDescription) {
    project.total = None;
    project.total_printed = None;
    for part in &mut project.parts {
        part.items.clear();
    }
    let mut doc = yusuan_domain::Document::new(yusuan_domain::DocumentMeta {
        title: String::new(),
        department: String::new(),
        year: 0,
        kind: yusuan_domain::DocKind::Budget,
        scope: yusuan_domain::Scope::Department,
        format: yusuan_domain::RegionalFormat::ProjectDescriptions,
        region: None,
        published: None,
    });
    doc.projects.push(project.clone());
    text::read_project_amounts(&mut doc);
    if let Some(p) = doc.projects.pop() {
        *project = p;
    }
}

/// Reads an indicator value as a form prints it: `≥236.00(人)`, `=100.00(%)`, `及时`.
pub fn parse_indicator_value(printed: &str) -> yusuan_domain::IndicatorValue {
    text::parse_indicator_value(printed)
}

/// The indicators a project's 绩效目标 part prints as run-on text (`产出指标数量指标-聘用人数≥236.00(人) …`),
/// as an import reads them into a form of their own; none when the part is prose.
pub fn inline_indicators(text: &str, at: yusuan_domain::Location) -> Vec<yusuan_domain::Indicator> {
    text::inline_indicators(text, at)
}

/// Imports any supported file, recognised by its first bytes (PDF) or else read as text.
pub fn import_any(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    read_source(file_name, bytes)?.import()
}

/// Imports an XLSX workbook with one sheet per table.
pub fn import_xlsx(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    guard(file_name, || Source::xlsx(file_name, bytes))?.import()
}

#[cfg(test)]
mod tests {
    /// check(input, expect): the year a file's name gives, and names that give none.
    #[test]
    fn years_in_file_names() {
        for (name, expect) in [
            ("jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf", Some(2018)),
            ("2018年部门预算公开表.pdf", Some(2018)),
            (
                "/home/a/下载/省政协办公厅2026年度部门预算公开表.xlsx",
                Some(2026),
            ),
            ("公开表（2018）.pdf", Some(2018)),
            ("2018年部门预算（2018年3月更新）.pdf", Some(2018)),
            ("公开表.pdf", None),
            ("20181231.pdf", None),
            ("2018-2019年公开表.pdf", None),
            ("2025/公开表.pdf", None),
        ] {
            assert_eq!(super::year_in_file_name(name), expect, "{name}");
        }
    }
}
