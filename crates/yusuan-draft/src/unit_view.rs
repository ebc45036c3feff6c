//! A unit's own 单位预算 from a department's draft: the unit's lines alone, in the same format,
//! in the unit's wording (预算单位 for 部门 in the table titles, 本单位, 编制单位).
//!
//! A line belongs to a unit when it is placed there ([`crate::place`]); a department of one
//! unit needs no placing, its unit's budget is the whole draft. The view is derived, never
//! edited: it is a [`Draft`] so that everything a draft offers (derive, check, export, compare)
//! works on it unchanged, and every figure in it is still a sum of the department draft's lines.

use crate::layout::{Body, CellRule, Query, RowRule, TableLayout};
use crate::model::Draft;
use crate::units::{is_unit_table, listed_units, unit_code, unit_names, UnitError};
use std::collections::HashSet;
use yusuan_domain::{BudgetUnit, ProjectPartKind, Scope, TableKind, UnitKind};

/// The unit a name stands for in a view: one of the draft's units, or (for a department of one
/// unit, or none listed) the department itself.
fn resolve(d: &Draft, names: &[String], name: &str) -> Result<String, UnitError> {
    let name = name.trim();
    if let Some(n) = names.iter().find(|n| n.as_str() == name) {
        return Ok(n.clone());
    }
    if names.len() <= 1 && name == d.department.trim() {
        return Ok(name.to_string());
    }
    Err(UnitError::NotAUnit {
        name: name.to_string(),
        units: names.to_vec(),
    })
}

/// The unit a name stands for in a view or an edit of its texts (see [`unit_view`]).
pub fn resolve_unit(d: &Draft, unit: &str) -> Result<String, UnitError> {
    resolve(d, &unit_names(d), unit)
}

/// The unit's own 单位预算: its lines (all of them for a department of one unit), the format's
/// tables less those listing the units, its row of a 收入总表 printed by unit, the projects and
/// forms it carries out, and the texts in the unit's wording.
pub fn unit_view(d: &Draft, unit: &str) -> Result<Draft, UnitError> {
    let names = unit_names(d);
    let name = resolve(d, &names, unit)?;
    let whole = names.len() <= 1;
    let code = listed_units(d)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c);
    let mut v = d.clone();
    let renamed = keep_units_lines(d, &mut v, &name, code.as_deref(), whole);
    keep_units_tables(d, &mut v, &name, code.as_deref());
    keep_units_projects(d, &mut v, &name, &renamed, whole);
    put_units_texts(d, &mut v, &name);
    // The department's counts of its units are not the unit's; nor are its explanations in its
    // own words (a unit's are generated in the unit's wording).
    v.stated.unit_counts = None;
    v.restated.clear();
    v.title = unit_wording(&d.title);
    v.department = name.clone();
    v.scope = Scope::Unit;
    let kind = d
        .units
        .iter()
        .find(|u| u.name.trim() == name)
        .map(|u| u.kind)
        .unwrap_or(UnitKind::Other);
    v.units = vec![BudgetUnit { name, code, kind }];
    Ok(v)
}

/// The view's lines: the unit's row of a table printed by unit keeps its cells; the other
/// tables' lines are the unit's where placed (all of them for a department of one unit), with
/// their reasons. Answers each kept line's address in the department's draft → in the view.
fn keep_units_lines(
    d: &Draft,
    v: &mut Draft,
    name: &str,
    code: Option<&str>,
    whole: bool,
) -> std::collections::BTreeMap<String, String> {
    let (mut mine, mut others) = (HashSet::new(), HashSet::new());
    for t in d.layout.iter().filter(|t| is_unit_table(t)) {
        if let Body::Rows { rows } = &t.body {
            for r in rows.iter().filter(|r| unit_code(r).is_some()) {
                let to = if unit_code(r) == code {
                    &mut mine
                } else {
                    &mut others
                };
                for c in &r.cells {
                    if let CellRule::Sum {
                        query: Query::Leaves { keys },
                    } = c
                    {
                        to.extend(keys.iter().cloned());
                    }
                }
            }
        }
    }
    v.leaves.retain(|l| {
        if mine.contains(&l.key) {
            true
        } else if others.contains(&l.key) {
            false
        } else {
            whole || l.unit.as_deref() == Some(name)
        }
    });
    let mut reasons = std::collections::BTreeMap::new();
    let mut renamed = std::collections::BTreeMap::new();
    for l in &mut v.leaves {
        if let Some(r) = d.reasons.get(&l.address()) {
            reasons.insert(l.key.to_string(), r.clone());
        }
        renamed.insert(l.address(), l.key.to_string());
        l.unit = None;
    }
    for (k, r) in &d.reasons {
        if k.starts_with("说明|") {
            reasons.insert(k.clone(), r.clone());
        }
    }
    v.reasons = reasons;
    renamed
}

