//! The Tauri commands: one call each into `yusuan-api`; errors cross as Chinese messages.

use crate::AppState;
use tauri::State;
use yusuan_api::dto::{DocumentSummary, LibraryInfo};
use yusuan_api::Document;

fn desk<'a>(
    state: &'a State<'_, AppState>,
) -> Result<std::sync::MutexGuard<'a, yusuan_api::Desk>, String> {
    state
        .desk
        .lock()
        .map_err(|_| "内部错误：预算库被占用，请重启软件".to_string())
}

/// Both libraries (我的预算库, 示例库) with their document counts.
#[tauri::command]
pub fn list_libraries(state: State<'_, AppState>) -> Result<Vec<LibraryInfo>, String> {
    desk(&state)?.libraries().map_err(|e| e.to_string())
}

/// The documents of one library.
#[tauri::command]
pub fn list_documents(
    state: State<'_, AppState>,
    library: String,
) -> Result<Vec<DocumentSummary>, String> {
    desk(&state)?.documents(&library).map_err(|e| e.to_string())
}

/// One whole document (amounts as decimal strings).
#[tauri::command]
pub fn get_document(
    state: State<'_, AppState>,
    library: String,
    id: i64,
) -> Result<Document, String> {
    desk(&state)?
        .document(&library, id)
        .map_err(|e| e.to_string())
}

/// Years side by side: the documents `ids` of one library (one id: every year of its
/// department), aligned line by line, with findings and chart series.
#[tauri::command]
pub fn compare_documents(
    state: State<'_, AppState>,
    library: String,
    ids: Vec<i64>,
) -> Result<yusuan_api::CompareView, String> {
    desk(&state)?
        .compare(&library, &ids)
        .map_err(|e| e.to_string())
}

/// The findings on a stored document (the reviewer's rules).
#[tauri::command]
pub fn check_document(
    state: State<'_, AppState>,
    library: String,
    id: i64,
) -> Result<Vec<yusuan_api::Finding>, String> {
    let doc = desk(&state)?
        .document(&library, id)
        .map_err(|e| e.to_string())?;
    Ok(yusuan_api::check(&doc))
}

