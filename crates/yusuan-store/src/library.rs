//! The library of documents: insert (atomically), list, read back, delete — the same statements
//! on a desk's SQLite file and on a bureau's PostgreSQL server ([`crate::sql`]).

use crate::sql::{Engine, Record, Value};
use crate::StoreError;
use yusuan_domain::{Amount, Cell, DocKind, Document, Scope};

/// An open library database.
pub struct Store {
    pub(crate) engine: Engine,
    /// Each draft's state as this connection last read it (a hash): an edit based on an older
    /// read — another window or command wrote in between — is refused, not written over it.
    pub(crate) seen: std::cell::RefCell<std::collections::HashMap<i64, u64>>,
    /// On a server, the user the server knows this connection as: every edit and export is
    /// attributed to it (on a desk's file, to the OS user the caller names).
    pub(crate) who: Option<String>,
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

/// One document of a library listing (as the UI and `--format json` receive it too).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct DocumentSummary {
    /// Id in its library.
    #[ts(type = "number")]
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
    /// Regional format (Chinese).
    pub format: String,
    /// The file it came from.
    pub source_name: String,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// Number of tables.
    #[ts(type = "number")]
    pub tables: i64,
    /// Number of amounts in its tables.
    #[ts(type = "number")]
    pub amounts: i64,
}

/// A stored document's row after its hash (a new row) or its id (a replaced one): source_name,
/// title, department, year, kind, scope, format, imported_at, model_json, report_json. `id`
/// names the document when its model cannot be written.
fn document_values(new: &NewDocument<'_>, id: i64) -> Result<Vec<Value>, StoreError> {
    let doc = new.document;
    let model_json = serde_json::to_string(doc).map_err(|e| StoreError::Corrupt {
        id,
        reason: e.to_string(),
    })?;
    let text = |s: &str| Value::from(s.to_string());
    Ok(vec![
        text(new.source_name),
        text(&doc.meta.title),
        text(&doc.meta.department),
        Value::from(doc.meta.year),
        text(kind_str(doc.meta.kind)),
        text(scope_str(doc.meta.scope)),
        Value::from(doc.meta.format.label()),
        text(new.imported_at),
        Value::from(model_json),
        text(new.report_json),
    ])
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

impl Store {
    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        match &self.engine {
            Engine::Sqlite(c) => Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?),
            Engine::Postgres(s) => crate::migrate::server_version(s.borrow_mut().client()),
        }
    }

    /// The documents of a department, its name compared without spaces: (id, year), with the
    /// department of `id` found first. Empty when `id` is not stored.
    pub fn same_department(&self, id: i64) -> Result<Vec<(i64, i32)>, StoreError> {
        // Spaces of every kind a printed name may carry (ASCII, full-width, tabs).
        const COMPACT: &str = "replace(replace(replace(department, ' ', ''), ?2, ''), ?3, '')";
        let rows = self.engine.query(
            &format!(
                "SELECT id, year FROM documents WHERE {COMPACT} = (SELECT {COMPACT} FROM documents WHERE id = ?1) ORDER BY year, id"
            ),
            &[id.into(), "\u{3000}".into(), "\t".into()],
        )?;
        rows.iter().map(|r| Ok((r.int(0)?, r.int32(1)?))).collect()
    }

    /// The id of a document with this content hash, if one was imported (as the document, or
    /// as the second file of a disclosure published in two, joined to it).
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>, StoreError> {
        self.engine
            .query_one(
                "SELECT id FROM documents WHERE content_hash = ?1 UNION ALL SELECT doc_id FROM joined_files WHERE content_hash = ?1",
                &[hash.into()],
            )?
            .map(|r| r.int(0))
            .transpose()
    }

    /// Stores a document and all its amounts in one transaction; returns its id.
    pub fn insert(&mut self, new: &NewDocument<'_>) -> Result<i64, StoreError> {
        if let Some(existing) = self.find_by_hash(new.content_hash)? {
            return Err(StoreError::Duplicate { existing });
        }
        let mut values = vec![Value::from(new.content_hash.to_string())];
        values.extend(document_values(new, 0)?);
        values.push(self.who.as_deref().into());
        let tx = self.engine.begin()?;
        let id = tx
            .query_one(
                "INSERT INTO documents (content_hash, source_name, title, department, year, kind, scope, format,
                                        imported_at, model_json, report_json, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                &values,
            )?
            .ok_or_else(|| StoreError::Engine("新文档没有编号".into()))?
            .int(0)?;
        write_tables(tx.engine(), id, new.document)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces a stored document's content (its model, tables and amounts) in one transaction,
    /// keeping its id (drafts made from it keep their link) and content hash: a disclosure whose
    /// narrative and tables came as two files, joined. `new.content_hash` is the joining file's,
    /// kept beside the document's own so that either file is recognised when imported again.
    pub fn replace(&mut self, id: i64, new: &NewDocument<'_>) -> Result<(), StoreError> {
        let doc = new.document;
        let mut values = vec![Value::from(id)];
        values.extend(document_values(new, id)?);
        let tx = self.engine.begin()?;
        let n = tx.execute(
            "UPDATE documents SET source_name = ?2, title = ?3, department = ?4, year = ?5, kind = ?6, scope = ?7, format = ?8,
                                  imported_at = ?9, model_json = ?10, report_json = ?11
             WHERE id = ?1",
            &values,
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(id));
        }
        tx.execute("DELETE FROM amounts WHERE doc_id = ?1", &[id.into()])?;
        tx.execute("DELETE FROM doc_tables WHERE doc_id = ?1", &[id.into()])?;
        write_tables(tx.engine(), id, doc)?;
        let own = tx.query_one(
            "SELECT 1 FROM documents WHERE content_hash = ?1",
            &[new.content_hash.into()],
        )?;
        if own.is_none() {
            tx.execute(
                "INSERT INTO joined_files (content_hash, doc_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                &[new.content_hash.into(), id.into()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Every document, by department, year and id.
    pub fn list(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let rows = self.engine.query(
            "SELECT d.id, d.title, d.department, d.year, d.kind, d.scope, d.format, d.source_name, d.imported_at,
                    d.table_count, d.amount_count
             FROM documents d ORDER BY d.department, d.year, d.id",
            &[],
        )?;
        rows.iter().map(summary_of).collect()
    }

    /// Reads a whole document back.
    pub fn get(&self, id: i64) -> Result<Document, StoreError> {
        let json = self.document_text(id, "model_json")?;
        serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
            id,
            reason: e.to_string(),
        })
    }

    /// One text column of a stored document (the column named by the caller, never by input).
    fn document_text(&self, id: i64, column: &'static str) -> Result<String, StoreError> {
        self.engine
            .query_one(
                &format!("SELECT {column} FROM documents WHERE id = ?1"),
                &[id.into()],
            )?
            .ok_or(StoreError::NotFound(id))?
            .text(0)
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
            .engine
            .execute("DELETE FROM documents WHERE id = ?1", &[id.into()])?;
        if n == 0 {
            return Err(StoreError::NotFound(id));
        }
        Ok(())
    }

    /// The number of stored amounts of a document, and their exact total in 元 as text
    /// (used by tests to prove the long form matches the model).
    pub fn amount_rows(&self, id: i64) -> Result<Vec<(String, String, String)>, StoreError> {
        let rows = self.engine.query(
            "SELECT row_label, column_name, value_yuan FROM amounts WHERE doc_id = ?1
             ORDER BY table_idx, row_idx, col_idx",
            &[id.into()],
        )?;
        rows.iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?)))
            .collect()
    }
}

