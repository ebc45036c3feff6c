//! Shared helpers of the draft crate's tests: the real documents, read as the library reads them.
#![allow(dead_code)]

use std::path::PathBuf;
use yusuan_domain::Document;

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
        let mut doc = fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf");
        let tables_file = "pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf";
        let bytes = std::fs::read(root().join("fixtures").join(tables_file)).unwrap();
        let tables = yusuan_import::import_with_cover(tables_file, &bytes, "江苏省政协办公厅2018年部门预算").unwrap().document;
        doc.tables = tables.tables;
        doc.meta.format = tables.meta.format;
        return doc;
    }
    let bytes = std::fs::read(root().join("fixtures").join(name)).unwrap();
    yusuan_import::import_any(name, &bytes).unwrap().document
}
