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
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Imports one file from disk.
pub fn import_file(lib: &mut Library, path: &Path, now: &str) -> Result<ImportOutcome, ApiError> {
    let bytes = std::fs::read(path).map_err(|e| ApiError::Read { path: path.display().to_string(), reason: e.to_string() })?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    import_bytes(lib, &name, &bytes, now)
}

/// Imports one file's bytes. Either the whole document is stored or nothing is.
pub fn import_bytes(lib: &mut Library, name: &str, bytes: &[u8], now: &str) -> Result<ImportOutcome, ApiError> {
    let hash = sha256_hex(bytes);
    if let Some(existing) = lib.store().find_by_hash(&hash)? {
        return Ok(ImportOutcome { file: name.to_string(), id: existing, duplicate: true, report: None });
    }
    let imported = yusuan_import::import_any(name, bytes)?;
    store_parsed(lib, name, &hash, imported, now)
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
        Ok(id) => Ok(ImportOutcome { file: name.to_string(), id, duplicate: false, report: Some(imported.report) }),
        Err(StoreError::Duplicate { existing }) => Ok(ImportOutcome { file: name.to_string(), id: existing, duplicate: true, report: None }),
        Err(e) => Err(e.into()),
    }
}
