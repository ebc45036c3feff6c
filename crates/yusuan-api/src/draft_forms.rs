//! A draft's 绩效目标表: each indicator's target value (`≥236(人)`, `=100(%)`, `及时`) set,
//! indicators added under 一级/二级 headings and removed, a form started for a project that has
//! none. Values are read as an import reads a printed form, so K006 (a value with nothing after
//! its ≥) and K003 (产出, 效益 and 满意度 present) check what the user wrote; the export prints
//! the form. Each change is one recorded, undoable edit.

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::{load_draft, Edit};
use crate::refusal::in_draft;
use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_domain::{Funds, Indicator, Location, PerformanceForm};
use yusuan_draft::edit::FormChange;
use yusuan_draft::DraftEdit;

/// A 绩效目标表 of the draft, for the window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FormView {
    /// 项目名称 (the form's key).
    pub project: String,
    /// Why its indicators are not edited here (written in the project's text, or a format that
    /// prints its forms as carried grids); `None` when they are.
    pub not_editable: Option<String>,
    /// Its indicators in printed order.
    pub indicators: Vec<IndicatorView>,
}

/// One indicator of a form.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IndicatorView {
    /// `一级/二级/三级`: what an edit names.
    pub path: String,
    /// 三级指标.
    pub name: String,
    /// The target value as printed.
    pub printed: String,
}

/// Why a form's indicators are not edited here, when they are not: a form a project's 绩效目标
/// text prints inline is that text's; a format that prints its forms as carried grids (Hubei's)
/// prints those grids, not the forms.
fn not_editable(d: &yusuan_draft::Draft, form: &str) -> Option<String> {
    let inline = d
        .projects
        .iter()
        .find(|p| p.name == form)
        .and_then(|p| p.part(yusuan_domain::ProjectPartKind::Performance))
        .is_some_and(|part| {
            !yusuan_import::inline_indicators(&part.text, part.location).is_empty()
        });
    if inline {
        return Some("写在该项目说明的“绩效目标”部分中：请改写那一部分的文字（项目经费情况说明，或 yusuan draft project set … 绩效目标）".into());
    }
    let grids = d.layout.iter().any(|t| {
        matches!(
            t.kind,
            yusuan_domain::TableKind::ProjectPerformance
                | yusuan_domain::TableKind::DepartmentPerformance
        ) && matches!(&t.body, yusuan_draft::Body::Rows { rows } if !rows.is_empty())
    });
    grids.then(|| "本格式的绩效目标表按原表样式整表印出：请在“按原表结转的表”中逐格修改（yusuan draft cell …）".into())
}

fn path_of(i: &Indicator) -> String {
    format!("{}/{}/{}", i.level1, i.level2, i.name)
}

/// The draft's forms, for the window.
pub fn form_views(d: &yusuan_draft::Draft) -> Vec<FormView> {
    d.performance_forms
        .iter()
        .map(|f| FormView {
            project: f.project.clone(),
            not_editable: not_editable(d, &f.project),
            indicators: f
                .indicators
                .iter()
                .map(|i| IndicatorView {
                    path: path_of(i),
                    name: i.name.clone(),
                    printed: i.printed.clone(),
                })
                .collect(),
        })
        .collect()
}

/// A draft's forms (`yusuan draft form list`).
pub fn draft_forms(lib: &Library, id: i64) -> Result<Vec<FormView>, ApiError> {
    Ok(form_views(&load_draft(lib, id, None)?))
}

/// `一级/二级/三级`, each part one line of at most 60 characters; 一级 and 二级 may be empty (an
/// indicator printed with them blank is named `//三级`), the 三级 may not.
fn checked_path(path: &str) -> Result<(String, String, String), ApiError> {
    let parts: Vec<&str> = path.split('/').map(str::trim).collect();
    let ok = |s: &&str| s.chars().count() <= 60 && !s.chars().any(char::is_control);
    match parts.as_slice() {
        [a, b, c] if !c.is_empty() && [a, b, c].iter().all(|s| ok(s)) => {
            Ok((a.to_string(), b.to_string(), c.to_string()))
        }
        _ => Err(Refusal::IndicatorPath {
            path: path.to_string(),
        }
        .into()),
    }
}

