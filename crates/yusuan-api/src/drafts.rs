//! Drafting operations: roll forward, edit leaf lines and reasons, undo/redo, history, versions,
//! the derived document and its findings, the workbook round trip. Each edit is one transaction
//! (new state + its event), so a failed or interrupted operation leaves the draft as it was.

use crate::draft_edit::{edit_draft, Made};
pub(crate) use crate::draft_state::{from_json, retrying, to_json};
pub use crate::draft_state::{load_draft, os_user, Edit};
use crate::{ApiError, Library, Refusal};
use rust_decimal::Decimal;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use yusuan_check::Finding;
use yusuan_domain::{parse_amount, Document};
use yusuan_draft::edit::{LinesChange, LinesState};
use yusuan_draft::{derive, draft_findings, roll_forward, Draft, DraftEdit, LeafKey, RollReport};
use yusuan_store::DraftEvent;

/// A draft reference: `draft:N`, or `draft:N@版本名` for a named version; a unit's view
/// (`…/单位名称`, [`crate::load_reference`]) names the same draft.
pub fn parse_draft_ref(reference: &str) -> Option<(i64, Option<String>)> {
    let (base, _unit) = split_unit_ref(reference);
    let rest = base.strip_prefix("draft:")?;
    let (id, version) = match rest.split_once('@') {
        Some((id, v)) => (id, Some(v.to_string())),
        None => (rest, None),
    };
    Some((id.parse().ok()?, version))
}

/// Splits a draft reference's unit off: `draft:3/某中心` → (`draft:3`, `某中心`).
pub fn split_unit_ref(reference: &str) -> (&str, Option<&str>) {
    match reference.trim().split_once('/') {
        Some((r, u)) if r.starts_with("draft:") && !u.trim().is_empty() => (r, Some(u.trim())),
        _ => (reference.trim(), None),
    }
}

/// What `draft new` made.
#[derive(Debug, Clone, Serialize, TS)]
pub struct NewDraft {
    /// `draft:N`.
    pub draft: String,
    /// What the roll-forward did.
    pub report: RollReport,
}

/// One leaf line, as listed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LeafLine {
    /// The key.
    pub key: String,
    /// Its name.
    pub label: String,
    /// This year, 元 (decimal string).
    pub value_yuan: String,
    /// Last year, 元 (decimal string; empty when none).
    pub baseline_yuan: String,
    /// Change, 元.
    pub change_yuan: String,
    /// Allocated by the roll-forward, to be confirmed.
    pub estimated: bool,
    /// The reason written for its change.
    pub reason: String,
    /// Where the baseline came from.
    pub origin: String,
    /// What the value counts: `元`, or a count's measure (`辆`, `台（套）`, `个`).
    pub unit: String,
    /// The block the line belongs to (its fund's spending, the economic breakdown, a table of
    /// its own, 政府采购, 国有资产与绩效目标): the grid groups by it.
    pub group: String,
    /// The line's name within its block (its label without the block's words).
    pub name: String,
    /// The unit (单位) the line is placed in; empty while it is the department's, not placed.
    pub budget_unit: String,
}

/// The block a leaf line is listed in.
fn group_of(key: &LeafKey) -> String {
    match key {
        LeafKey::Spend { fund, .. } => format!("{}（按功能科目）", fund.label()),
        LeafKey::Economic { .. } => "一般公共预算基本支出（按经济科目）".to_string(),
        LeafKey::Cell { table, .. } => table.split('#').next().unwrap_or(table).to_string(),
        LeafKey::Procurement { .. } => "政府采购".to_string(),
        LeafKey::Stated { .. } => "国有资产与绩效目标".to_string(),
    }
}

/// The words a leaf's label starts with that its block already says.
fn group_prefix(key: &LeafKey) -> String {
    match key {
        LeafKey::Spend { .. } | LeafKey::Economic { .. } => String::new(),
        LeafKey::Cell { table, .. } => table.split('#').next().unwrap_or(table).to_string(),
        LeafKey::Procurement { .. } => "政府采购预算".to_string(),
        LeafKey::Stated { .. } => String::new(),
    }
}

