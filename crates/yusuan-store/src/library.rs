//! The library of documents: insert (atomically), list, read back, delete.

use crate::{migrate, StoreError, MIGRATIONS};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use yusuan_domain::{Amount, Cell, DocKind, Document, Scope};

/// An open library database.
pub struct Store {
    pub(crate) conn: Connection,
    /// Each draft's state as this connection last read it (a hash): an edit based on an older
    /// read — another window or command wrote in between — is refused, not written over it.
    pub(crate) seen: std::cell::RefCell<std::collections::HashMap<i64, u64>>,
}

/// A document to store, with what the caller knows about where it came from.
pub struct NewDocument<'a> {
    /// The model.
    pub document: &'a Document,
    /// The file name it was imported from.
    pub source_name: &'a str,
    /// SHA-256 of the file's bytes, hex (detects a second import of the same file).
    pub content_hash: &'a str,
    /// When it was imported (RFC 3339, supplied by the caller: the store reads no clock).
    pub imported_at: &'a str,
    /// The import report, as JSON.
    pub report_json: &'a str,
}

/// One line of the library listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    /// The document's id in this library.
    pub id: i64,
    /// Cover title.
    pub title: String,
    /// 预算主管部门.
    pub department: String,
    /// Budget year.
    pub year: i32,
    /// 预算 / 决算.
    pub kind: String,
    /// 部门 / 单位.
    pub scope: String,
    /// Regional format, in Chinese.
    pub format: String,
    /// File it came from.
    pub source_name: String,
    /// When it was imported.
    pub imported_at: String,
    /// Number of tables.
    pub tables: i64,
    /// Number of amounts in its tables.
    pub amounts: i64,
}

fn kind_str(k: DocKind) -> &'static str {
    match k {
        DocKind::Budget => "预算",
        DocKind::FinalAccounts => "决算",
    }
}

