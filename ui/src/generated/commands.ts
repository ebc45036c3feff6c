// Generated from src-tauri/commands.rs by tests/command_contract.rs: do not edit.
// `UPDATE_GOLDEN=1 cargo test --test command_contract` rewrites it.

import type { CompareView, DistrictRow, DocumentSummary, DocumentView, DraftCommand, DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, LibraryInfo, Settings, SettingsView, WorkbookImport } from "./contract";

/** Every command of the window: its arguments as sent, and its answer. */
export interface Commands {
  list_libraries: { args: Record<string, never>; returns: LibraryInfo[] };
  list_documents: { args: { library: string }; returns: DocumentSummary[] };
  get_document: { args: { library: string; id: number }; returns: DocumentView };
  compare_documents: { args: { library: string; ids: number[] }; returns: CompareView };
  check_document: { args: { library: string; id: number }; returns: Finding[] };
  start_draft: { args: { library: string; id: number }; returns: DraftView };
  restore_backup: { args: { path: string }; returns: SettingsView };
  list_draft_templates: { args: Record<string, never>; returns: DraftTemplate[] };
  start_blank_draft: { args: { template: string; department: string; region: string | null; year: number | null }; returns: DraftView };
  list_drafts: { args: Record<string, never>; returns: DraftSummary[] };
  get_draft: { args: { draft: string }; returns: DraftView };
  edit_draft: { args: { draft: string; edit: DraftCommand }; returns: DraftView };
  undo_edit: { args: { draft: string }; returns: DraftView };
  redo_edit: { args: { draft: string }; returns: DraftView };
  get_draft_document: { args: { draft: string }; returns: DocumentView };
  save_version: { args: { draft: string; name: string; lock: boolean }; returns: DraftView };
  submit_version: { args: { draft: string; name: string }; returns: DraftView };
  district_view: { args: Record<string, never>; returns: DistrictRow[] };
  review_version: { args: { draft: string; name: string; accept: boolean; comment: string }; returns: DistrictRow[] };
  export_file: { args: { args: ExportArgs }; returns: ExportResult };
  export_draft_workbook: { args: { draft: string; file: string }; returns: string };
  import_draft_workbook: { args: { draft: string; file: string }; returns: WorkbookImport };
  preview_export: { args: { reference: string; date: string | null }; returns: string[] };
  compare_references: { args: { references: string[] }; returns: CompareView };
  export_comparison: { args: { library: string; ids: number[]; file: string }; returns: string };
  get_settings: { args: Record<string, never>; returns: SettingsView };
  save_settings: { args: { settings: Settings }; returns: SettingsView };
  backup_library: { args: Record<string, never>; returns: SettingsView };
  import_file: { args: { path: string; wait: boolean | null; year: number | null }; returns: ImportResult };
}
