//! Shared helpers of the draft crate's tests: the real documents, read as the library reads them.
#![allow(dead_code)]

use yusuan_domain::Document;
use yusuan_testkit::fixture_bytes;

/// The Jiangsu disclosure is published in two files; `JIANGSU` names the pair.
pub const JIANGSU: &str = "pdf/jiangsu-zhengxie-2018-bumen-yusuan (text + tables)";

/// A fixture read as one document (`JIANGSU`: the narrative, and the tables read with its cover,
/// joined as the library joins them).
pub fn fixture(name: &str) -> Document {
    if name == JIANGSU {
        let narrative = fixture("pdf/jiangsu-zhengxie-2018-bumen-yusuan-text.pdf");
        let tables_file = "pdf/jiangsu-zhengxie-2018-bumen-yusuan-tables.pdf";
        let bytes = fixture_bytes(tables_file);
        return yusuan_import::attach_tables(&narrative, tables_file, &bytes)
            .unwrap()
            .document;
    }
    yusuan_import::import_any(name, &fixture_bytes(name))
        .unwrap()
        .document
}
