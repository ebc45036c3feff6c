//! A desk's library: one SQLite file (bundled SQLite, WAL, foreign keys on), opened and
//! upgraded with a copy of it kept first, backed up whole by `VACUUM INTO` and restored from such
//! a copy. What only a file can do is refused, with a reason, on a library kept on a server.

use crate::sql::Engine;
use crate::{migrate, Store, StoreError, MIGRATIONS};
use rusqlite::Connection;
use std::path::Path;

/// The folder beside a library where its backups go (`备份/`).
pub fn backup_dir(library: &Path) -> std::path::PathBuf {
    library
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("备份")
}

/// A free name in `dir` for `stem` (`stem.db`, else `stem-2.db` …).
fn free_name(dir: &Path, stem: &str) -> std::path::PathBuf {
    let mut path = dir.join(format!("{stem}.db"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stem}-{n}.db"));
    }
    path
}

/// A library about to be upgraded is copied first, as it is, to `备份/预算库-升级前-第N版.db`: an
/// upgrade that a user regrets, or that a later version gets wrong, loses nothing. Nothing is
/// upgraded when the copy cannot be made.
fn backup_before_migrating(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = MIGRATIONS.last().map_or(0, |m| m.version);
    if current == 0 || current >= latest {
        return Ok(());
    }
    let dir = backup_dir(path);
    let fail = |e: String| StoreError::Open {
        path: path.to_path_buf(),
        source: rusqlite::Error::ToSqlConversionFailure(
            format!(
                "升级前无法备份到 {}：{e}；预算库未作任何修改",
                dir.display()
            )
            .into(),
        ),
    };
    std::fs::create_dir_all(&dir).map_err(|e| fail(e.to_string()))?;
    let to = free_name(&dir, &format!("预算库-升级前-第{current}版"));
    conn.execute("VACUUM INTO ?1", [to.to_string_lossy()])
        .map_err(|e| fail(e.to_string()))?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the library at `path` and brings its schema up to date (a
    /// library of an older version is backed up first).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                    path: path.to_path_buf(),
                    source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
                })?;
            }
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        backup_before_migrating(&conn, path)?;
        Store::setup(conn, &path.display().to_string())
    }

    /// A library in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, ":memory:")
    }

    fn setup(mut conn: Connection, name: &str) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // journal_mode returns a row; in-memory databases answer "memory".
        let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL with NORMAL sync: a crash can lose the last commit but never corrupts the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate(&mut conn, MIGRATIONS, name)?;
        Ok(Store {
            engine: Engine::Sqlite(conn),
            seen: Default::default(),
            who: None,
        })
    }

    /// The library's SQLite connection; on a server, `what` is refused.
    fn file(&self, what: &'static str) -> Result<&Connection, StoreError> {
        match &self.engine {
            Engine::Sqlite(c) => Ok(c),
            Engine::Postgres(_) => Err(StoreError::NotOnServer { what }),
        }
    }

    fn file_mut(&mut self) -> Result<&mut Connection, StoreError> {
        match &mut self.engine {
            Engine::Sqlite(c) => Ok(c),
            Engine::Postgres(_) => Err(StoreError::NotOnServer {
                what: "从备份恢复"
            }),
        }
    }

    /// Writes a consistent copy of the whole library to `path` (which must not exist): SQLite's
    /// `VACUUM INTO`, safe while the library is open.
    pub fn backup_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        self.file("备份到文件")?
            .execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        Ok(())
    }

    /// Replaces the whole library with a backup of it (SQLite's backup API, so other open
    /// connections see the restored library, never a half-copied file), then brings it up to
    /// this version's schema. The file must be a Yusuan library this version can read; nothing
    /// changes otherwise.
    pub fn restore_from(&mut self, backup: &Path) -> Result<(), StoreError> {
        self.file("从备份恢复")?;
        let refused = |why: String| StoreError::NotALibrary {
            path: backup.to_path_buf(),
            why,
        };
        let src = Connection::open_with_flags(backup, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| refused(e.to_string()))?;
        let version: i64 = src
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| refused(e.to_string()))?;
        let latest = MIGRATIONS.last().map_or(0, |m| m.version);
        let has_documents: bool = src
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(|e| refused(e.to_string()))?;
        if version == 0 || !has_documents {
            return Err(refused("不是预算库（没有文档表）".into()));
        }
        if version > latest {
            return Err(refused(format!(
                "由更新版本的预算软件创建（结构版本 {version}，本程序支持到 {latest}）"
            )));
        }
        drop(src);
        let conn = self.file_mut()?;
        conn.restore(
            rusqlite::MAIN_DB,
            backup,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        migrate(conn, MIGRATIONS, &backup.display().to_string())?;
        self.seen.borrow_mut().clear();
        Ok(())
    }
}
