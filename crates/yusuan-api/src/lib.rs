//! The operations Yusuan offers, shared by the `yusuan` CLI and the desktop app.
//!
//! Every user-facing operation is a plain function here that takes an open [`Library`] (and, at
//! this edge, files and the clock), so the CLI, the Tauri commands and the tests call exactly the
//! same code without a desktop. Transport types (DTOs) that cross to the UI live in [`dto`]:
//! amounts in them are decimal strings. Errors are [`ApiError`], whose messages are Chinese and
//! say what, where and what to do, and which tell usage/input errors from data errors.
#![deny(missing_docs)]

mod backups;
mod bureau;
mod clock;
mod compare_docs;
pub mod compare_sheet;
mod desk;
mod desk_drafts;
mod desk_workbook;
mod document_view;
mod draft_actuals;
mod draft_command;
mod draft_edit;
mod draft_explanation;
mod draft_forms;
mod draft_history;
mod draft_legacy;
mod draft_print;
mod draft_projects;
mod draft_setup;
mod draft_state;
mod draft_titles;
mod draft_units;
mod drafts;
pub mod dto;
mod error;
mod examples;
mod export;
mod exporting;
mod import;
mod library;
mod panics;
mod practice;
mod push;
mod refusal;
mod review;
mod settings;

pub use backups::{backup_library, restore_library, DAILY_BACKUPS_KEPT};
pub use bureau::{server_add_member, server_init, server_members};
pub use clock::now_rfc3339;
pub use compare_docs::{
    compare_ids, compare_loaded, compare_references, department_executions, department_view,
    executions_among, same_department, CompareView,
};
pub use desk::Desk;
pub use desk_drafts::{
    draft_history_items, DraftSummary, DraftView, FigureView, HistoryItem, ImportResult,
    SectionView, UnitView, VersionItem,
};
pub use desk_workbook::WorkbookImport;
pub use document_view::{DocumentView, RowLook};
pub use draft_actuals::{
    actual_views, draft_actual, draft_actuals, draft_actuals_from, draft_actuals_paste, ActualView,
    ActualsImport, FinalAccountsRef,
};
pub use draft_command::{draft_edit, Applied, DraftCommand, NewLine};
pub use draft_explanation::{draft_section, TextCorrection, TextEdit};
pub use draft_forms::{
    draft_cell, draft_form_delete, draft_forms, draft_indicator_remove, draft_indicator_set,
    draft_row, draft_table_paste, CarriedTableView, FormView, IndicatorView, RowEdit,
};
pub use draft_history::{draft_redo, draft_undo};
pub use draft_print::{draft_print, print_settings, PrintSettingView};
pub use draft_projects::{
    draft_project_add, draft_project_fund, draft_project_part, draft_project_remove,
    draft_project_rename, draft_projects, ProjectFundView, ProjectPartView, ProjectView,
};
pub use draft_setup::{
    draft_add_line, draft_new_blank, draft_templates, draft_unit_add, draft_unit_remove, BlankFrom,
    BlankRequest, DraftTemplate,
};
pub use draft_titles::{draft_rename, title_views, TitleView};
pub use draft_units::{
    draft_place, draft_unit_money, draft_unit_text, load_reference, reference_check,
    reference_document, UnitMoney, UnitTextView,
};
pub use drafts::{
    draft_check, draft_document, draft_export_xlsx, draft_history, draft_import_xlsx, draft_lines,
    draft_lines_csv, draft_list, draft_new, draft_reason, draft_set, draft_set_many, draft_version,
    load_draft, os_user, parse_draft_ref, split_unit_ref, Edit, LeafLine, NewDraft,
};
pub use error::ApiError;
pub use examples::{load_examples, ExampleFile, ExamplesOutcome};
pub use export::{numbers_csv, numbers_csv_for, NUMBERS_CSV_HEADER};
pub use exporting::{
    export_file, export_pdf_bytes, export_preview, find_fonts, list_templates, ExportOutcome,
    ExportRequest, OutFormat, TemplateInfo,
};
pub use import::{
    import_bytes, import_bytes_with, import_file, import_file_with, import_files, read_document,
    ImportOutcome, Yearless,
};
pub use library::{default_data_dir, Library, LibraryKind};
pub use panics::{panic_log, quiet_panics};
pub use push::{draft_push, PushOutcome};
pub use refusal::{DraftFailure, ExportProblem, Refusal, RewriteOrEdit, SettingsProblem};
pub use review::{
    district_view, draft_review, draft_submit, review_comments, DistrictRow, ReviewCommentView,
    VersionSummary,
};
pub use settings::{load_settings, save_settings, FileInfo, Settings, SettingsView};
pub use yusuan_check::{check, rules_markdown, Finding, Severity, RULES};
pub use yusuan_compare as compare;
pub use yusuan_domain::Document;
pub use yusuan_draft as draft;
pub use yusuan_export as typeset;
pub use yusuan_store::{DraftEvent, DraftRow};
pub use yusuan_store::{Member, VersionStatus};
