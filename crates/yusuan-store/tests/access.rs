//! Who may do what in a bureau's library, kept by the server itself: after `init_access`, a
//! department's user sees and edits only its department's drafts — refused by the database even
//! when it writes SQL of its own —, a reviewer reads every draft and writes none, and every edit
//! is attributed to the user the server knows. On the test PostgreSQL server (`scripts/test.sh`).

use yusuan_store::{Decision, Member, Store, StoreError, VersionStatus};
use yusuan_testkit::{Roles, ServerLibrary};

mod common;

use common::ev;

/// A document a desk imports is read by all, changed or removed only by its importer (or its
/// department's users): 乙局's user can do neither by SQL of its own; 甲局's removes its own.
fn documents_kept_to_their_importer(library: &ServerLibrary, a: &mut Store, yi: &str) {
    let text = yusuan_testkit::fixture_bytes(yusuan_testkit::SEEDS[0]);
    let doc = yusuan_import::import_any("seed.txt", &text)
        .unwrap()
        .document;
    let new = yusuan_store::NewDocument {
        document: &doc,
        source_name: "seed.txt",
        content_hash: "seed",
        imported_at: "t",
        report_json: "{}",
    };
    let id = a.insert(&new).unwrap();
    let mut b = Store::open_server(&library.url_as(yi, "pw-yi")).unwrap();
    assert_eq!(b.get(id).unwrap(), doc);
    assert!(matches!(b.delete(id), Err(StoreError::NotFound(_))));
    let other = library.url_as(yi, "pw-yi");
    for attempt in [
        format!("UPDATE documents SET title = 'x' WHERE id = {id}"),
        format!("DELETE FROM amounts WHERE doc_id = {id}"),
    ] {
        assert_eq!(
            yusuan_testkit::server::execute(&other, &attempt),
            Some(0),
            "{attempt}"
        );
    }
    assert_eq!(b.get(id).unwrap(), doc);
    a.delete(id).unwrap();
    assert!(b.list().unwrap().is_empty());
}

fn member(name: &str, department: Option<&str>, reviewer: bool) -> Member {
    Member {
        name: name.into(),
        department: department.map(str::to_string),
        reviewer,
    }
}

#[test]
fn a_department_user_is_kept_to_its_own_drafts_by_the_database() {
    let library = ServerLibrary::new();
    let roles = Roles::new(&["jia", "yi", "shen"]);
    let (jia, yi, reviewer) = (roles.name(0), roles.name(1), roles.name(2));
    let mut admin = Store::open_server(&library.url).unwrap();
    let jia_draft = admin
        .insert_draft("甲局", 2027, "上海9张表", None, "t0", "{\"v\":0}")
        .unwrap();
    let yi_draft = admin
        .insert_draft("乙局", 2027, "上海9张表", None, "t0", "{\"v\":0}")
        .unwrap();
    admin.init_access().unwrap();
    admin.init_access().unwrap(); // again: nothing changes
    admin
        .add_member(&member(jia, Some("甲局"), false), "pw-jia")
        .unwrap();
    admin
        .add_member(&member(yi, Some("乙局"), false), "pw-yi")
        .unwrap();
    admin
        .add_member(&member(reviewer, None, true), "pw-shen")
        .unwrap();
    assert_eq!(admin.members().unwrap().len(), 3);
    // Never both a department's user and a reviewer; a role of the server that is no member
    // (its owner) keeps its password.
    assert!(admin
        .add_member(&member(jia, Some("甲局"), true), "pw")
        .is_err());
    assert!(admin
        .add_member(&member("yusuan_test", Some("甲局"), false), "x")
        .is_err());
    Store::open_server(&library.url).unwrap();

    // 甲局's user: its draft only, edits attributed to it.
    let mut a = Store::open_server(&library.url_as(jia, "pw-jia")).unwrap();
    documents_kept_to_their_importer(&library, &mut a, yi);
    let listed: Vec<i64> = a.drafts().unwrap().iter().map(|d| d.id).collect();
    assert_eq!(listed, [jia_draft]);
    assert!(matches!(a.draft(yi_draft), Err(StoreError::NoDraft(_))));
    a.draft(jia_draft).unwrap();
    a.record_draft_edit(
        jia_draft,
        "{\"v\":1}",
        &ev(Some("0"), Some("1")),
        "t1",
        "os-user",
    )
    .unwrap();
    assert_eq!(a.draft_events(jia_draft).unwrap()[0].os_user, jia);
    // A draft for another department is refused by the server's rule, in Chinese.
    let err = a
        .insert_draft("乙局", 2027, "上海9张表", None, "t2", "{}")
        .unwrap_err();
    assert!(matches!(err, StoreError::NotPermitted(_)), "{err:?}");
    assert!(err.to_string().contains("没有权限"), "{err}");
    // Its own SQL changes nothing of 乙局's, nor the members.
    let own_sql = library.url_as(jia, "pw-jia");
    let changed = yusuan_testkit::server::execute(
        &own_sql,
        &format!("UPDATE drafts SET state_json = '{{}}' WHERE id = {yi_draft}"),
    );
    assert_eq!(changed, Some(0));
    let mut client = postgres::Client::connect(&own_sql, postgres::NoTls).unwrap();
    assert!(client
        .batch_execute("UPDATE yusuan_members SET reviewer = true")
        .is_err());
    assert_eq!(admin.draft(yi_draft).unwrap().state_json, "{\"v\":0}");

    // The reviewer reads both and writes neither.
    let mut r = Store::open_server(&library.url_as(reviewer, "pw-shen")).unwrap();
    assert_eq!(r.drafts().unwrap().len(), 2);
    assert_eq!(r.draft(jia_draft).unwrap().state_json, "{\"v\":1}");
    assert!(r
        .record_draft_edit(jia_draft, "{\"v\":9}", &ev(Some("1"), Some("9")), "t3", "u")
        .is_err());
    assert!(r
        .add_draft_version(yi_draft, "一上", "h", true, "t4")
        .is_err());
    assert_eq!(admin.draft(jia_draft).unwrap().state_json, "{\"v\":1}");
    assert!(admin.draft_versions(yi_draft).unwrap().is_empty());
    review_round(&library, &mut a, &mut r, jia, reviewer, jia_draft);
}

