//! Undo and redo: an event's recorded side applied to the draft. Each kind of edit puts back
//! what it recorded (a line's amount, a reason, a text, a unit, a placing, a project, an
//! indicator) through the module that made it; this is the one place that knows them all.

use crate::drafts::{bad, load_draft, parse_value, put_section_text, retrying, set_leaf, to_json};
use crate::{ApiError, Library};
use std::collections::BTreeMap;
use yusuan_draft::Draft;
use yusuan_store::DraftEvent;

/// Applies one side (old or new) of an event to a draft.
fn apply(d: &mut Draft, e: &DraftEvent, side_old: bool) -> Result<(), ApiError> {
    let value = if side_old { &e.old_value } else { &e.new_value };
    match e.action.as_str() {
        "set" => {
            let at = yusuan_draft::parse_address(&e.target)
                .ok_or_else(|| bad(format!("历史记录中的键无法识别：{}", e.target)))?;
            match value {
                Some(v) => {
                    set_leaf(d, &at, parse_value(v)?);
                }
                None => d.leaves.retain(|l| !(l.key == at.0 && l.unit == at.1)),
            }
        }
        "reason" => match value {
            Some(v) => {
                d.reasons.insert(e.target.clone(), v.clone());
            }
            None => {
                d.reasons.remove(&e.target);
            }
        },
        "import-xlsx" | "paste" => {
            let map: BTreeMap<String, Option<String>> =
                serde_json::from_str(value.as_deref().unwrap_or("{}"))
                    .map_err(|e| bad(e.to_string()))?;
            for (k, v) in map {
                let at = yusuan_draft::parse_address(&k)
                    .ok_or_else(|| bad(format!("历史记录中的键无法识别：{k}")))?;
                match v {
                    Some(v) => {
                        set_leaf(d, &at, parse_value(&v)?);
                    }
                    None => d.leaves.retain(|l| !(l.key == at.0 && l.unit == at.1)),
                }
            }
        }
        "text" => {
            put_section_text(d, &e.target, value.as_deref().unwrap_or(""))?;
        }
        "print" => crate::draft_print::apply(d, &e.target, value.as_deref())?,
        "explanation" => crate::draft_explanation::apply(d, &e.target, value.as_deref())?,
        "unit" => crate::draft_setup::apply_unit(d, &e.target, value.as_deref())?,
        "place" => crate::draft_units::apply_lines(d, value.as_deref())?,
        "unit-text" => crate::draft_units::apply_unit_text(d, &e.target, value.as_deref())?,
        "project" | "project-part" | "project-fund" => {
            crate::draft_projects::apply(d, &e.action, &e.target, value.as_deref())?
        }
        "cell" => crate::draft_forms::apply_cell(d, &e.target, value.as_deref())?,
        "row" => crate::draft_forms::apply_row(d, &e.target, value.as_deref())?,
        "table" => crate::draft_forms::apply_table(d, &e.target, value.as_deref())?,
        "indicator" => crate::draft_forms::apply(d, &e.target, value.as_deref())?,
        "actuals" => crate::draft_actuals::apply(d, value.as_deref())?,
        "form" => crate::draft_forms::apply_form(d, &e.target, value.as_deref())?,
        "project-rename" => {
            let other = if side_old { &e.new_value } else { &e.old_value };
            crate::draft_projects::apply_rename(
                d,
                other.as_deref().unwrap_or(""),
                value.as_deref().unwrap_or(""),
            )?
        }
        "rename" => {
            let other = if side_old { &e.new_value } else { &e.old_value };
            crate::draft_titles::apply(
                d,
                other.as_deref().unwrap_or(""),
                value.as_deref().unwrap_or(""),
            )?
        }
        other => return Err(bad(format!("历史记录中有无法撤销的操作：{other}"))),
    }
    Ok(())
}

/// Undoes the last edit; `None` when there is nothing to undo.
pub fn draft_undo(lib: &mut Library, id: i64, now: &str) -> Result<Option<DraftEvent>, ApiError> {
    step(lib, id, now, true)
}

/// Redoes the last undone edit; `None` when there is nothing to redo.
pub fn draft_redo(lib: &mut Library, id: i64, now: &str) -> Result<Option<DraftEvent>, ApiError> {
    step(lib, id, now, false)
}

/// One step along the events: back (the last edit's old side) or forward (the last undone
/// edit's new side), with the event marked accordingly.
fn step(lib: &mut Library, id: i64, now: &str, back: bool) -> Result<Option<DraftEvent>, ApiError> {
    retrying(lib, |lib| {
        let target = if back {
            lib.store().draft_undo_target(id)?
        } else {
            lib.store().draft_redo_target(id)?
        };
        let Some(e) = target else { return Ok(None) };
        let mut d = load_draft(lib, id, None)?;
        apply(&mut d, &e, back)?;
        lib.store_mut()
            .mark_draft_event(id, e.id, back, &to_json(&d)?, now)?;
        Ok(Some(e))
    })
}
