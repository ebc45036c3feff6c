//! Undo and redo: the stored edit applied. Every event keeps its typed edit and the edit that
//! undoes it ([`crate::draft_edit`]); undo applies the inverse, redo the edit, and each answers
//! with the edit now going the other way, which is stored for the next step. An event recorded
//! before edits were typed is read into its typed edit by the migration ([`crate::draft_legacy`]).

use crate::drafts::{load_draft, retrying, to_json};
use crate::{ApiError, Library};
use yusuan_draft::DraftEdit;
use yusuan_store::DraftEvent;

/// Undoes the last edit; `None` when there is nothing to undo.
pub fn draft_undo(lib: &mut Library, id: i64, now: &str) -> Result<Option<DraftEvent>, ApiError> {
    step(lib, id, now, true)
}

/// Redoes the last undone edit; `None` when there is nothing to redo.
pub fn draft_redo(lib: &mut Library, id: i64, now: &str) -> Result<Option<DraftEvent>, ApiError> {
    step(lib, id, now, false)
}

/// The typed edit of an event's side: its inverse (`back`) or the edit itself.
pub(crate) fn side_of(e: &DraftEvent, back: bool) -> Option<Result<DraftEdit, ApiError>> {
    let json = if back { &e.inverse_json } else { &e.edit_json };
    json.as_deref().map(|j| {
        serde_json::from_str(j).map_err(|e| ApiError::History {
            what: "的修改无法读取".into(),
            reason: e.to_string(),
        })
    })
}

/// One step along the events: back (the last edit's inverse) or forward (the last undone
/// edit), with the event marked accordingly.
fn step(lib: &mut Library, id: i64, now: &str, back: bool) -> Result<Option<DraftEvent>, ApiError> {
    retrying(lib, |lib| {
        let target = if back {
            lib.store().draft_undo_target(id)?
        } else {
            lib.store().draft_redo_target(id)?
        };
        let Some(e) = target else { return Ok(None) };
        let mut d = load_draft(lib, id, None)?;
        let (edit, typed) = match side_of(&e, back) {
            Some(edit) => (edit?, true),
            None => (crate::draft_legacy::edit_of(&d, &e, back)?, false),
        };
        let reverse = edit.apply(&mut d).map_err(|err| ApiError::History {
            what: "的修改无法重放".into(),
            reason: err.to_string(),
        })?;
        let refreshed = if typed {
            Some(serde_json::to_string(&reverse)?)
        } else {
            None
        };
        lib.store_mut().mark_draft_event(
            id,
            e.id,
            back,
            &to_json(&d)?,
            now,
            refreshed.as_deref(),
        )?;
        Ok(Some(e))
    })
}
