//! What the drafting tests of this crate share: a fixture's path, a library with real documents
//! rolled forward (or a blank draft of a template), and an export with every 警告 explained (as a
//! user writes why).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tempfile::TempDir;
use yusuan_api::{
    draft_check, draft_new, import_file, BlankFrom, BlankRequest, ExportRequest, Library,
    OutFormat, Severity,
};
use yusuan_domain::SectionKind;

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

/// A new, empty library (`t.db`) in a folder of its own, which lives as long as the `TempDir`.
pub fn library() -> (TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(&dir.path().join("t.db")).unwrap();
    (dir, lib)
}

/// A new library with the fixtures `names` (a narrative before its tables) imported and rolled
/// forward: its folder, the library and the draft's id.
pub fn drafted(names: &[&str]) -> (TempDir, Library, i64) {
    let (dir, mut lib) = library();
    let files: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let id = rolled(&mut lib, &paths);
    (dir, lib, id)
}

/// A blank draft of the built-in `template` for `req`: the draft's id (its reference is
/// `draft:{id}`).
pub fn blank(lib: &mut Library, template: &str, req: &BlankRequest) -> i64 {
    let made =
        yusuan_api::draft_new_blank(lib, &BlankFrom::Template(template.into()), req, NOW).unwrap();
    yusuan_api::parse_draft_ref(&made.draft).unwrap().0
}

/// A new library holding the real 决算 of 中共上海市普陀区委社会工作部 2024: its folder, the
/// library and the 决算's id.
pub fn with_juesuan() -> (TempDir, Library, i64) {
    let (dir, mut lib) = library();
    let juesuan = import_file(
        &mut lib,
        &fixture("pdf/shanghai-putuo-shegongbu-2024-bumen-juesuan.pdf"),
        NOW,
    )
    .unwrap()
    .id;
    (dir, lib, juesuan)
}

/// A blank draft's request for that 社会工作部 (上海市普陀区) in `year`.
pub fn shegongbu(year: i32) -> BlankRequest {
    BlankRequest {
        department: "中共上海市普陀区委社会工作部".into(),
        region: Some("上海市普陀区".into()),
        year: Some(year),
        ..Default::default()
    }
}

/// The title of the draft's first section whose kind `pick` accepts.
pub fn section_title(lib: &Library, id: i64, pick: impl Fn(SectionKind) -> bool) -> String {
    yusuan_api::load_draft(lib, id, None)
        .unwrap()
        .sections
        .iter()
        .find(|s| pick(s.kind))
        .unwrap()
        .title
        .clone()
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
