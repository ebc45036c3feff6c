//! A 情况说明 (a section the draft generates from its numbers, or restates from last year's)
//! rewritten in the department's words for this year: read against the draft's values
//! (`yusuan_draft::rewrite`), kept bound to them, one undoable edit. The reasons the text gives
//! are this year's; the draft's reasons under their keys give way to them (and come back on
//! undo). A figure written otherwise than the draft has it is printed as the draft has it, and
//! the edit says where.

use crate::drafts::{bad, load_draft, os_user, retrying, to_json, Edit};
use crate::{ApiError, Library};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use yusuan_draft::restated::Restatement;
use yusuan_draft::Draft;

/// A figure written otherwise than the draft prints it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TextCorrection {
    /// As written, with the words around it.
    pub written: String,
    /// As the draft prints it.
    pub printed: String,
}

/// A section's text rewritten: the edit, and where the draft prints other figures than written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TextEdit {
    /// The recorded edit (its `new` is the text as printed).
    pub edit: Edit,
    /// Figures printed otherwise than written.
    pub corrections: Vec<TextCorrection>,
}

/// What an explanation edit changes, recorded on each side of it: the section's bound text and
/// the reasons under the keys it gives.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Side {
    restated: Option<Restatement>,
    reasons: BTreeMap<String, Option<String>>,
}

/// Rewrites a narrative section, a paragraph a line: a carried one (主要职能, 机构设置, 名词解释 …)
/// as written; a 情况说明 the draft generates or restates bound to the draft's values, with the
/// figures it prints otherwise than written.
pub fn draft_section(
    lib: &mut Library,
    id: i64,
    title: &str,
    text: &str,
    now: &str,
) -> Result<TextEdit, ApiError> {
    retrying(lib, |lib| {
        let d = load_draft(lib, id, None)?;
        let generated = d
            .sections
            .iter()
            .any(|s| s.title == title && crate::drafts::generated_section(s.kind));
        if generated {
            return rewrite_explanation(lib, id, d, title, text, now);
        }
        Ok(TextEdit {
            edit: crate::drafts::carried_section(lib, id, d, title, text, now)?,
            corrections: Vec::new(),
        })
    })
}

/// Rewrites the explanation section titled `title` (a paragraph a line) of draft `d`, loaded.
fn rewrite_explanation(
    lib: &mut Library,
    id: i64,
    mut d: Draft,
    title: &str,
    text: &str,
    now: &str,
) -> Result<TextEdit, ApiError> {
    let kind = kind_of(&d, title)?;
    let written = yusuan_draft::rewrite::rewrite(&d, kind, text)
        .map_err(|e| bad(format!("“{title}”没有改写：{e}")))?;
    let before_text = printed(&d, title)?;
    let old = Side {
        restated: d.restated.iter().find(|r| r.kind == kind).cloned(),
        reasons: written
            .reasons
            .iter()
            .map(|k| (k.clone(), d.reasons.get(k).cloned()))
            .collect(),
    };
    let new = Side {
        restated: Some(written.restatement.clone()),
        reasons: written.reasons.iter().map(|k| (k.clone(), None)).collect(),
    };
    apply_side(&mut d, title, &new)?;
    let after_text = printed(&d, title)?;
    let corrections = written
        .corrections
        .iter()
        .map(|c| TextCorrection {
            written: c.written.clone(),
            printed: c.printed.clone(),
        })
        .collect();
    let seq = lib.store_mut().record_draft_edit(
        id,
        &to_json(&d)?,
        "explanation",
        title,
        Some(&serde_json::to_string(&old).map_err(|e| bad(e.to_string()))?),
        Some(&serde_json::to_string(&new).map_err(|e| bad(e.to_string()))?),
        now,
        &os_user(),
    )?;
    Ok(TextEdit {
        edit: Edit {
            seq,
            target: title.to_string(),
            old: Some(before_text),
            new: Some(after_text),
        },
        corrections,
    })
}

/// The section's text as the draft prints it now, a paragraph a line.
fn printed(d: &Draft, title: &str) -> Result<String, ApiError> {
    let doc = yusuan_draft::derive(d);
    Ok(doc
        .sections
        .iter()
        .find(|s| s.title == title)
        .map(crate::drafts::section_text)
        .unwrap_or_default())
}

/// Puts one side of an explanation edit into the draft (undo and redo too).
pub(crate) fn apply(d: &mut Draft, title: &str, side: Option<&str>) -> Result<(), ApiError> {
    let side: Side = serde_json::from_str(side.unwrap_or("{}"))
        .map_err(|e| bad(format!("历史记录中的说明文字无法读取：{e}")))?;
    apply_side(d, title, &side)
}

/// The kind of the draft's section titled `title`.
fn kind_of(d: &Draft, title: &str) -> Result<yusuan_domain::SectionKind, ApiError> {
    d.sections
        .iter()
        .find(|s| s.title == title)
        .map(|s| s.kind)
        .ok_or_else(|| bad(format!("草稿中没有“{title}”这一部分")))
}

fn apply_side(d: &mut Draft, title: &str, side: &Side) -> Result<(), ApiError> {
    let kind = kind_of(d, title)?;
    d.restated.retain(|r| r.kind != kind);
    if let Some(r) = &side.restated {
        d.restated.push(r.clone());
    }
    for (k, v) in &side.reasons {
        match v {
            Some(v) => {
                d.reasons.insert(k.clone(), v.clone());
            }
            None => {
                d.reasons.remove(k);
            }
        }
    }
    Ok(())
}
