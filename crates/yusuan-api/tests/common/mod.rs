//! What the drafting tests of this crate share: a fixture's path, a library with real documents
//! rolled forward, and an export with every 警告 explained (as a user writes why).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use yusuan_api::{
    draft_check, draft_new, import_file, ExportRequest, Library, OutFormat, Severity,
};

pub const NOW: &str = "2026-12-01T00:00:00Z";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
}

/// Imports `files` (a narrative before its tables) into `lib` and rolls the document forward:
/// the draft's id.
pub fn rolled(lib: &mut Library, files: &[&Path]) -> i64 {
    let first = import_file(lib, files[0], NOW).unwrap();
    for f in &files[1..] {
        import_file(lib, f, NOW).unwrap();
    }
    yusuan_api::parse_draft_ref(&draft_new(lib, first.id, None, NOW).unwrap().draft)
        .unwrap()
        .0
}

/// Exports the draft as a PDF at `out`, each 警告 explained; the export reads back.
pub fn export_explained(lib: &mut Library, id: i64, out: &Path) -> yusuan_api::ExportOutcome {
    let explanations = draft_check(lib, id)
        .unwrap()
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| (f.rule.to_string(), "已核实".to_string()))
        .collect();
    let req = ExportRequest {
        explanations,
        ..Default::default()
    };
    yusuan_api::export_file(lib, &format!("draft:{id}"), OutFormat::Pdf, out, &req, NOW).unwrap()
}
