//! A department draft's units (单位): how much of its money each unit has, placing lines in a
//! unit (one undoable edit), and each unit's own 单位预算 as a read-only view (`draft:N/单位名称`,
//! accepted wherever a draft reference is: show, check, compare, export).

use crate::drafts::{bad, leaf_key, load_draft, os_user, retrying, split_unit_ref, to_json, Edit};
use crate::{ApiError, Library};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use yusuan_domain::parse_amount;
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

/// The lines an edit touched, before or after it, to put back on undo or redo.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Lines {
    /// Each touched line (by address) with its place among the lines, or none where absent.
    lines: BTreeMap<String, Option<(usize, Leaf)>>,
    reasons: BTreeMap<String, Option<String>>,
    /// The tables' layout, when the edit changed it (a unit's 分单位 rows turned into sums), with
    /// every line in its order (the unit's typed cells gone or back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    layout: Option<(Vec<yusuan_draft::TableLayout>, Vec<Leaf>)>,
    /// The projects' shares, when the edit moved them with their line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    funds: Option<BTreeMap<String, Vec<yusuan_draft::ProjectShare>>>,
}

fn snapshot(d: &Draft, addresses: &[String]) -> Lines {
    let mut s = Lines::default();
    for a in addresses {
        s.lines.insert(
            a.clone(),
            d.leaves
                .iter()
                .position(|l| l.address() == *a)
                .map(|i| (i, d.leaves[i].clone())),
        );
        s.reasons.insert(a.clone(), d.reasons.get(a).cloned());
    }
    s
}

/// Puts lines back as a snapshot recorded them (undo/redo of a placing).
pub(crate) fn apply_lines(d: &mut Draft, value: Option<&str>) -> Result<(), ApiError> {
    let s: Lines = serde_json::from_str(value.unwrap_or("{}"))
        .map_err(|e| bad(format!("历史记录无法读取：{e}")))?;
    if let Some(funds) = s.funds {
        d.project_funds = funds;
    }
    if let Some((layout, leaves)) = s.layout {
        d.layout = layout;
        d.leaves = leaves;
    } else {
        // Out first, then back at the places they had, in order.
        let addresses: Vec<&String> = s.lines.keys().collect();
        d.leaves.retain(|l| !addresses.contains(&&l.address()));
        let mut back: Vec<(usize, Leaf)> = s.lines.values().flatten().cloned().collect();
        back.sort_by_key(|(i, _)| *i);
        for (i, l) in back {
            d.leaves.insert(i.min(d.leaves.len()), l);
        }
    }
    for (a, r) in s.reasons {
        match r {
            Some(r) => d.reasons.insert(a, r),
            None => d.reasons.remove(&a),
        };
    }
    Ok(())
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
        Some(a) => Some(parse_amount(a).map_err(|_| {
            bad(format!(
                "“{a}”不是金额；请输入以元为单位的数字，如 1250000 或 1,250,000.50"
            ))
        })?),
        None => None,
    };
    retrying(lib, |lib| {
        let mut d = load_draft(lib, id, None)?;
        let (key, from) = leaf_key(&d, id, line)?;
        if key.unit() != "元" {
            return Err(bad(format!("“{key}”是数量，不是金额；数量按部门填报")));
        }
        let mut touched = vec![
            yusuan_draft::address(&key, from.as_deref()),
            yusuan_draft::address(&key, to),
        ];
        let layout = d.layout.clone();
        let kept = d.clone();
        let placed = yusuan_draft::place(&mut d, &key, from.as_deref(), to, amount)
            .map_err(|e| bad(format!("草稿 draft:{id}：{e}")))?;
        touched.extend(placed.typed.iter().map(|l| l.address()));
        let mut before = snapshot(&kept, &touched);
        let mut after = snapshot(&d, &touched);
        if d.layout != layout {
            before.layout = Some((layout, kept.leaves.clone()));
            after.layout = Some((d.layout.clone(), d.leaves.clone()));
        }
        if d.project_funds != kept.project_funds {
            before.funds = Some(kept.project_funds.clone());
            after.funds = Some(d.project_funds.clone());
        }
        let moved = placed.moved;
        let json = |s: &Lines| serde_json::to_string(s).unwrap_or_default();
        let target = format!("{} → {}（{moved} 元）", touched[0], to.unwrap_or("未分配"));
        let seq = lib.store_mut().record_draft_edit(
            id,
            &to_json(&d)?,
            "place",
            &target,
            Some(&json(&before)),
            Some(&json(&after)),
            now,
            &os_user(),
        )?;
        Ok(Edit {
            seq,
            target,
            old: Some(touched[0].clone()),
            new: Some(touched[1].clone()),
        })
    })
}

