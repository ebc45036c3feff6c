//! A draft edit as the window and the command line ask for it: one typed command
//! ([`DraftCommand`], its TypeScript union generated with the other payloads) for every edit verb,
//! and one function that carries it out ([`draft_edit`]). The window sends it through one Tauri
//! command (`edit_draft`); the CLI builds it from its arguments. What each verb does is the
//! drafting modules' (each records one typed [`yusuan_draft::DraftEdit`] through
//! [`crate::draft_edit`]).

use crate::draft_actuals::ActualsImport;
use crate::draft_explanation::TextCorrection;
use crate::draft_forms::RowEdit;
use crate::draft_state::Edit;
use crate::{ApiError, Library};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A new line's place in the tables, as the window's form chooses it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "grid", rename_all = "snake_case")]
pub enum NewLine {
    /// Spending by 功能科目: the fund (`一般公共预算`), the code, the kind (`基本支出`).
    Spend {
        fund: String,
        code: String,
        kind: String,
    },
    /// 基本支出 by 经济科目: the code and 人员经费 or 公用经费.
    Economic { code: String, kind: String },
}

impl NewLine {
    /// The line's key in its text form, and the names to give: its code's (`""`) and, for a 项,
    /// its 款's (the 类 names come from the catalogue). Empty names are left out.
    fn key_and_names(
        &self,
        id: i64,
        name: &str,
        parent_name: &str,
    ) -> Result<(String, Vec<(String, String)>), ApiError> {
        let (text, code, parent_name) = match self {
            NewLine::Spend { fund, code, kind } => {
                let code = code.trim();
                (format!("支出|{fund}|{code}|{kind}"), code, parent_name)
            }
            NewLine::Economic { code, kind } => {
                let code = code.trim();
                (format!("经济|{code}|{kind}"), code, "")
            }
        };
        let key = yusuan_draft::parse_address(&text)
            .map(|(k, _)| k.to_string())
            .ok_or(crate::Refusal::NotALineKey {
                id,
                reference: text,
            })?;
        let mut names = Vec::new();
        if !name.trim().is_empty() {
            names.push((String::new(), name.trim().to_string()));
        }
        if !parent_name.trim().is_empty() && code.len() == 7 {
            names.push((code[..5].to_string(), parent_name.trim().to_string()));
        }
        Ok((key, names))
    }
}

