//! A draft's 项目经费情况说明: each project's parts (项目概述 … 绩效目标) rewritten, projects
//! added and removed. The amounts a part prints (its items, the computations 单价 × 数量 = 金额,
//! the stated total) are read again from the new text as an import reads them, so the checker's
//! project rules and the export's preflight see what the user wrote. Each change is one
//! recorded, undoable edit.

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::{load_draft, Edit};
use crate::refusal::in_draft;
use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_domain::{Location, ProjectDescription, ProjectPart, ProjectPartKind};
use yusuan_draft::edit::ProjectChange;
use yusuan_draft::DraftEdit;

/// Project names and part texts are at most this long (a description runs to a few pages).
const MAX_TEXT_CHARS: usize = 20_000;

/// A project of the draft, for the window.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectView {
    /// 项目名称.
    pub name: String,
    /// The total its text states (`项目经费…万元`), in 元, when it states one.
    pub total_yuan: Option<String>,
    /// Its parts, in print order.
    pub parts: Vec<ProjectPartView>,
    /// The 项目支出 lines that fund it and how much of each.
    pub funds: Vec<ProjectFundView>,
    /// Its budget from those shares, 元 (decimal string; none while no line funds it).
    pub funded_yuan: Option<String>,
}

/// A project's share of one 项目支出 line.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectFundView {
    /// The line's address (what an edit names).
    pub line: String,
    /// The line's name.
    pub label: String,
    /// The share, 元 (decimal string).
    pub amount_yuan: String,
    /// The whole line this year, 元 (decimal string; empty when the line is gone).
    pub line_yuan: String,
}

/// One part of a project description.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProjectPartView {
    /// The standard name (`年度预算安排`): what an edit names.
    pub kind: String,
    /// The heading as printed.
    pub heading: String,
    /// The text, a paragraph a line.
    pub text: String,
    /// How many amounts the text itemises (items, computations, other amounts).
    pub items: usize,
}

/// The draft's projects, for the window.
pub fn project_views(d: &yusuan_draft::Draft) -> Vec<ProjectView> {
    d.projects
        .iter()
        .map(|p| ProjectView {
            name: p.name.clone(),
            total_yuan: p.total.map(|a| a.to_yuan().normalize().to_string()),
            parts: p
                .parts
                .iter()
                .map(|x| ProjectPartView {
                    kind: x.kind.label().to_string(),
                    heading: x.heading.clone(),
                    text: x.text.clone(),
                    items: x.items.len(),
                })
                .collect(),
            funds: d
                .project_funds
                .get(&p.name)
                .into_iter()
                .flatten()
                .map(|s| {
                    let line = yusuan_draft::parse_address(&s.line)
                        .and_then(|(k, u)| d.leaf_at(&k, u.as_deref()));
                    ProjectFundView {
                        line: s.line.clone(),
                        label: line
                            .map(|l| match &l.unit {
                                Some(u) => format!("{}（{u}）", l.label),
                                None => l.label.clone(),
                            })
                            .unwrap_or_else(|| s.line.clone()),
                        amount_yuan: s.amount.to_string(),
                        line_yuan: line.map(|l| l.value.to_string()).unwrap_or_default(),
                    }
                })
                .collect(),
            funded_yuan: yusuan_draft::project_funds::project_money(d, &p.name)
                .map(|v| v.to_string()),
        })
        .collect()
}

/// Sets how much of a 项目支出 line (`line`: its key, `key@单位` or `#N`) funds a project, in 元
/// (0 takes the share away); one undoable edit.
pub fn draft_project_fund(
    lib: &mut Library,
    id: i64,
    project: &str,
    line: &str,
    amount: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let amount = yusuan_domain::parse_amount(amount.trim()).map_err(|_| Refusal::NotAnAmount {
        text: amount.to_string(),
    })?;
    edit_draft(lib, id, now, |d| {
        let (key, unit) = crate::drafts::leaf_key(d, id, line)?;
        let address = yusuan_draft::address(&key, unit.as_deref());
        let mut after = d.clone();
        let name = project_mut(&mut after, id, project)?.name.clone();
        let old = yusuan_draft::project_funds::set_share(&mut after, &name, &address, amount)
            .map_err(in_draft(id))?;
        let (old, new) = (
            old.map(|o| o.to_string()),
            (!amount.is_zero()).then(|| amount.to_string()),
        );
        let target = format!("{name}|{address}");
        if old == new {
            return Ok(Made::unchanged(target, old, new));
        }
        let edit = DraftEdit::Share {
            project: name,
            line: address,
            amount,
        };
        Ok(Made::new(edit, target, old, new))
    })
}

/// A draft's projects (`draft:N` or a saved version's state is not needed: the draft as it is).
pub fn draft_projects(lib: &Library, id: i64) -> Result<Vec<ProjectView>, ApiError> {
    Ok(project_views(&load_draft(lib, id, None)?))
}

