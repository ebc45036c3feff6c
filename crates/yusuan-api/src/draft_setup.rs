//! Setting a draft up: a blank draft of a format (a shipped template, or a stored document's
//! format) for a department with no published budget to roll forward, and the units a
//! department's 分单位 tables list. Each change is one recorded, undoable edit.

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::{leaf_key, load_draft, set_leaf, store_new_draft, value_for, Edit, NewDraft};
use crate::refusal::in_draft;
use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::edit::{LinesChange, LinesState, UnitsState};
use yusuan_draft::{blank, roll_forward, BlankFor, DraftEdit, RollReport};

/// A format to start a blank draft from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlankFrom {
    /// A shipped template, by id or name (see [`draft_templates`]).
    Template(String),
    /// The format of a stored budget document (any department's).
    Document(i64),
}

/// A shipped template, listed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DraftTemplate {
    /// Its id (`shanghai-9-bumen`).
    pub id: String,
    /// What the user picks (`上海 9张表 部门预算（区级）`).
    pub name: String,
    /// The region the template prints (`上海市普陀区`): the dialog's suggestion.
    pub region: String,
    /// How many tables it prints.
    pub tables: usize,
}

/// The shipped templates.
pub fn draft_templates() -> Vec<DraftTemplate> {
    yusuan_draft::TEMPLATES
        .iter()
        .filter_map(|(id, name, _)| {
            let t = yusuan_draft::template(id)?;
            Some(DraftTemplate {
                id: id.to_string(),
                name: name.to_string(),
                region: t.region.clone().unwrap_or_default(),
                tables: t.layout.len(),
            })
        })
        .collect()
}

/// A department's or unit's name as typed: trimmed, not empty, one line, not too long.
pub(crate) fn checked_name(what: &'static str, name: &str) -> Result<String, ApiError> {
    let n = name.trim();
    if n.is_empty() {
        return Err(Refusal::EmptyName { what }.into());
    }
    if n.chars().any(char::is_control) {
        return Err(Refusal::NameNotOneLine { what }.into());
    }
    if n.chars().count() > 60 {
        let chars = n.chars().count();
        return Err(Refusal::NameTooLong { what, chars }.into());
    }
    Ok(n.to_string())
}

/// The year after `now`'s (an RFC 3339 time).
fn next_year(now: &str) -> Option<i32> {
    now.get(..4)?.parse::<i32>().ok().map(|y| y + 1)
}

/// Who a blank draft is for: the department, its region (the format's when `None`), the
/// budget year (next year when `None`), the change threshold (10 % when `None`).
#[derive(Debug, Clone, Default)]
pub struct BlankRequest {
    /// The department (or unit) as printed.
    pub department: String,
    /// The region as printed.
    pub region: Option<String>,
    /// The budget year.
    pub year: Option<i32>,
    /// The user's change threshold, percent.
    pub threshold_percent: Option<rust_decimal::Decimal>,
}

/// Starts a blank draft of a format for a department: its tables with no money, its texts to
/// be written, no 上年.
pub fn draft_new_blank(
    lib: &mut Library,
    from: &BlankFrom,
    req: &BlankRequest,
    now: &str,
) -> Result<NewDraft, ApiError> {
    let (department, region, year) = (req.department.as_str(), req.region.as_deref(), req.year);
    let department = checked_name("部门名称", department)?;
    let region = match region.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Some(checked_name("地区", r)?),
        None => None,
    };
    let (format_of, source) = match from {
        BlankFrom::Template(id) => {
            let names: Vec<&str> = yusuan_draft::TEMPLATES.iter().map(|(i, _, _)| *i).collect();
            let t = yusuan_draft::template(id).ok_or_else(|| Refusal::NoTemplate {
                name: id.to_string(),
                available: names.join("、"),
            })?;
            (t, None)
        }
        BlankFrom::Document(doc_id) => {
            let doc = lib.document(*doc_id)?;
            let (d, _) = roll_forward(&doc, *doc_id, None)
                .map_err(|why| Refusal::NotAFormat { doc: *doc_id, why })?;
            (d, Some(*doc_id))
        }
    };
    let year = year.or_else(|| next_year(now)).unwrap_or(format_of.year);
    if !(2000..=2100).contains(&year) {
        return Err(Refusal::YearOutOfRange { year }.into());
    }
    let mut draft = blank(
        &format_of,
        &BlankFor {
            department,
            year,
            region,
        },
    );
    if let Some(t) = req.threshold_percent {
        draft.threshold_percent = t;
    }
    let report = RollReport {
        leaves: draft.leaves.len(),
        ..RollReport::default()
    };
    store_new_draft(lib, &draft, source, report, now)
}

/// Adds a unit to a department's draft: a row in each 分单位 table, its lines at zero. The
/// code is the one given, or the next 序号.
pub fn draft_unit_add(
    lib: &mut Library,
    id: i64,
    name: &str,
    code: Option<&str>,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let name = checked_name("单位名称", name)?;
        let mut after = d.clone();
        let (code, _) = yusuan_draft::add_unit(&mut after, &name, code).map_err(in_draft(id))?;
        let edit = DraftEdit::Unit {
            name: name.clone(),
            code: Some(code.clone()),
            state: Box::new(UnitsState::of(&after)),
        };
        Ok(Made::new(edit, name, None, Some(code)))
    })
}

