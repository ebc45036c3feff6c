//! A draft edit as one typed value: what the store keeps of each edit, and what undo and redo
//! apply. Each edit puts one part of the draft as it is to be (lines, a reason, a section's text,
//! a project, a form …) or makes one named change (a unit added, a title renamed); applying it
//! answers with the edit that undoes it — the same part as it was — so undo applies the stored
//! inverse and redo the stored edit, and nothing chooses what to do by an action's name.
//!
//! The operations that make edits (yusuan-api: set a line, paste, place, write a reason …) decide
//! the new state with the drafting logic and build the edit from it; this module only puts it.

use crate::carried::{self, CarriedError};
use crate::project_funds::{self, ShareError};
use crate::restated::Restatement;
use crate::titles::{rename_title, TitleError};
use crate::{Draft, Leaf, PrintSetting, ProjectShare, TableLayout};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use yusuan_domain::{Paragraph, PerformanceForm, ProjectDescription, Section};

/// One edit of a draft (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftEdit {
    /// Lines put as they are to be: typed, pasted, read from a workbook, added, or placed in a
    /// unit (`change` says which, for the history).
    Lines {
        /// What made the change.
        change: LinesChange,
        /// The lines (and what moved with them) as they are to be.
        state: LinesState,
    },
    /// The reason under a key (a line's address, a figure's key), or none.
    Reason {
        /// The key.
        key: String,
        /// The reason, or none.
        text: Option<String>,
    },
    /// A carried section's text (主要职能, 机构设置 …), a paragraph a line.
    Section {
        /// The section's title.
        title: String,
        /// Its text.
        text: String,
    },
    /// One setting of the print style.
    Print {
        /// The setting's name (`零值单元格`, `表名年度`).
        setting: String,
        /// The choice's label.
        choice: String,
    },
    /// A table or section titled `from` renamed `to` (the 目录 and a unit's texts follow).
    Rename {
        /// The title before.
        from: String,
        /// The title after.
        to: String,
    },
    /// A 情况说明 restated in the department's words, with the reasons it takes the place of.
    Explanation {
        /// The section's title.
        section: String,
        /// The bound text, or none (generated from the numbers).
        restated: Option<Restatement>,
        /// The reasons under these keys as they are to be.
        reasons: BTreeMap<String, Option<String>>,
    },
    /// A unit added with its code (序号/代码), or removed (no code): the tables, lines and units
    /// as they are to be.
    Unit {
        /// The unit's name.
        name: String,
        /// Its code, or none (removed).
        code: Option<String>,
        /// The parts of the draft a unit is in, as they are to be.
        state: Box<UnitsState>,
    },
    /// A unit's own text for its 单位预算 (a paragraph an entry), or none (the department's).
    UnitText {
        /// The unit.
        unit: String,
        /// The section's title.
        title: String,
        /// Its paragraphs, or none.
        paragraphs: Option<Vec<String>>,
    },
    /// A project description added at its place, removed from it, or put in its place (a part
    /// rewritten); with the 绩效目标表 where the edit changed them (a part printing its form).
    Project {
        /// The project's name, as the history shows it.
        name: String,
        /// Its place among the projects.
        at: usize,
        /// What changed.
        change: ProjectChange,
        /// The project (none where removed).
        project: Option<ProjectDescription>,
        /// Every form, where the edit changed them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        forms: Option<Vec<PerformanceForm>>,
    },
    /// A project's share of a 项目支出 line, 元 (zero: none).
    Share {
        /// The project.
        project: String,
        /// The line's address.
        line: String,
        /// The share.
        amount: Decimal,
    },
    /// A project renamed (its form and shares follow).
    ProjectRename {
        /// Its place among the projects.
        at: usize,
        /// The name before.
        from: String,
        /// The name after.
        to: String,
    },
    /// One cell of a table the draft carries as printed.
    Cell {
        /// The table's title.
        table: String,
        /// The row.
        row: usize,
        /// The column.
        column: usize,
        /// The text.
        text: String,
    },
    /// A row of a carried table put in at its place (its cells), or taken out (none).
    Row {
        /// The table's title.
        table: String,
        /// The row's place.
        at: usize,
        /// Its cells, or none.
        cells: Option<Vec<String>>,
    },
    /// Every row of a carried table (pasted whole), as it is to be.
    Rows {
        /// The table's title.
        table: String,
        /// The rows.
        rows: Vec<crate::layout::RowRule>,
    },
    /// A project's 绩效目标表 put at its place, or removed (`change` says how, for the history).
    Form {
        /// The project the form is for.
        project: String,
        /// What changed.
        change: FormChange,
        /// Its place among the forms and the form, or none.
        form: Option<(usize, PerformanceForm)>,
    },
    /// 上年执行数 by function code, 元 (none: cleared).
    Actuals {
        /// Code → amount.
        codes: BTreeMap<String, Option<Decimal>>,
    },
}