pub(crate) fn part_kind(label: &str) -> Result<ProjectPartKind, ApiError> {
    let kind = ProjectPartKind::from_heading(label.trim());
    if kind == ProjectPartKind::Other {
        let names: Vec<&str> = ProjectPartKind::STANDARD
            .iter()
            .map(|k| k.label())
            .collect();
        return Err(Refusal::NotAProjectPart {
            label: label.to_string(),
            parts: names.join("、"),
        }
        .into());
    }
    Ok(kind)
}

fn checked_text(what: &str, text: &str) -> Result<String, ApiError> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let joined = lines.join("\n");
    if joined.chars().count() > MAX_TEXT_CHARS {
        return Err(Refusal::TextTooLong {
            what: what.to_string(),
            chars: joined.chars().count(),
            max: MAX_TEXT_CHARS,
        }
        .into());
    }
    if joined.chars().any(|c| c.is_control() && c != '\n') {
        let what = what.to_string();
        return Err(Refusal::TextHasControls { what }.into());
    }
    Ok(joined)
}

/// Where the project `name` (or `#N`) is, in printed order.
fn project_index(d: &yusuan_draft::Draft, name: &str) -> Option<usize> {
    let nth = name
        .trim()
        .strip_prefix('#')
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n >= 1 && *n <= d.projects.len());
    nth.map(|n| n - 1)
        .or_else(|| d.projects.iter().position(|p| p.name == name.trim()))
}

/// The project named `name`, or the N-th for `#N` (a project printed without a name has no
/// other handle).
fn project_mut<'a>(
    d: &'a mut yusuan_draft::Draft,
    id: i64,
    name: &str,
) -> Result<&'a mut ProjectDescription, ApiError> {
    let names: Vec<String> = d
        .projects
        .iter()
        .map(|p| {
            if p.name.trim().is_empty() {
                "（未命名）".to_string()
            } else {
                p.name.clone()
            }
        })
        .collect();
    let at = project_index(d, name);
    at.and_then(|k| d.projects.get_mut(k)).ok_or_else(|| {
        let listed = if names.is_empty() {
            "草稿中还没有项目".to_string()
        } else {
            format!("草稿中的项目：{}", names.join("、"))
        };
        let name = name.to_string();
        Refusal::NoSuchProject { id, name, listed }.into()
    })
}

/// Puts `text` into a part of a project and reads it again: its amounts, and — for a 绩效目标
/// part that prints its indicators as run-on text — the project's form, which is that text's
/// (the export prints the text, not a form). Returns the part's text before.
pub(crate) fn put_part(
    d: &mut yusuan_draft::Draft,
    id: i64,
    project: &str,
    kind: ProjectPartKind,
    text: &str,
) -> Result<String, ApiError> {
    let p = project_mut(d, id, project)?;
    let old = put_project_part(p, kind, text);
    if kind == ProjectPartKind::Performance {
        let (name, at) = (
            p.name.clone(),
            p.part(kind).map_or(p.location, |x| x.location),
        );
        let was_inline = !yusuan_import::inline_indicators(&old, at).is_empty();
        let indicators = yusuan_import::inline_indicators(text, at);
        let slot = d.performance_forms.iter().position(|f| f.project == name);
        if was_inline {
            if let Some(k) = slot {
                d.performance_forms.remove(k);
            }
        }
        if !indicators.is_empty() {
            let form = yusuan_domain::PerformanceForm {
                project: name,
                department: Some(d.department.clone()),
                implementer: None,
                period: None,
                funds: Default::default(),
                annual_goal: None,
                indicators,
                location: at,
            };
            let k = slot
                .filter(|_| was_inline)
                .unwrap_or(d.performance_forms.len())
                .min(d.performance_forms.len());
            d.performance_forms.insert(k, form);
        }
    }
    Ok(old)
}

/// Puts `text` into a part of a project (the part added, in print order, when the project has
/// none such) and reads its amounts again. Returns the part's text before.
fn put_project_part(p: &mut ProjectDescription, kind: ProjectPartKind, text: &str) -> String {
    let old = p.part(kind).map(|x| x.text.clone()).unwrap_or_default();
    let at = p.parts.first().map_or(p.location, |x| x.location);
    match p.parts.iter_mut().find(|x| x.kind == kind) {
        Some(part) => {
            part.text = text.to_string();
            part.line_locations = text
                .lines()
                .enumerate()
                .map(|(i, _)| Location {
                    page: part.location.page,
                    line: part.location.line.map(|n| n + 1 + i as u32),
                })
                .collect();
        }
        None => {
            let rank = |k: ProjectPartKind| {
                ProjectPartKind::STANDARD
                    .iter()
                    .position(|x| *x == k)
                    .unwrap_or(ProjectPartKind::STANDARD.len())
            };
            let index = p
                .parts
                .iter()
                .position(|x| rank(x.kind) > rank(kind))
                .unwrap_or(p.parts.len());
            p.parts.insert(
                index,
                ProjectPart {
                    kind,
                    heading: heading_of(kind),
                    text: text.to_string(),
                    items: vec![],
                    location: at,
                    line_locations: text.lines().map(|_| at).collect(),
                },
            );
        }
    }
    yusuan_import::reread_project(p);
    old
}

