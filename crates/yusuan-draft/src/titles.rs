//! The titles a draft prints that a department renames from year to year: a table's
//! (`财政拨款支出预算表` → `财政拨款支出预算表（功能科目）`) and a narrative section's. The 目录 and
//! a unit's own texts follow the rename. A new title must still be read as the same table or
//! section (the export reads itself back), so a title that would not be is refused.

use crate::Draft;
use yusuan_domain::{SectionKind, TableKind};

/// What a title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titled {
    /// A table of the draft's layout.
    Table,
    /// A narrative section.
    Section,
}

impl Titled {
    /// `表` / `部分`, as messages and the history name it.
    pub fn label(self) -> &'static str {
        match self {
            Titled::Table => "表",
            Titled::Section => "部分",
        }
    }
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleError {
    /// No table or section of the draft has this title.
    NotFound(String),
    /// The new title is empty.
    Empty,
    /// Another table or section already has the new title.
    Taken(String),
    /// The new title would not be read as the same table or section.
    NotRead {
        /// The title refused.
        title: String,
        /// What it must still be read as (`财政拨款支出预算表`, `主要职能`).
        must_read_as: String,
    },
}

impl std::fmt::Display for TitleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TitleError::NotFound(t) => write!(f, "草稿中没有标题为“{t}”的表或部分"),
            TitleError::Empty => write!(f, "新标题是空的"),
            TitleError::Taken(t) => write!(f, "草稿中已有标题为“{t}”的表或部分"),
            TitleError::NotRead {
                title,
                must_read_as,
            } => write!(
                f,
                "“{title}”读不出是{must_read_as}：标题须仍能认出是哪一张表或哪一部分（导出的文件要能读回）"
            ),
        }
    }
}

impl std::error::Error for TitleError {}

/// Every title the user may rename, in printed order: each table's (as carried, before the year
/// style) and each section's.
pub fn titles(d: &Draft) -> Vec<(Titled, String)> {
    d.sections
        .iter()
        .filter(|s| !s.title.is_empty())
        .map(|s| (Titled::Section, s.title.clone()))
        .chain(d.layout.iter().map(|t| (Titled::Table, t.title.clone())))
        .collect()
}

/// Renames the table or section titled `old` (as carried, or as the table prints with the
/// draft's year style) to `new`. `section_kind` reads a heading as the importer does. Returns
/// what was renamed and its carried title before.
pub fn rename_title(
    d: &mut Draft,
    old: &str,
    new: &str,
    section_kind: impl Fn(&str) -> Option<SectionKind>,
) -> Result<(Titled, String), TitleError> {
    let (old, new) = (old.trim(), new.trim());
    if new.is_empty() {
        return Err(TitleError::Empty);
    }
    let (year, style) = (d.year, d.print.title_years);
    let table = d
        .layout
        .iter()
        .position(|t| t.title == old || style.title(&t.title, year) == old);
    let section = d.sections.iter().position(|s| s.title == old);
    let taken = |d: &Draft| {
        d.layout
            .iter()
            .any(|t| t.title == new || style.title(&t.title, year) == new)
            || d.sections.iter().any(|s| s.title == new)
    };
    match (table, section) {
        (Some(i), _) => {
            let was = d.layout[i].title.clone();
            if was == new {
                return Ok((Titled::Table, was));
            }
            if taken(d) {
                return Err(TitleError::Taken(new.to_string()));
            }
            let kind = d.layout[i].kind;
            if TableKind::from_title(new) != kind {
                return Err(TitleError::NotRead {
                    title: new.to_string(),
                    must_read_as: format!("“{was}”这张表"),
                });
            }
            d.layout[i].title = new.to_string();
            rename_entries(d, &was, new);
            Ok((Titled::Table, was))
        }
        (None, Some(i)) => {
            let was = d.sections[i].title.clone();
            if was == new {
                return Ok((Titled::Section, was));
            }
            if taken(d) {
                return Err(TitleError::Taken(new.to_string()));
            }
            let kind = d.sections[i].kind;
            if kind != SectionKind::Other && section_kind(new) != Some(kind) {
                return Err(TitleError::NotRead {
                    title: new.to_string(),
                    must_read_as: format!("“{was}”这一部分"),
                });
            }
            d.sections[i].title = new.to_string();
            rename_entries(d, &was, new);
            for texts in d.unit_texts.values_mut() {
                if let Some(t) = texts.remove(&was) {
                    texts.insert(new.to_string(), t);
                }
            }
            Ok((Titled::Section, was))
        }
        (None, None) => Err(TitleError::NotFound(old.to_string())),
    }
}

/// The 目录's entries naming `was` name `new`.
fn rename_entries(d: &mut Draft, was: &str, new: &str) {
    for c in d.contents.iter_mut().filter(|c| c.title == was) {
        c.title = new.to_string();
    }
}