/// A line of the listing from its row.
fn summary_of(r: &Record) -> Result<DocumentSummary, StoreError> {
    Ok(DocumentSummary {
        id: r.int(0)?,
        title: r.text(1)?,
        department: r.text(2)?,
        year: r.int32(3)?,
        kind: r.text(4)?,
        scope: r.text(5)?,
        format: r.text(6)?,
        source_name: r.text(7)?,
        imported_at: r.text(8)?,
        tables: r.int(9)?,
        amounts: r.int(10)?,
    })
}

/// Writes a document's tables and every amount in long form (inside the caller's transaction),
/// many rows a statement.
fn write_tables(db: &Engine, id: i64, doc: &Document) -> Result<(), StoreError> {
    let mut tables: Vec<Value> = Vec::new();
    let mut amounts: Vec<Value> = Vec::new();
    for (ti, table) in doc.tables.iter().enumerate() {
        let kind = serde_json::to_value(table.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        tables.extend([
            id.into(),
            (ti as i64).into(),
            table.title.as_str().into(),
            kind.unwrap_or_default().into(),
            table.unit.as_str().into(),
            (table.rows.len() as i64).into(),
        ]);
        for (ri, row) in table.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate() {
                if let Cell::Amount { value, printed } = cell {
                    let column = table.columns.get(ci).map(|c| c.name()).unwrap_or_default();
                    let amount = Amount {
                        value: *value,
                        unit: table.unit,
                    };
                    amounts.extend([
                        id.into(),
                        (ti as i64).into(),
                        (ri as i64).into(),
                        (ci as i64).into(),
                        row.code.as_ref().map(|c| c.as_str()).into(),
                        row.label.as_str().into(),
                        column.into(),
                        table.unit.as_str().into(),
                        value.to_string().into(),
                        amount.to_yuan().to_string().into(),
                        printed.as_str().into(),
                        row.location.page.map(i64::from).into(),
                        row.location.line.map(i64::from).into(),
                    ]);
                }
            }
        }
    }
    db.insert_rows(
        "INSERT INTO doc_tables (doc_id, idx, title, kind, unit, row_count) VALUES",
        6,
        &tables,
    )?;
    db.insert_rows(
        "INSERT INTO amounts (doc_id, table_idx, row_idx, col_idx, row_code, row_label, column_name, unit,
                              value, value_yuan, printed, page, line) VALUES",
        13,
        &amounts,
    )?;
    // The list's counts, kept with the document.
    db.execute(
        "UPDATE documents SET table_count = (SELECT COUNT(*) FROM doc_tables WHERE doc_id = ?1), amount_count = (SELECT COUNT(*) FROM amounts WHERE doc_id = ?1) WHERE id = ?1",
        &[id.into()],
    )?;
    Ok(())
}
