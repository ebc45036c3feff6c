//! Shared helpers of the integration tests: run the CLI in-process, golden files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    root().join("fixtures").join(name)
}

/// The Jiangsu disclosure, published as two files (narrative, then tables): imported together
/// they are one document.
pub const JIANGSU_PAIR: [&str; 2] = [
    "pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf",
    "pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf",
];

/// Imports a fixture through the API (`jiangsu` imports the pair), returning the document's id.
pub fn import_into(lib: &mut yusuan_api::Library, name: &str) -> i64 {
    let now = "2026-12-01T00:00:00Z";
    if name == "jiangsu" {
        let first = yusuan_api::import_file(lib, &fixture(JIANGSU_PAIR[0]), now).unwrap();
        let joined = yusuan_api::import_file(lib, &fixture(JIANGSU_PAIR[1]), now).unwrap();
        assert!(joined.attached && joined.id == first.id);
        return first.id;
    }
    // `narrative.pdf+tables.pdf`: a disclosure published as two files, one document.
    if let Some((text, tables)) = name.split_once('+') {
        let first = yusuan_api::import_file(lib, &fixture(text), now).unwrap();
        let joined = yusuan_api::import_file(lib, &fixture(tables), now).unwrap();
        assert!(
            joined.attached && joined.id == first.id,
            "{name}: one document"
        );
        return first.id;
    }
    yusuan_api::import_file(lib, &fixture(name), now)
        .unwrap()
        .id
}

/// Output of one CLI run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `yusuan` in-process with these arguments.
pub fn yusuan(args: &[&str]) -> Run {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut full = vec!["yusuan"];
    full.extend_from_slice(args);
    let code = yusuan_cli::run(full, &mut out, &mut err);
    Run {
        code,
        stdout: String::from_utf8(out).unwrap(),
        stderr: String::from_utf8(err).unwrap(),
    }
}

/// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
pub fn golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "golden file {} missing: run with UPDATE_GOLDEN=1 and review it",
            path.display()
        )
    });
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(10)
            .map(|(i, (e, a))| format!("line {}:\n  expected {e}\n  actual   {a}", i + 1))
            .collect();
        panic!(
            "{} differs from the golden file ({} vs {} lines):\n{}",
            path.display(),
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// Every number of a document as golden TSV.
pub fn numbers_tsv(doc: &yusuan_domain::Document) -> String {
    let mut s = String::from("table\trow_code\trow_label\tcolumn\tvalue_yuan\tprinted\tline\n");
    for n in doc.numbers() {
        s.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            n.table,
            n.row_code,
            n.row_label,
            n.column,
            n.value_yuan,
            n.printed,
            n.location.line.unwrap_or(0)
        ));
    }
    s
}

/// The value at (row code or label, column path) of the first table of this kind.
pub fn cell(
    doc: &yusuan_domain::Document,
    kind: yusuan_domain::TableKind,
    row: &str,
    column: &str,
) -> Option<rust_decimal::Decimal> {
    let t = doc
        .table(kind)
        .unwrap_or_else(|| panic!("no table {kind:?}"));
    let ci = t
        .columns
        .iter()
        .position(|c| c.name() == column)
        .unwrap_or_else(|| panic!("{kind:?}: no column {column}"));
    let r = t
        .rows
        .iter()
        .find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == row) || r.label == row)
        .unwrap_or_else(|| panic!("{kind:?}: no row {row}"));
    r.cells[ci].amount()
}

/// Imports `fixtures/<name>` into a fresh library through the CLI; the stored document and the
/// import report.
pub fn import_fixture(name: &str) -> (yusuan_domain::Document, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db").display().to_string();
    let r = yusuan(&[
        "--db",
        &db,
        "import",
        fixture(name).to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let r = yusuan(&["--db", &db, "show", "1", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (
        serde_json::from_str(&r.stdout).unwrap(),
        report[0]["report"].clone(),
    )
}

/// The nine real documents under fixtures/, with the stem of their golden files.
pub const REAL_DOCUMENTS: [(&str, &str); 9] = [
    ("000_e54fcd81d7b1024c.txt", "000_e54fcd81d7b1024c"),
    ("001_e395be5bb9699fb6.txt", "001_e395be5bb9699fb6"),
    ("002_e0c4b3d6f0f45810.txt", "002_e0c4b3d6f0f45810"),
    ("003_f631a08b6fb80526.txt", "003_f631a08b6fb80526"),
    ("004_dd8ce94d1496a6c0.txt", "004_dd8ce94d1496a6c0"),
    (
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        "wanli-2024",
    ),
    (
        "pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf",
        "wanli-2025",
    ),
    (
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
        "district-office-2025-bumen-yusuan",
    ),
    (
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-danwei-yusuan.pdf",
        "district-office-2025-danwei-yusuan",
    ),
];
