//! A department draft's units (单位): how much of its money each unit has, placing lines in a
//! unit (one undoable edit), and each unit's own 单位预算 as a read-only view (`draft:N/单位名称`,
//! accepted wherever a draft reference is: show, check, compare, export).

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::{leaf_key, load_draft, split_unit_ref, Edit};
use crate::refusal::in_draft;
use crate::{ApiError, Library, Refusal};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;
use yusuan_domain::parse_amount;
use yusuan_draft::edit::{LinesChange, LinesState};
use yusuan_draft::DraftEdit;
use yusuan_draft::{Draft, Leaf};

/// One unit of a draft, with the money placed in it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UnitMoney {
    /// The unit's name (empty: the department's money not yet placed in a unit).
    pub name: String,
    /// Lines placed in it.
    pub lines: usize,
    /// Its spending this year (the 支出 lines by fund and function), 元 (decimal string).
    pub value_yuan: String,
    /// Its spending last year, 元 (decimal string).
    pub baseline_yuan: String,
    /// The reference of the unit's own 单位预算 (`draft:N/名称`); empty for the unplaced money.
    pub reference: String,
}

/// The draft's units with their money, then the money not yet placed in a unit (when any). A
/// department of one unit lists that unit with all of the department's money.
pub fn draft_unit_money(lib: &Library, id: i64) -> Result<Vec<UnitMoney>, ApiError> {
    Ok(unit_money(&load_draft(lib, id, None)?, id))
}

/// [`draft_unit_money`] of a loaded draft.
pub(crate) fn unit_money(d: &Draft, id: i64) -> Vec<UnitMoney> {
    let names = yusuan_draft::unit_names(d);
    let money = |l: &&Leaf| l.key.unit() == "元";
    let sum = |ls: &[&Leaf]| -> (String, String) {
        let spend = || {
            ls.iter()
                .filter(|l| matches!(l.key, yusuan_draft::LeafKey::Spend { .. }))
        };
        let v: Decimal = spend().map(|l| l.value).sum();
        let b: Decimal = spend().filter_map(|l| l.baseline).sum();
        (v.to_string(), b.to_string())
    };
    let whole = names.len() <= 1;
    let mut out = Vec::new();
    for n in &names {
        let ls: Vec<&Leaf> = d
            .leaves
            .iter()
            .filter(money)
            .filter(|l| whole || l.unit.as_deref() == Some(n.as_str()))
            .collect();
        let (value_yuan, baseline_yuan) = sum(&ls);
        out.push(UnitMoney {
            name: n.clone(),
            lines: ls.len(),
            value_yuan,
            baseline_yuan,
            reference: format!("draft:{id}/{n}"),
        });
    }
    if names.is_empty() {
        let ls: Vec<&Leaf> = d.leaves.iter().filter(money).collect();
        let (value_yuan, baseline_yuan) = sum(&ls);
        out.push(UnitMoney {
            name: d.department.clone(),
            lines: ls.len(),
            value_yuan,
            baseline_yuan,
            reference: format!("draft:{id}/{}", d.department),
        });
    } else if !whole {
        let ls: Vec<&Leaf> = d
            .leaves
            .iter()
            .filter(money)
            .filter(|l| l.unit.is_none())
            .collect();
        if !ls.is_empty() {
            let (value_yuan, baseline_yuan) = sum(&ls);
            out.push(UnitMoney {
                name: String::new(),
                lines: ls.len(),
                value_yuan,
                baseline_yuan,
                reference: String::new(),
            });
        }
    }
    out
}

/// Places money of a line in a unit: `amount` 元 (all of it when `None`) of the line `line`
/// (its key, `key@单位` or `#N`) moves to the same line of unit `to` (`None`: back to the
/// department's money not placed in a unit). The department's tables stay as they are; the
/// units' own budgets change. One undoable edit.
pub fn draft_place(
    lib: &mut Library,
    id: i64,
    line: &str,
    to: Option<&str>,
    amount: Option<&str>,
    now: &str,
) -> Result<Edit, ApiError> {
    let to = to.map(str::trim).filter(|t| !t.is_empty());
    let amount = match amount.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(parse_amount(a).map_err(|_| Refusal::NotAnAmount {
            text: a.to_string(),
        })?),
        None => None,
    };
    edit_draft(lib, id, now, |d| {
        let (key, from) = leaf_key(d, id, line)?;
        if key.unit() != "元" {
            let key = key.to_string();
            return Err(Refusal::CountNotPlaced { key }.into());
        }
        let mut touched = vec![
            yusuan_draft::address(&key, from.as_deref()),
            yusuan_draft::address(&key, to),
        ];
        let mut after = d.clone();
        let placed = yusuan_draft::place(&mut after, &key, from.as_deref(), to, amount)
            .map_err(in_draft(id))?;
        touched.extend(placed.typed.iter().map(|l| l.address()));
        let moved = placed.moved;
        let target = format!("{} → {}（{moved} 元）", touched[0], to.unwrap_or("未分配"));
        let edit = DraftEdit::Lines {
            change: LinesChange::Placed {
                from: touched[0].clone(),
                to: touched[1].clone(),
                moved,
            },
            state: LinesState::after(d, &after, &touched),
        };
        Ok(Made::new(
            edit,
            target,
            Some(touched[0].clone()),
            Some(touched[1].clone()),
        ))
    })
}

