/**
 * The drafting and export operations of the Backend. The shapes the Rust commands return
 * (start_draft, get_draft, set_leaf, set_reason, set_section_text, undo_edit, redo_edit, export_file,
 * check_document, import_file) are the generated ones (`generated/contract.ts`); amounts are
 * decimal strings in 元, the UI only formats them.
 */

export type {
  DraftSummary,
  DraftView,
  ExportArgs,
  ExportResult,
  FigureView,
  Finding,
  HistoryItem,
  ImportResult,
  LeafLine,
  SectionView,
  VersionItem,
} from "./generated/contract";
import type { DraftSummary, DraftView, ExportArgs, ExportResult, Finding, ImportResult } from "./generated/contract";

/** The drafting operations of the Backend. */
export interface DraftingBackend {
  /** Imports one file (a full path) into 我的预算库. */
  importFile(path: string): Promise<ImportResult>;
  /** The open-file dialog: the chosen paths (empty when cancelled). */
  chooseFiles(): Promise<string[]>;
  /** The save dialog for an export: the chosen full path (null when cancelled). */
  chooseSavePath(suggested: string, extension: string): Promise<string | null>;
  /** Every year of a document's department, aligned (one id), or the documents `ids`. */
  compareDocuments(library: string, ids: number[]): Promise<import("./comparing").CompareView>;
  startDraft(library: string, id: number): Promise<DraftView>;
  /** Compares drafts and versions (`draft:N` alone: with last year's document). */
  compareReferences(references: string[]): Promise<import("./comparing").CompareView>;
  getDraft(draft: string): Promise<DraftView>;
  /** The document the draft derives now (its tables). */
  getDraftDocument(draft: string): Promise<import("./model").Document>;
  setLeaf(draft: string, key: string, value: string): Promise<DraftView>;
  /** Several lines at once (a pasted column): one undoable edit. */
  setLeaves(draft: string, pairs: [string, string][]): Promise<DraftView>;
  listDrafts(): Promise<DraftSummary[]>;
  setReason(draft: string, key: string, text: string): Promise<DraftView>;
  /** Rewrites a carried narrative section (主要职能, 机构设置 …), a paragraph a line. */
  setSectionText(draft: string, title: string, text: string): Promise<DraftView>;
  undo(draft: string): Promise<DraftView>;
  redo(draft: string): Promise<DraftView>;
  /** Saves a named version (一上, 二上, 批复 …); `lock` makes the draft read-only. */
  saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView>;
  exportFile(args: ExportArgs): Promise<ExportResult>;
  /** Writes the comparison of `ids` as XLSX (into 导出/ unless `file` is a full path); the path. */
  exportComparison(library: string, ids: number[], file: string): Promise<string>;
  /** 设置: read, save (Rust checks), back up 我的预算库. */
  getSettings(): Promise<import("./generated/contract").SettingsView>;
  saveSettings(settings: import("./generated/contract").Settings): Promise<import("./generated/contract").SettingsView>;
  backupLibrary(): Promise<import("./generated/contract").SettingsView>;
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
