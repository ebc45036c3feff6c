//! One SQL interface over the two engines a library lives in: the embedded SQLite file of a
//! desk, or the PostgreSQL database a bureau's IT runs. Every statement of the store is written
//! once, with SQLite's numbered placeholders (`?1`), and run on either; values cross as
//! [`Value`]s and rows come back as [`Record`]s read by column index. Transactions are the
//! engine's own (`BEGIN IMMEDIATE` on SQLite, row locks `FOR UPDATE` on PostgreSQL), ended by
//! `commit` or rolled back when dropped. The engines differ only where this module says so:
//! placeholders, the schema version's home, the DDL of the migrations ([`postgres_ddl`]).

use crate::StoreError;
use std::cell::RefCell;

/// A value sent to or read from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// An integer (ids, years, counts, 0/1 flags).
    Int(i64),
    /// Text (every amount is exact decimal text).
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<i32> for Value {
    fn from(v: i32) -> Value {
        Value::Int(v.into())
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Int(v.into())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// One row of a result, its columns in the query's order.
#[derive(Debug, Clone)]
pub struct Record(Vec<Value>);

impl Record {
    fn at(&self, i: usize) -> Result<&Value, StoreError> {
        self.0
            .get(i)
            .ok_or_else(|| StoreError::Engine(format!("查询结果没有第 {} 列", i + 1)))
    }

    /// An integer column that may be NULL.
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            Value::Text(t) => Err(StoreError::Engine(format!(
                "第 {} 列应为整数，实为文本“{t}”",
                i + 1
            ))),
        }
    }

    /// An integer column.
    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.opt_int(i)?
            .ok_or_else(|| StoreError::Engine(format!("第 {} 列为空，应为整数", i + 1)))
    }

    /// A year (or another small integer) column.
    pub fn int32(&self, i: usize) -> Result<i32, StoreError> {
        let v = self.int(i)?;
        i32::try_from(v).map_err(|_| StoreError::Engine(format!("第 {} 列的 {v} 超出范围", i + 1)))
    }

    /// A 0/1 flag column.
    pub fn flag(&self, i: usize) -> Result<bool, StoreError> {
        Ok(self.int(i)? != 0)
    }

    /// A text column that may be NULL.
    pub fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        match self.at(i)? {
            Value::Null => Ok(None),
            Value::Text(t) => Ok(Some(t.clone())),
            Value::Int(v) => Err(StoreError::Engine(format!(
                "第 {} 列应为文本，实为整数 {v}",
                i + 1
            ))),
        }
    }

    /// A text column.
    pub fn text(&self, i: usize) -> Result<String, StoreError> {
        self.opt_text(i)?
            .ok_or_else(|| StoreError::Engine(format!("第 {} 列为空，应为文本", i + 1)))
    }
}

/// Which engine a library lives in.
pub(crate) enum Engine {
    /// The desk's file.
    Sqlite(rusqlite::Connection),
    /// A bureau's server (its client used by one caller at a time, as SQLite's connection is).
    Postgres(Box<RefCell<Server>>),
}

/// A connection to a library's server, with the statements it has prepared (each statement is
/// parsed once per connection, as SQLite's cached statements are).
pub(crate) struct Server {
    client: postgres::Client,
    prepared: std::collections::HashMap<String, postgres::Statement>,
}

impl Server {
    pub(crate) fn new(client: postgres::Client) -> Server {
        Server {
            client,
            prepared: Default::default(),
        }
    }

    /// The client, for what only the server does (its schema version).
    pub(crate) fn client(&mut self) -> &mut postgres::Client {
        &mut self.client
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, postgres::Error> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&numbered_dollars(sql))?;
        self.prepared.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.execute(&s, &pg_params(params))
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value],
    ) -> Result<Vec<postgres::Row>, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.query(&s, &pg_params(params))
    }
}