/// The view's tables: the format's, less the 分单位 tables, in the unit's wording.
fn keep_units_tables(d: &Draft, v: &mut Draft, name: &str, code: Option<&str>) {
    v.layout = d
        .layout
        .iter()
        .filter_map(|t| unit_table(t, code))
        .collect();
    for t in &mut v.layout {
        t.title = unit_wording(&t.title);
        // A fund or 三公 table the unit has no money in says so, as its budget prints it.
        t.empty_note = t
            .empty_note
            .as_deref()
            .map(unit_wording)
            .or_else(|| crate::empty::empty_note(t.kind, Scope::Unit, d.year));
        t.compiled_by = t
            .compiled_by
            .as_deref()
            .map(|c| compiled_line(c, &d.department, name));
    }
}

/// The view's projects: those the unit's lines fund or whose 实施主体 names it, with their
/// shares of its lines and their forms.
fn keep_units_projects(
    d: &Draft,
    v: &mut Draft,
    name: &str,
    renamed: &std::collections::BTreeMap<String, String>,
    whole: bool,
) {
    // The projects' shares of the unit's lines, by the lines' addresses in the view.
    v.project_funds = d
        .project_funds
        .iter()
        .map(|(p, shares)| {
            let mine = shares
                .iter()
                .filter_map(|s| {
                    renamed.get(&s.line).map(|line| crate::ProjectShare {
                        line: line.clone(),
                        amount: s.amount,
                    })
                })
                .collect::<Vec<_>>();
            (p.clone(), mine)
        })
        .filter(|(_, s)| !s.is_empty())
        .collect();
    if !whole {
        // A project is the unit's when the unit's lines fund it, or its 实施主体 names the unit.
        let funded: Vec<String> = v.project_funds.keys().cloned().collect();
        let carries = |text: &str| text.contains(name);
        v.projects.retain(|p| {
            funded.contains(&p.name)
                || p.part(ProjectPartKind::Implementer)
                    .is_some_and(|part| carries(&part.text))
        });
        let kept: Vec<String> = v.projects.iter().map(|p| p.name.clone()).collect();
        v.performance_forms
            .retain(|f| f.implementer.as_deref().is_some_and(carries) || kept.contains(&f.project));
    }
}

/// The view's sections — the unit's own texts where it has them, else the department's in the
/// unit's wording, under the unit's titles — and its 目录.
fn put_units_texts(d: &Draft, v: &mut Draft, name: &str) {
    let own = d.unit_texts.get(name);
    for s in &mut v.sections {
        match own.and_then(|t| t.get(&s.title)) {
            // The unit's own text, paragraph for paragraph where it was printed.
            Some(text) => {
                let at = s.paragraphs.first().map_or(s.location, |p| p.location);
                s.paragraphs = text
                    .iter()
                    .enumerate()
                    .map(|(i, t)| yusuan_domain::Paragraph {
                        text: t.clone(),
                        location: yusuan_domain::Location {
                            page: at.page,
                            line: at.line.map(|l| l + i as u32),
                        },
                    })
                    .collect();
            }
            None => {
                for p in &mut s.paragraphs {
                    p.text = unit_wording(&p.text);
                }
            }
        }
        s.title = unit_section_title(&s.title, &d.department, name);
    }
    // The 目录 lists the tables the unit's budget prints (not the 分单位 tables).
    let kinds: Vec<TableKind> = v.layout.iter().map(|t| t.kind).collect();
    v.contents
        .retain(|c| match TableKind::from_title(&c.title) {
            TableKind::Other => true,
            kind => kinds.contains(&kind),
        });
    for c in &mut v.contents {
        c.title = unit_wording(&c.title);
    }
}

