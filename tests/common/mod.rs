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
    Run { code, stdout: String::from_utf8(out).unwrap(), stderr: String::from_utf8(err).unwrap() }
}

/// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
pub fn golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("golden file {} missing: run with UPDATE_GOLDEN=1 and review it", path.display()));
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