impl Engine {
    /// Runs a statement; the number of rows it changed.
    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        match self {
            Engine::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Engine::Postgres(c) => c.borrow_mut().execute(sql, params).map_err(refused),
        }
    }

    /// Runs a query; every row.
    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Record>, StoreError> {
        match self {
            Engine::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let width = stmt.column_count();
                let rows = stmt.query_map(rusqlite::params_from_iter(params.iter()), |r| {
                    (0..width)
                        .map(|i| sqlite_value(r, i))
                        .collect::<Result<_, _>>()
                        .map(Record)
                })?;
                Ok(rows.collect::<Result<_, _>>()?)
            }
            Engine::Postgres(c) => c
                .borrow_mut()
                .query(sql, params)
                .map_err(refused)?
                .iter()
                .map(pg_record)
                .collect(),
        }
    }

    /// Inserts rows of `width` values each (`values` holds them one after another) by statements
    /// of many rows — a round trip to a server per 256 rows, not per row. `head` is the statement
    /// up to its values (`INSERT INTO t (a, b) VALUES`). The rows left after the full statements go
    /// in halves (128, 64, … 1), so no more than nine shapes of statement are ever prepared.
    pub(crate) fn insert_rows(
        &self,
        head: &str,
        width: usize,
        values: &[Value],
    ) -> Result<(), StoreError> {
        const CHUNK: usize = 256;
        let mut rest = values;
        while !rest.is_empty() {
            let rows = rest.len() / width;
            let take = if rows >= CHUNK {
                CHUNK
            } else {
                1 << rows.ilog2()
            };
            let (now, later) = rest.split_at(take * width);
            self.execute(&rows_statement(head, width, take), now)?;
            rest = later;
        }
        Ok(())
    }

    /// The first row of a query, if any.
    pub(crate) fn query_one(
        &self,
        sql: &str,
        params: &[Value],
    ) -> Result<Option<Record>, StoreError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs several statements (no parameters): a migration.
    pub(crate) fn batch(&self, sql: &str) -> Result<(), StoreError> {
        match self {
            Engine::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Engine::Postgres(c) => c.borrow_mut().client.batch_execute(sql).map_err(refused),
        }
    }

    /// Starts a transaction that writes: on SQLite the write lock is taken at once (`BEGIN
    /// IMMEDIATE`), so no one writes between its reads and its writes; on PostgreSQL the rows it
    /// reads to decide are locked by [`Engine::for_update`].
    pub(crate) fn begin(&self) -> Result<Tx<'_>, StoreError> {
        self.batch(match self {
            Engine::Sqlite(_) => "BEGIN IMMEDIATE",
            Engine::Postgres(_) => "BEGIN",
        })?;
        Ok(Tx {
            engine: self,
            open: true,
        })
    }

    /// What a query that reads a row to decide a write ends with: PostgreSQL's row lock (SQLite's
    /// immediate transaction already holds the whole file).
    pub(crate) fn for_update(&self) -> &'static str {
        match self {
            Engine::Sqlite(_) => "",
            Engine::Postgres(_) => " FOR UPDATE",
        }
    }

    /// Whether this is the desk's SQLite file.
    pub(crate) fn is_sqlite(&self) -> bool {
        matches!(self, Engine::Sqlite(_))
    }
}

/// An open transaction: rolled back when dropped without [`Tx::commit`].
pub(crate) struct Tx<'a> {
    engine: &'a Engine,
    open: bool,
}

impl Tx<'_> {
    /// The engine, for statements inside the transaction.
    pub(crate) fn engine(&self) -> &Engine {
        self.engine
    }

    /// Runs a statement inside the transaction.
    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        self.engine.execute(sql, params)
    }

    /// Runs a query inside the transaction: every row.
    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Record>, StoreError> {
        self.engine.query(sql, params)
    }

    /// Runs a query inside the transaction: its first row.
    pub(crate) fn query_one(
        &self,
        sql: &str,
        params: &[Value],
    ) -> Result<Option<Record>, StoreError> {
        self.engine.query_one(sql, params)
    }

    /// Makes every change of the transaction permanent.
    pub(crate) fn commit(mut self) -> Result<(), StoreError> {
        self.open = false;
        self.engine.batch("COMMIT")
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing to report: the changes are gone either way, and the caller reports why.
            let _ = self.engine.batch("ROLLBACK");
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

fn sqlite_value(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Value> {
    use rusqlite::types::ValueRef;
    Ok(match r.get_ref(i)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(v) => Value::Int(v),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Real(_) | ValueRef::Blob(_) => {
            return Err(rusqlite::Error::InvalidColumnType(
                i,
                r.as_ref().column_name(i)?.to_string(),
                r.get_ref(i)?.data_type(),
            ))
        }
    })
}

impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) if *ty == Type::INT4 => i32::try_from(*v)?.to_sql(ty, out),
            Value::Int(v) if *ty == Type::INT2 => i16::try_from(*v)?.to_sql(ty, out),
            Value::Int(v) if *ty == Type::BOOL => (*v != 0).to_sql(ty, out),
            Value::Int(v) if *ty == Type::INT8 => v.to_sql(ty, out),
            Value::Int(v) => Err(format!("整数 {v} 不能写入 {ty} 类型的列").into()),
            Value::Text(t) => t.as_str().to_sql(ty, out),
        }
    }

    fn accepts(ty: &postgres::types::Type) -> bool {
        use postgres::types::Type;
        [
            Type::INT2,
            Type::INT4,
            Type::INT8,
            Type::TEXT,
            Type::VARCHAR,
            Type::BPCHAR,
            Type::NAME,
            Type::BOOL,
        ]
        .contains(ty)
    }

    postgres::types::to_sql_checked!();
}

