//! Migration behaviour: fresh database, reopen, refusal of a newer schema, all-or-nothing.

use rusqlite::Connection;
use yusuan_store::{migrate, Migration, Store, StoreError, MIGRATIONS};

mod common;

use common::ev;

fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn table_names(conn: &Connection) -> Vec<String> {
    let mut s = conn
        .prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        .unwrap();
    s.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn fresh_database_gets_every_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/lib.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        MIGRATIONS.last().unwrap().version
    );
    drop(store);
    let conn = Connection::open(&path).unwrap();
    assert_eq!(
        table_names(&conn),
        vec![
            "amounts",
            "doc_tables",
            "documents",
            "draft_events",
            "draft_versions",
            "drafts",
            "exports",
            "joined_files",
            "review_comments"
        ]
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_is_a_no_op_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    // A library of schema 1 (before drafts), upgraded in place with its documents kept.
    let mut conn = Connection::open(&path).unwrap();
    migrate(&mut conn, &MIGRATIONS[..1], "v1").unwrap();
    conn.execute_batch(
        "INSERT INTO documents (content_hash, source_name, title, department, year, kind, scope, format, imported_at, model_json, report_json)
         VALUES ('h', 's', 't', 'd', 2026, '预算', '部门', 'f', 'now', '{}', '{}')",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        MIGRATIONS.last().unwrap().version
    );
    assert_eq!(store.find_by_hash("h").unwrap(), Some(1));
}

#[test]
fn newer_schema_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    match &err {
        StoreError::NewerSchema {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, MIGRATIONS.last().unwrap().version);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("更新版本"), "{err}");
    let conn = Connection::open(&path).unwrap();
    assert_eq!(user_version(&conn), 99);
    assert_eq!(table_names(&conn), vec!["future"]);
}

#[test]
fn failing_migration_changes_nothing() {
    let mut conn = Connection::open_in_memory().unwrap();
    let ok = [Migration {
        version: 1,
        sql: "CREATE TABLE a (x);",
    }];
    migrate(&mut conn, &ok, "t").unwrap();
    let bad = [
        Migration {
            version: 1,
            sql: "CREATE TABLE a (x);",
        },
        Migration {
            version: 2,
            sql: "CREATE TABLE b (x); INSERT INTO a VALUES (1);",
        },
        Migration {
            version: 3,
            sql: "CREATE TABLE c (x); THIS IS NOT SQL;",
        },
    ];
    let err = migrate(&mut conn, &bad, "t").unwrap_err();
    assert!(
        matches!(err, StoreError::Migration { version: 3, .. }),
        "{err:?}"
    );
    assert_eq!(user_version(&conn), 1);
    assert_eq!(table_names(&conn), vec!["a"]);
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM a", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "migration 2's insert must be rolled back with 3");
}

#[test]
fn migrations_are_numbered_without_gaps() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.version, i as i64 + 1);
    }
}

#[test]
fn no_column_is_real() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    for table in table_names(&conn) {
        let mut s = conn
            .prepare(&format!("PRAGMA table_info({table})"))
            .unwrap();
        let types: Vec<(String, String)> = s
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (col, ty) in types {
            assert!(
                !ty.eq_ignore_ascii_case("REAL") && !ty.to_uppercase().contains("FLOA"),
                "{table}.{col} is {ty}"
            );
        }
    }
}

