//! T004: every table the contents page lists is printed in the body — unless the document is
//! the narrative of a disclosure whose tables are published as a file of their own (Jiangsu:
//! `2018年度部门预算公开表附后`), which prints none and says so.

use crate::{Finding, FindingLocation, Severity};
use yusuan_domain::{says_tables_attached, Document, TableKind};

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A narrative without tables that says its tables are attached: they are another file's.
pub fn tables_published_apart(doc: &Document) -> bool {
    doc.tables.is_empty()
        && (doc.sections.iter().flat_map(|s| &s.paragraphs).any(|p| says_tables_attached(&p.text))
            || doc.unrecognised.iter().any(|u| says_tables_attached(&u.text)))
}

/// The check.
pub fn run(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    if tables_published_apart(doc) {
        return out;
    }
    for (k, e) in doc.contents.iter().enumerate() {
        let title = compact(&e.title);
        // A heading over the tables (`五、部门预算表`, `第二部分 …预算表`) is not a table.
        let container = e.number.as_deref().is_some_and(|n| n.starts_with('第'))
            || doc.contents.get(k + 1).is_some_and(|next| next.level > e.level);
        if container {
            continue;
        }
        if !title.ends_with('表') && !title.contains("表（") && !title.contains("表(") {
            continue;
        }
        let kind = TableKind::from_title(&title);
        let present = if kind == TableKind::Other {
            doc.tables.iter().any(|t| compact(&t.title).contains(&title) || title.contains(&compact(&t.title)))
        } else {
            doc.tables.iter().any(|t| t.kind == kind)
        };
        if !present {
            out.push(Finding {
                rule: "T004",
                severity: Severity::Error,
                message: format!("目录列出的“{}”在正文中没有找到", e.title),
                location: FindingLocation { section: Some("目录".into()), ..Default::default() },
                expected: Some(e.title.clone()),
                actual: Some("（缺失）".into()),
                hint: Some("补上该表；本部门无此项内容时也应公开空表并注明原因".into()),
            });
        }
    }
    out
}
