//! What the `yusuan` binary's tests share: a fixture's path, a library in a folder of its own
//! (empty, or with a real document rolled forward as `draft:1`), and a one-page PDF written by
//! hand.
#![allow(dead_code)]

use std::path::PathBuf;
use tempfile::TempDir;

/// A fixture's path, as an argument of the command line.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(name)
        .display()
        .to_string()
}

/// A library file (`t.db`, not made yet) in a new folder: the folder, which lives as long as the
/// `TempDir`, and the `--db` path.
pub fn temp_db() -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db").display().to_string();
    (dir, db)
}

/// A new library with the fixtures `names` imported in one `yusuan import` (the first is document
/// 1), run by `ok` (the test file's `yusuan --db DB …` that asserts success): the folder and the
/// `--db` path.
pub fn imported(names: &[&str], ok: impl Fn(&str, &[&str]) -> String) -> (TempDir, String) {
    let (dir, db) = temp_db();
    let files: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    ok(&db, &args);
    (dir, db)
}

/// The same, document 1 then rolled forward (`draft:1`).
pub fn drafted(names: &[&str], ok: impl Fn(&str, &[&str]) -> String) -> (TempDir, String) {
    let (dir, db) = imported(names, &ok);
    ok(&db, &["draft", "new", "--from", "1"]);
    (dir, db)
}

/// A minimal PDF of one page with these content and resources, and extra objects from 5 on.
pub fn minimal_pdf(
    content: &[u8],
    resources: &str,
    extra: &[&str],
    trailer_extra: &str,
) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>").into_bytes(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
    ];
    objects.extend(extra.iter().map(|o| o.as_bytes().to_vec()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
