//! What the drafting tests of this crate share: a fixture's path, a library with real documents
//! rolled forward (or a blank draft of a template), and an export with every 警告 explained (as a
//! user writes why).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tempfile::TempDir;
use yusuan_api::{
    draft_check, draft_new, draft_set, import_file, BlankFrom, BlankRequest, ExportRequest,
    Library, OutFormat, Severity,
};
use yusuan_domain::SectionKind;
/// A fixture's path.
pub use yusuan_testkit::fixture_path as fixture;

pub const NOW: &str = "2026-12-01T00:00:00Z";

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

/// A new, empty library (`t.db`) in a folder of its own, which lives as long as the `TempDir`
/// (what the test writes — exports, workbooks — goes there too). When the run keeps its
/// libraries on the server (`YUSUAN_TEST_LIBRARY=postgres`, `scripts/test.sh`'s second run), the
/// library is a schema of its own on the test PostgreSQL server instead, dropped with the folder.
pub fn library() -> (TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    if yusuan_testkit::libraries_on_server() {
        let server = yusuan_testkit::ServerLibrary::new();
        let lib = Library::open(Path::new(&server.url)).unwrap();
        assert!(lib.on_server());
        SERVERS.with(|s| s.borrow_mut().push(server));
        return (dir, lib);
    }
    let lib = Library::open(&dir.path().join("t.db")).unwrap();
    (dir, lib)
}

thread_local! {
    /// The server libraries of this test's thread, dropped (their schemas with them) when the
    /// test's thread ends.
    static SERVERS: std::cell::RefCell<Vec<yusuan_testkit::ServerLibrary>> = const { std::cell::RefCell::new(Vec::new()) };
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

/// Sets the draft's line `key` to `value` (the edit must be taken).
pub fn set_line(lib: &mut Library, id: i64, key: &str, value: &str) {
    draft_set(lib, id, key, value, NOW).unwrap();
}

/// 社区治理创新's first 绩效 target (`产出指标/数量指标/试点社区` `=3(个)`), which starts its form.
pub fn pilot_target(lib: &mut Library, id: i64) {
    yusuan_api::draft_indicator_set(
        lib,
        id,
        "社区治理创新",
        "产出指标/数量指标/试点社区",
        "=3(个)",
        NOW,
    )
    .unwrap();
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