/// What put a draft's lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum LinesChange {
    /// A line's amount typed (or a line added by its code).
    Typed,
    /// Lines pasted from a spreadsheet.
    Pasted,
    /// Lines read from an edited workbook.
    Workbook {
        /// The workbook's file name.
        file: String,
    },
    /// Money of a line placed in a unit (or back).
    Placed {
        /// The line's address where the money was.
        from: String,
        /// The line's address where it went.
        to: String,
        /// How much moved, 元.
        moved: Decimal,
    },
}

/// Lines of a draft (and what moves with them) as an edit puts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinesState {
    /// Each line (by address) with its place among the lines, or none where absent.
    pub lines: BTreeMap<String, Option<(usize, Leaf)>>,
    /// The reasons under these lines' addresses.
    #[serde(default)]
    pub reasons: BTreeMap<String, Option<String>>,
    /// The tables' layout with every line in its order, when the edit changes the layout (a
    /// unit's 分单位 rows turned into sums).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<(Vec<TableLayout>, Vec<Leaf>)>,
    /// The projects' shares, when the edit moves them with their line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funds: Option<BTreeMap<String, Vec<ProjectShare>>>,
    /// The names of codes a new line brought (its 项, 款 and 类 from the catalogue).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, Option<String>>,
}

/// Where the line at `address` is among the draft's lines (keys compared, not their text).
fn position(d: &Draft, address: &str) -> Option<usize> {
    match crate::parse_address(address) {
        Some((key, unit)) => d.leaves.iter().position(|l| l.key == key && l.unit == unit),
        None => d.leaves.iter().position(|l| l.address() == address),
    }
}

impl LinesState {
    /// The lines at `addresses` of `d` as they are (with their reasons): what puts them back.
    pub fn of(d: &Draft, addresses: &[String]) -> LinesState {
        let mut s = LinesState::default();
        for a in addresses {
            let at = position(d, a);
            s.lines
                .insert(a.clone(), at.map(|i| (i, d.leaves[i].clone())));
            s.reasons.insert(a.clone(), d.reasons.get(a).cloned());
        }
        s
    }

    /// The lines of `d` whose amounts are set to these values, where every one is there already
    /// (its amount typed: no longer estimated); none where one is new.
    pub fn amounts(d: &Draft, values: &[(String, Decimal)]) -> Option<LinesState> {
        let mut s = LinesState::default();
        for (a, v) in values {
            let i = position(d, a)?;
            let mut leaf = d.leaves[i].clone();
            leaf.value = *v;
            leaf.estimated = false;
            s.lines.insert(a.clone(), Some((i, leaf)));
        }
        Some(s)
    }

    /// The state `after` an edit of the lines of `before` at `addresses`, with the layout and
    /// the shares where the edit changed them.
    pub fn after(before: &Draft, after: &Draft, addresses: &[String]) -> LinesState {
        let mut s = LinesState::of(after, addresses);
        s.names = after
            .names
            .iter()
            .filter(|(c, n)| before.names.get(*c) != Some(n))
            .map(|(c, n)| (c.clone(), Some(n.clone())))
            .collect();
        if after.layout != before.layout {
            s.layout = Some((after.layout.clone(), after.leaves.clone()));
        }
        if after.project_funds != before.project_funds {
            s.funds = Some(after.project_funds.clone());
        }
        s
    }

