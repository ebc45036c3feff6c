//! A whole 财政局 on one PostgreSQL library (`scripts/test.sh` starts the server): 100
//! departments' drafts made from a real document's format, ten departments' users editing and
//! submitting at once — each its own process, as each desk is —, the bureau's reviewer returning
//! some with comments and accepting the rest while they work, the returned ones edited and
//! submitted again. Afterwards: no edit lost, every change attributed to the user who made it,
//! and a department's user refused on another department's draft by the database itself.

use std::path::Path;
use std::process::{Command, Output};
use yusuan_api::{BlankFrom, BlankRequest, Library};
use yusuan_testkit::{Roles, ServerLibrary};

mod common;

const NOW: &str = "2026-12-06T00:00:00Z";
const DESKS: usize = 10;

fn yusuan(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .arg("--db")
        .arg(url)
        .args(args)
        .output()
        .unwrap()
}

fn ok(url: &str, args: &[&str]) -> String {
    let o = yusuan(url, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn department(i: usize) -> String {
    format!("测试区第{i:03}局")
}

/// The district's library: a real document, and a blank draft of its format for each of 100
/// departments; the rules of who may do what; a user for each of the first ten, and a reviewer.
fn district(library: &ServerLibrary, roles: &Roles) -> Vec<i64> {
    let mut lib = Library::open(Path::new(&library.url)).unwrap();
    let pdf = yusuan_testkit::fixture_path("pdf/shanghai-putuo-wanli-jiedao-2025-bumen-yusuan.pdf");
    let doc = yusuan_api::import_file(&mut lib, &pdf, NOW).unwrap().id;
    let drafts: Vec<i64> = (0..100)
        .map(|i| {
            let req = BlankRequest {
                department: department(i),
                region: None,
                year: Some(2027),
                threshold_percent: None,
            };
            let made = yusuan_api::draft_new_blank(&mut lib, &BlankFrom::Document(doc), &req, NOW)
                .unwrap();
            yusuan_api::parse_draft_ref(&made.draft).unwrap().0
        })
        .collect();
    yusuan_api::server_init(&mut lib).unwrap();
    for i in 0..DESKS {
        yusuan_api::server_add_member(&mut lib, roles.name(i), Some(&department(i)), false, "pw")
            .unwrap();
    }
    yusuan_api::server_add_member(&mut lib, roles.name(DESKS), None, true, "pw").unwrap();
    drafts
}

/// The lines a desk types: three 项 of 一般公共预算 spending.
fn lines(i: usize) -> Vec<(String, String)> {
    ["2010101", "2010102", "2013899"]
        .iter()
        .enumerate()
        .map(|(n, code)| {
            (
                format!("支出|一般公共预算|{code}|基本支出"),
                (10_000 * (i + 1) + n).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_bureau_of_100_departments_reviews_ten_desks_working_at_once() {
    let library = ServerLibrary::new();
    let stems: Vec<String> = (0..DESKS)
        .map(|i| format!("desk{i}"))
        .chain(["reviewer".into()])
        .collect();
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    let roles = Roles::new(&stems);
    let drafts = district(&library, &roles);
    let url = |i: usize| library.url_as(roles.name(i), "pw");
    let reviewer = url(DESKS);

    // Ten desks at once: each adds its lines and submits 一上.
    std::thread::scope(|s| {
        for (i, id) in drafts.iter().enumerate().take(DESKS) {
            let (url, draft) = (url(i), format!("draft:{id}"));
            s.spawn(move || {
                for (key, value) in lines(i) {
                    ok(&url, &["draft", "add", &draft, &key, &value]);
                }
                ok(&url, &["draft", "submit", &draft, "--name", "一上"]);
            });
        }
    });
    // The bureau decides while the returned desks wait: even ones returned, odd ones accepted.
    std::thread::scope(|s| {
        for (i, id) in drafts.iter().enumerate().take(DESKS) {
            let (reviewer, draft) = (reviewer.clone(), format!("draft:{id}"));
            s.spawn(move || {
                if i % 2 == 0 {
                    ok(
                        &reviewer,
                        &[
                            "draft",
                            "return",
                            &draft,
                            "--name",
                            "一上",
                            "--comment",
                            "请压减一般性支出",
                        ],
                    );
                } else {
                    ok(&reviewer, &["draft", "accept", &draft, "--name", "一上"]);
                }
            });
        }
    });
    // The returned desks change a line and submit 二上, at once; the reviewer accepts each.
    std::thread::scope(|s| {
        for i in (0..DESKS).step_by(2) {
            let (url, draft) = (url(i), format!("draft:{}", drafts[i]));
            s.spawn(move || {
                let key = &lines(i)[0].0;
                ok(&url, &["draft", "set", &draft, key, "5000"]);
                ok(&url, &["draft", "submit", &draft, "--name", "二上"]);
            });
        }
    });
    for i in (0..DESKS).step_by(2) {
        ok(
            &reviewer,
            &[
                "draft",
                "accept",
                &format!("draft:{}", drafts[i]),
                "--name",
                "二上",
            ],
        );
    }
    verify(&library, &roles, &drafts, &reviewer, &url(0));
}

/// No edit lost, each attributed; the page as the reviewer and a desk see it; the database's
/// refusal of a desk on another department's draft.
fn verify(library: &ServerLibrary, roles: &Roles, drafts: &[i64], reviewer: &str, desk0: &str) {
    let admin = Library::open(Path::new(&library.url)).unwrap();
    for (i, &id) in drafts.iter().enumerate().take(DESKS) {
        let have: std::collections::BTreeMap<String, String> = yusuan_api::draft_lines(&admin, id)
            .unwrap()
            .into_iter()
            .map(|l| (l.key, l.value_yuan))
            .collect();
        for (n, (key, value)) in lines(i).into_iter().enumerate() {
            let want = if i % 2 == 0 && n == 0 {
                "5000".to_string()
            } else {
                value
            };
            assert_eq!(have.get(&key), Some(&want), "{} {key}", department(i));
        }
        let events = admin.store().draft_events(id).unwrap();
        let expected = if i % 2 == 0 { 4 } else { 3 };
        assert_eq!(events.len(), expected, "{}", department(i));
        assert!(
            events.iter().all(|e| e.os_user == roles.name(i)),
            "{}",
            department(i)
        );
        let versions = admin.store().draft_versions(id).unwrap();
        let last = versions.last().unwrap();
        assert_eq!(last.status, yusuan_api::VersionStatus::Accepted);
        assert_eq!(last.reviewed_by.as_deref(), Some(roles.name(DESKS)));
    }
    let untouched = admin.store().draft_events(drafts[DESKS]).unwrap();
    assert!(untouched.is_empty());

    let page: serde_json::Value =
        serde_json::from_str(&ok(reviewer, &["district", "--format", "json"])).unwrap();
    assert_eq!(page.as_array().unwrap().len(), 100);
    let accepted = page
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "已批准")
        .count();
    assert_eq!(accepted, DESKS);
    let own: serde_json::Value =
        serde_json::from_str(&ok(desk0, &["district", "--format", "json"])).unwrap();
    assert_eq!(own.as_array().unwrap().len(), 1);

    // Desk 0 on desk 1's draft: the server shows it no such draft, and its own SQL changes nothing.
    let other = format!("draft:{}", drafts[1]);
    let o = yusuan(desk0, &["draft", "set", &other, &lines(1)[0].0, "1"]);
    assert!(!o.status.success(), "desk 0 changed desk 1's draft");
    let changed = yusuan_testkit::server::execute(
        desk0,
        &format!(
            "UPDATE drafts SET state_json = '{{}}' WHERE id = {}",
            drafts[1]
        ),
    );
    assert_eq!(changed, Some(0));
    let (key, value) = &lines(1)[0];
    let still = yusuan_api::draft_lines(&admin, drafts[1])
        .unwrap()
        .into_iter()
        .find(|l| &l.key == key)
        .map(|l| l.value_yuan);
    assert_eq!(still.as_ref(), Some(value));
}
