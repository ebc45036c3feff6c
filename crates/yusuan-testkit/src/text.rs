//! A document read back as text, as the tests assert on it: one section's text, the whole
//! narrative, and a table's full title found by part of it.

use yusuan_domain::{Document, SectionKind};

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

/// Every paragraph of every section, run together.
pub fn all_text(doc: &Document) -> String {
    doc.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.as_str())
        .collect()
}

/// The first of `titles` (a draft's layout's, a document's tables') that contains `part`.
pub fn title_containing<'a>(titles: impl IntoIterator<Item = &'a String>, part: &str) -> String {
    titles
        .into_iter()
        .find(|t| t.contains(part))
        .unwrap_or_else(|| panic!("no table titled …{part}…"))
        .clone()
}