    /// The same parts of `d` as they are now.
    fn current(&self, d: &Draft) -> LinesState {
        let addresses: Vec<String> = self.lines.keys().cloned().collect();
        let mut s = LinesState::of(d, &addresses);
        s.reasons = self
            .reasons
            .keys()
            .map(|a| (a.clone(), d.reasons.get(a).cloned()))
            .collect();
        s.layout = self
            .layout
            .as_ref()
            .map(|_| (d.layout.clone(), d.leaves.clone()));
        s.funds = self.funds.as_ref().map(|_| d.project_funds.clone());
        s.names = self
            .names
            .keys()
            .map(|c| (c.clone(), d.names.get(c).cloned()))
            .collect();
        s
    }

    fn put(&self, d: &mut Draft) {
        if let Some(funds) = &self.funds {
            d.project_funds = funds.clone();
        }
        let in_place = self.lines.iter().all(|(a, l)| match l {
            Some((i, leaf)) => {
                d.leaves
                    .get(*i)
                    .is_some_and(|now| now.key == leaf.key && now.unit == leaf.unit)
                    && position(d, a) == Some(*i)
            }
            None => false,
        });
        if let Some((layout, leaves)) = &self.layout {
            d.layout = layout.clone();
            d.leaves = leaves.clone();
        } else if in_place {
            // Every line is where it is to be: its amount put in place.
            for (i, leaf) in self.lines.values().flatten() {
                d.leaves[*i] = leaf.clone();
            }
        } else {
            // Out first, then in at the places they are to have, in order.
            d.leaves.retain(|l| !self.lines.contains_key(&l.address()));
            let mut back: Vec<&(usize, Leaf)> = self.lines.values().flatten().collect();
            back.sort_by_key(|(i, _)| *i);
            for (i, l) in back {
                d.leaves.insert((*i).min(d.leaves.len()), l.clone());
            }
        }
        for (a, r) in &self.reasons {
            match r {
                Some(r) => d.reasons.insert(a.clone(), r.clone()),
                None => d.reasons.remove(a),
            };
        }
        for (c, n) in &self.names {
            match n {
                Some(n) => d.names.insert(c.clone(), n.clone()),
                None => d.names.remove(c),
            };
        }
    }
}

/// The parts of a draft a unit is in: its rows in the 分单位 tables, its lines, its entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitsState {
    /// The tables' layout.
    pub layout: Vec<TableLayout>,
    /// Every line, in order.
    pub leaves: Vec<Leaf>,
    /// The department's units.
    pub units: Vec<yusuan_domain::BudgetUnit>,
}

impl UnitsState {
    /// These parts of `d` as they are.
    pub fn of(d: &Draft) -> UnitsState {
        UnitsState {
            layout: d.layout.clone(),
            leaves: d.leaves.clone(),
            units: d.units.clone(),
        }
    }
}

/// What changed of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum ProjectChange {
    /// Added (or put back).
    Added,
    /// Removed.
    Removed,
    /// One of its parts rewritten.
    Part {
        /// The part's label (`项目概述` …).
        part: String,
    },
}

/// What changed of a 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum FormChange {
    /// An indicator set, added or removed (`一级/二级/三级`).
    Indicator {
        /// The indicator's path.
        path: String,
        /// Its value as printed, or none (removed).
        printed: Option<String>,
    },
    /// The whole form deleted.
    Deleted,
    /// The whole form put back.
    Restored,
}

