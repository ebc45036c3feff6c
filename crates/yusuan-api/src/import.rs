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

/// Imports one file from disk.
pub fn import_file(lib: &mut Library, path: &Path, now: &str) -> Result<ImportOutcome, ApiError> {
    let (name, bytes) = read_limited(path)?;
    import_bytes(lib, &name, &bytes, now)
}

/// A file's name and bytes, a file larger than any disclosure refused before it is read.
pub(crate) fn read_limited(path: &Path) -> Result<(String, Vec<u8>), ApiError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let len = std::fs::metadata(path).map_err(|e| ApiError::Read { path: path.display().to_string(), reason: e.to_string() })?.len();
    if len > MAX_FILE_MB * 1024 * 1024 {
        return Err(yusuan_import::ImportError::TooLarge { file: name, what: format!("文件有 {} MB", len / 1024 / 1024), limit_mb: MAX_FILE_MB }.into());
    }
    let bytes = std::fs::read(path).map_err(|e| ApiError::Read { path: path.display().to_string(), reason: e.to_string() })?;
    Ok((name, bytes))
}

/// The largest file imported (published disclosures are a few MB; scanned ones tens of MB).
pub const MAX_FILE_MB: u64 = 100; // limit

/// Imports one file's bytes. Either the whole document is stored or nothing is.
pub fn import_bytes(lib: &mut Library, name: &str, bytes: &[u8], now: &str) -> Result<ImportOutcome, ApiError> {
    let hash = sha256_hex(bytes);
    if let Some(existing) = lib.store().find_by_hash(&hash)? {
        return Ok(ImportOutcome { file: name.to_string(), id: existing, duplicate: true, report: None, attached: false });
    }
    match yusuan_import::import_any(name, bytes) {
        Ok(imported) => store_parsed(lib, name, &hash, imported, now),
        Err(yusuan_import::ImportError::NoYear { file, departments }) => match narrative_for(lib, &departments)? {
            Some(target) => attach_tables(lib, target, name, bytes, now),
            None => Err(yusuan_import::ImportError::NoYear { file, departments }.into()),
        },
        Err(e) => Err(e.into()),
    }
}

/// The library's document the year-less tables of `departments` belong to: that department's
/// narrative without tables of its own (the latest year, when there are several).
fn narrative_for(lib: &Library, departments: &[String]) -> Result<Option<i64>, ApiError> {
    let mut best: Option<(i32, i64)> = None;
    for d in documents_of(lib, departments)? {
        if d.tables > 0 {
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

/// The library's documents of these departments (names compared without spaces).
pub(crate) fn documents_of(lib: &Library, departments: &[String]) -> Result<Vec<yusuan_store::DocumentSummary>, ApiError> {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let wanted: Vec<String> = departments.iter().map(|d| compact(d)).collect();
    Ok(lib.store().list()?.into_iter().filter(|d| wanted.contains(&compact(&d.department))).collect())
}

/// Reads the tables with the narrative's cover and joins them to it: one document, its tables
/// from this file, its text from the other (same id, so the narrative's import is still
/// recognised when imported again).
fn attach_tables(lib: &mut Library, target: i64, name: &str, bytes: &[u8], now: &str) -> Result<ImportOutcome, ApiError> {
    let narrative = lib.store().get(target)?;
    let yusuan_import::Imported { document: joined, mut report } = yusuan_import::attach_tables(&narrative, name, bytes)?;
    let attached = yusuan_import::Diagnostic::Attached { target, department: narrative.meta.department.clone(), year: narrative.meta.year };
    report.notes.push(yusuan_import::ReportItem::new(attached, Default::default()));
    let source = lib.store().source_name(target)?;
    let hash = lib.store().content_hash(target)?;
    let report_json = serde_json::to_string(&report).unwrap_or_else(|_| "{}".into());
    let new = NewDocument { document: &joined, source_name: &format!("{source} + {name}"), content_hash: &hash, imported_at: now, report_json: &report_json };
    lib.store_mut().replace(target, &new)?;
    Ok(ImportOutcome { file: name.to_string(), id: target, duplicate: false, report: Some(report), attached: true })
}

/// Stores a parsed document (one transaction) under its content hash.
pub(crate) fn store_parsed(
    lib: &mut Library,
    name: &str,
    hash: &str,
    imported: yusuan_import::Imported,
    now: &str,
) -> Result<ImportOutcome, ApiError> {
    let report_json = serde_json::to_string(&imported.report).unwrap_or_else(|_| "{}".into());
    let new = NewDocument {
        document: &imported.document,
        source_name: name,
        content_hash: hash,
        imported_at: now,
        report_json: &report_json,
    };
    match lib.store_mut().insert(&new) {
        Ok(id) => Ok(ImportOutcome { file: name.to_string(), id, duplicate: false, report: Some(imported.report), attached: false }),
        Err(StoreError::Duplicate { existing }) => Ok(ImportOutcome { file: name.to_string(), id: existing, duplicate: true, report: None, attached: false }),
        Err(e) => Err(e.into()),
    }
}
