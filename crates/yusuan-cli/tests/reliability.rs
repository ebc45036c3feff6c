//! Nothing lost, nothing corrupted: several processes importing and editing one library at once
//! (the CLI beside the app, two windows), and processes killed (SIGKILL) in the middle of an import
//! or an edit. After each: the library is whole (`integrity`), every document listed reads whole, and
//! every edit that reported success is in the draft.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod common;

use common::{drafted, fixture, imported, temp_db};

fn spawn(db: &str, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn ok(db: &str, args: &[&str]) -> String {
    let o = spawn(db, args).wait_with_output().unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The library is whole: SQLite's own check of the file (on a server, the server keeps its
/// pages), and on either engine every document's amounts and tables all there as its row counts
/// them, and no amount or event without its document or draft.
fn integrity(db: &str) {
    if !common::on_server(db) {
        let conn = rusqlite::Connection::open(db).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
    for (what, count) in [
        ("documents whose amounts are not all there", "SELECT COUNT(*) FROM documents d WHERE d.amount_count <> (SELECT COUNT(*) FROM amounts a WHERE a.doc_id = d.id) OR d.table_count <> (SELECT COUNT(*) FROM doc_tables t WHERE t.doc_id = d.id)"),
        ("amounts without their document", "SELECT COUNT(*) FROM amounts a WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = a.doc_id)"),
        ("edits without their draft", "SELECT COUNT(*) FROM draft_events e WHERE NOT EXISTS (SELECT 1 FROM drafts d WHERE d.id = e.draft_id)"),
    ] {
        assert_eq!(common::sql(db, count), Some(0), "{what}");
    }
}

/// The documents listed, each read back whole (`show` answers for every one).
fn documents(db: &str) -> usize {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&ok(db, &["list", "--format", "json"])).unwrap();
    for d in &list {
        let id = d["id"].to_string();
        let doc: serde_json::Value =
            serde_json::from_str(&ok(db, &["show", &id, "--format", "json"])).unwrap();
        assert!(
            doc["tables"].as_array().is_some_and(|t| !t.is_empty()),
            "document {id} lost its tables"
        );
    }
    list.len()
}

fn line_values(db: &str) -> Vec<(String, String)> {
    ok(db, &["draft", "lines", "draft:1", "--format", "csv"])
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[2].to_string())
        })
        .collect()
}

