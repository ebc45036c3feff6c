//! The Tauri commands: one call each into `yusuan-api`; errors cross as Chinese messages.

use crate::AppState;
use tauri::State;
use yusuan_api::dto::{DocumentSummary, LibraryInfo};
use yusuan_api::DocumentView;

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
) -> Result<DocumentView, String> {
    desk(&state)?
        .document_view(&library, id)
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

/// One edit of a draft (every edit verb: a line's amount, a reason, a text, a unit, a project, a
/// form, a carried table's cell …, typed by `yusuan_api::DraftCommand`); answers with the
/// recomputed draft.
#[tauri::command]
pub fn edit_draft(
    state: State<'_, AppState>,
    draft: String,
    edit: yusuan_api::DraftCommand,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .edit_draft(draft_id(&draft)?, &edit, &yusuan_api::now_rfc3339())
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
) -> Result<DocumentView, String> {
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

/// Submits the draft to the bureau as a named version (一上, 二上 …), locked until it decides.
#[tauri::command]
pub fn submit_version(
    state: State<'_, AppState>,
    draft: String,
    name: String,
) -> Result<yusuan_api::DraftView, String> {
    desk(&state)?
        .draft_submit(draft_id(&draft)?, &name, &yusuan_api::now_rfc3339())
        .map_err(|e| e.to_string())
}

/// The district's page: every draft of 我的预算库 the user may read, with its latest version.
#[tauri::command]
pub fn district_view(state: State<'_, AppState>) -> Result<Vec<yusuan_api::DistrictRow>, String> {
    desk(&state)?.district().map_err(|e| e.to_string())
}

/// The bureau returns a submitted version with a comment, or accepts it; answers with the page.
#[tauri::command]
pub fn review_version(
    state: State<'_, AppState>,
    draft: String,
    name: String,
    accept: bool,
    comment: String,
) -> Result<Vec<yusuan_api::DistrictRow>, String> {
    desk(&state)?
        .review(
            draft_id(&draft)?,
            &name,
            accept,
            &comment,
            &yusuan_api::now_rfc3339(),
        )
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
