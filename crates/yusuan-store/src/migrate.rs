//! Numbered, forward-only schema migrations, embedded in the binary.
//!
//! The schema version lives in SQLite's `user_version`. Pending migrations are applied in order
//! inside one transaction: either all of them land or none does.

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

/// Every migration of this build, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("../migrations/0001_library.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("../migrations/0002_drafts.sql"),
    },
    Migration {
        version: 3,
        sql: include_str!("../migrations/0003_exports.sql"),
    },
    Migration {
        version: 4,
        sql: include_str!("../migrations/0004_counts.sql"),
    },
    Migration {
        version: 5,
        sql: include_str!("../migrations/0005_joined_files.sql"),
    },
    Migration {
        version: 6,
        sql: include_str!("../migrations/0006_typed_edits.sql"),
    },
];

/// Brings `conn` up to the last of `migrations`. `path` names the database in messages.
///
/// Refuses (changing nothing) a database whose version is newer than the last migration.
pub fn migrate(
    conn: &mut Connection,
    migrations: &[Migration],
    path: &str,
) -> Result<i64, StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = migrations.last().map_or(0, |m| m.version);
    if current > latest {
        return Err(StoreError::NewerSchema {
            path: path.to_string(),
            found: current,
            supported: latest,
        });
    }
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > current).collect();
    if pending.is_empty() {
        return Ok(current);
    }
    let tx = conn.transaction()?;
    for m in &pending {
        tx.execute_batch(m.sql)
            .map_err(|source| StoreError::Migration {
                version: m.version,
                source,
            })?;
        tx.pragma_update(None, "user_version", m.version)
            .map_err(|source| StoreError::Migration {
                version: m.version,
                source,
            })?;
    }
    tx.commit()?;
    Ok(latest)
}