fn checked_value(value: &str) -> Result<String, ApiError> {
    let v = value.trim();
    if v.is_empty() || v.chars().count() > 200 || v.chars().any(char::is_control) {
        return Err(Refusal::IndicatorValue.into());
    }
    Ok(v.to_string())
}

/// Where a new indicator goes: after the last of its 一级/二级 group, else after the last of its
/// 一级, else at the end.
fn place_for(f: &PerformanceForm, level1: &str, level2: &str) -> usize {
    let last =
        |pred: &dyn Fn(&Indicator) -> bool| f.indicators.iter().rposition(pred).map(|k| k + 1);
    last(&|i| i.level1 == level1 && i.level2 == level2)
        .or_else(|| last(&|i| i.level1 == level1))
        .unwrap_or(f.indicators.len())
}

/// Puts one indicator's state: `Some((index, printed))` sets it (added at `index` when absent),
/// `None` removes it. Returns its state before, in the same form.
pub(crate) fn put(
    d: &mut yusuan_draft::Draft,
    form: &str,
    path: &str,
    state: Option<(usize, String)>,
) -> Result<Option<(usize, String)>, ApiError> {
    let (level1, level2, name) = checked_path(path)?;
    if let Some(why) = not_editable(d, form) {
        let form = form.to_string();
        return Err(Refusal::FormNotEditable { form, why }.into());
    }
    let department = d.department.clone();
    let project_total = d
        .projects
        .iter()
        .find(|p| p.name == form)
        .and_then(|p| p.total);
    if !d.performance_forms.iter().any(|f| f.project == form) {
        if state.is_none() {
            return Ok(None);
        }
        // A project's first target starts its form (its funds the description's total).
        let at = d
            .performance_forms
            .last()
            .map_or_else(Location::default, |f| f.location);
        d.performance_forms.push(PerformanceForm {
            project: form.to_string(),
            department: Some(department),
            implementer: None,
            period: None,
            funds: Funds {
                total: project_total,
                fiscal: project_total,
                ..Default::default()
            },
            annual_goal: None,
            indicators: vec![],
            location: at,
        });
    }
    let f = d
        .performance_forms
        .iter_mut()
        .find(|f| f.project == form)
        .expect("the form exists");
    let found = f
        .indicators
        .iter()
        .position(|i| i.level1 == level1 && i.level2 == level2 && i.name == name);
    let before = found.map(|k| (k, f.indicators[k].printed.clone()));
    match (state, found) {
        (Some((_, printed)), Some(k)) => {
            f.indicators[k].value = yusuan_import::parse_indicator_value(&printed);
            f.indicators[k].printed = printed;
        }
        (Some((index, printed)), None) => {
            let location = f.indicators.last().map_or(f.location, |i| i.location);
            let value = yusuan_import::parse_indicator_value(&printed);
            f.indicators.insert(
                index.min(f.indicators.len()),
                Indicator {
                    level1,
                    level2,
                    name,
                    value,
                    printed,
                    location,
                },
            );
        }
        (None, Some(k)) => {
            f.indicators.remove(k);
        }
        (None, None) => {}
    }
    // A form left with nothing (its last indicator removed, one this draft started) goes too.
    d.performance_forms
        .retain(|f| !(f.indicators.is_empty() && f.annual_goal.is_none()));
    Ok(before)
}

