//! Exports of a stored document: every number in long form as CSV.

use yusuan_domain::Document;

/// The header of the long-form CSV (a contract: tests and users' spreadsheets rely on it).
pub const NUMBERS_CSV_HEADER: &str =
    "doc,table,row_code,row_label,column,value_yuan,printed,location";

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Every number of the document, one per row: the table as titled (a narrative figure: its
/// section's title), the row's canonical code, its label (the words naming a figure), the
/// column's header path joined with `/` (`文中金额`, `文中百分比`), the exact value in 元 (a
/// percentage: the number), the text as printed, and where it was printed.
pub fn numbers_csv(doc_id: i64, doc: &Document) -> String {
    numbers_csv_for(&doc_id.to_string(), doc)
}

/// [`numbers_csv`] with any reference in the `doc` column (`draft:3`).
pub fn numbers_csv_for(reference: &str, doc: &Document) -> String {
    let mut out = String::from(NUMBERS_CSV_HEADER);
    out.push('\n');
    // The tables', projects' and forms' numbers, then every figure the narrative prints.
    for n in doc.numbers().into_iter().chain(doc.narrative_numbers()) {
        let row = [
            reference.to_string(),
            n.table,
            n.row_code,
            n.row_label,
            n.column,
            n.value_yuan.to_string(),
            n.printed,
            n.location.to_string(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(super::field("68,643,213"), "\"68,643,213\"");
        assert_eq!(super::field("行政运行"), "行政运行");
        assert_eq!(super::field("a\"b"), "\"a\"\"b\"");
    }
}
