//! A draft's print style, a property of the draft shown and chosen in 导出: how an amount cell of
//! zero prints (as last year's tables printed each column, always blank, or always 0) and whether
//! the tables' titles carry the year. Each setting is one undoable edit (a new draft's title
//! years are the region's current practice, `crate::practice`).

use crate::draft_edit::{edit_draft, Made};
use crate::drafts::Edit;
use crate::{ApiError, Library, Refusal};
use serde::Serialize;
use ts_rs::TS;
use yusuan_draft::{Draft, DraftEdit, PrintSetting};

/// One setting of a draft's print style as 导出 shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintSettingView {
    /// The setting's name (`零值单元格`, `表名年度`).
    pub name: String,
    /// The choice made.
    pub chosen: String,
    /// Every choice, in order.
    pub choices: Vec<String>,
}

/// Every setting of the draft's print style.
pub fn print_settings(d: &Draft) -> Vec<PrintSettingView> {
    PrintSetting::ALL
        .into_iter()
        .map(|s| PrintSettingView {
            name: s.name().to_string(),
            chosen: d.print.chosen(s).to_string(),
            choices: s.choices().into_iter().map(str::to_string).collect(),
        })
        .collect()
}

/// Sets one print setting (`零值单元格` to `留空`, `表名年度` to `每张表都印年度` …).
pub fn draft_print(
    lib: &mut Library,
    id: i64,
    setting: &str,
    choice: &str,
    now: &str,
) -> Result<Edit, ApiError> {
    let names = || {
        PrintSetting::ALL
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join("、")
    };
    let setting = PrintSetting::parse(setting).ok_or_else(|| Refusal::NoPrintSetting {
        setting: setting.to_string(),
        settings: names(),
    })?;
    let mut probe = yusuan_draft::PrintChoices::default();
    if !probe.choose(setting, choice) {
        return Err(Refusal::NoPrintChoice {
            choice: choice.to_string(),
            setting: setting.name().to_string(),
            choices: setting.choices().join("、"),
        }
        .into());
    }
    edit_draft(lib, id, now, |d| {
        let old = d.print.chosen(setting).to_string();
        let mut after = d.print;
        after.choose(setting, choice);
        let new = after.chosen(setting).to_string();
        if old == new {
            return Ok(Made::unchanged(setting.name(), Some(old), Some(new)));
        }
        let edit = DraftEdit::Print {
            setting: setting.name().to_string(),
            choice: new.clone(),
        };
        Ok(Made::new(edit, setting.name(), Some(old), Some(new)))
    })
}