/// Why an edit could not be applied to the draft (a stored one: the draft no longer has what it
/// names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No section of that title.
    NoSection(String),
    /// No project of that name.
    NoProject(String),
    /// A print setting or choice not known.
    Print(String),
    /// A rename refused.
    Title(TitleError),
    /// A share not set.
    Share(ShareError),
    /// A carried table's cell or row not set.
    Carried(CarriedError),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSection(t) => write!(f, "草稿中没有“{t}”这一部分"),
            EditError::NoProject(n) => write!(f, "草稿中没有项目“{n}”"),
            EditError::Print(p) => write!(f, "印法无法识别：{p}"),
            EditError::Title(e) => write!(f, "{e}"),
            EditError::Share(e) => write!(f, "{e}"),
            EditError::Carried(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for EditError {}

/// A carried section's text as one string, a paragraph a line.
pub fn section_text(s: &Section) -> String {
    s.paragraphs
        .iter()
        .map(|p| p.text.trim())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sets a carried section's text (a paragraph a line, blank lines dropped); returns the text
/// before.
pub fn put_section_text(d: &mut Draft, title: &str, text: &str) -> Result<String, EditError> {
    let s = d
        .sections
        .iter_mut()
        .find(|s| s.title == title)
        .ok_or_else(|| EditError::NoSection(title.to_string()))?;
    let old = section_text(s);
    let at = s.paragraphs.first().map_or(s.location, |p| p.location);
    s.paragraphs = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| Paragraph {
            text: l.to_string(),
            location: yusuan_domain::Location {
                page: at.page,
                line: at.line.map(|n| n + i as u32),
            },
        })
        .collect();
    Ok(old)
}

/// Puts 执行数 by code (none clears one).
fn put_actuals(d: &mut Draft, codes: &BTreeMap<String, Option<Decimal>>) {
    for (code, v) in codes {
        match v {
            Some(v) => d.actuals.insert(code.clone(), *v),
            None => d.actuals.remove(code),
        };
    }
}

/// Puts a form at its place, or removes it.
fn put_form(d: &mut Draft, project: &str, form: &Option<(usize, PerformanceForm)>) {
    d.performance_forms.retain(|f| f.project != project);
    if let Some((at, f)) = form {
        d.performance_forms
            .insert((*at).min(d.performance_forms.len()), f.clone());
    }
}

/// Puts a unit's own text, or removes it.
fn put_unit_text(d: &mut Draft, unit: &str, title: &str, paragraphs: &Option<Vec<String>>) {
    let texts = d.unit_texts.entry(unit.to_string()).or_default();
    match paragraphs {
        Some(p) => {
            texts.insert(title.to_string(), p.clone());
        }
        None => {
            texts.remove(title);
        }
    }
    if texts.is_empty() {
        d.unit_texts.remove(unit);
    }
}

impl DraftEdit {
    /// Applies the edit to `d`; answers with the edit that undoes it. On an error `d` may be
    /// half changed: callers apply to a draft they drop on error (the stored one is untouched).
    pub fn apply(&self, d: &mut Draft) -> Result<DraftEdit, EditError> {
        use DraftEdit::*;
        Ok(match self {
            Lines { change, state } => {
                let inverse = state.current(d);
                state.put(d);
                Lines {
                    change: change.clone(),
                    state: inverse,
                }
            }
            Reason { key, text } => {
                let old = match text {
                    Some(t) => d.reasons.insert(key.clone(), t.clone()),
                    None => d.reasons.remove(key),
                };
                Reason {
                    key: key.clone(),
                    text: old,
                }
            }
            Section { title, text } => Section {
                title: title.clone(),
                text: put_section_text(d, title, text)?,
            },
            Print { setting, choice } => put_print(d, setting, choice)?,
            Rename { from, to } => {
                let (_, was) = rename_title(d, from, to, yusuan_import::section_kind)
                    .map_err(EditError::Title)?;
                Rename {
                    from: to.trim().to_string(),
                    to: was,
                }
            }
            Explanation {
                section,
                restated,
                reasons,
            } => put_explanation(d, section, restated, reasons)?,
            Unit { name, state, .. } => put_units(d, name, state),
            UnitText {
                unit,
                title,
                paragraphs,
            } => {
                let old = d.unit_texts.get(unit).and_then(|t| t.get(title)).cloned();
                put_unit_text(d, unit, title, paragraphs);
                UnitText {
                    unit: unit.clone(),
                    title: title.clone(),
                    paragraphs: old,
                }
            }
            Project {
                name,
                at,
                change,
                project,
                forms,
            } => put_project(d, name, *at, change, project, forms)?,
            Share {
                project,
                line,
                amount,
            } => {
                let old = project_funds::set_share(d, project, line, *amount)
                    .map_err(EditError::Share)?;
                Share {
                    project: project.clone(),
                    line: line.clone(),
                    amount: old.unwrap_or_default(),
                }
            }
            ProjectRename { at, from, to } => rename_project(d, *at, from, to)?,
            Cell {
                table,
                row,
                column,
                text,
            } => Cell {
                table: table.clone(),
                row: *row,
                column: *column,
                text: carried::set_carried_cell(d, table, *row, *column, text)
                    .map_err(EditError::Carried)?,
            },
            Row { table, at, cells } => put_row(d, table, *at, cells)?,
            Rows { table, rows } => Rows {
                table: table.clone(),
                rows: carried::put_carried_rows(d, table, rows.clone())
                    .map_err(EditError::Carried)?,
            },
            Form {
                project,
                change,
                form,
            } => put_form_as(d, project, change, form),
            Actuals { codes } => {
                let old = codes
                    .keys()
                    .map(|c| (c.clone(), d.actuals.get(c).copied()))
                    .collect();
                put_actuals(d, codes);
                Actuals { codes: old }
            }
        })
    }
}

/// One print setting chosen; the edit choosing it back.
fn put_print(d: &mut Draft, setting: &str, choice: &str) -> Result<DraftEdit, EditError> {
    let s = PrintSetting::parse(setting).ok_or_else(|| EditError::Print(setting.to_string()))?;
    let old = d.print.chosen(s).to_string();
    if !d.print.choose(s, choice) {
        return Err(EditError::Print(choice.to_string()));
    }
    Ok(DraftEdit::Print {
        setting: setting.to_string(),
        choice: old,
    })
}

/// The project at `at`, named `from`, renamed `to`; the edit naming it back.
fn rename_project(d: &mut Draft, at: usize, from: &str, to: &str) -> Result<DraftEdit, EditError> {
    if d.projects.get(at).map(|p| p.name.as_str()) != Some(from) {
        return Err(EditError::NoProject(from.to_string()));
    }
    project_funds::rename_project(d, at, to).map_err(EditError::Share)?;
    Ok(DraftEdit::ProjectRename {
        at,
        from: to.trim().to_string(),
        to: from.to_string(),
    })
}

/// A 情况说明's bound text put in its place (so undo gives the draft as it was) with the reasons
/// under its keys; the edit putting them back.
fn put_explanation(
    d: &mut Draft,
    section: &str,
    restated: &Option<Restatement>,
    reasons: &BTreeMap<String, Option<String>>,
) -> Result<DraftEdit, EditError> {
    let kind = d
        .sections
        .iter()
        .find(|s| s.title == section)
        .map(|s| s.kind)
        .ok_or_else(|| EditError::NoSection(section.to_string()))?;
    let at = d.restated.iter().position(|r| r.kind == kind);
    let before = at.map(|i| d.restated[i].clone());
    let old_reasons = reasons
        .keys()
        .map(|k| (k.clone(), d.reasons.get(k).cloned()))
        .collect();
    match (at, restated) {
        (Some(i), Some(r)) => d.restated[i] = r.clone(),
        (Some(i), None) => {
            d.restated.remove(i);
        }
        (None, Some(r)) => d.restated.push(r.clone()),
        (None, None) => {}
    }
    for (k, v) in reasons {
        match v {
            Some(v) => d.reasons.insert(k.clone(), v.clone()),
            None => d.reasons.remove(k),
        };
    }
    Ok(DraftEdit::Explanation {
        section: section.to_string(),
        restated: before,
        reasons: old_reasons,
    })
}

/// The parts of the draft a unit is in, put as `state` has them; the edit putting them back.
fn put_units(d: &mut Draft, name: &str, state: &UnitsState) -> DraftEdit {
    let was = crate::listed_units(d)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, c)| c);
    let inverse = UnitsState::of(d);
    d.layout = state.layout.clone();
    d.leaves = state.leaves.clone();
    d.units = state.units.clone();
    DraftEdit::Unit {
        name: name.to_string(),
        code: was,
        state: Box::new(inverse),
    }
}

