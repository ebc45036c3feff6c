//! Where something is in its source file.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// A place in the source document: 1-based page (when the source has pages) and line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Location {
    /// 1-based page number, when the source has pages (PDF, or page-break marks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub page: Option<u32>,
    /// 1-based line number in the (extracted) text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub line: Option<u32>,
}

impl Location {
    /// A line of a text without pages.
    pub fn line(line: u32) -> Location {
        Location {
            page: None,
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.page, self.line) {
            (Some(p), Some(l)) => write!(f, "第{p}页 第{l}行"),
            (Some(p), None) => write!(f, "第{p}页"),
            (None, Some(l)) => write!(f, "第{l}行"),
            (None, None) => f.write_str("位置不详"),
        }
    }
}