/// The draft a reference names, as derived from: the draft (or a version of it), or the view of
/// one of its units (`draft:N/单位名称`, `draft:N@版本/单位名称`).
pub fn load_reference(lib: &Library, reference: &str) -> Result<Draft, ApiError> {
    let (base, unit) = split_unit_ref(reference);
    let (id, version) = crate::parse_draft_ref(base).ok_or_else(|| {
        bad(format!(
            "“{reference}”不是草稿编号；草稿写作 draft:N，单位预算写作 draft:N/单位名称"
        ))
    })?;
    let d = load_draft(lib, id, version.as_deref())?;
    match unit {
        None => Ok(d),
        Some(u) => yusuan_draft::unit_view(&d, u).map_err(|e| bad(format!("草稿 draft:{id}：{e}"))),
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
        return Err(bad("单位的文字中有控制字符或过长（最多 20000 个字）".into()));
    }
    retrying(lib, |lib| {
        let mut d = load_draft(lib, id, None)?;
        let unit = yusuan_draft::resolve_unit(&d, unit)
            .map_err(|e| bad(format!("草稿 draft:{id}：{e}")))?;
        let section = d
            .sections
            .iter()
            .find(|s| {
                s.title == title.trim()
                    || yusuan_draft::unit_section_title(&s.title, &d.department, &unit)
                        == title.trim()
            })
            .ok_or_else(|| bad(format!("草稿 draft:{id} 中没有“{title}”这一部分")))?;
        if crate::drafts::generated_section(section.kind) {
            return Err(bad(format!(
                "“{title}”由数字生成，单位预算的这一部分由分配给该单位的明细生成"
            )));
        }
        let key = section.title.clone();
        let texts = d.unit_texts.entry(unit.clone()).or_default();
        let old = if lines.is_empty() {
            texts.remove(&key)
        } else {
            texts.insert(key.clone(), lines.clone())
        };
        if texts.is_empty() {
            d.unit_texts.remove(&unit);
        }
        let json = |v: &Option<Vec<String>>| {
            v.as_ref()
                .map(|p| serde_json::to_string(p).unwrap_or_default())
        };
        let new = (!lines.is_empty()).then(|| lines.clone());
        let target = format!("{unit}|{key}");
        if old == new {
            return Ok(Edit {
                seq: 0,
                target,
                old: json(&old),
                new: json(&new),
            });
        }
        let seq = lib.store_mut().record_draft_edit(
            id,
            &to_json(&d)?,
            "unit-text",
            &target,
            json(&old).as_deref(),
            json(&new).as_deref(),
            now,
            &os_user(),
        )?;
        Ok(Edit {
            seq,
            target,
            old: json(&old),
            new: json(&new),
        })
    })
}

/// Applies one side of a recorded unit-text edit (undo/redo).
pub(crate) fn apply_unit_text(
    d: &mut Draft,
    target: &str,
    value: Option<&str>,
) -> Result<(), ApiError> {
    let (unit, title) = target
        .split_once('|')
        .ok_or_else(|| bad(format!("历史记录中的单位文字无法识别：{target}")))?;
    let texts = d.unit_texts.entry(unit.to_string()).or_default();
    match value {
        Some(v) => {
            let paragraphs: Vec<String> =
                serde_json::from_str(v).map_err(|e| bad(format!("历史记录无法读取：{e}")))?;
            texts.insert(title.to_string(), paragraphs);
        }
        None => {
            texts.remove(title);
        }
    }
    if texts.is_empty() {
        d.unit_texts.remove(unit);
    }
    Ok(())
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