/// One edit of a draft, as asked for. Amounts are as typed (元, or `…万元` where a verb says
/// so); rows and columns count from 1. Each variant's fields are named as its words say.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftCommand {
    /// A line's amount (its key, `key@单位` or `#N`).
    SetLeaf { key: String, value: String },
    /// Several lines at once (a pasted column): one edit.
    SetLeaves { pairs: Vec<(String, String)> },
    /// A new line (a code the draft has no line for); `names` name its code (`""`) and 类/款.
    AddLine {
        key: String,
        value: String,
        names: Vec<(String, String)>,
    },
    /// A new line as the window's form gives it: its code under a fund and kind (or an economic
    /// code and kind), its amount, and — where the catalogue has none — the name of its code and
    /// of its 款.
    AddCodedLine {
        line: NewLine,
        value: String,
        name: String,
        parent_name: String,
    },
    /// A unit added to the 分单位 tables (its code: the next 序号 when none).
    AddUnit { name: String, code: Option<String> },
    /// A unit whose lines are at zero removed.
    RemoveUnit { name: String },
    /// `amount` 元 of a line (all of it when none) placed in unit `to` (none: back to the
    /// department's money not placed in a unit).
    PlaceLine {
        line: String,
        to: Option<String>,
        amount: Option<String>,
    },
    /// The reason for a change (a line's key or a figure's); empty removes it.
    SetReason { key: String, text: String },
    /// One setting of the print style (`零值单元格` → `留空` …).
    SetPrint { setting: String, choice: String },
    /// A table or section renamed.
    RenameTitle { title: String, new_title: String },
    /// A narrative section rewritten, a paragraph a line.
    SetSectionText { title: String, text: String },
    /// One part of a project's description rewritten.
    SetProjectPart {
        project: String,
        part: String,
        text: String,
    },
    /// A new project, its seven parts to write.
    AddProject { name: String },
    /// A project's description removed.
    RemoveProject { name: String },
    /// A project renamed (`name` as listed, or `#N`).
    RenameProject { name: String, new_name: String },
    /// How much of a 项目支出 line funds a project (`0` takes the share away).
    SetProjectFund {
        project: String,
        line: String,
        amount: String,
    },
    /// A project's whole 绩效目标表 deleted.
    DeleteForm { form: String },
    /// An indicator's target value set (or the indicator added) in a project's form.
    SetIndicator {
        form: String,
        path: String,
        value: String,
    },
    /// An indicator removed from a project's form.
    RemoveIndicator { form: String, path: String },
    /// One code's 上年执行数 (元 or `…万元`; empty clears it).
    SetActual { code: String, value: String },
    /// A pasted column of 上年执行数 (科目编码 and 金额 a line).
    PasteActuals { text: String },
    /// The 上年执行数 of a 决算 in the library, matched by code.
    ActualsFrom {
        #[ts(type = "number")]
        document: i64,
    },
    /// A cell of a table the draft carries as printed.
    SetCarriedCell {
        table: String,
        #[ts(type = "number")]
        row: usize,
        #[ts(type = "number")]
        column: usize,
        text: String,
    },
    /// A blank row added at the end of a carried table.
    AddCarriedRow { table: String },
    /// A row of a carried table taken out.
    RemoveCarriedRow {
        table: String,
        #[ts(type = "number")]
        row: usize,
    },
    /// Every row of a carried table replaced by pasted rows (a line a row, cells by tabs).
    PasteCarriedTable { table: String, text: String },
    /// A unit's own text of a carried section (empty: the department's again).
    SetUnitText {
        unit: String,
        title: String,
        text: String,
    },
}

/// What a command did: the edits recorded (one; a line each for a paste; none where nothing
/// changed), the figures a rewritten 情况说明 prints otherwise than written, and what reading
/// 执行数 matched.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct Applied {
    /// The edits.
    pub edits: Vec<Edit>,
    /// Figures printed otherwise than written.
    pub corrections: Vec<TextCorrection>,
    /// 执行数 read (pasted or from a 决算).
    #[ts(optional)]
    pub actuals: Option<ActualsImport>,
}

impl Applied {
    /// The one edit a single-edit command recorded (sequence 0 where nothing changed).
    pub fn edit(self) -> Edit {
        self.edits.into_iter().next().unwrap_or_default()
    }

    fn one(edit: Edit) -> Applied {
        Applied {
            edits: vec![edit],
            ..Default::default()
        }
    }

    fn actuals(read: ActualsImport) -> Applied {
        Applied {
            actuals: Some(read),
            ..Default::default()
        }
    }
}

