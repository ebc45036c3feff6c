//! Importing files into a library: read, recognise the format, parse, store atomically.

use crate::{ApiError, Library};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::Path;
use yusuan_import::ImportReport;
use yusuan_store::{NewDocument, StoreError};

/// What one import did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportOutcome {
    /// The file.
    pub file: String,
    /// The id of the stored document (or of the earlier import of the same content).
    pub id: i64,
    /// `true` when the same content was already in the library (nothing was stored).
    pub duplicate: bool,
    /// What was recognised and what was not (absent for duplicates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<ImportReport>,
    /// The file held the tables of a document already in the library (the same department's
    /// narrative, published as a file of its own): they were joined to it (`id`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub attached: bool,
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What an import does with a file of tables that names no year (Jiangsu prints its tables as a
/// file apart from the narrative, and only the narrative's cover gives the year) when the
/// library holds no narrative of that department for them to join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Yearless {
    /// Refuse it for now: an import of several files tries it again after the others, one of
    /// which may be its narrative.
    Wait,
    /// Read it under the year its file name gives (`2018年部门预算公开表.pdf`), with a warning to
    /// check it; refuse it when the name gives none.
    FromFileName,
    /// Read it under the year the user gave.
    Year(i32),
}

/// Imports one file from disk (a year-less file of tables takes its file name's year).
pub fn import_file(lib: &mut Library, path: &Path, now: &str) -> Result<ImportOutcome, ApiError> {
    import_file_with(lib, path, Yearless::FromFileName, now)
}

/// Imports one file from disk, a year-less file of tables as `yearless` says.
pub fn import_file_with(
    lib: &mut Library,
    path: &Path,
    yearless: Yearless,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    let (name, bytes) = read_limited(path)?;
    import_bytes_with(lib, &name, &bytes, yearless, now)
}

