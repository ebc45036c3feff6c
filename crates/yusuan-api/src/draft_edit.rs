//! The one path every draft edit takes: the draft loaded, the operation's typed edit
//! ([`yusuan_draft::DraftEdit`]) made from it and applied, the state stored with the edit and
//! its inverse in one transaction — tried again, as a whole, when another window or process
//! changed the draft in between. Undo applies the stored inverse, redo the stored edit
//! ([`crate::draft_history`]); the history shows each edit by [`describe`].

use crate::draft_state::{load_draft, os_user, retrying, to_json, Edit};
use crate::refusal::in_draft;
use crate::{ApiError, Library};
use yusuan_draft::edit::{FormChange, LinesChange, ProjectChange};
use yusuan_draft::{Draft, DraftEdit};

/// An edit an operation made from the draft as loaded, and what its answer shows.
pub(crate) struct Made {
    /// The edit; none where nothing is to change (nothing is recorded).
    pub edit: Option<DraftEdit>,
    /// What it is done to, as the answer shows it.
    pub target: String,
    /// Before, as shown.
    pub old: Option<String>,
    /// After, as shown.
    pub new: Option<String>,
}

impl Made {
    /// An edit with what the answer shows.
    pub fn new(
        edit: DraftEdit,
        target: impl Into<String>,
        old: Option<String>,
        new: Option<String>,
    ) -> Made {
        Made {
            edit: Some(edit),
            target: target.into(),
            old,
            new,
        }
    }

    /// Nothing to change: the answer only.
    pub fn unchanged(target: impl Into<String>, old: Option<String>, new: Option<String>) -> Made {
        Made {
            edit: None,
            target: target.into(),
            old,
            new,
        }
    }
}

/// The edit's kind, as its JSON names it (`lines`, `reason` …): the event's action column.
fn kind(edit: &DraftEdit) -> String {
    serde_json::to_value(edit)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
        .unwrap_or_default()
}

/// Applies to draft `id` the edit `make` makes from it as loaded, and records it with its
/// inverse; the answer says what changed (sequence 0: nothing did).
pub(crate) fn edit_draft(
    lib: &mut Library,
    id: i64,
    now: &str,
    mut make: impl FnMut(&Draft) -> Result<Made, ApiError>,
) -> Result<Edit, ApiError> {
    retrying(lib, |lib| {
        let mut d = load_draft(lib, id, None)?;
        let made = make(&d)?;
        let Some(edit) = made.edit else {
            return Ok(Edit {
                seq: 0,
                target: made.target,
                old: made.old,
                new: made.new,
            });
        };
        let inverse = edit.apply(&mut d).map_err(in_draft(id))?;
        let (edit_json, inverse_json) = (
            serde_json::to_string(&edit)?,
            serde_json::to_string(&inverse)?,
        );
        // What the history shows, said once here (listing it reads no edit back).
        let shown = describe(&edit, &inverse, &|key| name_in(&d, key));
        let event = yusuan_store::NewDraftEvent {
            action: &shown.action,
            target: &shown.target,
            old_value: Some(&shown.old),
            new_value: Some(&shown.new),
            edit_json: Some(&edit_json),
            inverse_json: Some(&inverse_json),
        };
        let seq = lib
            .store_mut()
            .record_draft_edit(id, &to_json(&d)?, &event, now, &os_user())?;
        Ok(Edit {
            seq,
            target: made.target,
            old: made.old,
            new: made.new,
        })
    })
}

/// The name of a line (by its address) or a narrative figure (by its key) of draft `d`, as the
/// history shows it; the key itself where the draft names it not.
pub(crate) fn name_in(d: &Draft, key: &str) -> String {
    if let Some(l) =
        yusuan_draft::parse_address(key).and_then(|(k, u)| d.leaf_at(&k, u.as_deref()).cloned())
    {
        return l.label;
    }
    yusuan_draft::narrative::figures(d)
        .into_iter()
        .find(|f| f.key == key)
        .map_or_else(|| key.to_string(), |f| f.name)
}