/// Carries out one edit command on draft `id`.
pub fn draft_edit(
    lib: &mut Library,
    id: i64,
    command: &DraftCommand,
    now: &str,
) -> Result<Applied, ApiError> {
    use DraftCommand::*;
    let one = Applied::one;
    Ok(match command {
        SetLeaf { key, value } => one(crate::draft_set(lib, id, key, value, now)?),
        SetLeaves { pairs } => Applied {
            edits: crate::draft_set_many(lib, id, pairs, now)?,
            ..Default::default()
        },
        AddLine { key, value, names } => {
            one(crate::draft_add_line(lib, id, key, value, names, now)?)
        }
        AddCodedLine {
            line,
            value,
            name,
            parent_name,
        } => {
            let (key, names) = line.key_and_names(id, name, parent_name)?;
            one(crate::draft_add_line(lib, id, &key, value, &names, now)?)
        }
        AddUnit { name, code } => one(crate::draft_unit_add(lib, id, name, code.as_deref(), now)?),
        RemoveUnit { name } => one(crate::draft_unit_remove(lib, id, name, now)?),
        PlaceLine { line, to, amount } => one(crate::draft_place(
            lib,
            id,
            line,
            to.as_deref(),
            amount.as_deref(),
            now,
        )?),
        SetReason { key, text } => one(crate::draft_reason(lib, id, key, text, now)?),
        SetPrint { setting, choice } => one(crate::draft_print(lib, id, setting, choice, now)?),
        RenameTitle { title, new_title } => {
            one(crate::draft_rename(lib, id, title, new_title, now)?)
        }
        SetSectionText { title, text } => {
            let written = crate::draft_section(lib, id, title, text, now)?;
            Applied {
                edits: vec![written.edit],
                corrections: written.corrections,
                actuals: None,
            }
        }
        SetProjectPart {
            project,
            part,
            text,
        } => one(crate::draft_project_part(
            lib, id, project, part, text, now,
        )?),
        AddProject { name } => one(crate::draft_project_add(lib, id, name, now)?),
        RemoveProject { name } => one(crate::draft_project_remove(lib, id, name, now)?),
        RenameProject { name, new_name } => {
            one(crate::draft_project_rename(lib, id, name, new_name, now)?)
        }
        SetProjectFund {
            project,
            line,
            amount,
        } => one(crate::draft_project_fund(
            lib, id, project, line, amount, now,
        )?),
        DeleteForm { form } => one(crate::draft_form_delete(lib, id, form, now)?),
        SetIndicator { form, path, value } => {
            one(crate::draft_indicator_set(lib, id, form, path, value, now)?)
        }
        RemoveIndicator { form, path } => {
            one(crate::draft_indicator_remove(lib, id, form, path, now)?)
        }
        SetActual { code, value } => one(crate::draft_actual(lib, id, code, value, now)?),
        PasteActuals { text } => Applied::actuals(crate::draft_actuals_paste(lib, id, text, now)?),
        ActualsFrom { document } => {
            Applied::actuals(crate::draft_actuals_from(lib, id, *document, now)?)
        }
        SetCarriedCell {
            table,
            row,
            column,
            text,
        } => one(crate::draft_cell(lib, id, table, *row, *column, text, now)?),
        AddCarriedRow { table } => one(crate::draft_row(lib, id, table, RowEdit::Add, now)?),
        RemoveCarriedRow { table, row } => one(crate::draft_row(
            lib,
            id,
            table,
            RowEdit::Remove(*row),
            now,
        )?),
        PasteCarriedTable { table, text } => {
            one(crate::draft_table_paste(lib, id, table, text, now)?)
        }
        SetUnitText { unit, title, text } => {
            one(crate::draft_unit_text(lib, id, unit, title, text, now)?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_line_from_the_form_is_keyed_and_named_in_rust() {
        let spend = NewLine::Spend {
            fund: "一般公共预算".into(),
            code: " 2010101 ".into(),
            kind: "基本支出".into(),
        };
        let (key, names) = spend.key_and_names(2, "行政运行", "人大事务").unwrap();
        assert_eq!(key, "支出|一般公共预算|2010101|基本支出");
        assert_eq!(
            names,
            vec![
                (String::new(), "行政运行".to_string()),
                ("20101".to_string(), "人大事务".to_string())
            ]
        );
        let economic = NewLine::Economic {
            code: "30201".into(),
            kind: "公用经费".into(),
        };
        let (key, names) = economic.key_and_names(2, "", "不用").unwrap();
        assert_eq!((key.as_str(), names.len()), ("经济|30201|公用经费", 0));
        let bad = NewLine::Spend {
            fund: "一般公共预算".into(),
            code: "20１".into(),
            kind: "基本支出".into(),
        };
        let e = bad.key_and_names(2, "", "").unwrap_err();
        assert!(e.to_string().contains("不是明细行的键"), "{e}");
        assert!(e.command_hint().unwrap().contains("draft:2"));
    }
}