/// A project added at `at`, removed from it, or put in its place (with every form, where
/// given); the edit putting it back.
fn put_project(
    d: &mut Draft,
    name: &str,
    at: usize,
    change: &ProjectChange,
    project: &Option<ProjectDescription>,
    forms: &Option<Vec<PerformanceForm>>,
) -> Result<DraftEdit, EditError> {
    let none = || EditError::NoProject(name.to_string());
    let old = d.projects.get(at).cloned();
    let old_forms = forms.as_ref().map(|_| d.performance_forms.clone());
    let inverse = match (change, project) {
        (ProjectChange::Added, Some(p)) => {
            d.projects.insert(at.min(d.projects.len()), p.clone());
            ProjectChange::Removed
        }
        (ProjectChange::Removed, _) => {
            if at >= d.projects.len() {
                return Err(none());
            }
            d.projects.remove(at);
            ProjectChange::Added
        }
        (ProjectChange::Part { part }, Some(p)) => {
            *d.projects.get_mut(at).ok_or_else(none)? = p.clone();
            ProjectChange::Part { part: part.clone() }
        }
        (_, None) => return Err(none()),
    };
    if let Some(f) = forms {
        d.performance_forms = f.clone();
    }
    Ok(DraftEdit::Project {
        name: name.to_string(),
        at,
        change: inverse,
        project: old.filter(|_| !matches!(change, ProjectChange::Added)),
        forms: old_forms,
    })
}