/// One edit as the history lists it: what was done (in Chinese), to what, before and after.
pub(crate) struct Described {
    pub action: String,
    pub target: String,
    pub old: String,
    pub new: String,
}

fn chars(text: &str) -> String {
    format!("{} 字", text.chars().count())
}

impl Described {
    fn of(action: &str, target: String, old: String, new: String) -> Described {
        Described {
            action: action.to_string(),
            target,
            old,
            new,
        }
    }
}

/// How the history shows an edit applied (`edit`) with the one that undoes it (`inverse`);
/// `name_of` names a line or figure by its key.
pub(crate) fn describe(
    edit: &DraftEdit,
    inverse: &DraftEdit,
    name_of: &dyn Fn(&str) -> String,
) -> Described {
    let d = Described::of;
    let lines = |e: &DraftEdit| match e {
        DraftEdit::Lines { state, .. } => state.lines.clone(),
        _ => Default::default(),
    };
    let value = |l: &Option<(usize, yusuan_draft::Leaf)>| {
        l.as_ref()
            .map(|(_, l)| l.value.to_string())
            .unwrap_or_default()
    };
    match (edit, inverse) {
        (DraftEdit::Lines { change, state }, _) => match change {
            LinesChange::Typed => {
                let after = state.lines.iter().next();
                let before = lines(inverse);
                let (target, old, new) = after.map_or_else(Default::default, |(a, l)| {
                    (
                        name_of(a),
                        before.get(a).map(value).unwrap_or_default(),
                        value(l),
                    )
                });
                d("修改", target, old, new)
            }
            LinesChange::Pasted => d(
                "粘贴",
                "从表格粘贴".into(),
                String::new(),
                format!("{} 行", state.lines.len()),
            ),
            LinesChange::Workbook { file } => d(
                "导入工作簿",
                file.clone(),
                String::new(),
                format!("{} 行", state.lines.len()),
            ),
            LinesChange::Placed { from, to, moved } => d(
                "分配到单位",
                name_of(from),
                from.clone(),
                format!("{to}（{moved} 元）"),
            ),
        },
        (DraftEdit::Reason { key, text }, DraftEdit::Reason { text: was, .. }) => d(
            "填写原因",
            name_of(key),
            was.clone().unwrap_or_default(),
            text.clone().unwrap_or_default(),
        ),
        (DraftEdit::Section { title, text }, DraftEdit::Section { text: was, .. }) => {
            d("改写文字", title.clone(), chars(was), chars(text))
        }
        (DraftEdit::Print { setting, choice }, DraftEdit::Print { choice: was, .. }) => {
            d("印法", setting.clone(), was.clone(), choice.clone())
        }
        (DraftEdit::Rename { from, to }, _) => d("改标题", from.clone(), from.clone(), to.clone()),
        (DraftEdit::Explanation { section, .. }, _) => d(
            "改写情况说明",
            section.clone(),
            String::new(),
            String::new(),
        ),
        (DraftEdit::Unit { name, code, .. }, DraftEdit::Unit { code: was, .. }) => match code {
            Some(c) => d(
                "增加单位",
                name.clone(),
                String::new(),
                format!("序号/代码 {c}"),
            ),
            None => d(
                "删除单位",
                name.clone(),
                format!("序号/代码 {}", was.clone().unwrap_or_default()),
                String::new(),
            ),
        },
        (
            DraftEdit::UnitText {
                unit,
                title,
                paragraphs,
            },
            DraftEdit::UnitText {
                paragraphs: was, ..
            },
        ) => {
            let text = |p: &Option<Vec<String>>| chars(&p.clone().unwrap_or_default().concat());
            d(
                "改写单位文字",
                format!("{unit}：{title}"),
                text(was),
                text(paragraphs),
            )
        }
        _ => describe_more(edit, inverse, name_of),
    }
}