#[test]
fn imports_and_edits_from_several_processes_at_once_all_land() {
    let (_dir, db) = drafted(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let lines = line_values(db);
    // Eight edits of eight lines of one draft, and two imports, all at once.
    let edits: Vec<(String, String)> = lines
        .iter()
        .filter(|(k, _)| k.starts_with("支出|"))
        .take(8)
        .map(|(k, v)| (k.clone(), (v.parse::<i64>().unwrap() + 1000).to_string()))
        .collect();
    assert_eq!(edits.len(), 8);
    let mut children: Vec<(String, Child)> = edits
        .iter()
        .map(|(k, v)| {
            (
                format!("set {k}"),
                spawn(db, &["draft", "set", "draft:1", k, v]),
            )
        })
        .collect();
    for f in [
        "pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf",
        "pdf/shanghai-putuo-qu-zhengfu-bangongshi-2025-bumen-yusuan.pdf",
    ] {
        children.push((format!("import {f}"), spawn(db, &["import", &fixture(f)])));
    }
    for (what, c) in children {
        let o = c.wait_with_output().unwrap();
        assert!(
            o.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    integrity(db);
    assert_eq!(documents(db), 3);
    // Every edit is in the draft (none written over by another) and in its history.
    let now = line_values(db);
    for (k, v) in &edits {
        assert_eq!(
            now.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str()),
            Some(v.as_str()),
            "{k}"
        );
    }
    let history = ok(db, &["draft", "history", "draft:1", "--format", "json"]);
    let events: Vec<serde_json::Value> = serde_json::from_str(&history).unwrap();
    assert_eq!(events.len(), 8);
}

#[test]
fn a_process_killed_during_an_import_or_an_edit_leaves_the_library_whole() {
    let (_dir, db) = drafted(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let key = line_values(db)
        .into_iter()
        .find(|(k, _)| k.starts_with("支出|"))
        .unwrap()
        .0;
    // Killed at different moments: before, during and after the write.
    for (n, delay) in [0u64, 5, 15, 30, 60, 120, 250].into_iter().enumerate() {
        let before = documents(db);
        let mut import = spawn(
            db,
            &[
                "import",
                &fixture("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"),
            ],
        );
        let value = (1_000_000 + n).to_string();
        let mut edit = spawn(db, &["draft", "set", "draft:1", &key, &value]);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = import.kill();
        let _ = edit.kill();
        let edited = edit.wait().unwrap().success();
        let _ = import.wait();
        integrity(db);
        // The import is there whole or not at all.
        let after = documents(db);
        assert!(after == before || after == before + 1, "{before} → {after}");
        // The edit is there if it said so; the draft reads either way.
        let v = line_values(db)
            .into_iter()
            .find(|(k, _)| *k == key)
            .unwrap()
            .1;
        if edited {
            assert_eq!(v, value);
        }
    }
    // And the library goes on: the import completes (or knows the file).
    let o = spawn(
        db,
        &[
            "import",
            &fixture("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"),
        ],
    )
    .wait_with_output()
    .unwrap();
    assert!(
        o.status.success() || String::from_utf8_lossy(&o.stderr).contains("已导入过"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    integrity(db);
}

/// `yusuan backup` and `yusuan restore`: the library back as it was at the backup (its state at
/// the restore kept as a backup of its own); a file that is not a library is refused in one line
/// and changes nothing.
#[test]
fn a_library_is_backed_up_and_restored_by_the_command_line() {
    let (dir, db) = imported(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let backup = dir.path().join("周一.db");
    if common::on_server(db) {
        // A library on a server is the server's to back up: refused in one line, nothing written.
        let o = spawn(db, &["backup", "-o", backup.to_str().unwrap()])
            .wait_with_output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(
            !o.status.success()
                && stderr.lines().count() == 1
                && stderr.contains("服务器上的预算库不能备份到文件"),
            "{stderr}"
        );
        assert!(!backup.exists());
        return;
    }
    assert!(ok(db, &["backup", "-o", backup.to_str().unwrap()]).contains("已备份到"));
    // Refuses to overwrite a backup.
    let o = spawn(db, &["backup", "-o", backup.to_str().unwrap()])
        .wait_with_output()
        .unwrap();
    assert!(!o.status.success() && String::from_utf8_lossy(&o.stderr).contains("已存在"));
    ok(
        db,
        &[
            "import",
            &fixture("pdf/shanghai-putuo-wanli-jiedao-2024-bumen-yusuan.pdf"),
        ],
    );
    ok(db, &["draft", "new", "--from", "1"]);
    assert_eq!(documents(db), 2);
    // Not a library: one line, nothing changed.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"SQLite format 3 is not what this is").unwrap();
    let o = spawn(db, &["restore", junk.to_str().unwrap()])
        .wait_with_output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && stderr.lines().count() == 1 && stderr.contains("不能用来恢复"),
        "{stderr}"
    );
    assert_eq!(documents(db), 2);
    // Restored: the one document of Monday, no draft; the state before kept.
    let said = ok(db, &["restore", backup.to_str().unwrap()]);
    assert!(said.contains("恢复前的状态另存为"), "{said}");
    assert_eq!(documents(db), 1);
    assert!(ok(db, &["draft", "list"]).trim().is_empty());
    integrity(db);
    let kept = std::fs::read_dir(dir.path().join("备份"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("恢复前"))
        .expect("the state before the restore");
    ok(db, &["restore", kept.to_str().unwrap()]);
    assert_eq!(documents(db), 2);
}

/// A file larger than any disclosure is refused before it is read, in one line naming the limit.
#[test]
fn a_file_larger_than_any_disclosure_is_refused_unread() {
    let (dir, db) = temp_db();
    let big = dir.path().join("大文件.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(120 * 1024 * 1024).unwrap(); // sparse: nothing written
    let started = std::time::Instant::now();
    let o = spawn(&db, &["import", big.to_str().unwrap()])
        .wait_with_output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(
        stderr.contains("大文件.pdf")
            && stderr.contains("120 MB")
            && stderr.contains("上限 100 MB"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "read instead of refused: {:?}",
        started.elapsed()
    );
    assert_eq!(documents(&db), 0);
}

/// An export killed at any moment leaves under the target name either the file that was there
/// before or the whole new one — never half a PDF (written to a hidden temporary file in the same
/// folder, then renamed into place).
#[test]
fn a_process_killed_during_an_export_never_leaves_half_a_file() {
    let (dir, db) = imported(
        &["pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"],
        ok,
    );
    let db = db.as_str();
    let out = dir.path().join("导出.pdf");
    let target = out.to_str().unwrap();
    ok(
        db,
        &[
            "export",
            "1",
            "--format",
            "pdf",
            "-o",
            target,
            "--date",
            "2026-02-15",
        ],
    );
    let first = std::fs::read(&out).unwrap();
    ok(db, &["draft", "new", "--from", "1"]);
    // A different export (the draft's) over the same file.
    let export_draft = [
        "export",
        "draft:1",
        "--format",
        "pdf",
        "-o",
        target,
        "--date",
        "2026-02-16",
    ];
    for delay in [0u64, 20, 60, 120, 250, 500, 1000, 2000] {
        // Killed after `delay` ms.
        let mut export = spawn(db, &export_draft);
        std::thread::sleep(Duration::from_millis(delay));
        let _ = export.kill();
        let finished = export.wait().unwrap().success();
        let now = std::fs::read(&out).unwrap();
        let whole = now.starts_with(b"%PDF") && now.trim_ascii_end().ends_with(b"%%EOF");
        assert!(
            now == first || whole,
            "after {delay} ms: {} bytes, not the old file nor a whole PDF",
            now.len()
        );
        if now != first {
            // The new file is a whole, readable export.
            assert!(
                yusuan_import::import_pdf("导出.pdf", &now).is_ok(),
                "after {delay} ms the file does not read"
            );
        }
        assert!(
            !finished || now != first,
            "the export said it finished but the file is the old one"
        );
    }
    // Left alone, the export replaces the file.
    ok(db, &export_draft);
    assert_ne!(std::fs::read(&out).unwrap(), first);
    // Nothing but hidden temporaries of killed exports beside it.
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            name == "导出.pdf"
                || name.starts_with("t.db")
                || name.starts_with('.')
                || e.path().is_dir(),
            "{name}"
        );
    }
}