#[test]
fn a_draft_edit_is_one_transaction_and_a_locked_draft_refuses_changes() {
    let place = common::Place::new();
    let mut store = place.open();
    let id = store
        .insert_draft("部门", 2027, "上海9张表", None, "t0", "{\"v\":0}")
        .unwrap();
    store
        .record_draft_edit(id, "{\"v\":1}", &ev(Some("0"), Some("1")), "t1", "u")
        .unwrap();
    store
        .record_draft_edit(id, "{\"v\":2}", &ev(Some("1"), Some("2")), "t2", "u")
        .unwrap();
    let undo = store.draft_undo_target(id).unwrap().unwrap();
    assert_eq!(undo.seq, 2);
    store
        .mark_draft_event(id, undo.id, true, "{\"v\":1}", "t3", None)
        .unwrap();
    assert_eq!(store.draft_redo_target(id).unwrap().unwrap().seq, 2);
    // A new edit clears the redo stack.
    store
        .record_draft_edit(id, "{\"v\":3}", &ev(Some("1"), Some("3")), "t4", "u")
        .unwrap();
    assert!(store.draft_redo_target(id).unwrap().is_none());
    let seqs: Vec<i64> = store
        .draft_events(id)
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [1, 2]);
    store
        .add_draft_version(id, "一上", "hash", true, "t5")
        .unwrap();
    let err = store
        .record_draft_edit(id, "{\"v\":4}", &ev(Some("3"), Some("4")), "t6", "u")
        .unwrap_err();
    assert!(matches!(err, StoreError::DraftLocked { .. }), "{err:?}");
    assert_eq!(store.draft(id).unwrap().state_json, "{\"v\":3}");
    assert_eq!(store.draft_versions(id).unwrap()[0].state_json, "{\"v\":3}");
    assert!(matches!(store.draft(99), Err(StoreError::NoDraft(99))));
}

/// A library as a build of schema `version` left it: a document (and, from version 2 on, a
/// draft with an edit) written with that version's tables only.
fn library_at(version: usize, path: &std::path::Path, doc: &yusuan_domain::Document) {
    let mut conn = Connection::open(path).unwrap();
    migrate(&mut conn, &MIGRATIONS[..version], "old").unwrap();
    assert_eq!(user_version(&conn), version as i64);
    conn.execute(
        "INSERT INTO documents (id, content_hash, source_name, title, department, year, kind, scope, format, imported_at, model_json, report_json)
         VALUES (1, 'hash-1', 'a.pdf', ?1, ?2, ?3, '预算', '部门', '上海9张表', '2026-11-01T00:00:00Z', ?4, '{}')",
        rusqlite::params![doc.meta.title, doc.meta.department, doc.meta.year, serde_json::to_string(doc).unwrap()],
    )
    .unwrap();
    // One table of two amounts (the document list counts them).
    conn.execute("INSERT INTO doc_tables (doc_id, idx, title, kind, unit, row_count) VALUES (1, 0, '收入总表', 'income', '元', 1)", []).unwrap();
    for col in 0..2 {
        conn.execute(
            "INSERT INTO amounts (doc_id, table_idx, row_idx, col_idx, row_code, row_label, column_name, unit, value, value_yuan, printed)
             VALUES (1, 0, 0, ?1, NULL, '合计', '合计', '元', '1', '1', '1')",
            [col],
        )
        .unwrap();
    }
    if version >= 4 {
        // Since version 4 the counts are kept with the document, as the store writes them.
        conn.execute(
            "UPDATE documents SET table_count = 1, amount_count = 2 WHERE id = 1",
            [],
        )
        .unwrap();
    }
    if version >= 2 {
        conn.execute(
            "INSERT INTO drafts (id, department, year, format, source_doc_id, created_at, updated_at, locked_version, state_json)
             VALUES (1, ?1, 2027, '上海9张表', 1, '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z', NULL, ?2)",
            rusqlite::params![doc.meta.department, "{\"leaves\":[]}"],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO draft_events (draft_id, seq, action, target, old_value, new_value, at, os_user) VALUES (1, 1, 'set', 'k', '1', '2', '2026-11-02T00:00:00Z', 'caiwu')",
            [],
        )
        .unwrap();
    }
}