fn scope_str(s: Scope) -> &'static str {
    match s {
        Scope::Department => "部门",
        Scope::Unit => "单位",
    }
}

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
            conn,
            seen: Default::default(),
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The documents of a department, its name compared without spaces: (id, year), with the
    /// department of `id` found first. Empty when `id` is not stored.
    pub fn same_department(&self, id: i64) -> Result<Vec<(i64, i32)>, StoreError> {
        // Spaces of every kind a printed name may carry (ASCII, full-width, tabs).
        const COMPACT: &str =
            "replace(replace(replace(department, ' ', ''), '\u{3000}', ''), char(9), '')";
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, year FROM documents WHERE {COMPACT} = (SELECT {COMPACT} FROM documents WHERE id = ?1) ORDER BY year, id"
        ))?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The id of a document with this content hash, if one was imported (as the document, or
    /// as the second file of a disclosure published in two, joined to it).
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1 UNION ALL SELECT doc_id FROM joined_files WHERE content_hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores a document and all its amounts in one transaction; returns its id.
    pub fn insert(&mut self, new: &NewDocument<'_>) -> Result<i64, StoreError> {
        if let Some(existing) = self.find_by_hash(new.content_hash)? {
            return Err(StoreError::Duplicate { existing });
        }
        let doc = new.document;
        let model_json = serde_json::to_string(doc).map_err(|e| StoreError::Corrupt {
            id: 0,
            reason: e.to_string(),
        })?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO documents (content_hash, source_name, title, department, year, kind, scope, format,
                                    imported_at, model_json, report_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                new.content_hash,
                new.source_name,
                doc.meta.title,
                doc.meta.department,
                doc.meta.year,
                kind_str(doc.meta.kind),
                scope_str(doc.meta.scope),
                doc.meta.format.label(),
                new.imported_at,
                model_json,
                new.report_json
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_tables(&tx, id, doc)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a stored document's content (its model, tables and amounts) in one transaction,
    /// keeping its id (drafts made from it keep their link) and content hash: a disclosure whose
    /// narrative and tables came as two files, joined. `new.content_hash` is the joining file's,
    /// kept beside the document's own so that either file is recognised when imported again.
    pub fn replace(&mut self, id: i64, new: &NewDocument<'_>) -> Result<(), StoreError> {
        let doc = new.document;
        let model_json = serde_json::to_string(doc).map_err(|e| StoreError::Corrupt {
            id,
            reason: e.to_string(),
        })?;
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "UPDATE documents SET source_name = ?2, title = ?3, department = ?4, year = ?5, kind = ?6, scope = ?7, format = ?8,
                                  imported_at = ?9, model_json = ?10, report_json = ?11
             WHERE id = ?1",
            params![
                id,
                new.source_name,
                doc.meta.title,
                doc.meta.department,
                doc.meta.year,
                kind_str(doc.meta.kind),
                scope_str(doc.meta.scope),
                doc.meta.format.label(),
                new.imported_at,
                model_json,
                new.report_json
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(id));
        }
        tx.execute("DELETE FROM amounts WHERE doc_id = ?1", [id])?;
        tx.execute("DELETE FROM doc_tables WHERE doc_id = ?1", [id])?;
        write_tables(&tx, id, doc)?;
        tx.execute(
            "INSERT OR IGNORE INTO joined_files (content_hash, doc_id)
             SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM documents WHERE content_hash = ?1)",
            params![new.content_hash, id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every document, by department, year and id.
    pub fn list(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.title, d.department, d.year, d.kind, d.scope, d.format, d.source_name, d.imported_at,
                    d.table_count, d.amount_count
             FROM documents d ORDER BY d.department, d.year, d.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                department: r.get(2)?,
                year: r.get(3)?,
                kind: r.get(4)?,
                scope: r.get(5)?,
                format: r.get(6)?,
                source_name: r.get(7)?,
                imported_at: r.get(8)?,
                tables: r.get(9)?,
                amounts: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Reads a whole document back.
    pub fn get(&self, id: i64) -> Result<Document, StoreError> {
        let json: String = self
            .conn
            .query_row(
                "SELECT model_json FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound(id))?;
        serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
            id,
            reason: e.to_string(),
        })
    }

    /// Writes a consistent copy of the whole library to `path` (which must not exist): SQLite's
    /// `VACUUM INTO`, safe while the library is open.
    pub fn backup_to(&self, path: &std::path::Path) -> Result<(), StoreError> {
        self.conn
            .execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        Ok(())
    }

    /// Replaces the whole library with a backup of it (SQLite's backup API, so other open
    /// connections see the restored library, never a half-copied file), then brings it up to
    /// this version's schema. The file must be a Yusuan library this version can read; nothing
    /// changes otherwise.
    pub fn restore_from(&mut self, backup: &Path) -> Result<(), StoreError> {
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
        self.conn.restore(
            rusqlite::MAIN_DB,
            backup,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        migrate(&mut self.conn, MIGRATIONS, &backup.display().to_string())?;
        self.seen.borrow_mut().clear();
        Ok(())
    }

    /// One text column of a stored document (the column named by the caller, never by input).
    fn document_text(&self, id: i64, column: &'static str) -> Result<String, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {column} FROM documents WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound(id))
    }

    /// The content hash a document was stored with.
    pub fn content_hash(&self, id: i64) -> Result<String, StoreError> {
        self.document_text(id, "content_hash")
    }

    /// The file name a document was imported from.
    pub fn source_name(&self, id: i64) -> Result<String, StoreError> {
        self.document_text(id, "source_name")
    }

    /// The import report stored with a document (JSON).
    pub fn report_json(&self, id: i64) -> Result<String, StoreError> {
        self.document_text(id, "report_json")
    }

    /// Removes a document and its amounts.
    pub fn delete(&mut self, id: i64) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM documents WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    /// The number of stored amounts of a document, and their exact total in 元 as text
    /// (used by tests to prove the long form matches the model).
    pub fn amount_rows(&self, id: i64) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT row_label, column_name, value_yuan FROM amounts WHERE doc_id = ?1
             ORDER BY table_idx, row_idx, col_idx",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Writes a document's tables and every amount in long form (inside the caller's transaction).
fn write_tables(tx: &rusqlite::Transaction<'_>, id: i64, doc: &Document) -> Result<(), StoreError> {
    let mut table_stmt = tx.prepare(
        "INSERT INTO doc_tables (doc_id, idx, title, kind, unit, row_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut amount_stmt = tx.prepare(
        "INSERT INTO amounts (doc_id, table_idx, row_idx, col_idx, row_code, row_label, column_name, unit,
                              value, value_yuan, printed, page, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (ti, table) in doc.tables.iter().enumerate() {
        let kind = serde_json::to_value(table.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        table_stmt.execute(params![
            id,
            ti as i64,
            table.title,
            kind.unwrap_or_default(),
            table.unit.as_str(),
            table.rows.len() as i64
        ])?;
        for (ri, row) in table.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate() {
                if let Cell::Amount { value, printed } = cell {
                    let column = table.columns.get(ci).map(|c| c.name()).unwrap_or_default();
                    let amount = Amount {
                        value: *value,
                        unit: table.unit,
                    };
                    amount_stmt.execute(params![
                        id,
                        ti as i64,
                        ri as i64,
                        ci as i64,
                        row.code.as_ref().map(|c| c.as_str().to_string()),
                        row.label,
                        column,
                        table.unit.as_str(),
                        value.to_string(),
                        amount.to_yuan().to_string(),
                        printed,
                        row.location.page,
                        row.location.line
                    ])?;
                }
            }
        }
    }
    drop((table_stmt, amount_stmt));
    // The list's counts, kept with the document.
    tx.execute(
        "UPDATE documents SET table_count = (SELECT COUNT(*) FROM doc_tables WHERE doc_id = ?1), amount_count = (SELECT COUNT(*) FROM amounts WHERE doc_id = ?1) WHERE id = ?1",
        [id],
    )?;
    Ok(())
}
