//! A draft's 上年执行数 (last year's actual spending of the 一般公共预算 by function code): set
//! for one code, pasted as a column (code and amount per line, as copied from a spreadsheet), or
//! taken from last year's 决算 in the library, its lines matched by code (the user sees which
//! matched). Each change is one recorded, undoable edit; the 编制说明 then compares each 项 with
//! its 执行数, and each code shows its execution rate (执行数 ÷ 上年预算).

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::{load_draft, parse_value, Edit};
use crate::{ApiError, Library, Refusal};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;
use yusuan_draft::{actuals, DraftEdit};

/// One code's 执行数, for the window and the command line.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ActualView {
    /// 功能分类科目编码 (类, 款 or 项).
    pub code: String,
    /// Its name.
    pub name: String,
    /// 上年执行数, 元 (none while not given).
    pub actual_yuan: Option<String>,
    /// 上年预算 (the lines' baselines), 元.
    pub budget_yuan: String,
    /// This year's budget, 元.
    pub current_yuan: String,
    /// 执行率 (执行数 ÷ 上年预算), percent.
    pub rate_percent: Option<String>,
}

/// What reading a 决算's 执行数 did.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct ActualsImport {
    /// The recorded edit's number (0 when nothing changed).
    pub seq: i64,
    /// The codes the 决算 prints, with their 执行数.
    pub matched: Vec<ActualView>,
    /// The draft's codes the 决算 does not print (or, pasted, the codes the draft's lines do
    /// not use).
    pub unmatched: Vec<String>,
}

/// Every code of the draft's 一般公共预算 lines with its 执行数 (where given) and rate.
pub fn actual_views(d: &yusuan_draft::Draft) -> Vec<ActualView> {
    actuals::sums_by_code(d)
        .into_iter()
        .map(|(code, (current, budget))| {
            let actual = d.actuals.get(&code).copied();
            ActualView {
                name: d.name_of(&code).to_string(),
                actual_yuan: actual.map(|v| v.normalize().to_string()),
                budget_yuan: budget.normalize().to_string(),
                current_yuan: current.normalize().to_string(),
                rate_percent: actual
                    .and_then(|a| actuals::rate(a, budget))
                    .map(|r| format!("{r:.2}")),
                code,
            }
        })
        .collect()
}

/// A draft's 执行数 by code.
pub fn draft_actuals(lib: &Library, id: i64) -> Result<Vec<ActualView>, ApiError> {
    Ok(actual_views(&load_draft(lib, id, None)?))
}

fn map_json(m: &BTreeMap<String, Option<String>>) -> String {
    serde_json::to_string(m).unwrap_or_else(|_| "{}".into())
}

/// Puts `new` (code → 执行数 in 元, none to clear) into the draft as one edit; returns the
/// edit (seq 0 when nothing changed).
fn put(
    lib: &mut Library,
    id: i64,
    new: BTreeMap<String, Option<Decimal>>,
    target: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let changed: BTreeMap<String, Option<Decimal>> = new
            .iter()
            .filter(|(code, v)| d.actuals.get(*code).copied() != **v)
            .map(|(c, v)| (c.clone(), *v))
            .collect();
        if changed.is_empty() {
            return Ok(Made::unchanged(target, None, None));
        }
        let shown = |m: &BTreeMap<String, Option<String>>| Some(map_json(m));
        let old = changed
            .keys()
            .map(|c| (c.clone(), d.actuals.get(c).map(|b| b.to_string())))
            .collect();
        let now_set = changed
            .iter()
            .map(|(c, v)| (c.clone(), v.map(|b| b.to_string())))
            .collect();
        let edit = DraftEdit::Actuals { codes: changed };
        Ok(Made::new(edit, target, shown(&old), shown(&now_set)))
    })
}

/// An amount as typed: 元, or 万元 with its unit written (`140.42万元`); negative refused.
fn amount_in_yuan(text: &str) -> Result<Decimal, ApiError> {
    let t = text.trim();
    let (t, unit) = match t.strip_suffix("万元") {
        Some(v) => (v, yusuan_domain::Unit::WanYuan),
        None => (t.strip_suffix('元').unwrap_or(t), yusuan_domain::Unit::Yuan),
    };
    let v = parse_value(t)?;
    if v.is_sign_negative() && !v.is_zero() {
        let text = text.to_string();
        return Err(Refusal::NegativeActual { text }.into());
    }
    Ok(yusuan_domain::Amount { value: v, unit }.to_yuan())
}