fn pg_params(params: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| p as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

fn pg_record(row: &postgres::Row) -> Result<Record, StoreError> {
    use postgres::types::Type;
    let cell = |i: usize, ty: &Type| -> Result<Value, postgres::Error> {
        Ok(match *ty {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?.into(),
            Type::INT4 => row.try_get::<_, Option<i32>>(i)?.into(),
            Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map(i64::from).into(),
            Type::BOOL => row.try_get::<_, Option<bool>>(i)?.into(),
            _ => row.try_get::<_, Option<String>>(i)?.into(),
        })
    };
    let values = row
        .columns()
        .iter()
        .enumerate()
        .map(|(i, c)| cell(i, c.type_()))
        .collect::<Result<_, _>>()?;
    Ok(Record(values))
}

/// `head` followed by `rows` groups of `width` numbered placeholders.
fn rows_statement(head: &str, width: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * width * 6);
    sql.push_str(head);
    for r in 0..rows {
        sql.push_str(if r == 0 { " (" } else { ", (" });
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('?');
            sql.push_str(&(r * width + c + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

/// A server's error as the store reports it: a refusal by its rules of who may do what is said
/// as such.
pub(crate) fn refused(e: postgres::Error) -> StoreError {
    use postgres::error::SqlState;
    match e.as_db_error() {
        Some(db) if *db.code() == SqlState::INSUFFICIENT_PRIVILEGE => {
            StoreError::NotPermitted(db.message().to_string())
        }
        _ => StoreError::Postgres(e),
    }
}

/// SQLite's numbered placeholders (`?1`) as PostgreSQL's (`$1`), outside quoted text.
pub(crate) fn numbered_dollars(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// A migration's DDL, written for SQLite, as PostgreSQL runs it: a rowid key becomes an identity
/// column, and every integer a 64-bit one (SQLite's integers are; ids and counts are read as
/// `i64`). Nothing else of the migrations differs between the engines.
pub fn postgres_ddl(sqlite: &str) -> String {
    sqlite
        .replace(
            "INTEGER PRIMARY KEY",
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        )
        .replace("INTEGER", "BIGINT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres_outside_quotes() {
        assert_eq!(
            numbered_dollars("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12"
        );
        assert_eq!(
            numbered_dollars("SELECT '它''s ?' , ?3"),
            "SELECT '它''s ?' , $3"
        );
    }

    #[test]
    fn many_rows_go_in_few_statements_of_few_shapes() {
        assert_eq!(
            rows_statement("INSERT INTO t (a, b) VALUES", 2, 2),
            "INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4)"
        );
        let engine = Engine::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        engine.batch("CREATE TABLE t (a INTEGER, b TEXT)").unwrap();
        let values: Vec<Value> = (0..601_i64)
            .flat_map(|i| [Value::Int(i), Value::Text(format!("第{i}行"))])
            .collect();
        engine
            .insert_rows("INSERT INTO t (a, b) VALUES", 2, &values)
            .unwrap();
        let rows = engine.query("SELECT a, b FROM t ORDER BY a", &[]).unwrap();
        assert_eq!(rows.len(), 601);
        assert_eq!(rows[600].text(1).unwrap(), "第600行");
        assert_eq!(rows[257].int(0).unwrap(), 257);
    }

    #[test]
    fn the_migrations_ddl_reads_as_postgres() {
        let ddl = postgres_ddl(
            "CREATE TABLE d (\n    id INTEGER PRIMARY KEY,\n    doc_id INTEGER NOT NULL REFERENCES documents (id),\n    year INTEGER NOT NULL\n);",
        );
        assert_eq!(
            ddl,
            "CREATE TABLE d (\n    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    doc_id BIGINT NOT NULL REFERENCES documents (id),\n    year BIGINT NOT NULL\n);"
        );
    }

    #[test]
    fn values_convert_from_what_the_store_holds() {
        assert_eq!(Value::from(Some(3_i32)), Value::Int(3));
        assert_eq!(Value::from(None::<&str>), Value::Null);
        assert_eq!(Value::from(true), Value::Int(1));
        let r = Record(vec![
            Value::Int(2026),
            Value::Null,
            Value::Text("预算".into()),
        ]);
        assert_eq!(r.int32(0).unwrap(), 2026);
        assert_eq!(r.opt_int(1).unwrap(), None);
        assert_eq!(r.text(2).unwrap(), "预算");
        assert!(r.text(0).is_err() && r.int(2).is_err() && r.int(3).is_err());
    }
}
