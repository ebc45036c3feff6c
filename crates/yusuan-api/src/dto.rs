//! Transport types for the UI and for `--format json`. Amounts are decimal strings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One document of a library listing (the store's own line).
pub use yusuan_store::DocumentSummary;

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