/// Sets an indicator's target value in a project's form (`form`: 项目名称; `path`:
/// 一级/二级/三级), adding the indicator in its group when the form has none such, and starting
/// the form when the project has none.
pub fn draft_indicator_set(
    lib: &mut Library,
    id: i64,
    form: &str,
    path: &str,
    value: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let value = checked_value(value)?;
    let form = form.trim().to_string();
    if form.is_empty() {
        return Err(Refusal::FormWithoutProject.into());
    }
    edit_draft(lib, id, now, |d| {
        let (level1, level2, name) = checked_path(path)?;
        let exists = d
            .performance_forms
            .iter()
            .filter(|f| f.project == form)
            .flat_map(|f| &f.indicators)
            .any(|i| path_of(i) == path.trim());
        if !exists && (level1.is_empty() || level2.is_empty()) {
            return Err(Refusal::IndicatorWithoutLevels { name }.into());
        }
        let index = d
            .performance_forms
            .iter()
            .find(|f| f.project == form)
            .map_or(0, |f| place_for(f, &level1, &level2));
        let mut after = d.clone();
        let before = put(&mut after, &form, path, Some((index, value.clone())))?;
        let target = format!("{form}|{}", path.trim());
        if before.as_ref().map(|b| &b.1) == Some(&value) {
            return Ok(Made::unchanged(
                target,
                Some(value.clone()),
                Some(value.clone()),
            ));
        }
        let change = FormChange::Indicator {
            path: path.trim().to_string(),
            printed: Some(value.clone()),
        };
        let edit = form_edit(&after, &form, change);
        Ok(Made::new(
            edit,
            target,
            before.map(|b| b.1),
            Some(value.clone()),
        ))
    })
}

/// The edit that puts a project's form as `after` has it (none: removed).
fn form_edit(after: &yusuan_draft::Draft, project: &str, change: FormChange) -> DraftEdit {
    let form = after
        .performance_forms
        .iter()
        .position(|f| f.project == project)
        .map(|i| (i, after.performance_forms[i].clone()));
    DraftEdit::Form {
        project: project.to_string(),
        change,
        form,
    }
}

/// Removes an indicator from a project's form.
pub fn draft_indicator_remove(
    lib: &mut Library,
    id: i64,
    form: &str,
    path: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let before = put(&mut after, form.trim(), path, None)?;
        let Some(before) = before else {
            return Err(Refusal::NoSuchIndicator {
                form: form.to_string(),
                path: path.to_string(),
            }
            .into());
        };
        let target = format!("{}|{}", form.trim(), path.trim());
        let change = FormChange::Indicator {
            path: path.trim().to_string(),
            printed: None,
        };
        let edit = form_edit(&after, form.trim(), change);
        Ok(Made::new(edit, target, Some(before.1), None))
    })
}

/// Deletes a project's whole 绩效目标表 (every indicator, its funds and goal); undo brings it
/// back where it was. A form written in a project's text goes with that text.
pub fn draft_form_delete(
    lib: &mut Library,
    id: i64,
    form: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let form = form.trim();
        if let Some(why) = not_editable(d, form) {
            let form = form.to_string();
            return Err(Refusal::FormNotEditable { form, why }.into());
        }
        let Some(at) = d
            .performance_forms
            .iter()
            .position(|f| f.project.trim() == form)
        else {
            let names: Vec<&str> = d
                .performance_forms
                .iter()
                .map(|f| f.project.as_str())
                .collect();
            let listed = if names.is_empty() {
                "草稿中没有绩效目标表".to_string()
            } else {
                format!("草稿中的绩效目标表：{}", names.join("、"))
            };
            let form = form.to_string();
            return Err(Refusal::NoSuchForm { id, form, listed }.into());
        };
        let removed = &d.performance_forms[at];
        let edit = DraftEdit::Form {
            project: removed.project.clone(),
            change: FormChange::Deleted,
            form: None,
        };
        let shown = format!("{} 个指标", removed.indicators.len());
        Ok(Made::new(edit, removed.project.clone(), Some(shown), None))
    })
}

/// A table the draft carries as printed (Hubei's 资产配置 and 绩效 grids, Jiangsu's 政府采购预算表),
/// for the window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CarriedTableView {
    /// Its title (what an edit names).
    pub title: String,
    /// Its column headers.
    pub columns: Vec<String>,
    /// Each row's cells as printed (a Hubei grid's row label is one of its cells).
    pub rows: Vec<Vec<String>>,
    /// Each row's name where the table prints it beside its cells (Jiangsu's 政府采购预算表: the
    /// item, then its columns); empty where the name is a cell.
    pub labels: Vec<String>,
    /// The whole table as a paste gives it (a line a row, cells separated by tabs, the name first
    /// where it is beside the cells): what 粘贴整表 starts from.
    pub text: String,
}

