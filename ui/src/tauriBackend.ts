/**
 * The Backend implementation used inside the Tauri desktop app: each method is
 * one `invoke` of a Rust command (list_libraries, list_documents, get_document)
 * with exactly the argument names the Rust side declares.
 */
import { invoke, isTauri } from "@tauri-apps/api/core";
import type { Backend, DocumentSummary, Library } from "./backend";
import type { CompareView } from "./comparing";
import type { DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport, Yearless } from "./drafting";
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

  addLine(draft: string, key: string, value: string, names: [string, string][]): Promise<DraftView> {
    return call<DraftView>("add_line", { draft, key, value, names });
  }

  addUnit(draft: string, name: string, code: string | null): Promise<DraftView> {
    return call<DraftView>("add_unit", { draft, name, code });
  }

  removeUnit(draft: string, name: string): Promise<DraftView> {
    return call<DraftView>("remove_unit", { draft, name });
  }

  placeLine(draft: string, line: string, to: string | null, amount: string | null): Promise<DraftView> {
    return call<DraftView>("place_line", { draft, line, to, amount });
  }

  getDraft(draft: string): Promise<DraftView> {
    return call<DraftView>("get_draft", { draft });
  }

  setLeaf(draft: string, key: string, value: string): Promise<DraftView> {
    return call<DraftView>("set_leaf", { draft, key, value });
  }

  setLeaves(draft: string, pairs: [string, string][]): Promise<DraftView> {
    return call<DraftView>("set_leaves", { draft, pairs });
  }

  listDrafts(): Promise<DraftSummary[]> {
    return call<DraftSummary[]>("list_drafts");
  }

  setReason(draft: string, key: string, text: string): Promise<DraftView> {
    return call<DraftView>("set_reason", { draft, key, text });
  }

  setPrint(draft: string, setting: string, choice: string): Promise<DraftView> {
    return call<DraftView>("set_print", { draft, setting, choice });
  }

  renameTitle(draft: string, title: string, newTitle: string): Promise<DraftView> {
    return call<DraftView>("rename_title", { draft, title, newTitle });
  }

  setSectionText(draft: string, title: string, text: string): Promise<DraftView> {
    return call<DraftView>("set_section_text", { draft, title, text });
  }

  setProjectPart(draft: string, project: string, part: string, text: string): Promise<DraftView> {
    return call<DraftView>("set_project_part", { draft, project, part, text });
  }

  addProject(draft: string, name: string): Promise<DraftView> {
    return call<DraftView>("add_project", { draft, name });
  }

  removeProject(draft: string, name: string): Promise<DraftView> {
    return call<DraftView>("remove_project", { draft, name });
  }

  renameProject(draft: string, name: string, newName: string): Promise<DraftView> {
    return call<DraftView>("rename_project", { draft, name, newName });
  }

  deleteForm(draft: string, form: string): Promise<DraftView> {
    return call<DraftView>("delete_form", { draft, form });
  }

  setActual(draft: string, code: string, value: string): Promise<DraftView> {
    return call<DraftView>("set_actual", { draft, code, value });
  }

  pasteActuals(draft: string, text: string): Promise<DraftView> {
    return call<DraftView>("paste_actuals", { draft, text });
  }

  actualsFrom(draft: string, document: number): Promise<DraftView> {
    return call<DraftView>("actuals_from", { draft, document });
  }

  setIndicator(draft: string, form: string, path: string, value: string): Promise<DraftView> {
    return call<DraftView>("set_indicator", { draft, form, path, value });
  }

  removeIndicator(draft: string, form: string, path: string): Promise<DraftView> {
    return call<DraftView>("remove_indicator", { draft, form, path });
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

  setCarriedCell(draft: string, table: string, row: number, column: number, text: string): Promise<DraftView> {
    return call<DraftView>("set_carried_cell", { draft, table, row, column, text });
  }

  addCarriedRow(draft: string, table: string): Promise<DraftView> {
    return call<DraftView>("add_carried_row", { draft, table });
  }

  pasteCarriedTable(draft: string, table: string, text: string): Promise<DraftView> {
    return call<DraftView>("paste_carried_table", { draft, table, text });
  }

  removeCarriedRow(draft: string, table: string, row: number): Promise<DraftView> {
    return call<DraftView>("remove_carried_row", { draft, table, row });
  }

  setUnitText(draft: string, unit: string, title: string, text: string): Promise<DraftView> {
    return call<DraftView>("set_unit_text", { draft, unit, title, text });
  }

  setProjectFund(draft: string, project: string, line: string, amount: string): Promise<DraftView> {
    return call<DraftView>("set_project_fund", { draft, project, line, amount });
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