/// Starts next year's draft from a document (an example is copied into 我的预算库 first).
#[tauri::command]
pub fn start_draft(
    state: State<'_, AppState>,
    library: String,
    id: i64,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .start_draft(&library, id, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Restores 我的预算库 from one of its backups (its present state kept first).
#[tauri::command]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: String,
) -> Result<yusuan_api::SettingsView, String> {
    desk(&state)?
        .restore(std::path::Path::new(&path), &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// The shipped formats a blank draft can start from.
#[tauri::command]
pub fn list_draft_templates() -> Vec<yusuan_api::DraftTemplate> {
    yusuan_api::draft_templates()
}

/// Starts a blank draft of a shipped format for a department (no 上年 to roll forward).
#[tauri::command]
pub fn start_blank_draft(
    state: State<'_, AppState>,
    template: String,
    department: String,
    region: Option<String>,
    year: Option<i32>,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .start_blank_draft(
            &template,
            &department,
            region.as_deref(),
            year,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// The drafts of 我的预算库.
#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> Result<Vec<yusuan_api::DraftSummary>, String> {
    desk(&state)?.drafts().map_err(|e| e.to_string())
}

fn draft_id(draft: &str) -> Result<i64, String> {
    if let (_, Some(unit)) = yusuan_api::split_unit_ref(draft) {
        return Err(format!(
            "“{draft}”是单位“{unit}”的单位预算，由部门草稿派生，只读；请在部门草稿中修改"
        ));
    }
    yusuan_api::parse_draft_ref(draft)
        .map(|r| r.0)
        .ok_or_else(|| format!("“{draft}”不是草稿编号"))
}

/// A draft as the 编制 view shows it.
#[tauri::command]
pub fn get_draft(
    state: State<'_, AppState>,
    draft: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_view(draft_id(&draft)?)
        .map_err(|e| e.to_string())
}

/// Sets one leaf line (元); answers with the recomputed draft.
#[tauri::command]
pub fn set_leaf(
    state: State<'_, AppState>,
    draft: String,
    key: String,
    value: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_set(draft_id(&draft)?, &key, &value, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Adds a new line to a draft (a code it has no line for), its code and 类/款 named where the
/// catalogue cannot (`[["", "行政运行"], ["20101", "人大事务"]]`).
#[tauri::command]
pub fn add_line(
    state: State<'_, AppState>,
    draft: String,
    key: String,
    value: String,
    names: Vec<(String, String)>,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_add_line(
            draft_id(&draft)?,
            &key,
            &value,
            &names,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Adds a unit to a draft's 分单位 tables.
#[tauri::command]
pub fn add_unit(
    state: State<'_, AppState>,
    draft: String,
    name: String,
    code: Option<String>,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_unit_add(
            draft_id(&draft)?,
            &name,
            code.as_deref(),
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Places money of a line (`key`, `key@单位`, `#N`) in a unit (`to`; none: back to the
/// department's money not placed in a unit): `amount` 元, all of the line when none.
#[tauri::command]
pub fn place_line(
    state: State<'_, AppState>,
    draft: String,
    line: String,
    to: Option<String>,
    amount: Option<String>,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_place(
            draft_id(&draft)?,
            &line,
            to.as_deref(),
            amount.as_deref(),
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Removes a unit (its lines at zero) from a draft's 分单位 tables.
#[tauri::command]
pub fn remove_unit(
    state: State<'_, AppState>,
    draft: String,
    name: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_unit_remove(draft_id(&draft)?, &name, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Rewrites a carried narrative section of a draft (主要职能, 机构设置 …).
#[tauri::command]
pub fn set_section_text(
    state: State<'_, AppState>,
    draft: String,
    title: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_section(draft_id(&draft)?, &title, &text, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Rewrites one part of a project's description (年度预算安排, 绩效目标 …).
#[tauri::command]
pub fn set_project_part(
    state: State<'_, AppState>,
    draft: String,
    project: String,
    part: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_project_part(
            draft_id(&draft)?,
            &project,
            &part,
            &text,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Adds a project, its seven parts to write.
#[tauri::command]
pub fn add_project(
    state: State<'_, AppState>,
    draft: String,
    name: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_project_add(draft_id(&draft)?, &name, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Sets (or adds) an indicator's target value in a project's 绩效目标表 (`path`: 一级/二级/三级).
#[tauri::command]
pub fn set_indicator(
    state: State<'_, AppState>,
    draft: String,
    form: String,
    path: String,
    value: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_indicator_set(
            draft_id(&draft)?,
            &form,
            &path,
            &value,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Removes an indicator from a project's 绩效目标表.
#[tauri::command]
pub fn remove_indicator(
    state: State<'_, AppState>,
    draft: String,
    form: String,
    path: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_indicator_remove(draft_id(&draft)?, &form, &path, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Sets or clears one code's 上年执行数.
#[tauri::command]
pub fn set_actual(
    state: State<'_, AppState>,
    draft: String,
    code: String,
    value: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_actual(draft_id(&draft)?, &code, &value, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Pastes a column of 上年执行数.
#[tauri::command]
pub fn paste_actuals(
    state: State<'_, AppState>,
    draft: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_actuals_paste(draft_id(&draft)?, &text, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Takes the 上年执行数 from a 决算 of the user's library.
#[tauri::command]
pub fn actuals_from(
    state: State<'_, AppState>,
    draft: String,
    document: i64,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_actuals_from(draft_id(&draft)?, document, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Deletes a project's whole 绩效目标表.
#[tauri::command]
pub fn delete_form(
    state: State<'_, AppState>,
    draft: String,
    form: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_form_delete(draft_id(&draft)?, &form, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Renames a project (`name` as listed, or `#N`), its parts, form and funds kept.
#[tauri::command]
pub fn rename_project(
    state: State<'_, AppState>,
    draft: String,
    name: String,
    new_name: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_project_rename(
            draft_id(&draft)?,
            &name,
            &new_name,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Removes a project's description.
#[tauri::command]
pub fn remove_project(
    state: State<'_, AppState>,
    draft: String,
    name: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_project_remove(draft_id(&draft)?, &name, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Writes the reason for a change.
#[tauri::command]
pub fn set_reason(
    state: State<'_, AppState>,
    draft: String,
    key: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_reason(draft_id(&draft)?, &key, &text, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Sets one setting of the draft's print style (零值单元格 → 留空, 表名年度 → 每张表都印年度 …).
#[tauri::command]
pub fn set_print(
    state: State<'_, AppState>,
    draft: String,
    setting: String,
    choice: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_print(
            draft_id(&draft)?,
            &setting,
            &choice,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Renames a table or section of the draft (the 目录 follows).
#[tauri::command]
pub fn rename_title(
    state: State<'_, AppState>,
    draft: String,
    title: String,
    new_title: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_rename(
            draft_id(&draft)?,
            &title,
            &new_title,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Undoes the last edit.
#[tauri::command]
pub fn undo_edit(
    state: State<'_, AppState>,
    draft: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_undo(draft_id(&draft)?, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Redoes the last undone edit.
#[tauri::command]
pub fn redo_edit(
    state: State<'_, AppState>,
    draft: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_redo(draft_id(&draft)?, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// The document a draft derives now (its tables).
#[tauri::command]
pub fn get_draft_document(
    state: State<'_, AppState>,
    draft: String,
) -> Result<yusuan_api::Document, String> {
    desk(&state)?
        .draft_document(draft_id(&draft)?)
        .map_err(|e| e.to_string())
}

/// Saves the draft as a named version (一上, 二上, 批复 …), optionally locked read-only.
#[tauri::command]
pub fn save_version(
    state: State<'_, AppState>,
    draft: String,
    name: String,
    lock: bool,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_save_version(draft_id(&draft)?, &name, lock, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Exports a draft or document as PDF or XLSX (into 导出/ of the data folder unless a full path).
#[tauri::command]
pub fn export_file(
    state: State<'_, AppState>,
    args: yusuan_api::dto::ExportArgs,
) -> Result<yusuan_api::dto::ExportResult, String> {
    let mut desk = desk(&state)?;
    let path = desk.export_target(&args.file).map_err(|e| e.to_string())?;
    let format = if args.format == "xlsx" {
        yusuan_api::OutFormat::Xlsx
    } else {
        yusuan_api::OutFormat::Pdf
    };
    let req = yusuan_api::ExportRequest {
        date: args.date,
        explanations: args.explanations,
        ..Default::default()
    };
    match desk.export(
        &args.reference,
        format,
        &path,
        &req,
        &yusuan_api::now_rfc3339(),
    ) {
        Ok(o) => Ok(yusuan_api::dto::ExportResult {
            outcome: Some(o),
            refused: None,
            findings: vec![],
        }),
        Err(yusuan_api::ApiError::ExportRefused { reason, findings }) => {
            Ok(yusuan_api::dto::ExportResult {
                outcome: None,
                refused: Some(reason),
                findings,
            })
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Sets one cell (row, column from 1) of a table the draft carries as printed.
#[tauri::command]
pub fn set_carried_cell(
    state: State<'_, AppState>,
    draft: String,
    table: String,
    row: usize,
    column: usize,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_cell(
            draft_id(&draft)?,
            &table,
            row,
            column,
            &text,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Adds a blank row at the end of a table the draft carries as printed.
#[tauri::command]
pub fn add_carried_row(
    state: State<'_, AppState>,
    draft: String,
    table: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_row(
            draft_id(&draft)?,
            &table,
            yusuan_api::RowEdit::Add,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Replaces every row of a table the draft carries as printed by pasted rows (a line a row,
/// cells separated by tabs).
#[tauri::command]
pub fn paste_carried_table(
    state: State<'_, AppState>,
    draft: String,
    table: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_table_paste(draft_id(&draft)?, &table, &text, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Removes a row (from 1) of a table the draft carries as printed.
#[tauri::command]
pub fn remove_carried_row(
    state: State<'_, AppState>,
    draft: String,
    table: String,
    row: usize,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_row(
            draft_id(&draft)?,
            &table,
            yusuan_api::RowEdit::Remove(row),
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Writes a unit's own text of a carried section (an empty text gives it the department's).
#[tauri::command]
pub fn set_unit_text(
    state: State<'_, AppState>,
    draft: String,
    unit: String,
    title: String,
    text: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_unit_text(
            draft_id(&draft)?,
            &unit,
            &title,
            &text,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Sets how much of a 项目支出 line funds a project (0 takes the share away).
#[tauri::command]
pub fn set_project_fund(
    state: State<'_, AppState>,
    draft: String,
    project: String,
    line: String,
    amount: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_project_fund(
            draft_id(&draft)?,
            &project,
            &line,
            &amount,
            &yusuan_api::now_rfc3339(),
        )
        .map_err(|e| e.to_string())
}

/// Writes a draft's editable workbook (into 导出/ of the data folder unless a full path).
#[tauri::command]
pub fn export_draft_workbook(
    state: State<'_, AppState>,
    draft: String,
    file: String,
) -> Result<String, String> {
    desk(&state)?
        .draft_export_workbook(draft_id(&draft)?, &file)
        .map_err(|e| e.to_string())
}

/// Reads an edited workbook back into a draft (one undoable edit) and says what changed.
#[tauri::command]
pub fn import_draft_workbook(
    state: State<'_, AppState>,
    draft: String,
    file: String,
) -> Result<yusuan_api::WorkbookImport, String> {
    let path = std::path::PathBuf::from(&file);
    desk(&state)?
        .draft_import_workbook(draft_id(&draft)?, &path, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// The pages an export would print, as SVG (the preview in the 导出 panel).
#[tauri::command]
pub fn preview_export(
    state: State<'_, AppState>,
    reference: String,
    date: Option<String>,
) -> Result<Vec<String>, String> {
    let req = yusuan_api::ExportRequest {
        date,
        ..Default::default()
    };
    desk(&state)?
        .preview(&reference, &req, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Compares drafts and versions (`draft:N` alone: with its source document).
#[tauri::command]
pub fn compare_references(
    state: State<'_, AppState>,
    references: Vec<String>,
) -> Result<yusuan_api::CompareView, String> {
    desk(&state)?
        .compare_references(&references)
        .map_err(|e| e.to_string())
}

/// Exports the comparison as XLSX into 导出/ of the data folder (or to a full path).
#[tauri::command]
pub fn export_comparison(
    state: State<'_, AppState>,
    library: String,
    ids: Vec<i64>,
    file: String,
) -> Result<String, String> {
    let desk = desk(&state)?;
    let path = desk.export_target(&file).map_err(|e| e.to_string())?;
    desk.export_comparison(&library, &ids, &path)
        .map_err(|e| e.to_string())
}

/// The 设置 view: thresholds, fonts, where the libraries are, backups.
#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<yusuan_api::SettingsView, String> {
    desk(&state)?.settings_view().map_err(|e| e.to_string())
}

/// Saves the settings (checked first; nothing is written when one is refused).
#[tauri::command]
pub fn save_settings(
    state: State<'_, AppState>,
    settings: yusuan_api::Settings,
) -> Result<yusuan_api::SettingsView, String> {
    desk(&state)?
        .save_settings(&settings)
        .map_err(|e| e.to_string())
}

/// Backs up 我的预算库 into 备份/ of the data folder.
#[tauri::command]
pub fn backup_library(state: State<'_, AppState>) -> Result<yusuan_api::SettingsView, String> {
    desk(&state)?
        .backup(&yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// Imports one file (chosen in the open dialog, dropped on the window, or typed) into 我的预算库:
/// the UI calls it file by file to show progress; a failure comes back as the file's report.
/// A file of tables that names no year: `wait` refuses it for now (the batch's narrative may
/// come later), `year` reads it under the year the user gave, else its file name's year.
#[tauri::command]
pub fn import_file(
    state: State<'_, AppState>,
    path: String,
    wait: Option<bool>,
    year: Option<i32>,
) -> Result<yusuan_api::ImportResult, String> {
    let p = std::path::PathBuf::from(path.trim());
    if !p.is_absolute() {
        return Err(format!("“{}”不是完整的文件路径", p.display()));
    }
    let yearless = match (year, wait) {
        (Some(y), _) if (1990..=2100).contains(&y) => yusuan_api::Yearless::Year(y),
        (Some(y), _) => return Err(format!("预算年度“{y}”不对：请填写四位数的年份，如 2026")),
        (None, Some(true)) => yusuan_api::Yearless::Wait,
        (None, _) => yusuan_api::Yearless::FromFileName,
    };
    Ok(desk(&state)?.import_path(&p, yearless, &yusuan_api::now_rfc3339()))
}

/// Sets several lines at once (a column pasted from Excel or WPS): one undoable edit.
#[tauri::command]
pub fn set_leaves(
    state: State<'_, AppState>,
    draft: String,
    pairs: Vec<(String, String)>,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_set_many(draft_id(&draft)?, &pairs, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}
