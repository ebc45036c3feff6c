//! The Tauri commands: one call each into `yusuan-api`; errors cross as Chinese messages.

use crate::AppState;
use tauri::State;
use yusuan_api::dto::{DocumentSummary, LibraryInfo};
use yusuan_api::Document;

fn desk<'a>(state: &'a State<'_, AppState>) -> Result<std::sync::MutexGuard<'a, yusuan_api::Desk>, String> {
    state.desk.lock().map_err(|_| "内部错误：预算库被占用，请重启软件".to_string())
}

/// Both libraries (我的预算库, 示例库) with their document counts.
#[tauri::command]
pub fn list_libraries(state: State<'_, AppState>) -> Result<Vec<LibraryInfo>, String> {
    desk(&state)?.libraries().map_err(|e| e.to_string())
}

/// The documents of one library.
#[tauri::command]
pub fn list_documents(state: State<'_, AppState>, library: String) -> Result<Vec<DocumentSummary>, String> {
    desk(&state)?.documents(&library).map_err(|e| e.to_string())
}

/// One whole document (amounts as decimal strings).
#[tauri::command]
pub fn get_document(state: State<'_, AppState>, library: String, id: i64) -> Result<Document, String> {
    desk(&state)?.document(&library, id).map_err(|e| e.to_string())
}

/// Years side by side: the documents `ids` of one library (one id: every year of its
/// department), aligned line by line, with findings and chart series.
#[tauri::command]
pub fn compare_documents(state: State<'_, AppState>, library: String, ids: Vec<i64>) -> Result<yusuan_api::CompareView, String> {
    desk(&state)?.compare(&library, &ids).map_err(|e| e.to_string())
}
