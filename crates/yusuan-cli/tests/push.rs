//! Desks that worked offline push their versions to the bureau's library: the draft made there
//! from the first desk's, each version copied as it was, a push again copying nothing, and a
//! second desk's different 一上 kept beside the first as a second version — never written over it.

mod common;

use common::{fixture, ok};

/// A desk's own file with the wanli 2025 document rolled forward as draft:1.
fn desk(dir: &tempfile::TempDir, name: &str) -> String {
    let db = dir.path().join(name).display().to_string();
    ok(
        &db,
        &[
            "import",
            &fixture("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf"),
        ],
    );
    ok(&db, &["draft", "new", "--from", "1"]);
    db
}

/// Draft:1 of the desk `db` with its first line set to `value` (another desk's different work).
fn change_a_line(db: &str, value: &str) {
    let lines = ok(db, &["draft", "lines", "draft:1", "--format", "csv"]);
    let key = lines.lines().nth(1).unwrap().split(',').next().unwrap();
    ok(db, &["draft", "set", "draft:1", key, value]);
}

/// The versions of draft:1 of the library at `db`: name and content hash.
fn versions(db: &str) -> Vec<(String, String)> {
    let lib = yusuan_api::Library::open(std::path::Path::new(db)).unwrap();
    let id = lib.store().drafts().unwrap()[0].id;
    lib.store()
        .draft_versions(id)
        .unwrap()
        .into_iter()
        .map(|v| (v.name, v.content_hash))
        .collect()
}

#[test]
fn offline_versions_are_copied_to_the_bureau_and_a_conflict_is_kept_as_two() {
    let server = yusuan_testkit::ServerLibrary::new();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (desk(&dir, "a.db"), desk(&dir, "b.db"));
    ok(&a, &["draft", "version", "draft:1", "--name", "一上"]);
    let said = ok(&a, &["draft", "push", "draft:1", "--to", &server.url]);
    assert!(
        said.contains("（新建）") && said.contains("复制 1 个版本"),
        "{said}"
    );
    let said = ok(&a, &["draft", "push", "draft:1", "--to", &server.url]);
    assert!(said.contains("复制 0 个版本，已有 1 个"), "{said}");

    // Desk B of the same department changed a line before its 一上.
    change_a_line(&b, "123456");
    ok(&b, &["draft", "version", "draft:1", "--name", "一上"]);
    let said = ok(&b, &["draft", "push", "draft:1", "--to", &server.url]);
    assert!(said.contains("一上（本机2）"), "{said}");

    let page: serde_json::Value =
        serde_json::from_str(&ok(&server.url, &["district", "--format", "json"])).unwrap();
    assert_eq!(
        page.as_array().unwrap().len(),
        1,
        "one department, one draft"
    );
    assert_eq!(page[0]["version"], "一上（本机2）");
    // Both desks' 一上, each as it was.
    let (ours, theirs) = (versions(&a), versions(&b));
    assert_eq!(
        versions(&server.url),
        vec![
            ours[0].clone(),
            ("一上（本机2）".to_string(), theirs[0].1.clone())
        ]
    );
    assert_ne!(ours[0].1, theirs[0].1);
}

#[test]
fn two_desks_pushing_at_once_make_one_draft_with_both_versions() {
    let server = yusuan_testkit::ServerLibrary::new();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (desk(&dir, "a.db"), desk(&dir, "b.db"));
    change_a_line(&b, "654321");
    for db in [&a, &b] {
        ok(db, &["draft", "version", "draft:1", "--name", "一上"]);
    }
    std::thread::scope(|s| {
        for db in [&a, &b] {
            let url = &server.url;
            s.spawn(move || ok(db, &["draft", "push", "draft:1", "--to", url]));
        }
    });
    let page: serde_json::Value =
        serde_json::from_str(&ok(&server.url, &["district", "--format", "json"])).unwrap();
    assert_eq!(page.as_array().unwrap().len(), 1, "{page}");
    let mut names: Vec<String> = versions(&server.url).into_iter().map(|(n, _)| n).collect();
    names.sort();
    assert_eq!(names, ["一上", "一上（本机2）"]);
}