#[test]
fn every_landed_schema_version_upgrades_with_its_data() {
    let meta = yusuan_domain::DocumentMeta {
        title: "上海市普陀区2026年区级部门预算".into(),
        department: "上海市普陀区人民政府万里街道办事处".into(),
        year: 2026,
        kind: yusuan_domain::DocKind::Budget,
        scope: yusuan_domain::Scope::Department,
        format: yusuan_domain::RegionalFormat::Shanghai9,
        region: Some("上海市普陀区".into()),
        published: None,
    };
    let doc = yusuan_domain::Document::new(meta);
    let latest = MIGRATIONS.last().unwrap().version;
    // Each version before the latest (the latest reopens as a no-op, tested above).
    for version in 1..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        library_at(version, &path, &doc);
        let store = Store::open(&path).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(store.schema_version().unwrap(), latest, "version {version}");
        let list = store.list().unwrap();
        assert_eq!(list.len(), 1, "version {version}");
        assert_eq!(
            (list[0].tables, list[0].amounts),
            (1, 2),
            "version {version}: the list's counts"
        );
        assert_eq!(
            store.get(1).unwrap(),
            doc,
            "version {version}: the document reads back the same"
        );
        if version >= 2 {
            let d = store.draft(1).unwrap();
            assert_eq!(d.state_json, "{\"leaves\":[]}", "version {version}");
            assert_eq!(store.draft_events(1).unwrap().len(), 1, "version {version}");
        }
        drop(store);
        let conn = Connection::open(&path).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "version {version}");
        // Before the upgrade the library was copied, as it was, beside it.
        let backup = dir
            .path()
            .join("备份")
            .join(format!("预算库-升级前-第{version}版.db"));
        let old = Connection::open(&backup).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(user_version(&old), version as i64);
        let docs: i64 = old
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(docs, 1, "version {version}");
        // Reopening upgrades nothing, so backs nothing up again.
        drop(Store::open(&path).unwrap());
        assert_eq!(
            std::fs::read_dir(dir.path().join("备份")).unwrap().count(),
            1,
            "version {version}"
        );
    }
}

#[test]
fn a_library_is_restored_whole_from_a_backup_and_a_file_that_is_not_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let meta = yusuan_domain::DocumentMeta {
        title: "甲".into(),
        department: "某局".into(),
        year: 2026,
        kind: yusuan_domain::DocKind::Budget,
        scope: yusuan_domain::Scope::Department,
        format: yusuan_domain::RegionalFormat::Shanghai9,
        region: None,
        published: None,
    };
    let doc = yusuan_domain::Document::new(meta);
    let path = dir.path().join("lib.db");
    let mut store = Store::open(&path).unwrap();
    let insert = |store: &mut Store, hash: &str| {
        store
            .insert(&yusuan_store::NewDocument {
                document: &doc,
                source_name: "a.pdf",
                content_hash: hash,
                imported_at: "t",
                report_json: "{}",
            })
            .unwrap()
    };
    insert(&mut store, "h1");
    let backup = dir.path().join("b.db");
    store.backup_to(&backup).unwrap();
    insert(&mut store, "h2");
    store
        .insert_draft("某局", 2027, "上海9张表", None, "t", "{}")
        .unwrap();
    // Not a library: refused, nothing changed.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all").unwrap();
    assert!(matches!(
        store.restore_from(&junk),
        Err(StoreError::NotALibrary { .. })
    ));
    assert_eq!(
        (store.list().unwrap().len(), store.drafts().unwrap().len()),
        (2, 1)
    );
    // An older version's library restores and is upgraded.
    let old = dir.path().join("old.db");
    library_at(1, &old, &doc);
    store.restore_from(&old).unwrap();
    assert_eq!(
        (
            store.list().unwrap().len(),
            store.drafts().unwrap().len(),
            store.schema_version().unwrap()
        ),
        (1, 0, MIGRATIONS.last().unwrap().version)
    );
    // The backup: one document, no draft — and another connection sees the same.
    store.restore_from(&backup).unwrap();
    assert_eq!(
        (store.list().unwrap().len(), store.drafts().unwrap().len()),
        (1, 0)
    );
    assert_eq!(Store::open(&path).unwrap().list().unwrap().len(), 1);
}
