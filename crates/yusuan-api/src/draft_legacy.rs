//! The migration of a library's history from before edits were typed: an event recorded then
//! keeps its action's name, its target and the values before and after as strings. Undoing or
//! redoing one reads those strings here, once, into the typed [`DraftEdit`] that puts that side
//! into the draft as it is now; the history lists it by the same reading. This is the only module
//! that knows the former action names.

use crate::draft_edit::Described;
use crate::drafts::{lines_set, parse_value};
use crate::ApiError;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use yusuan_draft::edit::{FormChange, LinesChange, LinesState, ProjectChange, UnitsState};
use yusuan_draft::{Draft, DraftEdit};
use yusuan_store::DraftEvent;

/// A former event that cannot be read or replayed: what (`的金额无法识别`), and why.
fn legacy(what: impl Into<String>, reason: impl std::fmt::Display) -> ApiError {
    ApiError::History {
        what: what.into(),
        reason: reason.to_string(),
    }
}

fn unreadable(what: &str, e: impl std::fmt::Display) -> ApiError {
    legacy(format!("的{what}无法读取"), e)
}

fn json<T: serde::de::DeserializeOwned>(
    what: &str,
    v: Option<&str>,
) -> Result<Option<T>, ApiError> {
    v.map(|v| serde_json::from_str(v).map_err(|e| unreadable(what, e)))
        .transpose()
}

fn split2<'a>(what: &str, target: &'a str) -> Result<(&'a str, &'a str), ApiError> {
    target
        .split_once('|')
        .ok_or_else(|| legacy(format!("的{what}无法识别"), target))
}

/// Lines set to values (or taken out: none), as the draft would have them.
fn lines(d: &Draft, values: &BTreeMap<String, Option<String>>) -> Result<LinesState, ApiError> {
    let mut set = Vec::new();
    let mut gone = Vec::new();
    for (k, v) in values {
        let at = yusuan_draft::parse_address(k).ok_or_else(|| legacy("的键无法识别", k))?;
        match v {
            Some(v) => set.push((at, parse_value(v)?)),
            None => gone.push(k.clone()),
        }
    }
    let mut state = lines_set(d, &set);
    for k in gone {
        state.lines.insert(k, None);
    }
    Ok(state)
}

/// The typed edit that puts one side (`old`: the value before) of a legacy event into `d`.
pub(crate) fn edit_of(d: &Draft, e: &DraftEvent, old: bool) -> Result<DraftEdit, ApiError> {
    let (value, other) = if old {
        (e.old_value.as_deref(), e.new_value.as_deref())
    } else {
        (e.new_value.as_deref(), e.old_value.as_deref())
    };
    let target = e.target.clone();
    Ok(match e.action.as_str() {
        "set" => DraftEdit::Lines {
            change: LinesChange::Typed,
            state: lines(d, &BTreeMap::from([(target, value.map(str::to_string))]))?,
        },
        "reason" => DraftEdit::Reason {
            key: target,
            text: value.map(str::to_string),
        },
        "import-xlsx" | "paste" => {
            let map: BTreeMap<String, Option<String>> = json("数值", value)?.unwrap_or_default();
            DraftEdit::Lines {
                change: LinesChange::Pasted,
                state: lines(d, &map)?,
            }
        }
        "text" => DraftEdit::Section {
            title: target,
            text: value.unwrap_or_default().to_string(),
        },
        "print" => DraftEdit::Print {
            // Edits recorded before there were two settings name none: they set zero cells.
            setting: yusuan_draft::PrintSetting::parse(&target)
                .unwrap_or(yusuan_draft::PrintSetting::Zeros)
                .name()
                .to_string(),
            choice: value.unwrap_or_default().to_string(),
        },
        "explanation" => {
            #[derive(serde::Deserialize, Default)]
            struct Side {
                restated: Option<yusuan_draft::restated::Restatement>,
                reasons: BTreeMap<String, Option<String>>,
            }
            let side: Side = json("说明文字", value)?.unwrap_or_default();
            DraftEdit::Explanation {
                section: target,
                restated: side.restated,
                reasons: side.reasons,
            }
        }
        "unit" => {
            let mut after = d.clone();
            match value {
                Some(code) => yusuan_draft::add_unit(&mut after, &target, Some(code)).map(|_| ()),
                None => yusuan_draft::remove_unit(&mut after, &target),
            }
            .map_err(|e| legacy("的单位操作无法重放", e))?;
            DraftEdit::Unit {
                name: target,
                code: value.map(str::to_string),
                state: Box::new(UnitsState::of(&after)),
            }
        }
        "place" => DraftEdit::Lines {
            change: LinesChange::Typed,
            state: json("分配", value)?.unwrap_or_default(),
        },
        "unit-text" => {
            let (unit, title) = split2("单位文字", &target)?;
            DraftEdit::UnitText {
                unit: unit.to_string(),
                title: title.to_string(),
                paragraphs: json("单位文字", value)?,
            }
        }
        _ => edit_of_more(d, e, value, other)?,
    })
}

