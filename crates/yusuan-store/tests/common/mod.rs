//! What the store's tests share: a draft event as the history records one, and the place of a
//! test's library (a file, or a schema on the test server).
#![allow(dead_code)]

/// An event of a line set from `old` to `new` (what the history shows; no typed edit).
pub fn ev<'a>(old: Option<&'a str>, new: Option<&'a str>) -> yusuan_store::NewDraftEvent<'a> {
    yusuan_store::NewDraftEvent {
        action: "lines",
        target: "k",
        old_value: old,
        new_value: new,
        edit_json: None,
        inverse_json: None,
    }
}

/// Where a test's library is: a file in a folder of its own, or — when the run keeps its
/// libraries on the server (`YUSUAN_TEST_LIBRARY=postgres`, as `scripts/test.sh`'s second run
/// does) — a schema of its own on the test PostgreSQL server. Opened as often as a test likes
/// (two windows, a window and the CLI).
pub struct Place {
    location: String,
    _dir: Option<tempfile::TempDir>,
    _server: Option<yusuan_testkit::ServerLibrary>,
}

impl Place {
    /// A new, empty library.
    pub fn new() -> Place {
        if yusuan_testkit::libraries_on_server() {
            let server = yusuan_testkit::ServerLibrary::new();
            return Place {
                location: server.url.clone(),
                _dir: None,
                _server: Some(server),
            };
        }
        let dir = tempfile::tempdir().unwrap();
        Place {
            location: dir.path().join("lib.db").display().to_string(),
            _dir: Some(dir),
            _server: None,
        }
    }

    /// A connection to it.
    pub fn open(&self) -> yusuan_store::Store {
        let store = yusuan_store::Store::open_at(&self.location).unwrap();
        assert_eq!(store.on_server(), yusuan_testkit::libraries_on_server());
        store
    }
}
