//! A 情况说明 (a section the draft generates from its numbers, or restates from last year's)
//! rewritten in the department's words for this year: read against the draft's values
//! (`yusuan_draft::rewrite`), kept bound to them, one undoable edit. The reasons the text gives
//! are this year's; the draft's reasons under their keys give way to them (and come back on
//! undo). A figure written otherwise than the draft has it is printed as the draft has it, and
//! the edit says where.

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::Edit;
use crate::{ApiError, Library, Refusal, RewriteOrEdit};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::edit::{put_section_text, section_text};
use yusuan_draft::{Draft, DraftEdit};

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
    let mut corrections = Vec::new();
    let edit = edit_draft(lib, id, now, |d| {
        corrections.clear();
        let generated = d
            .sections
            .iter()
            .any(|s| s.title == title && crate::drafts::generated_section(s.kind));
        if generated {
            explanation(d, title, text, &mut corrections)
        } else {
            carried(d, title, text)
        }
    })?;
    Ok(TextEdit { edit, corrections })
}

/// A carried section (主要职能, 机构设置 …) as written: its text, a paragraph a line.
fn carried(d: &Draft, title: &str, text: &str) -> Result<Made, ApiError> {
    let mut after = d.clone();
    let old = put_section_text(&mut after, title, text).map_err(Refusal::SectionText)?;
    let new = after
        .sections
        .iter()
        .find(|s| s.title == title)
        .map(section_text)
        .unwrap_or_default();
    if old == new {
        return Ok(Made::unchanged(title, Some(old), Some(new)));
    }
    let edit = DraftEdit::Section {
        title: title.to_string(),
        text: new.clone(),
    };
    Ok(Made::new(edit, title, Some(old), Some(new)))
}

/// The explanation section titled `title` rewritten (a paragraph a line) in `d`: bound to the
/// draft's values, the reasons it gives taking the place of the draft's under their keys; the
/// figures it prints otherwise than written go to `corrections`.
fn explanation(
    d: &Draft,
    title: &str,
    text: &str,
    corrections: &mut Vec<TextCorrection>,
) -> Result<Made, ApiError> {
    let kind = d
        .sections
        .iter()
        .find(|s| s.title == title)
        .map(|s| s.kind)
        .ok_or_else(|| Refusal::NoSuchSection {
            title: title.to_string(),
        })?;
    let not_rewritten = |why: RewriteOrEdit| Refusal::NotRewritten {
        title: title.to_string(),
        why,
    };
    let written = yusuan_draft::rewrite::rewrite(d, kind, text)
        .map_err(|e| not_rewritten(RewriteOrEdit::Rewrite(e)))?;
    let edit = DraftEdit::Explanation {
        section: title.to_string(),
        restated: Some(written.restatement.clone()),
        reasons: written.reasons.iter().map(|k| (k.clone(), None)).collect(),
    };
    let mut after = d.clone();
    edit.apply(&mut after)
        .map_err(|e| not_rewritten(RewriteOrEdit::Edit(e)))?;
    corrections.extend(written.corrections.iter().map(|c| TextCorrection {
        written: c.written.clone(),
        printed: c.printed.clone(),
    }));
    Ok(Made::new(
        edit,
        title,
        Some(printed(d, title)),
        Some(printed(&after, title)),
    ))
}

/// The section's text as the draft prints it now, a paragraph a line.
fn printed(d: &Draft, title: &str) -> String {
    let doc = yusuan_draft::derive(d);
    doc.sections
        .iter()
        .find(|s| s.title == title)
        .map(section_text)
        .unwrap_or_default()
}