/// A carried table's row put in at `at` (its cells) or taken out; the edit putting it back.
fn put_row(
    d: &mut Draft,
    table: &str,
    at: usize,
    cells: &Option<Vec<String>>,
) -> Result<DraftEdit, EditError> {
    Ok(match cells {
        Some(cells) => DraftEdit::Row {
            table: table.to_string(),
            at: carried::insert_carried_row(d, table, Some(at), cells)
                .map_err(EditError::Carried)?,
            cells: None,
        },
        None => DraftEdit::Row {
            table: table.to_string(),
            at,
            cells: Some(carried::remove_carried_row(d, table, at).map_err(EditError::Carried)?),
        },
    })
}

/// A project's form put at its place, or removed; the edit putting it back.
fn put_form_as(
    d: &mut Draft,
    project: &str,
    change: &FormChange,
    form: &Option<(usize, PerformanceForm)>,
) -> DraftEdit {
    let old = d
        .performance_forms
        .iter()
        .position(|f| f.project == project)
        .map(|i| (i, d.performance_forms[i].clone()));
    put_form(d, project, form);
    let change = match change {
        FormChange::Deleted => FormChange::Restored,
        FormChange::Restored => FormChange::Deleted,
        FormChange::Indicator { path, .. } => FormChange::Indicator {
            path: path.clone(),
            printed: old.as_ref().and_then(|(_, f)| printed_at(f, path)),
        },
    };
    DraftEdit::Form {
        project: project.to_string(),
        change,
        form: old,
    }
}

/// An indicator's value as printed in a form, by its path (`一级/二级/三级`).
pub fn printed_at(f: &PerformanceForm, path: &str) -> Option<String> {
    f.indicators
        .iter()
        .find(|i| format!("{}/{}/{}", i.level1, i.level2, i.name) == path.trim())
        .map(|i| i.printed.clone())
}