/// Sets (or, with an empty value, clears) one code's 执行数.
pub fn draft_actual(
    lib: &mut Library,
    id: i64,
    code: &str,
    value: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let code = actuals::checked_code(code).map_err(Refusal::Actuals)?;
    let v = if value.trim().is_empty() {
        None
    } else {
        Some(amount_in_yuan(value)?)
    };
    put(lib, id, BTreeMap::from([(code.clone(), v)]), &code, now)
}

/// Pastes a column of 执行数: one code and its amount per line (tab between, as copied from a
/// spreadsheet, or spaces; a name may stand between them; a header line without a code is
/// skipped). The draft's codes are set in one edit; codes its lines do not use are listed as not
/// matched. A line that cannot be read refuses the whole paste, naming the line.
pub fn draft_actuals_paste(
    lib: &mut Library,
    id: i64,
    text: &str,
    now: &str,
) -> Result<ActualsImport, ApiError> {
    let mut new = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let cells: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split([' ', '　']).collect()
        };
        let cells: Vec<&str> = cells
            .into_iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let Some(first) = cells.first() else { continue };
        if n == 0 && !first.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let line = n + 1;
        let at_line = |why: ApiError| Refusal::PastedLine {
            line,
            why: Box::new(why),
        };
        let code = actuals::checked_code(first).map_err(|e| at_line(Refusal::Actuals(e).into()))?;
        // The amount is the line's last cell (a name may stand between).
        let Some(value) = cells.get(1..).and_then(|rest| rest.last()) else {
            return Err(Refusal::PastedCodeOnly { line, code }.into());
        };
        let v = amount_in_yuan(value).map_err(at_line)?;
        new.insert(code, Some(v));
    }
    if new.is_empty() {
        return Err(Refusal::NothingPasted.into());
    }
    let codes = actuals::codes(&load_draft(lib, id, None)?);
    let (known, unmatched): (
        BTreeMap<String, Option<Decimal>>,
        BTreeMap<String, Option<Decimal>>,
    ) = new.into_iter().partition(|(c, _)| codes.contains(c));
    let edit = put(lib, id, known.clone(), "粘贴", now)?;
    let matched = actual_views(&load_draft(lib, id, None)?)
        .into_iter()
        .filter(|v| known.contains_key(&v.code))
        .collect();
    Ok(ActualsImport {
        seq: edit.seq,
        matched,
        unmatched: unmatched.into_keys().collect(),
    })
}

/// Takes the 执行数 from last year's 决算 (`doc_id`, a document of the library): its
/// 一般公共预算财政拨款支出决算表 by code, for every code of the draft's lines. One edit.
pub fn draft_actuals_from(
    lib: &mut Library,
    id: i64,
    doc_id: i64,
    now: &str,
) -> Result<ActualsImport, ApiError> {
    let doc = lib.document(doc_id)?;
    let d = load_draft(lib, id, None)?;
    let found = actuals::from_final_accounts(&d, &doc)
        .map_err(|why| Refusal::ActualsFrom { doc: doc_id, why })?;
    let unmatched: Vec<String> = actuals::codes(&d)
        .into_iter()
        .filter(|c| !found.contains_key(c))
        .collect();
    let edit = put(
        lib,
        id,
        found.iter().map(|(c, v)| (c.clone(), Some(*v))).collect(),
        &format!("决算:{doc_id}"),
        now,
    )?;
    let d = load_draft(lib, id, None)?;
    let matched = actual_views(&d)
        .into_iter()
        .filter(|v| found.contains_key(&v.code))
        .collect();
    Ok(ActualsImport {
        seq: edit.seq,
        matched,
        unmatched,
    })
}

/// A 决算 of the library the 执行数 can be taken from.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FinalAccountsRef {
    /// Its library id.
    #[ts(type = "number")]
    pub id: i64,
    /// Its title.
    pub title: String,
}

/// The library's 决算 of the department for the year the draft's 执行数 are of.
pub(crate) fn final_accounts_for(
    lib: &Library,
    d: &yusuan_draft::Draft,
) -> Result<Vec<FinalAccountsRef>, ApiError> {
    let year = actuals::actuals_year(d);
    let key = yusuan_domain::department_key(&d.department);
    Ok(lib
        .store()
        .list()?
        .into_iter()
        .filter(|s| {
            s.year == year
                && s.kind == "决算"
                && yusuan_domain::department_key(&s.department) == key
        })
        .map(|s| FinalAccountsRef {
            id: s.id,
            title: s.title,
        })
        .collect())
}