/// A table of the unit's budget: the department's, less the 分单位 tables; a 收入总表 printed by
/// unit keeps the unit's row and its totals.
fn unit_table(t: &TableLayout, code: Option<&str>) -> Option<TableLayout> {
    if !is_unit_table(t) {
        return Some(t.clone());
    }
    if t.kind != TableKind::Income {
        return None;
    }
    let mut t = t.clone();
    if let Body::Rows { rows } = &mut t.body {
        rows.retain(|r: &RowRule| unit_code(r).is_none_or(|c| Some(c) == code));
    }
    Some(t)
}

/// A section's title in the unit's budget: the department's name made the unit's
/// (`某局主要职能` → `某中心主要职能`), in the unit's wording.
pub fn unit_section_title(title: &str, department: &str, unit: &str) -> String {
    let department = department.trim();
    let named = if !department.is_empty() && title.contains(department) {
        title.replacen(department, unit, 1)
    } else {
        title.to_string()
    };
    unit_wording(&named).replace("（部门）", "（单位）")
}

/// `编制部门：部门` → `编制单位：单位`.
fn compiled_line(line: &str, department: &str, unit: &str) -> String {
    let line = line.replacen("编制部门", "编制单位", 1);
    if !department.trim().is_empty() && line.contains(department.trim()) {
        return line.replacen(department.trim(), unit, 1);
    }
    line
}

/// The department's wording made the unit's, as the regions print a 单位预算: `2026年部门收入预算总表`
/// → `2026年预算单位收入预算总表`, `2026年部门“三公”经费…` → `2026年单位“三公”经费…`, `本部门` → `本单位`,
/// `部门预算编制说明` → `单位预算编制说明`, `区级部门预算` → `区级单位预算`. The classification's own name
/// (`部门预算经济分类`) stays.
pub fn unit_wording(text: &str) -> String {
    const KEEP: &str = "部门预算经济分类";
    const HOLD: &str = "\u{0}";
    let mut s = text.replace(KEEP, HOLD);
    for (from, to) in [
        ("部门预算编制说明", "单位预算编制说明"),
        ("年部门“三公”", "年单位“三公”"),
        ("年部门\"三公\"", "年单位\"三公\""),
        ("年部门", "年预算单位"),
        ("本部门", "本单位"),
        ("级部门预算", "级单位预算"),
        ("部门预算", "单位预算"),
    ] {
        s = s.replace(from, to);
    }
    s.replace(HOLD, KEEP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_wording() {
        for (dept, unit) in [
            (
                "2025年部门财务收支预算总表",
                "2025年预算单位财务收支预算总表",
            ),
            (
                "2025年部门“三公”经费和机关运行经费预算表",
                "2025年单位“三公”经费和机关运行经费预算表",
            ),
            (
                "2025年部门一般公共预算基本支出部门预算经济分类预算表",
                "2025年预算单位一般公共预算基本支出部门预算经济分类预算表",
            ),
            (
                "上海市普陀区2025年区级部门预算",
                "上海市普陀区2025年区级单位预算",
            ),
            ("2025年部门预算编制说明", "2025年单位预算编制说明"),
            (
                "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。",
                "注:本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。",
            ),
            ("一般公共服务支出", "一般公共服务支出"),
        ] {
            assert_eq!(unit_wording(dept), unit, "{dept}");
        }
        assert_eq!(
            compiled_line("编制部门：上海市某局", "上海市某局", "上海市某中心"),
            "编制单位：上海市某中心"
        );
    }
}