/// [`edit_of`] for the legacy events of projects: the side `value` (the other side `other`).
fn edit_of_more(
    d: &Draft,
    e: &DraftEvent,
    value: Option<&str>,
    other: Option<&str>,
) -> Result<DraftEdit, ApiError> {
    let target = e.target.clone();
    Ok(match e.action.as_str() {
        "project" => {
            let put: Option<(usize, yusuan_domain::ProjectDescription)> = json("项目", value)?;
            let now_at = d.projects.iter().position(|p| p.name == target);
            match (put, now_at) {
                (Some((at, p)), None) => DraftEdit::Project {
                    name: target,
                    at,
                    change: ProjectChange::Added,
                    project: Some(p),
                    forms: None,
                },
                (Some((_, p)), Some(at)) => DraftEdit::Project {
                    name: target,
                    at,
                    change: ProjectChange::Part {
                        part: String::new(),
                    },
                    project: Some(p),
                    forms: None,
                },
                (None, at) => DraftEdit::Project {
                    name: target.clone(),
                    at: at.ok_or_else(|| legacy("的项目已不在草稿中", target))?,
                    change: ProjectChange::Removed,
                    project: None,
                    forms: None,
                },
            }
        }
        "project-part" => {
            let (name, part) = split2("项目", &target)?;
            let kind = crate::draft_projects::part_kind(part)?;
            let at = d
                .projects
                .iter()
                .position(|p| p.name == name)
                .ok_or_else(|| legacy("的项目已不在草稿中", name))?;
            let mut after = d.clone();
            crate::draft_projects::put_part(&mut after, 0, name, kind, value.unwrap_or(""))?;
            DraftEdit::Project {
                name: name.to_string(),
                at,
                change: ProjectChange::Part {
                    part: part.to_string(),
                },
                project: after.projects.get(at).cloned(),
                forms: (after.performance_forms != d.performance_forms)
                    .then(|| after.performance_forms.clone()),
            }
        }
        "project-fund" => {
            let (name, line) = split2("项目资金", &target)?;
            DraftEdit::Share {
                project: name.to_string(),
                line: line.to_string(),
                amount: value
                    .map(yusuan_domain::parse_amount)
                    .transpose()
                    .map_err(|_| legacy("的金额无法识别", target))?
                    .unwrap_or_default(),
            }
        }
        "project-rename" | "rename" => {
            let from = other.unwrap_or_default().to_string();
            let to = value.unwrap_or_default().to_string();
            if e.action == "rename" {
                DraftEdit::Rename { from, to }
            } else {
                DraftEdit::ProjectRename {
                    at: d
                        .projects
                        .iter()
                        .position(|p| p.name == from)
                        .ok_or_else(|| legacy("的项目已不在草稿中", &from))?,
                    from,
                    to,
                }
            }
        }
        _ => edit_of_tables(d, e, value)?,
    })
}