/// Removes a unit from a department's draft. Its lines must be at zero first, so that nothing
/// typed is lost (and undo brings back exactly what was there).
pub fn draft_unit_remove(
    lib: &mut Library,
    id: i64,
    name: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let name = name.trim().to_string();
        let Some((_, code)) = yusuan_draft::listed_units(d)
            .into_iter()
            .find(|(n, _)| *n == name)
        else {
            return Err(Refusal::NoSuchUnit { id, name }.into());
        };
        let with_money: Vec<String> = d
            .leaves
            .iter()
            .filter(|l| {
                !l.value.is_zero()
                    && matches!(&l.key, yusuan_draft::LeafKey::Cell { row, .. } if *row == code)
            })
            .map(|l| l.label.clone())
            .collect();
        if !with_money.is_empty() {
            return Err(Refusal::UnitHasMoney {
                name,
                count: with_money.len(),
                example: with_money[0].clone(),
            }
            .into());
        }
        let placed = d
            .leaves
            .iter()
            .filter(|l| l.unit.as_deref() == Some(name.as_str()))
            .count();
        if placed > 0 {
            let count = placed;
            return Err(Refusal::UnitHasLines { id, name, count }.into());
        }
        let mut after = d.clone();
        yusuan_draft::remove_unit(&mut after, &name).map_err(in_draft(id))?;
        let edit = DraftEdit::Unit {
            name: name.clone(),
            code: None,
            state: Box::new(UnitsState::of(&after)),
        };
        Ok(Made::new(edit, name, Some(code), None))
    })
}

/// Adds a new line: spending of a fund under a function code (`支出|一般公共预算|2130101|项目支出`)
/// or a 基本支出 economic code (`经济|30217|公用经费`), with its amount. `names` name the code
/// and its 类/款 (`("", "行政运行")` for the line's own code, `("20101", "人大事务")`) where the
/// draft's catalogue does not (else R005 asks for them). A line that exists is refused: change
/// its amount instead.
pub fn draft_add_line(
    lib: &mut Library,
    id: i64,
    key: &str,
    value: &str,
    names: &[(String, String)],
    now: &str,
) -> Result<Edit, ApiError> {
    // A figure the generated sections state (政府采购 by kind, 面向中小企业预留, 车辆, 大型设备, 绩效
    // 项目 …) is added as it is set: its own checks, no code to name.
    let stated = yusuan_draft::parse_address(key).is_some_and(|(k, _)| {
        matches!(
            k,
            yusuan_draft::LeafKey::Procurement { .. } | yusuan_draft::LeafKey::Stated { .. }
        )
    });
    if stated {
        let d = load_draft(lib, id, None)?;
        let at = leaf_key(&d, id, key)?;
        if d.leaf_at(&at.0, at.1.as_deref()).is_some() {
            let label = d.label_for(&at.0);
            return Err(Refusal::LineExists { id, label }.into());
        }
        return crate::drafts::draft_set(lib, id, key, value, now);
    }
    edit_draft(lib, id, now, |d| {
        use yusuan_draft::LeafKey;
        let mut after = d.clone();
        let at = leaf_key(d, id, key)?;
        let k = at.0.clone();
        let code = match &k {
            LeafKey::Spend { function, .. } => function.as_str().to_string(),
            LeafKey::Economic { code, .. } => code.as_str().to_string(),
            _ => {
                let key = key.to_string();
                return Err(Refusal::NotAddable { key }.into());
            }
        };
        if d.leaf_at(&k, at.1.as_deref()).is_some() {
            let label = d.label_for(&k);
            return Err(Refusal::LineExists { id, label }.into());
        }
        let v = value_for(&k, value)?;
        for (c, n) in names {
            let c = if c.trim().is_empty() {
                code.clone()
            } else {
                c.trim().to_string()
            };
            if !code.starts_with(&c) {
                return Err(Refusal::NameOfOtherCode {
                    name: n.clone(),
                    named: c,
                    code,
                }
                .into());
            }
            if !n.trim().is_empty() {
                after.names.insert(c, checked_name("科目名称", n)?);
            }
        }
        set_leaf(&mut after, &at, v);
        let target = yusuan_draft::address(&k, at.1.as_deref());
        let mut state = LinesState::after(d, &after, std::slice::from_ref(&target));
        state.reasons.clear();
        let edit = DraftEdit::Lines {
            change: LinesChange::Typed,
            state,
        };
        Ok(Made::new(edit, target, None, Some(v.to_string())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_typed() {
        // check(input, expect)
        for (input, expect) in [
            (
                "  上海市嘉定区新设局 ",
                Ok("上海市嘉定区新设局".to_string()),
            ),
            ("", Err(())),
            ("第一行\n第二行", Err(())),
            (&"局".repeat(61), Err(())),
        ] {
            assert_eq!(
                checked_name("部门名称", input).map_err(|_| ()),
                expect,
                "{input}"
            );
        }
    }

    #[test]
    fn next_year_from_the_clock() {
        assert_eq!(next_year("2026-12-01T00:00:00Z"), Some(2027));
        assert_eq!(next_year("x"), None);
    }
}