/// The draft a reference names, as derived from: the draft (or a version of it), or the view of
/// one of its units (`draft:N/单位名称`, `draft:N@版本/单位名称`).
pub fn load_reference(lib: &Library, reference: &str) -> Result<Draft, ApiError> {
    let (base, unit) = split_unit_ref(reference);
    let (id, version) =
        crate::parse_draft_ref(base).ok_or_else(|| Refusal::NotADraftReference {
            reference: reference.to_string(),
        })?;
    let d = load_draft(lib, id, version.as_deref())?;
    match unit {
        None => Ok(d),
        Some(u) => yusuan_draft::unit_view(&d, u).map_err(in_draft(id)),
    }
}

/// A carried section as a unit's own budget prints it, for the window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UnitTextView {
    /// The unit.
    pub unit: String,
    /// The department's section title (what an edit names).
    pub title: String,
    /// The title the unit's budget prints (`某中心主要职能`).
    pub shown_title: String,
    /// The text the unit's budget prints, a paragraph a line.
    pub text: String,
    /// Written for the unit (else the department's, in the unit's wording).
    pub own: bool,
}

/// Each unit's carried sections (主要职能, 机构设置, 名词解释 …) as its own budget prints them.
pub(crate) fn unit_texts(d: &Draft) -> Vec<UnitTextView> {
    let mut out = Vec::new();
    for unit in yusuan_draft::unit_names(d) {
        for s in d
            .sections
            .iter()
            .filter(|s| !crate::drafts::generated_section(s.kind))
        {
            let own = d.unit_texts.get(&unit).and_then(|t| t.get(&s.title));
            let text = match own {
                Some(paragraphs) => paragraphs.join("\n"),
                None => s
                    .paragraphs
                    .iter()
                    .map(|p| yusuan_draft::unit_wording(p.text.trim()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            out.push(UnitTextView {
                unit: unit.clone(),
                title: s.title.clone(),
                shown_title: yusuan_draft::unit_section_title(&s.title, &d.department, &unit),
                text,
                own: own.is_some(),
            });
        }
    }
    out
}

/// Writes a unit's own text of a carried section (`title`: the department's title or the one the
/// unit's budget prints), a paragraph a line; an empty text gives the unit the department's
/// again. One undoable edit.
pub fn draft_unit_text(
    lib: &mut Library,
    id: i64,
    unit: &str,
    title: &str,
    text: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if lines.iter().any(|l| l.chars().any(char::is_control))
        || lines.iter().map(|l| l.chars().count()).sum::<usize>() > 20_000
    {
        return Err(Refusal::UnitTextUnfit.into());
    }
    edit_draft(lib, id, now, |d| {
        let unit = yusuan_draft::resolve_unit(d, unit).map_err(in_draft(id))?;
        let section = d
            .sections
            .iter()
            .find(|s| {
                s.title == title.trim()
                    || yusuan_draft::unit_section_title(&s.title, &d.department, &unit)
                        == title.trim()
            })
            .ok_or_else(|| Refusal::NoSuchSection {
                title: title.to_string(),
            })?;
        if crate::drafts::generated_section(section.kind) {
            let title = title.to_string();
            return Err(Refusal::SectionGenerated { title }.into());
        }
        let key = section.title.clone();
        let old = d.unit_texts.get(&unit).and_then(|t| t.get(&key)).cloned();
        let json = |v: &Option<Vec<String>>| {
            v.as_ref()
                .map(|p| serde_json::to_string(p).unwrap_or_default())
        };
        let new = (!lines.is_empty()).then(|| lines.clone());
        let target = format!("{unit}|{key}");
        if old == new {
            return Ok(Made::unchanged(target, json(&old), json(&new)));
        }
        let edit = DraftEdit::UnitText {
            unit,
            title: key,
            paragraphs: new.clone(),
        };
        Ok(Made::new(edit, target, json(&old), json(&new)))
    })
}

/// The document a draft reference derives (a draft, a version, a unit's 单位预算).
pub fn reference_document(
    lib: &Library,
    reference: &str,
) -> Result<yusuan_domain::Document, ApiError> {
    Ok(yusuan_draft::derive(&load_reference(lib, reference)?))
}

/// The findings on what a draft reference derives (a draft, a version, a unit's 单位预算).
pub fn reference_check(
    lib: &Library,
    reference: &str,
) -> Result<Vec<yusuan_check::Finding>, ApiError> {
    Ok(yusuan_draft::draft_findings(&load_reference(
        lib, reference,
    )?))
}
