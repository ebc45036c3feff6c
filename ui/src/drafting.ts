/**
 * The drafting and export operations of the Backend. The shapes the Rust commands return
 * (start_draft, start_blank_draft, list_draft_templates, get_draft, edit_draft — every edit
 * verb as one `DraftCommand` —, undo_edit, redo_edit, export_file, check_document, import_file)
 * are the generated ones (`generated/contract.ts`); amounts are
 * decimal strings in 元, the UI only formats them.
 */

export type {
  DraftSummary,
  DistrictRow,
  DraftView,
  ReviewCommentView,
  ExportArgs,
  ExportResult,
  FigureView,
  Finding,
  HistoryItem,
  ImportResult,
  LeafLine,
  SectionView,
  VersionItem,
  UnitView,
  UnitMoney,
  DraftTemplate,
  WorkbookImport,
  Edit,
  DraftCommand,
} from "./generated/contract";
import type { DistrictRow, DraftCommand, DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport } from "./generated/contract";

/** How an import treats a file of tables that names no year (see `importFile`). */
export interface Yearless {
  wait?: boolean;
  year?: number;
}

/** The drafting operations of the Backend. */
export interface DraftingBackend {
  /** Imports one file (a full path) into 我的预算库. A file of tables that names no year:
   * `wait` refuses it for now (its narrative may come later in the same import), `year` reads
   * it under that year; else it takes the year its file name gives. */
  importFile(path: string, yearless?: Yearless): Promise<ImportResult>;
  /** The open-file dialog: the chosen paths (empty when cancelled). */
  chooseFiles(): Promise<string[]>;
  /** The save dialog for an export: the chosen full path (null when cancelled). */
  chooseSavePath(suggested: string, extension: string): Promise<string | null>;
  /** Every year of a document's department, aligned (one id), or the documents `ids`. */
  compareDocuments(library: string, ids: number[]): Promise<import("./comparing").CompareView>;
  startDraft(library: string, id: number): Promise<DraftView>;
  /** The shipped formats a blank draft can start from. */
  listDraftTemplates(): Promise<DraftTemplate[]>;
  /** A blank draft of a format for a department with no published budget to roll forward. */
  startBlankDraft(template: string, department: string, region: string | null, year: number | null): Promise<DraftView>;
  /** Compares drafts and versions (`draft:N` alone: with last year's document). */
  compareReferences(references: string[]): Promise<import("./comparing").CompareView>;
  getDraft(draft: string): Promise<DraftView>;
  /** One edit of a draft (every edit verb, typed by the generated `DraftCommand`): the
   * recomputed draft. */
  editDraft(draft: string, edit: DraftCommand): Promise<DraftView>;
  /** The document the draft derives now (its tables). */
  getDraftDocument(draft: string): Promise<import("./model").DocumentView>;
  listDrafts(): Promise<DraftSummary[]>;
  undo(draft: string): Promise<DraftView>;
  redo(draft: string): Promise<DraftView>;
  /** Saves a named version (一上, 二上, 批复 …); `lock` makes the draft read-only. */
  saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView>;
  /** Submits the draft to the bureau as version `name` (locked until the bureau decides). */
  submitVersion(draft: string, name: string): Promise<DraftView>;
  /** The district's page: every draft the user may read, with its latest version. */
  districtView(): Promise<DistrictRow[]>;
  /** The bureau returns (with `comment`) or accepts a submitted version; the page again. */
  reviewVersion(draft: string, name: string, accept: boolean, comment: string): Promise<DistrictRow[]>;
  exportFile(args: ExportArgs): Promise<ExportResult>;
  /** Writes the draft's editable workbook (into 导出/ unless a full path); the path written. */
  exportDraftWorkbook(draft: string, file: string): Promise<string>;
  /** Reads an edited workbook back into the draft (one undoable edit) with what changed. */
  importDraftWorkbook(draft: string, file: string): Promise<WorkbookImport>;
  /** The open dialog for a workbook: the chosen path (null when cancelled). */
  chooseWorkbook(): Promise<string | null>;
  /** Writes the comparison of `ids` as XLSX (into 导出/ unless `file` is a full path); the path. */
  exportComparison(library: string, ids: number[], file: string): Promise<string>;
  /** 设置: read, save (Rust checks), back up 我的预算库. */
  getSettings(): Promise<import("./generated/contract").SettingsView>;
  saveSettings(settings: import("./generated/contract").Settings): Promise<import("./generated/contract").SettingsView>;
  backupLibrary(): Promise<import("./generated/contract").SettingsView>;
  /** Restores 我的预算库 from one of its backups (its present state kept first). */
  restoreBackup(path: string): Promise<import("./generated/contract").SettingsView>;
  /** The pages an export would print, as SVG documents (nothing written). */
  previewExport(reference: string, date: string | null): Promise<string[]>;
  checkDocument(library: string, id: number): Promise<Finding[]>;
}

/** 错误 / 警告 / 提示 */
export function severityLabel(s: Finding["severity"]): string {
  return s === "error" ? "错误" : s === "warning" ? "警告" : "提示";
}

/** The rules whose 警告 a draft must explain before export. */
export function warningRules(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === "warning").map((f) => f.rule))].sort();
}

