//! T004: every table the contents page lists is printed in the body — unless the document is
//! the narrative of a disclosure whose tables are published as a file of their own (Jiangsu:
//! `2018年度部门预算公开表附后`), which prints none and says so.

use crate::{Finding, FindingLocation, Severity};
use yusuan_domain::{says_tables_attached, Document, TableKind};

use yusuan_domain::compact;

/// A narrative without tables that says its tables are attached: they are another file's.
pub fn tables_published_apart(doc: &Document) -> bool {
    doc.tables.is_empty()
        && (doc
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .any(|p| says_tables_attached(&p.text))
            || doc
                .unrecognised
                .iter()
                .any(|u| says_tables_attached(&u.text)))
}

/// One table the contents page lists, and the table of the body found for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The title as the contents page prints it.
    pub title: String,
    /// The index in `doc.tables` of the table printed for it, if one was found.
    pub found: Option<usize>,
}

/// Whether a contents entry lists a table (not a heading over the tables such as `五、部门预算表`
/// or `第二部分 …预算表`, nor a section).
fn lists_a_table(doc: &Document, k: usize) -> bool {
    let e = &doc.contents[k];
    let title = compact(&e.title);
    let container = e.number.as_deref().is_some_and(|n| n.starts_with('第'))
        || doc
            .contents
            .get(k + 1)
            .is_some_and(|next| next.level > e.level);
    !container && (title.ends_with('表') || title.contains("表（") || title.contains("表("))
}

/// The tables the contents page lists, each with the body's table found for it, the first not
/// yet taken of: the same title; the same kind with one title inside the other; the same kind;
/// (for a kind we do not know) one title inside the other. Each table answers one entry only.
pub fn listed_tables(doc: &Document) -> Vec<Listed> {
    let titles: Vec<String> = doc.tables.iter().map(|t| compact(&t.title)).collect();
    let mut taken = vec![false; doc.tables.len()];
    let mut out = Vec::new();
    for k in (0..doc.contents.len()).filter(|&k| lists_a_table(doc, k)) {
        let title = compact(&doc.contents[k].title);
        let kind = TableKind::from_title(&title);
        let known = kind != TableKind::Other;
        let nested = |i: usize| {
            !titles[i].is_empty() && (titles[i].contains(&title) || title.contains(&titles[i]))
        };
        let same_kind = |i: usize| known && doc.tables[i].kind == kind;
        let tests: [&dyn Fn(usize) -> bool; 4] = [
            &|i| titles[i] == title,
            &|i| same_kind(i) && nested(i),
            &same_kind,
            &|i| !known && nested(i),
        ];
        let found = tests
            .iter()
            .find_map(|test| (0..doc.tables.len()).find(|&i| !taken[i] && test(i)));
        if let Some(i) = found {
            taken[i] = true;
        }
        out.push(Listed {
            title: doc.contents[k].title.clone(),
            found,
        });
    }
    out
}

/// A title line printed in the body though no table was read under it: an unrecognised line, or
/// a paragraph that is the title alone (a numbering or a year before it at most), with where.
fn printed_title(doc: &Document, title: &str) -> Option<yusuan_domain::Location> {
    /// A title line carries at most this many characters besides the title (`表5：`, `2018年`).
    const TITLE_LINE_EXTRA: usize = 8;
    let alone = |text: &str| {
        let t = compact(text);
        t.ends_with(title) && t.chars().count() <= title.chars().count() + TITLE_LINE_EXTRA
    };
    doc.unrecognised
        .iter()
        .find(|u| alone(&u.text))
        .map(|u| u.location)
        .or_else(|| {
            doc.sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .find(|p| alone(&p.text))
                .map(|p| p.location)
        })
}

/// The check. A listed table whose title the body prints though no table was read under it is
/// a layout not read (a 提示 saying where), not a table the document left out.
pub fn run(doc: &Document) -> Vec<Finding> {
    if tables_published_apart(doc) {
        return Vec::new();
    }
    listed_tables(doc)
        .into_iter()
        .filter(|l| l.found.is_none())
        .map(|l| match printed_title(doc, &compact(&l.title)) {
            Some(at) => Finding {
                rule: "T004",
                severity: Severity::Info,
                message: format!(
                    "目录列出的“{}”在正文中印有标题，但其下的表格没有读出（版式未识别），无法确认是否完整，请对照原文核对",
                    l.title
                ),
                location: FindingLocation::in_section("目录", at),
                expected: Some(l.title.clone()),
                actual: Some("标题已印出，表格未读出".into()),
                hint: None,
            },
            None => Finding {
                rule: "T004",
                severity: Severity::Error,
                message: format!("目录列出的“{}”在正文中没有找到", l.title),
                location: FindingLocation {
                    section: Some("目录".into()),
                    ..Default::default()
                },
                expected: Some(l.title.clone()),
                actual: Some("（缺失）".into()),
                hint: Some("补上该表；本部门无此项内容时也应公开空表并注明原因".into()),
            },
        })
        .collect()
}