/// A part's standard heading, numbered by its place among the seven (`六、年度预算安排`).
fn heading_of(kind: ProjectPartKind) -> String {
    let rank = ProjectPartKind::STANDARD
        .iter()
        .position(|x| *x == kind)
        .unwrap_or(ProjectPartKind::STANDARD.len() - 1);
    format!(
        "{}、{}",
        ["一", "二", "三", "四", "五", "六", "七"][rank],
        kind.label()
    )
}

/// A new project: its name and the seven parts, each `（待补充：…）` until written (R006 keeps
/// the draft from being exported before).
fn new_project(name: &str, at: Location) -> ProjectDescription {
    let parts = ProjectPartKind::STANDARD
        .iter()
        .map(|k| ProjectPart {
            kind: *k,
            heading: heading_of(*k),
            text: format!("（待补充：{}）", k.label()),
            items: vec![],
            location: at,
            line_locations: vec![at],
        })
        .collect();
    ProjectDescription {
        name: name.to_string(),
        total: None,
        total_printed: None,
        parts,
        location: at,
    }
}

/// Rewrites one part of a project's description (`年度预算安排`, `绩效目标` …), a paragraph a
/// line; its amounts are read again from the new text.
pub fn draft_project_part(
    lib: &mut Library,
    id: i64,
    project: &str,
    part: &str,
    text: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let kind = part_kind(part)?;
    let text = checked_text("项目说明", text)?;
    edit_draft(lib, id, now, |d| {
        let mut after = d.clone();
        let name = project_mut(&mut after, id, project)?.name.clone();
        let target = format!("{name}|{}", kind.label());
        let at = project_index(d, project).unwrap_or_default();
        let old = put_part(&mut after, id, project.trim(), kind, &text)?;
        if old == text {
            return Ok(Made::unchanged(target, Some(old), Some(text.clone())));
        }
        let edit = DraftEdit::Project {
            name,
            at,
            change: ProjectChange::Part {
                part: kind.label().to_string(),
            },
            project: after.projects.get(at).cloned(),
            forms: (after.performance_forms != d.performance_forms)
                .then(|| after.performance_forms.clone()),
        };
        Ok(Made::new(edit, target, Some(old), Some(text.clone())))
    })
}

/// Adds a project (after the others) with its seven parts to write.
pub fn draft_project_add(
    lib: &mut Library,
    id: i64,
    name: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let name = crate::draft_setup::checked_name("项目名称", name)?;
    edit_draft(lib, id, now, |d| {
        if d.projects.iter().any(|p| p.name == name) {
            let name = name.clone();
            return Err(Refusal::ProjectExists { id, name }.into());
        }
        let at = d
            .projects
            .last()
            .map_or_else(Location::default, |p| p.location);
        let edit = DraftEdit::Project {
            name: name.clone(),
            at: d.projects.len(),
            change: ProjectChange::Added,
            project: Some(new_project(&name, at)),
            forms: None,
        };
        Ok(Made::new(edit, name.clone(), None, Some(name.clone())))
    })
}

/// Removes a project's description (undo brings it back where it was).
pub fn draft_project_remove(
    lib: &mut Library,
    id: i64,
    name: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    edit_draft(lib, id, now, |d| {
        let mut probe = d.clone();
        let removed = project_mut(&mut probe, id, name)?.name.clone();
        let at = project_index(d, name).unwrap_or_default();
        let edit = DraftEdit::Project {
            name: removed.clone(),
            at,
            change: ProjectChange::Removed,
            project: None,
            forms: None,
        };
        Ok(Made::new(edit, removed.clone(), Some(removed), None))
    })
}

/// Renames a project in one step: its seven parts, its 绩效目标表 and its shares of the lines
/// kept (`name`: as listed, or `#N` for the N-th project — one printed without a name).
pub fn draft_project_rename(
    lib: &mut Library,
    id: i64,
    name: &str,
    new_name: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let new_name = crate::draft_setup::checked_name("项目名称", new_name)?;
    edit_draft(lib, id, now, |d| {
        let mut probe = d.clone();
        let old = project_mut(&mut probe, id, name)?.name.clone();
        let index = project_index(d, name).unwrap_or_default();
        if old == new_name {
            return Ok(Made::unchanged(
                new_name.clone(),
                Some(old),
                Some(new_name.clone()),
            ));
        }
        if d.projects.iter().any(|p| p.name == new_name) {
            let name = new_name.clone();
            return Err(Refusal::ProjectExists { id, name }.into());
        }
        let edit = DraftEdit::ProjectRename {
            at: index,
            from: old.clone(),
            to: new_name.clone(),
        };
        Ok(Made::new(
            edit,
            new_name.clone(),
            Some(old),
            Some(new_name.clone()),
        ))
    })
}