/// The tables the draft carries as printed.
pub(crate) fn carried_views(d: &yusuan_draft::Draft) -> Vec<CarriedTableView> {
    d.layout
        .iter()
        .filter(|t| yusuan_draft::carried::is_carried(t))
        .map(|t| {
            let rows = match &t.body {
                yusuan_draft::Body::Rows { rows } => rows.as_slice(),
                _ => &[],
            };
            let text = yusuan_draft::carried::rows_text(rows);
            let beside = yusuan_draft::carried::labels_beside(rows);
            CarriedTableView {
                title: t.title.clone(),
                columns: t.columns.iter().map(|c| c.name()).collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        r.cells
                            .iter()
                            .map(yusuan_draft::carried::cell_text)
                            .collect()
                    })
                    .collect(),
                labels: if beside {
                    rows.iter().map(|r| r.label.clone()).collect()
                } else {
                    Vec::new()
                },
                text,
            }
        })
        .collect()
}

/// Sets one cell (row and column from 1) of a table the draft carries as printed — an
/// indicator's target value in a 绩效 grid, a count or amount of the 资产配置预算表 — printed as
/// written (a number as an amount of the table's unit). One undoable edit.
pub fn draft_cell(
    lib: &mut Library,
    id: i64,
    table: &str,
    row: usize,
    column: usize,
    text: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    if text.chars().any(char::is_control) || text.chars().count() > 500 {
        return Err(Refusal::CellTextUnfit.into());
    }
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let old = yusuan_draft::carried::set_carried_cell(&mut after, table, row, column, text)
            .map_err(in_draft(id))?;
        let target = format!("{}|{row}|{column}", table.trim());
        let new = text.trim().to_string();
        if old == new {
            return Ok(Made::unchanged(target, Some(old), Some(new)));
        }
        let edit = DraftEdit::Cell {
            table: table.to_string(),
            row,
            column,
            text: text.to_string(),
        };
        Ok(Made::new(edit, target, Some(old), Some(new)))
    })
}

/// A row of a carried table, added or removed — one undoable edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowEdit {
    /// A blank row after the last (a new asset, a new line of a grid).
    Add,
    /// This row (from 1) taken out.
    Remove(usize),
}

/// Adds a blank row at the end of a table the draft carries as printed, or removes one of its
/// rows (a blank draft's emptied 资产配置预算表 is written row by row). The event records the row's
/// cells, so undo puts a removed row back as it was.
pub fn draft_row(
    lib: &mut Library,
    id: i64,
    table: &str,
    edit: RowEdit,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let fail = in_draft::<yusuan_draft::carried::CarriedError>(id);
        let (at, old, new, cells) = match edit {
            RowEdit::Add => {
                let at = yusuan_draft::carried::insert_carried_row(&mut after, table, None, &[])
                    .map_err(fail)?;
                (at, None, Some(String::new()), Some(Vec::new()))
            }
            RowEdit::Remove(row) => {
                let cells = yusuan_draft::carried::remove_carried_row(&mut after, table, row)
                    .map_err(fail)?;
                (row, Some(cells.join("\t")), None, None)
            }
        };
        let target = format!("{}|{at}", table.trim());
        let edit = DraftEdit::Row {
            table: table.to_string(),
            at,
            cells,
        };
        Ok(Made::new(edit, target, old, new))
    })
}

/// Replaces every row of a table the draft carries as printed by pasted rows (a line a row, cells
/// separated by tabs, as copied from a spreadsheet; see
/// [`yusuan_draft::carried::replace_carried_rows`]): next year's 政府采购 list or asset plan in one
/// step. One undoable edit; the event keeps the table before and after.
pub fn draft_table_paste(
    lib: &mut Library,
    id: i64,
    table: &str,
    text: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(Refusal::PasteHasControls.into());
    }
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let (old, new) = yusuan_draft::carried::replace_carried_rows(&mut after, table, text)
            .map_err(in_draft(id))?;
        let target = table.trim().to_string();
        if old == new {
            return Ok(Made::unchanged(target, Some(old), Some(new)));
        }
        let rows =
            yusuan_draft::carried::carried_table_rows(&after, table).map_err(in_draft(id))?;
        let edit = DraftEdit::Rows {
            table: table.to_string(),
            rows,
        };
        Ok(Made::new(edit, target, Some(old), Some(new)))
    })
}