/// A file's name and bytes, a file larger than any disclosure refused before it is read.
pub(crate) fn read_limited(path: &Path) -> Result<(String, Vec<u8>), ApiError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let len = std::fs::metadata(path)
        .map_err(|e| ApiError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?
        .len();
    if len > MAX_FILE_MB * 1024 * 1024 {
        return Err(yusuan_import::ImportError::TooLarge {
            file: name,
            what: format!("文件有 {} MB", len / 1024 / 1024),
            limit_mb: MAX_FILE_MB,
        }
        .into());
    }
    let bytes = std::fs::read(path).map_err(|e| ApiError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok((name, bytes))
}

/// The largest file imported (published disclosures are a few MB; scanned ones tens of MB).
pub const MAX_FILE_MB: u64 = 100; // limit

/// Imports one file's bytes (a year-less file of tables takes its file name's year). Either the
/// whole document is stored or nothing is.
pub fn import_bytes(
    lib: &mut Library,
    name: &str,
    bytes: &[u8],
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    import_bytes_with(lib, name, bytes, Yearless::FromFileName, now)
}

/// Imports files in one go, as a user drops a disclosure's files together: a file of tables that
/// names no year waits for the narrative of the same import and joins it; once every other file
/// is in, such a file takes the year given (`year`), else its file name's. Each file's outcome,
/// in the order they were taken.
pub fn import_files(
    lib: &mut Library,
    paths: &[std::path::PathBuf],
    year: Option<i32>,
    now: &str,
) -> Result<Vec<ImportOutcome>, ApiError> {
    let yearless = year.map_or(Yearless::FromFileName, Yearless::Year);
    let first = if paths.len() > 1 {
        Yearless::Wait
    } else {
        yearless
    };
    let mut outcomes = Vec::new();
    let mut later = Vec::new();
    for f in paths {
        match import_file_with(lib, f, first, now) {
            Ok(o) => outcomes.push(o),
            Err(ApiError::Import(yusuan_import::ImportError::NoYear { .. })) if paths.len() > 1 => {
                later.push(f)
            }
            Err(e) => return Err(e),
        }
    }
    for f in later {
        outcomes.push(import_file_with(lib, f, yearless, now)?);
    }
    Ok(outcomes)
}

/// A file read as a document, in memory (nothing stored): the limits of any import apply.
pub fn read_document(path: &Path) -> Result<yusuan_domain::Document, ApiError> {
    let (name, bytes) = read_limited(path)?;
    Ok(yusuan_import::import_any(&name, &bytes)?.document)
}

/// Imports one file's bytes, a year-less file of tables as `yearless` says. The two files of a
/// disclosure published apart become one document whichever comes first: tables join their
/// narrative, and a narrative joins its tables already imported under the same year.
pub fn import_bytes_with(
    lib: &mut Library,
    name: &str,
    bytes: &[u8],
    yearless: Yearless,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    let hash = sha256_hex(bytes);
    if let Some(existing) = lib.store().find_by_hash(&hash)? {
        return Ok(ImportOutcome {
            file: name.to_string(),
            id: existing,
            duplicate: true,
            report: None,
            attached: false,
        });
    }
    // Read once: a file of tables tried alone and then under its narrative's cover is not
    // extracted twice.
    let source = yusuan_import::read_source(name, bytes)?;
    match source.import() {
        Ok(imported) => match tables_for(lib, &imported.document)? {
            Some(target) => join(lib, target, name, &hash, imported, Joining::Narrative, now),
            None => match narrative_awaiting(lib, &imported.document)? {
                // Tables that print their year, and the narrative of that year already here.
                Some(target) => join(lib, target, name, &hash, imported, Joining::Tables, now),
                None => store_parsed(lib, name, &hash, imported, now),
            },
        },
        Err(yusuan_import::ImportError::NoYear { file, departments }) => {
            let by_name = yusuan_import::year_in_file_name(name);
            // The year the tables are of, when known: the one the user gave, else their file
            // name's. A year known joins only a narrative of that year.
            let known = match yearless {
                Yearless::Year(y) => Some((y, false)),
                _ => by_name.map(|y| (y, true)),
            };
            let only = known.map(|(y, _)| y);
            if let Some(y) = only {
                if let Some(id) = joined_before(lib, &departments, y, name)? {
                    return Ok(ImportOutcome {
                        file: name.to_string(),
                        id,
                        duplicate: true,
                        report: None,
                        attached: false,
                    });
                }
            }
            if let Some(target) = narrative_for(lib, &departments, only)? {
                return attach_tables(lib, target, &source, &hash, now);
            }
            match (
                known.filter(|_| yearless != Yearless::Wait),
                departments.first(),
            ) {
                (Some((y, from_name)), Some(department)) => {
                    let imported =
                        yusuan_import::tables_of_year(&source, department, y, from_name)?;
                    store_parsed(lib, name, &hash, imported, now)
                }
                _ => Err(yusuan_import::ImportError::NoYear { file, departments }.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// The library's document the year-less tables of `departments` belong to: that department's
/// narrative without tables of its own — of year `only` when the tables' year is known (given,
/// or named by their file), else the latest.
fn narrative_for(
    lib: &Library,
    departments: &[String],
    only: Option<i32>,
) -> Result<Option<i64>, ApiError> {
    let mut best: Option<(i32, i64)> = None;
    for d in documents_of(lib, departments)? {
        if d.tables > 0 || only.is_some_and(|y| y != d.year) {
            continue;
        }
        let doc = lib.store().get(d.id)?;
        if doc.sections.is_empty() {
            continue;
        }
        if best.is_none_or(|(y, _)| d.year > y) {
            best = Some((d.year, d.id));
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// The narrative already in the library that a file of tables only (printing its year and
/// department) completes: same department, year and kind, no tables of its own, and saying its
/// tables are published apart (`公开表附后`).
fn narrative_awaiting(
    lib: &Library,
    doc: &yusuan_domain::Document,
) -> Result<Option<i64>, ApiError> {
    // A note printed under the last table may be read as untitled text; a titled section is a
    // narrative of the file's own.
    if doc.tables.is_empty()
        || doc.sections.iter().any(|s| !s.title.trim().is_empty())
        || !doc.projects.is_empty()
    {
        return Ok(None);
    }
    let Some(id) = narrative_for(
        lib,
        std::slice::from_ref(&doc.meta.department),
        Some(doc.meta.year),
    )?
    else {
        return Ok(None);
    };
    let narrative = lib.store().get(id)?;
    let joins =
        narrative.meta.kind == doc.meta.kind && yusuan_check::tables_published_apart(&narrative);
    Ok(joins.then_some(id))
}

/// A document of `year` these tables were joined to by a version that kept only the first
/// file's hash (libraries from before `joined_files`): stored from files of which this is one
/// (`说明.pdf + 公开表.pdf`).
fn joined_before(
    lib: &Library,
    departments: &[String],
    year: i32,
    name: &str,
) -> Result<Option<i64>, ApiError> {
    for d in documents_of(lib, departments)? {
        if d.year == year
            && d.tables > 0
            && d.source_name.split(" + ").skip(1).any(|part| part == name)
        {
            return Ok(Some(d.id));
        }
    }
    Ok(None)
}

/// The library's document of tables only (imported apart under this year) that a narrative
/// saying its tables are published apart (`公开表附后`) completes: same department, year and kind
/// (预算 or 决算). Another text of the department (a 绩效 report) joins nothing.
fn tables_for(lib: &Library, doc: &yusuan_domain::Document) -> Result<Option<i64>, ApiError> {
    if !yusuan_check::tables_published_apart(doc) {
        return Ok(None);
    }
    for d in documents_of(lib, std::slice::from_ref(&doc.meta.department))? {
        if d.year != doc.meta.year || d.tables == 0 {
            continue;
        }
        let other = lib.store().get(d.id)?;
        // A note printed under the last table may be read as untitled text (as in
        // `narrative_awaiting`); a titled section is a narrative of that file's own.
        if other.sections.iter().all(|s| s.title.trim().is_empty())
            && other.projects.is_empty()
            && other.meta.kind == doc.meta.kind
        {
            return Ok(Some(d.id));
        }
    }
    Ok(None)
}

/// Which file of a disclosure an import is, joined to the other file already in the library.
#[derive(Debug, Clone, Copy)]
enum Joining {
    /// The narrative, joined to its tables.
    Narrative,
    /// Tables read with their own cover (they print their year and department), joined to
    /// their narrative.
    Tables,
}

/// Joins an imported file to the other file of its disclosure already in the library (document
/// `target`): one document, the narrative's cover and text with the tables, their format and
/// the forms they print, under the same id; the report of the file just read counts what the
/// joined document holds.
fn join(
    lib: &mut Library,
    target: i64,
    name: &str,
    hash: &str,
    imported: yusuan_import::Imported,
    joining: Joining,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    let stored = lib.store().get(target)?;
    let stored_name = lib.store().source_name(target)?;
    let (joined, source, note) = match joining {
        Joining::Narrative => (
            merged(imported.document, stored),
            format!("{name} + {stored_name}"),
            yusuan_import::Diagnostic::NarrativeAttached { target },
        ),
        Joining::Tables => {
            let note = attached(target, &stored);
            let joined = merged(stored, imported.document);
            (joined, format!("{stored_name} + {name}"), note)
        }
    };
    let read = imported.report;
    let mut report = yusuan_import::ImportReport::tally(&read.file, &joined, read.warnings);
    report.notes = read.notes;
    let stored = (joined, report, source.as_str(), hash);
    replace_joined(lib, target, name, stored, note, now)
}

/// What the report says of tables joined to the narrative `narrative` (document `target`).
fn attached(target: i64, narrative: &yusuan_domain::Document) -> yusuan_import::Diagnostic {
    yusuan_import::Diagnostic::Attached {
        target,
        department: narrative.meta.department.clone(),
        year: narrative.meta.year,
    }
}

/// A narrative with the tables of the other file of its disclosure: their tables and format, and
/// the forms the tables file printed as grids (绩效目标表) where the narrative has none.
fn merged(
    mut narrative: yusuan_domain::Document,
    tables: yusuan_domain::Document,
) -> yusuan_domain::Document {
    narrative.tables = tables.tables;
    narrative.meta.format = tables.meta.format;
    if narrative.performance_forms.is_empty() {
        narrative.performance_forms = tables.performance_forms;
    }
    narrative
}

/// Stores a joined document (with its report, the files it was read from and their hash) in
/// place of document `target`: the outcome of importing `name`, attached. The report notes
/// `note` (what joined) and the tables misread.
fn replace_joined(
    lib: &mut Library,
    target: i64,
    name: &str,
    (joined, mut report, source, hash): (
        yusuan_domain::Document,
        yusuan_import::ImportReport,
        &str,
        &str,
    ),
    note: yusuan_import::Diagnostic,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    report
        .notes
        .push(yusuan_import::ReportItem::new(note, Default::default()));
    note_misreadings(&joined, &mut report);
    let report_json = serde_json::to_string(&report).unwrap_or_else(|_| "{}".into());
    let new = NewDocument {
        document: &joined,
        source_name: source,
        content_hash: hash,
        imported_at: now,
        report_json: &report_json,
    };
    lib.store_mut().replace(target, &new)?;
    Ok(ImportOutcome {
        file: name.to_string(),
        id: target,
        duplicate: false,
        report: Some(report),
        attached: true,
    })
}

/// The library's documents of these departments (names compared by `department_key`: without
/// spaces, 中共/中国共产党, 委员会 as 委, a trailing 机关).
pub(crate) fn documents_of(
    lib: &Library,
    departments: &[String],
) -> Result<Vec<yusuan_store::DocumentSummary>, ApiError> {
    let wanted: Vec<String> = departments
        .iter()
        .map(|d| yusuan_domain::department_key(d))
        .collect();
    Ok(lib
        .store()
        .list()?
        .into_iter()
        .filter(|d| wanted.contains(&yusuan_domain::department_key(&d.department)))
        .collect())
}

/// Reads the tables with the narrative's cover and joins them to it: one document, its tables
/// from this file, its text from the other (same id; both files' hashes kept, so either is
/// recognised when imported again).
fn attach_tables(
    lib: &mut Library,
    target: i64,
    file: &yusuan_import::Source,
    hash: &str,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    let name = file.file();
    let narrative = lib.store().get(target)?;
    let yusuan_import::Imported {
        document: joined,
        report,
    } = yusuan_import::attach_source(&narrative, file)?;
    let source = lib.store().source_name(target)?;
    let sources = format!("{source} + {name}");
    let stored = (joined, report, sources.as_str(), hash);
    replace_joined(lib, target, name, stored, attached(target, &narrative), now)
}

/// Says in the report which tables the reading could not confirm by their own sums (the
/// checker's reading of them: a misreading, not the document's errors).
fn note_misreadings(doc: &yusuan_domain::Document, report: &mut yusuan_import::ImportReport) {
    for m in yusuan_check::misread_tables(doc) {
        let d = yusuan_import::Diagnostic::UncertainReading {
            table: m.title,
            failing_rows: m.failing_rows,
            rows: m.rows,
        };
        // Something to look at: a warning of the report.
        report
            .warnings
            .push(yusuan_import::ReportItem::new(d, Default::default()));
    }
}

/// Stores a parsed document (one transaction) under its content hash.
pub(crate) fn store_parsed(
    lib: &mut Library,
    name: &str,
    hash: &str,
    mut imported: yusuan_import::Imported,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    note_misreadings(&imported.document, &mut imported.report);
    let report_json = serde_json::to_string(&imported.report).unwrap_or_else(|_| "{}".into());
    let new = NewDocument {
        document: &imported.document,
        source_name: name,
        content_hash: hash,
        imported_at: now,
        report_json: &report_json,
    };
    match lib.store_mut().insert(&new) {
        Ok(id) => Ok(ImportOutcome {
            file: name.to_string(),
            id,
            duplicate: false,
            report: Some(imported.report),
            attached: false,
        }),
        Err(StoreError::Duplicate { existing }) => Ok(ImportOutcome {
            file: name.to_string(),
            id: existing,
            duplicate: true,
            report: None,
            attached: false,
        }),
        Err(e) => Err(e.into()),
    }
}
