//! A file read once into lines ([`Source`]): every way the library imports it — alone, under
//! its narrative's cover line, as a given year's tables — parses these lines, so a file tried
//! more than one way (a year-less tables file tried alone, then joined to its narrative) has its
//! PDF text layer extracted once.

use crate::report::{Diagnostic, ReportItem};
use crate::text::{parse_lines, parse_lines_with};
use crate::{
    decode_text, guard, pdf, split_lines, xlsx_lines, ImportError, Imported, Layout, Line,
    TextLayer,
};

/// What kind of file the lines came from (each is parsed as its importer parses it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pdf,
    Xlsx,
    Text,
}

/// A file's lines, read once.
#[derive(Debug, Clone)]
pub struct Source {
    file: String,
    kind: Kind,
    lines: Vec<Line>,
    /// For a PDF cut short: how many of its pages survive.
    salvaged: Option<usize>,
}

/// Reads a file into lines, recognised by its first bytes (PDF, XLSX) or else as text; an old
/// `.xls` is refused.
pub fn read_source(file_name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
    let lower = file_name.to_lowercase();
    guard(file_name, || {
        if bytes.starts_with(b"%PDF") || lower.ends_with(".pdf") {
            Source::pdf(file_name, bytes)
        } else if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".xlsx") {
            Source::xlsx(file_name, bytes)
        } else if lower.ends_with(".xls") {
            Err(ImportError::Unsupported {
                file: file_name.to_string(),
                reason: "旧版 .xls 格式，请在表格软件中另存为 .xlsx".into(),
            })
        } else {
            Source::text(file_name, bytes)
        }
    })
}

impl Source {
    /// A PDF's text layer (pages kept for locations).
    pub(crate) fn pdf(file_name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
        let (lines, salvaged) = pdf::read_lines(file_name, bytes, TextLayer::Auto)?;
        Ok(Source::of(file_name, Kind::Pdf, lines, salvaged))
    }

    /// An XLSX workbook's visible sheets, one table a sheet.
    pub(crate) fn xlsx(file_name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
        let lines = xlsx_lines(file_name, bytes)?;
        Ok(Source::of(file_name, Kind::Xlsx, lines, None))
    }

    /// A text file (UTF-8 with or without BOM, UTF-16, GB18030).
    pub(crate) fn text(file_name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
        let lines = split_lines(&decode_text(file_name, bytes)?);
        Ok(Source::of(file_name, Kind::Text, lines, None))
    }

    fn of(file_name: &str, kind: Kind, lines: Vec<Line>, salvaged: Option<usize>) -> Source {
        Source {
            file: file_name.to_string(),
            kind,
            lines,
            salvaged,
        }
    }

    /// The file's name.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The file imported on its own, as its importer reads it.
    pub fn import(&self) -> Result<Imported, ImportError> {
        guard(&self.file, || match self.kind {
            Kind::Pdf => {
                let mut imported = parse_lines_with(&self.file, &self.lines, Layout::Flow)?;
                if let Some(pages) = self.salvaged {
                    let truncated =
                        ReportItem::new(Diagnostic::Truncated { pages }, Default::default());
                    imported.report.warnings.insert(0, truncated);
                }
                Ok(imported)
            }
            Kind::Xlsx => {
                let imported = parse_lines(&self.file, &self.lines)?;
                if imported.document.tables.is_empty() {
                    return Err(ImportError::NotABudget {
                        file: self.file.clone(),
                        reason: "工作簿中没有可识别的预算表".into(),
                    });
                }
                Ok(imported)
            }
            Kind::Text => text_lines(&self.file, self.lines.clone()),
        })
    }

    /// The file read under `cover`, the line its narrative's cover gives it
    /// (`江苏省政协办公厅2018年部门预算`), as its first line.
    pub fn with_cover(&self, cover: &str) -> Result<Imported, ImportError> {
        guard(&self.file, || {
            let layout = match self.kind {
                Kind::Pdf => Layout::Flow,
                Kind::Xlsx | Kind::Text => Layout::Cells,
            };
            let at = self.lines.first().map(|l| l.location).unwrap_or_default();
            let mut lines = Vec::with_capacity(self.lines.len() + 1);
            lines.push(Line {
                location: at,
                text: cover.to_string(),
                cells: vec![cover.to_string()],
                spans: vec![],
                boxes: vec![],
            });
            lines.extend(self.lines.iter().cloned());
            parse_lines_with(&self.file, &lines, layout)
        })
    }
}

/// A text file's lines parsed: tab-separated cells as printed, or — no tabs anywhere, a poor
/// extraction — cells split on whitespace and read in order, as PDF lines without positions.
fn text_lines(file_name: &str, mut lines: Vec<Line>) -> Result<Imported, ImportError> {
    if lines.iter().any(|l| l.is_tabular()) {
        return parse_lines(file_name, &lines);
    }
    for l in &mut lines {
        let parts: Vec<String> = l.text.split_whitespace().map(str::to_string).collect();
        if parts.len() > 1 {
            l.cells = parts;
        }
    }
    parse_lines_with(file_name, &lines, Layout::Flow)
}
