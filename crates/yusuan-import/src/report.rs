//! The import report: what was recognised, what was kept as text, and warnings.

use ts_rs::TS;
use serde::{Deserialize, Serialize};
use yusuan_domain::{Document, Location};

/// One reported item: a message with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportItem {
    /// What, in Chinese.
    pub message: String,
    /// Where.
    pub location: Location,
    /// What the warning is about, for a later pass that settles it (never the message's words).
    #[serde(skip)]
    #[ts(skip)]
    pub about: Option<Undecided>,
}

/// A row whose values the table alone could not place in their columns: a later pass that
/// places them (from the document's other tables) withdraws the warning by this, not by text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecided {
    /// The table's title.
    pub table: String,
    /// The row's label.
    pub row: String,
}


/// The report of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    /// The file imported.
    pub file: String,
    /// Number of tables recognised.
    pub tables: usize,
    /// Number of table rows.
    pub rows: usize,
    /// Number of amounts in tables.
    pub amounts: usize,
    /// Number of narrative sections.
    pub sections: usize,
    /// Number of project descriptions.
    pub projects: usize,
    /// Number of performance forms.
    pub forms: usize,
    /// Number of performance indicators.
    pub indicators: usize,
    /// Text kept but not understood.
    pub unrecognised: Vec<ReportItem>,
    /// Things the user should look at.
    pub warnings: Vec<ReportItem>,
    /// Ambiguities of the extracted text that the importer resolved with evidence (e.g. the
    /// column of a number decided by the sub-rows' sums); worth a glance, not a problem.
    #[serde(default)]
    pub notes: Vec<ReportItem>,
}

impl ImportReport {
    /// Counts what `doc` holds.
    pub fn tally(file: &str, doc: &Document, warnings: Vec<ReportItem>) -> ImportReport {
        ImportReport {
            file: file.to_string(),
            tables: doc.tables.len(),
            rows: doc.tables.iter().map(|t| t.rows.len()).sum(),
            amounts: doc.tables.iter().map(|t| t.amount_count()).sum(),
            sections: doc.sections.len(),
            projects: doc.projects.len(),
            forms: doc.performance_forms.len(),
            indicators: doc.performance_forms.iter().map(|f| f.indicators.len()).sum(),
            unrecognised: doc
                .unrecognised
                .iter()
                .map(|u| ReportItem { message: u.text.clone(), location: u.location, about: None })
                .collect(),
            warnings,
            notes: vec![],
        }
    }
}
