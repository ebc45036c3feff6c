/**
 * The Backend implementation used inside the Tauri desktop app: each method is
 * one `invoke` of a Rust command (list_libraries, list_documents, get_document)
 * through `call`, typed by `generated/commands.ts`: a name, an argument or an answer
 * the Rust declaration does not have fails `tsc`.
 */
import { invoke, isTauri } from "@tauri-apps/api/core";
import type { Backend, DocumentSummary, Library } from "./backend";
import type { CompareView } from "./comparing";
import type { DistrictRow, DraftCommand, DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport, Yearless } from "./drafting";
import type { DocumentView } from "./model";
import type { Settings, SettingsView } from "./generated/contract";
import type { Commands } from "./generated/commands";

/** A command's arguments: none, or exactly those its Rust declaration takes (generated). */
type Args<K extends keyof Commands> = Commands[K]["args"] extends Record<string, never> ? [] : [Commands[K]["args"]];

/**
 * Calls a Rust command by its generated name, with its generated arguments, answering its
 * generated type; a clear message when not running inside the desktop app.
 */
async function call<K extends keyof Commands>(command: K, ...args: Args<K>): Promise<Commands[K]["returns"]> {
  if (!isTauri()) throw new Error("未在预算桌面程序中运行，无法读取数据。");
  return invoke<Commands[K]["returns"]>(command, args[0]);
}

export class TauriBackend implements Backend {
  listLibraries(): Promise<Library[]> {
    return call("list_libraries");
  }

  listDocuments(library: string): Promise<DocumentSummary[]> {
    return call("list_documents", { library });
  }

  getDocument(library: string, id: number): Promise<DocumentView> {
    return call("get_document", { library, id });
  }

  startDraft(library: string, id: number): Promise<DraftView> {
    return call("start_draft", { library, id });
  }

  listDraftTemplates(): Promise<DraftTemplate[]> {
    return call("list_draft_templates");
  }

  startBlankDraft(template: string, department: string, region: string | null, year: number | null): Promise<DraftView> {
    return call("start_blank_draft", { template, department, region, year });
  }

  getDraft(draft: string): Promise<DraftView> {
    return call("get_draft", { draft });
  }

  editDraft(draft: string, edit: DraftCommand): Promise<DraftView> {
    return call("edit_draft", { draft, edit });
  }

  listDrafts(): Promise<DraftSummary[]> {
    return call("list_drafts");
  }

  undo(draft: string): Promise<DraftView> {
    return call("undo_edit", { draft });
  }

  redo(draft: string): Promise<DraftView> {
    return call("redo_edit", { draft });
  }

  previewExport(reference: string, date: string | null): Promise<string[]> {
    return call("preview_export", { reference, date });
  }

  exportComparison(library: string, ids: number[], file: string): Promise<string> {
    return call("export_comparison", { library, ids, file });
  }

  getSettings(): Promise<SettingsView> {
    return call("get_settings");
  }

  saveSettings(settings: Settings): Promise<SettingsView> {
    return call("save_settings", { settings });
  }

  backupLibrary(): Promise<SettingsView> {
    return call("backup_library");
  }

  restoreBackup(path: string): Promise<SettingsView> {
    return call("restore_backup", { path });
  }

  saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView> {
    return call("save_version", { draft, name, lock });
  }

  submitVersion(draft: string, name: string): Promise<DraftView> {
    return call("submit_version", { draft, name });
  }

  districtView(): Promise<DistrictRow[]> {
    return call("district_view");
  }

  reviewVersion(draft: string, name: string, accept: boolean, comment: string): Promise<DistrictRow[]> {
    return call("review_version", { draft, name, accept, comment });
  }

  exportFile(args: ExportArgs): Promise<ExportResult> {
    return call("export_file", { args });
  }

  exportDraftWorkbook(draft: string, file: string): Promise<string> {
    return call("export_draft_workbook", { draft, file });
  }

  importDraftWorkbook(draft: string, file: string): Promise<WorkbookImport> {
    return call("import_draft_workbook", { draft, file });
  }

  async chooseWorkbook(): Promise<string | null> {
    const { open } = await import("@tauri-apps/plugin-dialog");
    const chosen = await open({ multiple: false, title: "导入编制工作簿", filters: [{ name: "Excel 工作簿", extensions: ["xlsx"] }] });
    return Array.isArray(chosen) ? (chosen[0] ?? null) : chosen;
  }

  compareDocuments(library: string, ids: number[]): Promise<CompareView> {
    return call("compare_documents", { library, ids });
  }

  importFile(path: string, yearless?: Yearless): Promise<ImportResult> {
    return call("import_file", { path, wait: yearless?.wait ?? null, year: yearless?.year ?? null });
  }

  async chooseFiles(): Promise<string[]> {
    const { open } = await import("@tauri-apps/plugin-dialog");
    const chosen = await open({ multiple: true, title: "导入公开文件", filters: [{ name: "预算公开文件（PDF、XLSX、文本）", extensions: ["pdf", "xlsx", "txt"] }] });
    if (chosen === null) return [];
    return Array.isArray(chosen) ? chosen : [chosen];
  }

  compareReferences(references: string[]): Promise<CompareView> {
    return call("compare_references", { references });
  }

  getDraftDocument(draft: string): Promise<DocumentView> {
    return call("get_draft_document", { draft });
  }

  async chooseSavePath(suggested: string, extension: string): Promise<string | null> {
    const { save } = await import("@tauri-apps/plugin-dialog");
    const name = extension === "pdf" ? "PDF 文件" : "Excel 工作簿";
    return save({ title: "导出到…", defaultPath: suggested, filters: [{ name, extensions: [extension] }] });
  }

  checkDocument(library: string, id: number): Promise<Finding[]> {
    return call("check_document", { library, id });
  }
}
