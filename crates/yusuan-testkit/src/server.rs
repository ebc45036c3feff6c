//! A library on the PostgreSQL server the tests use (`scripts/test.sh` starts the machine's server
//! and sets `YUSUAN_TEST_POSTGRES` to a database the tests may write in): each test gets a schema
//! of its own — as good as an empty database, dropped when the test ends — so tests run side by
//! side without seeing each other's documents.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable naming the test server's database (`postgres://user:password@host/database`).
pub const SERVER_VARIABLE: &str = "YUSUAN_TEST_POSTGRES";

/// The variable that runs a crate's library tests on the server instead of SQLite files
/// (`YUSUAN_TEST_LIBRARY=postgres`; `scripts/test.sh` runs them both ways).
pub const ENGINE_VARIABLE: &str = "YUSUAN_TEST_LIBRARY";

/// Whether this run keeps its test libraries on the server.
pub fn libraries_on_server() -> bool {
    std::env::var(ENGINE_VARIABLE).is_ok_and(|v| v == "postgres")
}

/// The test server's URL; a test that needs it fails, saying how to get one.
pub fn server_url() -> String {
    std::env::var(SERVER_VARIABLE).unwrap_or_else(|_| {
        panic!("{SERVER_VARIABLE} is not set: run the tests through scripts/test.sh, which starts the machine's PostgreSQL (scripts/postgres.sh prints the URL)")
    })
}

/// An empty library on the server: its URL (which opens it), and the schema dropped on drop.
pub struct ServerLibrary {
    /// Opens the library: the server's URL with the schema as its search path.
    pub url: String,
    schema: String,
}

impl ServerLibrary {
    /// A new, empty schema on the test server.
    pub fn new() -> ServerLibrary {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = server_url();
        let schema = format!(
            "t{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
        );
        let mut client = postgres::Client::connect(&base, postgres::NoTls)
            .unwrap_or_else(|e| panic!("the test server at {SERVER_VARIABLE} refused: {e}"));
        client
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .unwrap();
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options=-csearch_path%3D{schema}");
        ServerLibrary { url, schema }
    }
}

impl ServerLibrary {
    /// The same library, logged in as `user` with `password`.
    pub fn url_as(&self, user: &str, password: &str) -> String {
        let rest = &self.url[self.url.find('@').expect("a URL with its user") + 1..];
        format!("postgres://{user}:{password}@{rest}")
    }
}

/// Login roles a test makes on the test server (roles are the whole server's, not a schema's):
/// named apart for this process, dropped with what they own when the test ends.
pub struct Roles {
    names: Vec<String>,
}

impl Roles {
    /// Role names `{stem}_{process}` for each stem.
    pub fn new(stems: &[&str]) -> Roles {
        let names = stems
            .iter()
            .map(|s| format!("{s}_{}", std::process::id()))
            .collect();
        Roles { names }
    }

    /// The name of the `i`th role.
    pub fn name(&self, i: usize) -> &str {
        &self.names[i]
    }
}

impl Drop for Roles {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            for n in &self.names {
                let _ = c.batch_execute(&format!(
                    "DROP OWNED BY {n} CASCADE; DROP ROLE IF EXISTS {n}"
                ));
            }
        }
    }
}

impl Default for ServerLibrary {
    fn default() -> Self {
        ServerLibrary::new()
    }
}

impl Drop for ServerLibrary {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&server_url(), postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA {} CASCADE", self.schema));
        }
    }
}

/// Runs `sql` on the library at `url` (a test reaching past the product: a damaged row, a count
/// the product does not show): the first column of the first row when it is an integer, else the
/// number of rows a statement changed.
pub fn execute(url: &str, sql: &str) -> Option<i64> {
    let mut client = postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("the test server refused: {e}"));
    let messages = client.simple_query(sql).unwrap();
    let row = messages.iter().find_map(|m| match m {
        postgres::SimpleQueryMessage::Row(r) => Some(r.get(0).and_then(|v| v.parse().ok())),
        _ => None,
    });
    row.unwrap_or_else(|| {
        messages.iter().find_map(|m| match m {
            postgres::SimpleQueryMessage::CommandComplete(n) => Some(*n as i64),
            _ => None,
        })
    })
}
