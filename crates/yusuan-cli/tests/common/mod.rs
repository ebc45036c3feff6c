//! What the `yusuan` binary's tests share: a fixture's path as an argument, and a library in a
//! folder of its own (empty, or with a real document rolled forward as `draft:1`).
#![allow(dead_code)]

use tempfile::TempDir;

/// A fixture's path, as an argument of the command line.
pub fn fixture(name: &str) -> String {
    yusuan_testkit::fixture_path(name).display().to_string()
}

/// A library file (`t.db`, not made yet) in a new folder: the folder, which lives as long as the
/// `TempDir`, and the `--db` path.
///
/// When the run keeps its libraries on the server (`YUSUAN_TEST_LIBRARY=postgres`,
/// `scripts/test.sh`'s second run), `--db` is instead the URL of a schema of its own on the test
/// PostgreSQL server, dropped when the test's thread ends.
pub fn temp_db() -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    if yusuan_testkit::libraries_on_server() {
        let server = yusuan_testkit::ServerLibrary::new();
        let url = server.url.clone();
        SERVERS.with(|s| s.borrow_mut().push(server));
        return (dir, url);
    }
    let db = dir.path().join("t.db").display().to_string();
    (dir, db)
}

thread_local! {
    /// The server libraries of this test's thread.
    static SERVERS: std::cell::RefCell<Vec<yusuan_testkit::ServerLibrary>> = const { std::cell::RefCell::new(Vec::new()) };
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

/// Runs `sql` on the library `db` (a file, or a schema on the test server), past the product: a
/// row damaged as by a disk fault, a consistency count. The first column of the first row, when
/// it is an integer.
pub fn sql(db: &str, sql: &str) -> Option<i64> {
    if on_server(db) {
        return yusuan_testkit::server::execute(db, sql);
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let mut rows = stmt.query([]).unwrap();
    let first = rows.next().unwrap().map(|r| r.get::<_, i64>(0).ok());
    first.flatten()
}

/// Whether `--db` names a library on the test server.
pub fn on_server(db: &str) -> bool {
    db.starts_with("postgres://")
}

/// What a run of `yusuan` said.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `yusuan --db DB args`, as the OS user 会计甲.
pub fn run(db: &str, args: &[&str]) -> Out {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("USER", "会计甲")
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `yusuan --db DB args` succeeds: what it printed.
pub fn ok(db: &str, args: &[&str]) -> String {
    let o = run(db, args);
    assert_eq!(o.code, 0, "{args:?}: {}{}", o.stdout, o.stderr);
    o.stdout
}

/// Who the history names for an edit made by `run`: the OS user 会计甲 on a file; on the server,
/// the user the URL logs in as (the server's user is attributed, not the OS's).
pub fn editor(db: &str) -> String {
    match db.strip_prefix("postgres://") {
        Some(rest) => rest
            .split([':', '@'])
            .next()
            .unwrap_or_default()
            .to_string(),
        None => "会计甲".to_string(),
    }
}