/// [`describe`] of the edits of projects and their shares.
fn describe_more(
    edit: &DraftEdit,
    inverse: &DraftEdit,
    name_of: &dyn Fn(&str) -> String,
) -> Described {
    let d = Described::of;
    match (edit, inverse) {
        (
            DraftEdit::Project {
                name,
                change,
                project,
                ..
            },
            DraftEdit::Project { project: was, .. },
        ) => match change {
            ProjectChange::Added => d("新增项目", name.clone(), String::new(), String::new()),
            ProjectChange::Removed => d("删除项目", name.clone(), String::new(), String::new()),
            ProjectChange::Part { part } => {
                let text = |p: &Option<yusuan_domain::ProjectDescription>| {
                    chars(&p.as_ref().map(|p| part_text(p, part)).unwrap_or_default())
                };
                d(
                    "改写项目说明",
                    format!("{name}：{part}"),
                    text(was),
                    text(project),
                )
            }
        },
        (
            DraftEdit::Share {
                project,
                line,
                amount,
            },
            DraftEdit::Share { amount: was, .. },
        ) => d(
            "项目资金",
            format!("{project}：{}", name_of(line)),
            was.to_string(),
            amount.to_string(),
        ),
        (DraftEdit::ProjectRename { from, to, .. }, _) => {
            d("项目改名", to.clone(), from.clone(), to.clone())
        }
        _ => describe_tables(edit, inverse),
    }
}

/// [`describe`] of the edits of carried tables, forms and 执行数.
fn describe_tables(edit: &DraftEdit, inverse: &DraftEdit) -> Described {
    let d = Described::of;
    match (edit, inverse) {
        (
            DraftEdit::Cell {
                table,
                row,
                column,
                text,
            },
            DraftEdit::Cell { text: was, .. },
        ) => d(
            "改单元格",
            format!("{table} 第{}行第{}列", row + 1, column + 1),
            was.clone(),
            text.clone(),
        ),
        (DraftEdit::Row { table, at, cells }, DraftEdit::Row { cells: was, .. }) => {
            let joined = |c: &Option<Vec<String>>| c.clone().unwrap_or_default().join(" ");
            let action = if cells.is_some() {
                "增加行"
            } else {
                "删除行"
            };
            d(
                action,
                format!("{table} 第{}行", at + 1),
                joined(was),
                joined(cells),
            )
        }
        (DraftEdit::Rows { table, rows }, DraftEdit::Rows { rows: was, .. }) => d(
            "粘贴整表",
            table.clone(),
            format!("{} 行", was.len()),
            format!("{} 行", rows.len()),
        ),
        (
            DraftEdit::Form {
                project, change, ..
            },
            DraftEdit::Form { change: back, .. },
        ) => match change {
            FormChange::Indicator { path, printed } => {
                let was = match back {
                    FormChange::Indicator { printed, .. } => printed.clone(),
                    _ => None,
                };
                d(
                    "绩效指标",
                    format!("{project}：{path}"),
                    was.unwrap_or_default(),
                    printed.clone().unwrap_or_default(),
                )
            }
            FormChange::Deleted => d(
                "删除绩效目标表",
                project.clone(),
                String::new(),
                String::new(),
            ),
            FormChange::Restored => d(
                "恢复绩效目标表",
                project.clone(),
                String::new(),
                String::new(),
            ),
        },
        (DraftEdit::Actuals { codes }, DraftEdit::Actuals { codes: was }) => {
            let count = |m: &std::collections::BTreeMap<_, Option<_>>| {
                format!("{} 行", m.values().filter(|v| v.is_some()).count())
            };
            d("上年执行数", "执行数".into(), count(was), count(codes))
        }
        (other, _) => d(&kind(other), String::new(), String::new(), String::new()),
    }
}

/// The text of a project's part by its label (`项目概述` …), as the project prints it.
fn part_text(p: &yusuan_domain::ProjectDescription, label: &str) -> String {
    p.parts
        .iter()
        .find(|part| part.kind.label() == label)
        .map(|part| part.text.clone())
        .unwrap_or_default()
}