pub(crate) fn hash(state: &str) -> String {
    Sha256::digest(state.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Rolls a stored document forward into a new draft of `year` (default: its year + 1).
pub fn draft_new(
    lib: &mut Library,
    doc_id: i64,
    year: Option<i32>,
    now: &str,
) -> Result<NewDraft, ApiError> {
    draft_new_with(lib, doc_id, year, None, now)
}

/// [`draft_new`] with the change threshold (percent) beyond which a change needs a reason
/// (the user's setting; 10 when `None`).
pub fn draft_new_with(
    lib: &mut Library,
    doc_id: i64,
    year: Option<i32>,
    threshold_percent: Option<rust_decimal::Decimal>,
    now: &str,
) -> Result<NewDraft, ApiError> {
    let doc = lib.document(doc_id)?;
    let (mut draft, report) = roll_forward(&doc, doc_id, year)
        .map_err(|why| Refusal::NotRollable { doc: doc_id, why })?;
    if let Some(t) = threshold_percent {
        draft.threshold_percent = t;
    }
    draft.print.title_years = crate::practice::region_title_years(lib, doc_id)?;
    store_new_draft(lib, &draft, Some(doc_id), report, now)
}

/// Stores a new draft (made from document `source`, when it was): what `draft new` made.
pub(crate) fn store_new_draft(
    lib: &mut Library,
    draft: &Draft,
    source: Option<i64>,
    report: RollReport,
    now: &str,
) -> Result<NewDraft, ApiError> {
    let id = lib.store_mut().insert_draft(
        &draft.department,
        draft.year,
        &draft.format.label(),
        source,
        now,
        &to_json(draft)?,
    )?;
    Ok(NewDraft {
        draft: format!("draft:{id}"),
        report,
    })
}

/// A draft listed: `draft:N`, department, year, the version it is locked at.
pub type DraftListing = (String, String, i32, Option<String>);

/// Every draft in the library.
pub fn draft_list(lib: &Library) -> Result<Vec<DraftListing>, ApiError> {
    Ok(lib
        .store()
        .draft_listing()?
        .into_iter()
        .map(|(id, department, year, locked)| (format!("draft:{id}"), department, year, locked))
        .collect())
}

/// The document a draft derives.
pub fn draft_document(lib: &Library, id: i64, version: Option<&str>) -> Result<Document, ApiError> {
    Ok(derive(&load_draft(lib, id, version)?))
}

/// The findings on a draft: the checker on the derived document plus the draft rules.
pub fn draft_check(lib: &Library, id: i64) -> Result<Vec<Finding>, ApiError> {
    Ok(draft_findings(&load_draft(lib, id, None)?))
}

/// The leaf lines.
pub fn draft_lines(lib: &Library, id: i64) -> Result<Vec<LeafLine>, ApiError> {
    Ok(leaf_lines(&load_draft(lib, id, None)?))
}

/// The leaf lines of a loaded draft.
pub(crate) fn leaf_lines(d: &Draft) -> Vec<LeafLine> {
    d.leaves
        .iter()
        .map(|l| {
            let key = l.address();
            LeafLine {
                budget_unit: l.unit.clone().unwrap_or_default(),
                reason: d.reasons.get(&key).cloned().unwrap_or_default(),
                key,
                label: l.label.clone(),
                value_yuan: l.value.to_string(),
                baseline_yuan: l.baseline.map(|b| b.to_string()).unwrap_or_default(),
                change_yuan: (l.value - l.baseline.unwrap_or_default()).to_string(),
                estimated: l.estimated,
                unit: l.key.unit().to_string(),
                group: group_of(&l.key),
                // The kind first: a 项's 基本支出 and 项目支出 lines read apart even when the
                // name is cut short.
                name: match &l.key {
                    LeafKey::Spend { function, kind, .. } => format!(
                        "{} {} {}",
                        kind.label(),
                        function.as_str(),
                        d.name_of(function.as_str())
                    )
                    .trim()
                    .to_string(),
                    LeafKey::Economic { code, kind } => format!(
                        "{} {} {}",
                        kind.label(),
                        code.as_str(),
                        d.name_of(code.as_str())
                    )
                    .trim()
                    .to_string(),
                    _ => {
                        let g = group_prefix(&l.key);
                        l.label
                            .strip_prefix(g.as_str())
                            .map(str::trim)
                            .filter(|n| !n.is_empty())
                            .unwrap_or(&l.label)
                            .to_string()
                    }
                },
                origin: l
                    .origin
                    .as_ref()
                    .map(|o| {
                        let place = match (o.page, o.line) {
                            (Some(p), _) => format!("第{p}页"),
                            (None, Some(l)) => format!("第{l}行"),
                            _ => String::new(),
                        };
                        format!(
                            "文档{} {} {} {} {}",
                            o.document, o.table, o.row, o.column, place
                        )
                        .trim()
                        .to_string()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// `draft lines --format csv`: `key,label,value_yuan,baseline_yuan,…`.
pub fn draft_lines_csv(lines: &[LeafLine]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from(
        "key,label,value_yuan,baseline_yuan,change_yuan,estimated,reason,origin,budget_unit\n",
    );
    for l in lines {
        let row = [
            &l.key,
            &l.label,
            &l.value_yuan,
            &l.baseline_yuan,
            &l.change_yuan,
            &l.estimated.to_string(),
            &l.reason,
            &l.origin,
            &l.budget_unit,
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// A leaf line's address: its key and the unit it is placed in (`None`: not placed).
pub(crate) type Address = (LeafKey, Option<String>);

/// Resolves a leaf reference: its key (`…@单位` for a unit's line), or `#N` (its line number in
/// `draft lines`).
pub(crate) fn leaf_key(d: &Draft, id: i64, reference: &str) -> Result<Address, ApiError> {
    if let Some(n) = reference
        .strip_prefix('#')
        .and_then(|n| n.parse::<usize>().ok())
    {
        return d
            .leaves
            .get(n.wrapping_sub(1))
            .map(|l| (l.key.clone(), l.unit.clone()))
            .ok_or_else(|| {
                Refusal::NoLineNumbered {
                    id,
                    n,
                    count: d.leaves.len(),
                }
                .into()
            });
    }
    let (key, unit) =
        yusuan_draft::parse_address(reference).ok_or_else(|| Refusal::NotALineKey {
            id,
            reference: reference.to_string(),
        })?;
    // A table's row named as printed another way (`(补助)` / `（补助）`) is that row.
    let key = match d.leaf_at(&key, unit.as_deref()) {
        None => d.cell_as_named(&key).cloned().unwrap_or(key),
        Some(_) => key,
    };
    if let Some(u) = &unit {
        let names = yusuan_draft::unit_names(d);
        if !names.contains(u) {
            let why = yusuan_draft::UnitError::NotAUnit {
                name: u.clone(),
                units: names,
            };
            return Err(crate::refusal::in_draft(id)(why));
        }
    }
    let found = d.leaf_at(&key, unit.as_deref()).is_some();
    if let (false, Some(u)) = (found, &unit) {
        return Err(Refusal::UnitHasNoLine {
            id,
            unit: u.clone(),
            key: key.to_string(),
        }
        .into());
    }
    if !found
        && !matches!(
            key,
            LeafKey::Spend { .. }
                | LeafKey::Economic { .. }
                | LeafKey::Procurement { .. }
                | LeafKey::Stated { .. }
        )
    {
        return Err(Refusal::NoSuchLine {
            id,
            reference: reference.to_string(),
        }
        .into());
    }
    // A new line's kind is one the format's tables print (else no table would show it).
    if !found {
        let allowed: Vec<yusuan_draft::SpendKind> = match &key {
            LeafKey::Spend { .. } => yusuan_draft::spend_kinds(d),
            LeafKey::Economic { .. } => vec![
                yusuan_draft::SpendKind::Personnel,
                yusuan_draft::SpendKind::Public,
            ],
            _ => Vec::new(),
        };
        if let LeafKey::Spend { kind, .. } | LeafKey::Economic { kind, .. } = &key {
            if !allowed.contains(kind) {
                let names: Vec<&str> = allowed.iter().map(|k| k.label()).collect();
                return Err(Refusal::KindNotPrinted {
                    id,
                    kinds: names.join("、"),
                    kind: kind.label().to_string(),
                }
                .into());
            }
        }
    }
    // 政府采购 is either its 货物/工程/服务 parts (the total is their sum) or one total, never both.
    if let LeafKey::Procurement { part } = &key {
        use yusuan_draft::ProcurementPart as P;
        let has = |p: P| d.total_of(&LeafKey::Procurement { part: p }).is_some();
        let parts = [P::Goods, P::Works, P::Services].into_iter().any(has);
        if !found && *part == P::Total && parts {
            return Err(Refusal::ProcurementByParts { id }.into());
        }
        let total_stated = d
            .total_of(&LeafKey::Procurement { part: P::Total })
            .is_some_and(|v| !v.is_zero());
        if !found && matches!(part, P::Goods | P::Works | P::Services) && total_stated {
            return Err(Refusal::ProcurementTotalOnly { id }.into());
        }
    }
    Ok((key, unit))
}

/// A count (车辆, 项目) is a whole number, not below zero.
pub(crate) fn value_for(key: &LeafKey, text: &str) -> Result<Decimal, ApiError> {
    let v = parse_value(text)?;
    let unit = key.unit();
    if unit != "元" && (v.is_sign_negative() || !v.fract().is_zero() || u32::try_from(v).is_err())
    {
        return Err(Refusal::NotACount {
            text: text.to_string(),
            unit: unit.to_string(),
            what: key_label(key),
        }
        .into());
    }
    Ok(v)
}

fn key_label(key: &LeafKey) -> String {
    match key {
        LeafKey::Stated { item } => format!("{}是数量，", item.leaf_label()),
        _ => String::new(),
    }
}

pub(crate) fn parse_value(text: &str) -> Result<Decimal, ApiError> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t),
    };
    let v = parse_amount(body).map_err(|_| Refusal::NotAnAmount {
        text: text.to_string(),
    })?;
    Ok(if neg { -v } else { v })
}

/// The order of the blocks of lines: spending by fund (in the tables' order of funds), the
/// economic lines, 政府采购, 国有资产与绩效目标, then the cells of tables of their own.
fn block_rank(key: &LeafKey) -> (u8, usize) {
    match key {
        LeafKey::Spend { fund, .. } => (
            0,
            yusuan_draft::Fund::ALL
                .iter()
                .position(|f| f == fund)
                .unwrap_or(0),
        ),
        LeafKey::Economic { .. } => (1, 0),
        LeafKey::Procurement { .. } => (2, 0),
        LeafKey::Stated { .. } => (3, 0),
        LeafKey::Cell { .. } => (4, 0),
    }
}

pub(crate) fn set_leaf(d: &mut Draft, (key, unit): &Address, value: Decimal) -> Option<Decimal> {
    match d.leaf_at_mut(key, unit.as_deref()) {
        Some(l) => {
            let old = l.value;
            l.value = value;
            l.estimated = false;
            Some(old)
        }
        None => {
            // A line under a code the draft has not printed: its name (and its 款's and 类's) from
            // the catalogue, so the new rows are labelled.
            let codes: Vec<String> = match key {
                LeafKey::Spend { function, .. } => {
                    let c = function.as_str();
                    [c.get(..3), c.get(..5), c.get(..7)]
                        .into_iter()
                        .flatten()
                        .map(str::to_string)
                        .collect()
                }
                LeafKey::Economic { code, .. } => {
                    let c = code.as_str();
                    [c.get(..3), c.get(..5)]
                        .into_iter()
                        .flatten()
                        .map(str::to_string)
                        .collect()
                }
                LeafKey::Cell { .. } | LeafKey::Procurement { .. } | LeafKey::Stated { .. } => {
                    vec![]
                }
            };
            for c in codes {
                if let std::collections::btree_map::Entry::Vacant(slot) = d.names.entry(c) {
                    if let Some(name) = yusuan_check::catalogue_name(slot.key())
                        .or_else(|| yusuan_draft::class_name(slot.key()))
                    {
                        slot.insert(name.to_string());
                    }
                }
            }
            let label = d.label_for(key);
            // In its block (a fund's spending, the economic lines, …), so the editor lists it
            // there; the tables and the text order their rows by code whatever the order here.
            let at = d
                .leaves
                .iter()
                .rposition(|l| block_rank(&l.key) <= block_rank(key))
                .map_or(0, |i| i + 1);
            d.leaves.insert(
                at,
                yusuan_draft::Leaf {
                    key: key.clone(),
                    label,
                    value,
                    baseline: None,
                    origin: None,
                    estimated: false,
                    unit: unit.clone(),
                },
            );
            None
        }
    }
}

/// Sets a leaf line to `value` 元 (a new Spend/Economic key adds a line).
pub fn draft_set(
    lib: &mut Library,
    id: i64,
    reference: &str,
    value: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let at = leaf_key(d, id, reference)?;
        let v = value_for(&at.0, value)?;
        let target = yusuan_draft::address(&at.0, at.1.as_deref());
        let old = d
            .leaf_at(&at.0, at.1.as_deref())
            .map(|l| l.value.to_string());
        let edit = DraftEdit::Lines {
            change: LinesChange::Typed,
            state: lines_set(d, &[(at, v)]),
        };
        Ok(Made::new(edit, target, old, Some(v.to_string())))
    })
}

/// The lines `values` as they are once set in `d` (new ones added where the editor lists them,
/// with the names of their codes).
pub(crate) fn lines_set(d: &Draft, values: &[(Address, Decimal)]) -> LinesState {
    let amounts: Vec<(String, Decimal)> = values
        .iter()
        .map(|((k, u), v)| (yusuan_draft::address(k, u.as_deref()), *v))
        .collect();
    if let Some(state) = LinesState::amounts(d, &amounts) {
        return state;
    }
    // A new line: where the editor lists it, and the names of its codes.
    let mut after = d.clone();
    for (at, v) in values {
        set_leaf(&mut after, at, *v);
    }
    let addresses: Vec<String> = values
        .iter()
        .map(|((k, u), _)| yusuan_draft::address(k, u.as_deref()))
        .collect();
    let mut state = LinesState::after(d, &after, &addresses);
    // Setting an amount leaves its reason as it is.
    state.reasons.clear();
    state
}

/// Writes the reason for a change (a leaf key, a narrative figure key `说明|…`, or the key of a
/// reason in a restated explanation); an empty text removes it.
pub fn draft_reason(
    lib: &mut Library,
    id: i64,
    key: &str,
    text: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let figure = yusuan_draft::narrative::figures(d)
            .iter()
            .any(|f| f.key == key)
            || yusuan_draft::restate::reason_keys(d)
                .iter()
                .any(|k| k == key);
        let target = if figure {
            key.to_string()
        } else {
            let (k, u) = leaf_key(d, id, key)?;
            yusuan_draft::address(&k, u.as_deref())
        };
        let old = d.reasons.get(&target).cloned();
        let new = (!text.trim().is_empty()).then(|| text.trim().to_string());
        let edit = DraftEdit::Reason {
            key: target.clone(),
            text: new.clone(),
        };
        Ok(Made::new(edit, target, old, new))
    })
}

/// Whether a draft section's text is generated from its numbers (编制说明, 其他相关情况说明):
/// those are not typed, their reasons are.
pub fn generated_section(kind: yusuan_domain::SectionKind) -> bool {
    matches!(
        kind,
        yusuan_domain::SectionKind::BudgetExplanation
            | yusuan_domain::SectionKind::OtherExplanations
    )
}

/// A carried section's text as one string, a paragraph a line.
pub use yusuan_draft::edit::section_text;

/// Every edit, oldest first.
pub fn draft_history(lib: &Library, id: i64) -> Result<Vec<DraftEvent>, ApiError> {
    lib.store().draft(id)?;
    Ok(lib.store().draft_events(id)?)
}

/// Saves the draft as a named version (一上, 二上, 批复 …); returns its content hash. With
/// `lock`, the draft becomes read-only.
pub fn draft_version(
    lib: &mut Library,
    id: i64,
    name: &str,
    lock: bool,
    now: &str,
) -> Result<String, ApiError> {
    if name.trim().is_empty() {
        return Err(Refusal::EmptyVersionName.into());
    }
    let h = hash(&lib.store().draft(id)?.state_json);
    lib.store_mut()
        .add_draft_version(id, name.trim(), &h, lock, now)?;
    Ok(h)
}

/// Sets several leaf lines at once (a column pasted from Excel or WPS) as one undoable edit.
/// Nothing changes when any key or amount is not understood.
pub fn draft_set_many(
    lib: &mut Library,
    id: i64,
    pairs: &[(String, String)],
    now: &str,
) -> Result<Vec<Edit>, ApiError> {
    let d = load_draft(lib, id, None)?;
    let mut values = Vec::new();
    for (k, v) in pairs {
        let (key, unit) = leaf_key(&d, id, k)?;
        let value = value_for(&key, v)?;
        values.push((key, unit, value));
    }
    draft_apply_values(lib, id, &values, LinesChange::Pasted, "粘贴", now)
}

/// Applies a set of leaf values (an edited workbook, a paste) as one edit; returns the changes.
fn draft_apply_values(
    lib: &mut Library,
    id: i64,
    values: &[(LeafKey, Option<String>, Decimal)],
    change: LinesChange,
    source: &str,
    now: &str,
) -> Result<Vec<Edit>, ApiError> {
    let mut edits = Vec::new();
    let made = edit_draft(lib, id, now, |d| {
        edits.clear();
        let mut set = Vec::new();
        for (key, unit, v) in values {
            let before = d.leaf_at(key, unit.as_deref()).map(|l| l.value);
            if let (None, Some(u)) = (before, unit) {
                return Err(Refusal::WorkbookUnitLine {
                    unit: u.clone(),
                    key: key.to_string(),
                }
                .into());
            }
            if before == Some(*v) {
                continue;
            }
            set.push(((key.clone(), unit.clone()), *v));
            edits.push(Edit {
                seq: 0,
                target: yusuan_draft::address(key, unit.as_deref()),
                old: before.map(|b| b.to_string()),
                new: Some(v.to_string()),
            });
        }
        if set.is_empty() {
            return Ok(Made::unchanged(source, None, None));
        }
        let edit = DraftEdit::Lines {
            change: change.clone(),
            state: lines_set(d, &set),
        };
        Ok(Made::new(
            edit,
            source,
            None,
            Some(format!("{} 行", set.len())),
        ))
    })?;
    for e in &mut edits {
        e.seq = made.seq;
    }
    Ok(edits)
}

/// The draft as an editable workbook (leaf sheet + one sheet per table, totals as formulas).
pub fn draft_export_xlsx(lib: &Library, id: i64) -> Result<Vec<u8>, ApiError> {
    let d = load_draft(lib, id, None)?;
    Ok(yusuan_draft::workbook::write(&d).map_err(Refusal::Workbook)?)
}

/// Reads an edited workbook back into the draft as one edit (undoable); returns what changed.
/// Nothing changes when the workbook contradicts itself (a table cell typed over its formula).
pub fn draft_import_xlsx(
    lib: &mut Library,
    id: i64,
    path: &std::path::Path,
    now: &str,
) -> Result<Vec<Edit>, ApiError> {
    // The limits of any import: the file's size, its unpacked size and its sheets' ranges.
    let (name, bytes) = crate::import::read_limited(path)?;
    yusuan_import::check_workbook(&name, &bytes)?;
    let d = load_draft(lib, id, None)?;
    let read = yusuan_draft::workbook::read(&d, &bytes).map_err(|why| Refusal::WorkbookFile {
        path: path.display().to_string(),
        why,
    })?;
    let change = LinesChange::Workbook { file: name.clone() };
    draft_apply_values(lib, id, &read.values, change, &name, now)
}
