//! Transport types for the UI and for `--format json`. Amounts are decimal strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One document of a library listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
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

impl From<yusuan_store::DocumentSummary> for DocumentSummary {
    fn from(d: yusuan_store::DocumentSummary) -> Self {
        DocumentSummary {
            id: d.id,
            title: d.title,
            department: d.department,
            year: d.year,
            kind: d.kind,
            scope: d.scope,
            format: d.format,
            source_name: d.source_name,
            imported_at: d.imported_at,
            tables: d.tables,
            amounts: d.amounts,
        }
    }
}

/// A library the app can show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryInfo {
    /// `user` or `examples`.
    pub id: String,
    /// 我的预算库 / 示例库.
    pub name: String,
    /// The database file.
    pub path: String,
    /// How many documents it holds.
    pub documents: usize,
}

/// What the 导出 panel sends.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ExportArgs {
    /// `draft:N` or a document id of 我的预算库.
    pub reference: String,
    /// `pdf` or `xlsx`.
    pub format: String,
    /// A file name (written in the export folder) or a full path.
    pub file: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Explanations of 警告 by rule.
    pub explanations: std::collections::BTreeMap<String, String>,
}

/// An export: the file written, or why it was refused with the findings that refused it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportResult {
    /// The outcome when written.
    pub outcome: Option<crate::ExportOutcome>,
    /// Why it was refused.
    pub refused: Option<String>,
    /// The findings that refused it.
    pub findings: Vec<yusuan_check::Finding>,
}
