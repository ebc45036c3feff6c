//! Numbered, forward-only schema migrations, embedded in the binary.
//!
//! The schema version lives in SQLite's `user_version` (on a PostgreSQL server, in the table
//! `yusuan_schema`). Pending migrations are applied in order inside one transaction: either all of
//! them land or none does. Both engines run the same migrations, written for SQLite.

use crate::sql::postgres_ddl;
use crate::StoreError;
use rusqlite::Connection;

/// One migration: its number and its SQL.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// 1, 2, 3 … with no gaps.
    pub version: i64,
    /// The SQL to run.
    pub sql: &'static str,
}

impl Migration {
    /// Migration number `version`, running `sql`.
    pub const fn new(version: i64, sql: &'static str) -> Self {
        Migration { version, sql }
    }
}

/// Every migration of this build, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration::new(1, include_str!("../migrations/0001_library.sql")),
    Migration::new(2, include_str!("../migrations/0002_drafts.sql")),
    Migration::new(3, include_str!("../migrations/0003_exports.sql")),
    Migration::new(4, include_str!("../migrations/0004_counts.sql")),
    Migration::new(5, include_str!("../migrations/0005_joined_files.sql")),
    Migration::new(6, include_str!("../migrations/0006_typed_edits.sql")),
    Migration::new(7, include_str!("../migrations/0007_review.sql")),
    Migration::new(8, include_str!("../migrations/0008_imported_by.sql")),
];

/// The migrations a database at `current` still needs; a database newer than the last of
/// `migrations` is refused (`name` names it in the message).
fn pending<'m>(
    current: i64,
    migrations: &'m [Migration],
    name: &str,
) -> Result<Vec<&'m Migration>, StoreError> {
    let latest = migrations.last().map_or(0, |m| m.version);
    if current > latest {
        return Err(StoreError::NewerSchema {
            path: name.to_string(),
            found: current,
            supported: latest,
        });
    }
    Ok(migrations.iter().filter(|m| m.version > current).collect())
}

fn failed(version: i64) -> impl Fn(StoreError) -> StoreError {
    move |source| StoreError::Migration {
        version,
        source: Box::new(source),
    }
}

/// Brings `conn` up to the last of `migrations`. `path` names the database in messages.
///
/// Refuses (changing nothing) a database whose version is newer than the last migration.
pub fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
    path: &str,
) -> Result<i64, StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let pending = pending(current, migrations, path)?;
    let Some(last) = pending.last().map(|m| m.version) else {
        return Ok(current);
    };
    let tx = conn.transaction()?;
    for m in &pending {
        let run = || -> Result<(), rusqlite::Error> {
            tx.execute_batch(m.sql)?;
            tx.pragma_update(None, "user_version", m.version)
        };
        run().map_err(|e| failed(m.version)(e.into()))?;
    }
    tx.commit()?;
    Ok(last)
}

/// Brings a library on a PostgreSQL server up to the last of `migrations`, the same migrations
/// as SQLite's ([`postgres_ddl`]); its version is kept in the table `yusuan_schema`. The table is
/// locked for the whole upgrade, so two desks opening the library at once upgrade it once.
pub(crate) fn migrate_server(
    client: &mut postgres::Client,
    migrations: &[Migration],
    name: &str,
) -> Result<i64, StoreError> {
    // Up to date, nothing is written or locked (a member, who may not, opens it so); the table
    // is made only where it is missing (making it needs the right to create in the schema).
    let made: Option<String> = client
        .query_one("SELECT CAST(to_regclass('yusuan_schema') AS TEXT)", &[])?
        .get(0);
    if made.is_some() {
        let current = server_version(client)?;
        if pending(current, migrations, name)?.is_empty() {
            return Ok(current);
        }
    } else {
        client
            .batch_execute("CREATE TABLE IF NOT EXISTS yusuan_schema (version BIGINT NOT NULL)")?;
    }
    let mut tx = client.transaction()?;
    tx.batch_execute("LOCK TABLE yusuan_schema IN EXCLUSIVE MODE")?;
    let current: i64 = tx
        .query_one("SELECT COALESCE(MAX(version), 0) FROM yusuan_schema", &[])?
        .get(0);
    let pending = pending(current, migrations, name)?;
    let Some(last) = pending.last().map(|m| m.version) else {
        return Ok(current);
    };
    for m in &pending {
        tx.batch_execute(&postgres_ddl(m.sql))
            .map_err(|e| failed(m.version)(e.into()))?;
    }
    // A library whose rules of who may do what are set up gets them on its new tables too.
    let ruled: Option<String> = tx
        .query_one("SELECT CAST(to_regclass('yusuan_members') AS TEXT)", &[])?
        .get(0);
    if ruled.is_some() {
        tx.batch_execute(crate::access::ACCESS)?;
    }
    tx.execute("DELETE FROM yusuan_schema", &[])?;
    tx.execute("INSERT INTO yusuan_schema (version) VALUES ($1)", &[&last])?;
    tx.commit()?;
    Ok(last)
}

/// The schema version of a library on a server.
pub(crate) fn server_version(client: &mut postgres::Client) -> Result<i64, StoreError> {
    Ok(client
        .query_one("SELECT COALESCE(MAX(version), 0) FROM yusuan_schema", &[])?
        .get(0))
}
