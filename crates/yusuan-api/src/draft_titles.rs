//! Renaming a draft's table or section as the department titles it this year (one undoable
//! edit; the 目录 follows), and the titles 导出 lists for it.

use crate::drafts::{bad, load_draft, record_change, retrying, Edit};
use crate::{ApiError, Library};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::titles::{rename_title, titles, Titled};
use yusuan_draft::Draft;

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
    retrying(lib, |lib| {
        let mut d = load_draft(lib, id, None)?;
        let (kind, was) = rename_title(&mut d, title, new_title, yusuan_import::section_kind)
            .map_err(|e| bad(format!("草稿 draft:{id}：{e}")))?;
        let new = new_title.trim().to_string();
        record_change(lib, id, &d, "rename", kind.label(), was, new, now)
    })
}

/// Applies one side of a recorded rename (undo and redo): the title `from` becomes `to` again.
pub(crate) fn apply(d: &mut Draft, from: &str, to: &str) -> Result<(), ApiError> {
    rename_title(d, from, to, yusuan_import::section_kind)
        .map(|_| ())
        .map_err(|e| bad(format!("历史记录中的改名无法重做：{e}")))
}
