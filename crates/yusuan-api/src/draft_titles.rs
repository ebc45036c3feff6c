//! Renaming a draft's table or section as the department titles it this year (one undoable
//! edit; the 目录 follows), and the titles 导出 lists for it.

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::Edit;
use crate::refusal::in_draft;
use crate::{ApiError, Library};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::titles::{rename_title, titles, Titled};
use yusuan_draft::{Draft, DraftEdit};

/// A title the draft prints, to rename.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TitleView {
    /// `表` or `部分`.
    pub kind: String,
    /// The title as carried (what a rename names).
    pub title: String,
    /// As it prints (a table's with the draft's year style).
    pub printed: String,
}

/// Every title of the draft, in printed order.
pub fn title_views(d: &Draft) -> Vec<TitleView> {
    titles(d)
        .into_iter()
        .map(|(kind, title)| TitleView {
            kind: kind.label().to_string(),
            printed: match kind {
                Titled::Table => d.print.title_years.title(&title, d.year),
                Titled::Section => title.clone(),
            },
            title,
        })
        .collect()
}

/// Renames the table or section titled `title` to `new_title`.
pub fn draft_rename(
    lib: &mut Library,
    id: i64,
    title: &str,
    new_title: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let (kind, was) = rename_title(&mut after, title, new_title, yusuan_import::section_kind)
            .map_err(in_draft(id))?;
        let new = new_title.trim().to_string();
        if was == new {
            return Ok(Made::unchanged(kind.label(), Some(was), Some(new)));
        }
        let edit = DraftEdit::Rename {
            from: was.clone(),
            to: new.clone(),
        };
        Ok(Made::new(edit, kind.label(), Some(was), Some(new)))
    })
}
