//! The Yusuan desktop app: a thin Tauri 2 shell over `yusuan-api`.
//!
//! The shell opens the [`Desk`](yusuan_api::Desk) (the user's library and the example library
//! in the OS data directory, or `YUSUAN_DATA_DIR`), loads the bundled real documents into the
//! example library, and exposes the API's operations to the web UI in `ui/` as Tauri commands.
//! No budget logic lives here: every command is one call into `yusuan-api`.

mod commands;
mod examples;

use std::sync::Mutex;
use yusuan_api::{default_data_dir, now_rfc3339, Desk};

/// The state the commands share.
pub struct AppState {
    desk: Mutex<Desk>,
}

/// Opens the desk and the window, and runs the app until the window closes.
pub fn run() {
    let data_dir = default_data_dir();
    yusuan_api::quiet_panics(&data_dir);
    let mut desk = match Desk::open(&data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("预算 Yusuan：{e}");
            std::process::exit(2);
        }
    };
    // The day's backup of 我的预算库 (the last few days kept); the app opens without it if it fails.
    if let Err(e) = desk.daily_backup(&now_rfc3339()) {
        eprintln!("预算 Yusuan：今日自动备份未完成：{e}");
    }
    match desk.load_examples(examples::FILES, &now_rfc3339()) {
        Ok(o) => {
            for (file, reason) in &o.skipped {
                eprintln!("示例库：跳过 {file}：{reason}");
            }
        }
        Err(e) => eprintln!("示例库：{e}"),
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            desk: Mutex::new(desk),
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_libraries,
            commands::list_documents,
            commands::get_document,
            commands::compare_documents,
            commands::check_document,
            commands::start_draft,
            commands::list_draft_templates,
            commands::start_blank_draft,
            commands::export_draft_workbook,
            commands::import_draft_workbook,
            commands::list_drafts,
            commands::get_draft,
            commands::edit_draft,
            commands::undo_edit,
            commands::redo_edit,
            commands::save_version,
            commands::submit_version,
            commands::district_view,
            commands::review_version,
            commands::get_draft_document,
            commands::preview_export,
            commands::get_settings,
            commands::save_settings,
            commands::backup_library,
            commands::restore_backup,
            commands::export_comparison,
            commands::compare_references,
            commands::export_file,
            commands::import_file
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("预算 Yusuan 无法启动窗口：{e}");
            std::process::exit(1);
        });
}
