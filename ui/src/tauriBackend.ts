/**
 * The Backend implementation used inside the Tauri desktop app: each method is
 * one `invoke` of a Rust command (list_libraries, list_documents, get_document)
 * with exactly the argument names the Rust side declares.
 */
import { invoke, isTauri } from "@tauri-apps/api/core";
import type { Backend, DocumentSummary, Library } from "./backend";
import type { CompareView } from "./comparing";
import type { DraftCommand, DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport, Yearless } from "./drafting";
import type { Document } from "./model";
import type { Settings, SettingsView } from "./generated/contract";

/** Calls a Rust command, with a clear message when not running inside the desktop app. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!isTauri()) throw new Error("未在预算桌面程序中运行，无法读取数据。");
  return invoke<T>(command, args);
}

export class TauriBackend implements Backend {
  listLibraries(): Promise<Library[]> {
    return call<Library[]>("list_libraries");
  }

  listDocuments(library: string): Promise<DocumentSummary[]> {
    return call<DocumentSummary[]>("list_documents", { library });
  }

  getDocument(library: string, id: number): Promise<Document> {
    return call<Document>("get_document", { library, id });
  }

  startDraft(library: string, id: number): Promise<DraftView> {
    return call<DraftView>("start_draft", { library, id });
  }

  listDraftTemplates(): Promise<DraftTemplate[]> {
    return call<DraftTemplate[]>("list_draft_templates");
  }

  startBlankDraft(template: string, department: string, region: string | null, year: number | null): Promise<DraftView> {
    return call<DraftView>("start_blank_draft", { template, department, region, year });
  }

  getDraft(draft: string): Promise<DraftView> {
    return call<DraftView>("get_draft", { draft });
  }

  editDraft(draft: string, edit: DraftCommand): Promise<DraftView> {
    return call<DraftView>("edit_draft", { draft, edit });
  }

  listDrafts(): Promise<DraftSummary[]> {
    return call<DraftSummary[]>("list_drafts");
  }

  undo(draft: string): Promise<DraftView> {
    return call<DraftView>("undo_edit", { draft });
  }

  redo(draft: string): Promise<DraftView> {
    return call<DraftView>("redo_edit", { draft });
  }

  previewExport(reference: string, date: string | null): Promise<string[]> {
    return call<string[]>("preview_export", { reference, date });
  }

  exportComparison(library: string, ids: number[], file: string): Promise<string> {
    return call<string>("export_comparison", { library, ids, file });
  }

  getSettings(): Promise<SettingsView> {
    return call<SettingsView>("get_settings");
  }

  saveSettings(settings: Settings): Promise<SettingsView> {
    return call<SettingsView>("save_settings", { settings });
  }

  backupLibrary(): Promise<SettingsView> {
    return call<SettingsView>("backup_library");
  }

  restoreBackup(path: string): Promise<SettingsView> {
    return call<SettingsView>("restore_backup", { path });
  }

  saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView> {
    return call<DraftView>("save_version", { draft, name, lock });
  }

  exportFile(args: ExportArgs): Promise<ExportResult> {
    return call<ExportResult>("export_file", { args });
  }

  exportDraftWorkbook(draft: string, file: string): Promise<string> {
    return call<string>("export_draft_workbook", { draft, file });
  }

  importDraftWorkbook(draft: string, file: string): Promise<WorkbookImport> {
    return call<WorkbookImport>("import_draft_workbook", { draft, file });
  }

  async chooseWorkbook(): Promise<string | null> {
    const { open } = await import("@tauri-apps/plugin-dialog");
    const chosen = await open({ multiple: false, title: "导入编制工作簿", filters: [{ name: "Excel 工作簿", extensions: ["xlsx"] }] });
    return Array.isArray(chosen) ? (chosen[0] ?? null) : chosen;
  }

  compareDocuments(library: string, ids: number[]): Promise<CompareView> {
    return call<CompareView>("compare_documents", { library, ids });
  }

  importFile(path: string, yearless?: Yearless): Promise<ImportResult> {
    return call<ImportResult>("import_file", { path, wait: yearless?.wait ?? null, year: yearless?.year ?? null });
  }

  async chooseFiles(): Promise<string[]> {
    const { open } = await import("@tauri-apps/plugin-dialog");
    const chosen = await open({ multiple: true, title: "导入公开文件", filters: [{ name: "预算公开文件（PDF、XLSX、文本）", extensions: ["pdf", "xlsx", "txt"] }] });
    if (chosen === null) return [];
    return Array.isArray(chosen) ? chosen : [chosen];
  }

  compareReferences(references: string[]): Promise<CompareView> {
    return call<CompareView>("compare_references", { references });
  }

  getDraftDocument(draft: string): Promise<Document> {
    return call<Document>("get_draft_document", { draft });
  }

  async chooseSavePath(suggested: string, extension: string): Promise<string | null> {
    const { save } = await import("@tauri-apps/plugin-dialog");
    const name = extension === "pdf" ? "PDF 文件" : "Excel 工作簿";
    return save({ title: "导出到…", defaultPath: suggested, filters: [{ name, extensions: [extension] }] });
  }

  checkDocument(library: string, id: number): Promise<Finding[]> {
    return call<Finding[]>("check_document", { library, id });
  }
}