/// 甲局 submits 一上; it cannot decide on it itself; the reviewer returns it with a comment in its
/// own name, and the department reads the comment and edits again.
fn review_round(
    library: &ServerLibrary,
    a: &mut Store,
    r: &mut Store,
    jia: &str,
    reviewer: &str,
    id: i64,
) {
    a.submit_version(id, "一上", "h", "{}", "t5").unwrap();
    assert!(a
        .review_version(id, "一上", Decision::Accept, &[], "u", "t6")
        .is_err());
    // Not by SQL of its own either: the department has no right to change a version.
    let mut own_sql =
        postgres::Client::connect(&library.url_as(jia, "pw-jia"), postgres::NoTls).unwrap();
    let err = own_sql
        .batch_execute(&format!(
            "UPDATE draft_versions SET status = 'accepted' WHERE draft_id = {id}"
        ))
        .unwrap_err();
    let said = err.as_db_error().map(|d| d.message().to_string());
    assert!(
        said.as_deref()
            .is_some_and(|m| m.contains("permission denied")),
        "{said:?}"
    );
    let comment = vec![(String::new(), "请说明增长原因".to_string())];
    r.review_version(id, "一上", Decision::Return, &comment, "u", "t7")
        .unwrap();
    let seen = a.review_comments(id).unwrap();
    assert_eq!((seen.len(), seen[0].author.as_str()), (1, reviewer));
    assert_eq!(
        a.draft_versions(id).unwrap()[0].status,
        VersionStatus::Returned
    );
    a.draft(id).unwrap();
    a.record_draft_edit(id, "{\"v\":2}", &ev(Some("1"), Some("2")), "t8", "u")
        .unwrap();
    // The district: the reviewer sees both departments, 甲局 its own.
    assert_eq!(r.district().unwrap().len(), 2);
    assert_eq!(a.district().unwrap().len(), 1);
    bypasses_refused(library, a, jia, id);
}

/// What a department's user might try with SQL of its own, each refused by the server: unlocking
/// its submitted draft, removing a version, a temporary `yusuan_members` naming it a reviewer of
/// every department; and a reviewer deciding a version nobody submitted.
fn bypasses_refused(library: &ServerLibrary, a: &mut Store, jia: &str, id: i64) {
    a.submit_version(id, "二上", "h2", "{}", "t9").unwrap();
    let mut sql =
        postgres::Client::connect(&library.url_as(jia, "pw-jia"), postgres::NoTls).unwrap();
    for attempt in [
        format!("UPDATE drafts SET locked_version = NULL WHERE id = {id}"),
        format!("DELETE FROM draft_versions WHERE draft_id = {id}"),
        format!("DELETE FROM drafts WHERE id = {id}"),
    ] {
        assert!(sql.batch_execute(&attempt).is_err(), "{attempt}");
    }
    assert_eq!(a.draft(id).unwrap().locked_version.as_deref(), Some("二上"));
    assert_eq!(a.draft_versions(id).unwrap().len(), 2);
    sql.batch_execute(&format!(
        "CREATE TEMP TABLE yusuan_members (role_name TEXT, department TEXT, reviewer BOOLEAN);
         INSERT INTO yusuan_members VALUES ('{jia}', '乙局', true)"
    ))
    .unwrap();
    let seen: i64 = sql
        .query_one("SELECT COUNT(*) FROM drafts", &[])
        .unwrap()
        .get(0);
    assert_eq!(seen, 1, "a temporary table must not make 甲局 a reviewer");
}

#[test]
fn users_and_rights_are_only_a_servers() {
    let place = tempfile::tempdir().unwrap();
    let mut file = Store::open(&place.path().join("lib.db")).unwrap();
    let err = file.init_access().unwrap_err();
    assert!(matches!(err, StoreError::OnlyOnServer { .. }), "{err:?}");
    assert!(file.add_member(&member("jia", None, false), "pw").is_err());
}