/// [`edit_of`] for the legacy events of carried tables, forms and 执行数: the side `value`.
fn edit_of_tables(d: &Draft, e: &DraftEvent, value: Option<&str>) -> Result<DraftEdit, ApiError> {
    let target = e.target.clone();
    Ok(match e.action.as_str() {
        "cell" => {
            let mut parts = target.rsplitn(3, '|');
            let (Some(col), Some(row), Some(title)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(legacy("的单元格无法识别", target));
            };
            DraftEdit::Cell {
                table: title.to_string(),
                row: row.parse().unwrap_or(0),
                column: col.parse().unwrap_or(0),
                text: value.unwrap_or_default().to_string(),
            }
        }
        "row" => {
            let (title, at) = target
                .rsplit_once('|')
                .ok_or_else(|| legacy("的行无法识别", &target))?;
            DraftEdit::Row {
                table: title.to_string(),
                at: at.parse().unwrap_or(0),
                cells: value.map(|c| c.split('\t').map(str::to_string).collect()),
            }
        }
        "table" => {
            let mut after = d.clone();
            yusuan_draft::carried::replace_carried_rows(&mut after, &target, value.unwrap_or(""))
                .map_err(|e| legacy("的表无法重放", e))?;
            DraftEdit::Rows {
                rows: yusuan_draft::carried::carried_table_rows(&after, &target)
                    .map_err(|e| legacy("的表无法重放", e))?,
                table: target,
            }
        }
        "indicator" => {
            let (form, path) = split2("指标", &target)?;
            let state: Option<(usize, String)> = json("指标", value)?;
            let mut after = d.clone();
            crate::draft_forms::put(&mut after, form, path, state.clone())?;
            DraftEdit::Form {
                project: form.to_string(),
                change: FormChange::Indicator {
                    path: path.to_string(),
                    printed: state.map(|s| s.1),
                },
                form: after
                    .performance_forms
                    .iter()
                    .position(|f| f.project == form)
                    .map(|i| (i, after.performance_forms[i].clone())),
            }
        }
        "actuals" => {
            let map: BTreeMap<String, Option<String>> = json("执行数", value)?.unwrap_or_default();
            let mut codes: BTreeMap<String, Option<Decimal>> = BTreeMap::new();
            for (c, v) in map {
                codes.insert(c, v.as_deref().map(parse_value).transpose()?);
            }
            DraftEdit::Actuals { codes }
        }
        "form" => {
            let form: Option<(usize, yusuan_domain::PerformanceForm)> = json("绩效目标表", value)?;
            DraftEdit::Form {
                project: target,
                change: if form.is_some() {
                    FormChange::Restored
                } else {
                    FormChange::Deleted
                },
                form,
            }
        }
        other => return Err(legacy("有无法撤销的操作", other)),
    })
}

/// How the history lists a legacy event (`name_of` names a line or figure by its key).
pub(crate) fn describe(e: &DraftEvent, name_of: &dyn Fn(&str) -> String) -> Described {
    let count = |v: &Option<String>| {
        v.as_deref()
            .and_then(|j| {
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(j).ok()
            })
            .map(|m| format!("{} 行", m.len()))
            .unwrap_or_default()
    };
    let rows = |v: &Option<String>| format!("{} 行", v.as_deref().map_or(0, |t| t.lines().count()));
    let chars = |v: &Option<String>| format!("{} 字", v.as_deref().unwrap_or("").chars().count());
    let plain = |v: &Option<String>| v.clone().unwrap_or_default();
    let printed = |v: &Option<String>| {
        v.as_deref()
            .and_then(|j| serde_json::from_str::<(usize, String)>(j).ok())
            .map(|s| s.1)
            .unwrap_or_default()
    };
    let (o, n) = (&e.old_value, &e.new_value);
    let (action, target, old, new) = match e.action.as_str() {
        "set" => ("修改", name_of(&e.target), plain(o), plain(n)),
        "reason" => ("填写原因", name_of(&e.target), plain(o), plain(n)),
        "paste" => ("粘贴", "从表格粘贴".to_string(), String::new(), count(n)),
        "import-xlsx" => ("导入工作簿", e.target.clone(), String::new(), count(n)),
        "text" => ("改写文字", e.target.clone(), chars(o), chars(n)),
        "unit" if n.is_some() => (
            "增加单位",
            e.target.clone(),
            String::new(),
            format!("序号/代码 {}", plain(n)),
        ),
        "unit" => (
            "删除单位",
            e.target.clone(),
            format!("序号/代码 {}", plain(o)),
            String::new(),
        ),
        "project-part" => (
            "改写项目说明",
            e.target.replacen('|', "：", 1),
            chars(o),
            chars(n),
        ),
        "project" if n.is_some() => ("新增项目", e.target.clone(), String::new(), String::new()),
        "project" => ("删除项目", e.target.clone(), String::new(), String::new()),
        "indicator" => (
            "绩效指标",
            e.target.replacen('|', "：", 1),
            printed(o),
            printed(n),
        ),
        "rename" => ("改标题", e.target.clone(), plain(o), plain(n)),
        "project-rename" => ("项目改名", e.target.clone(), plain(o), plain(n)),
        "form" if n.is_some() => (
            "恢复绩效目标表",
            e.target.clone(),
            String::new(),
            String::new(),
        ),
        "form" => (
            "删除绩效目标表",
            e.target.clone(),
            String::new(),
            String::new(),
        ),
        "actuals" => ("上年执行数", e.target.clone(), count(o), count(n)),
        "explanation" => (
            "改写情况说明",
            e.target.clone(),
            String::new(),
            String::new(),
        ),
        "print" => ("印法", e.target.clone(), plain(o), plain(n)),
        "table" => ("粘贴整表", e.target.clone(), rows(o), rows(n)),
        other => (other, e.target.clone(), plain(o), plain(n)),
    };
    Described {
        action: action.to_string(),
        target,
        old,
        new,
    }
}
