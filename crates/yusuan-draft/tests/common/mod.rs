//! Shared helpers of the draft crate's tests: the real documents, read as the library reads them,
//! and a section's text.
#![allow(dead_code)]

use std::path::PathBuf;
use yusuan_domain::{Document, SectionKind};

/// The Jiangsu disclosure is published in two files; `JIANGSU` names the pair.
pub const JIANGSU: &str = "pdf/jiangsu-zhengxie-2018-bumen-yusuan (text + tables)";

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture read as one document (`JIANGSU`: the narrative, and the tables read with its cover,
/// joined as the library joins them).
pub fn fixture(name: &str) -> Document {
    if name == JIANGSU {
        let narrative = fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf");
        let tables_file = "pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf";
        let bytes = std::fs::read(root().join("fixtures").join(tables_file)).unwrap();
        return yusuan_import::attach_tables(&narrative, tables_file, &bytes)
            .unwrap()
            .document;
    }
    let bytes = std::fs::read(root().join("fixtures").join(name)).unwrap();
    yusuan_import::import_any(name, &bytes).unwrap().document
}

/// The text of the document's section of this kind, a line a paragraph ("" without one).
pub fn section_text(doc: &Document, kind: SectionKind) -> String {
    doc.section(kind)
        .map(|s| {
            s.paragraphs
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}
