/**
 * The drafting and export contract: the shapes the Rust commands return (start_draft,
 * get_draft, set_leaf, set_reason, undo_edit, redo_edit, export_file, check_document). Amounts
 * are decimal strings in 元; the UI only formats them.
 */
import type { Document } from "./model";

/** A finding of the reviewer's rules. */
export interface Finding {
  rule: string;
  severity: "error" | "warning" | "info";
  message: string;
  location: { table?: string; row?: string; column?: string; section?: string; page?: number; line?: number };
  expected?: string | null;
  actual?: string | null;
  hint?: string | null;
}

/** One leaf line of a draft. */
export interface LeafLine {
  key: string;
  label: string;
  value_yuan: string;
  baseline_yuan: string;
  change_yuan: string;
  estimated: boolean;
  reason: string;
  origin: string;
}

/** A figure the generated narrative states. */
export interface FigureView {
  key: string;
  name: string;
  current_yuan: string;
  baseline_yuan: string;
  change_yuan: string;
  /** 万元, two decimals, as the narrative prints it. */
  current_wan: string;
  baseline_wan: string;
  /** The change clause as generated: 比2025年预算增加0.10万元，增长0.01% */
  change_text: string;
  /** Beyond the threshold without a reason (R001). */
  needs_reason: boolean;
  reason: string;
}

/** Everything the 编制 view shows. */
export interface DraftView {
  draft: string;
  title: string;
  department: string;
  year: number;
  lines: LeafLine[];
  figures: FigureView[];
  findings: Finding[];
  document: Document;
  can_undo: boolean;
  can_redo: boolean;
  locked: string | null;
}

/** A draft of 我的预算库, listed. */
export interface DraftSummary {
  draft: string;
  department: string;
  year: number;
}

/** What the 导出 panel sends. */
export interface ExportArgs {
  reference: string;
  format: "pdf" | "xlsx";
  file: string;
  date: string | null;
  explanations: Record<string, string>;
}

/** An export: the file written (with what the preflight verified), or why it was refused. */
export interface ExportResult {
  outcome: {
    path: string;
    sha256: string;
    bytes: number;
    template: string;
    preflight?: { pages: number; tables: number; numbers: number; narrative_figures: number; warnings: string[] };
    fonts: string[];
  } | null;
  refused: string | null;
  findings: Finding[];
}

/** One file's import, as the 资料库 lists it. */
export interface ImportResult {
  file: string;
  id: number | null;
  duplicate: boolean;
  report: { tables: number; amounts: number; sections: number; projects: number; forms: number; warnings: { message: string }[]; unrecognised: { text?: string; message?: string }[] } | null;
  error: string | null;
}

/** The drafting operations of the Backend. */
export interface DraftingBackend {
  /** Imports one file (a full path) into 我的预算库. */
  importFile(path: string): Promise<ImportResult>;
  /** The open-file dialog: the chosen paths (empty when cancelled). */
  chooseFiles(): Promise<string[]>;
  /** Every year of a document's department, aligned (one id), or the documents `ids`. */
  compareDocuments(library: string, ids: number[]): Promise<import("./comparing").CompareView>;
  startDraft(library: string, id: number): Promise<DraftView>;
  getDraft(draft: string): Promise<DraftView>;
  setLeaf(draft: string, key: string, value: string): Promise<DraftView>;
  /** Several lines at once (a pasted column): one undoable edit. */
  setLeaves(draft: string, pairs: [string, string][]): Promise<DraftView>;
  listDrafts(): Promise<DraftSummary[]>;
  setReason(draft: string, key: string, text: string): Promise<DraftView>;
  undo(draft: string): Promise<DraftView>;
  redo(draft: string): Promise<DraftView>;
  exportFile(args: ExportArgs): Promise<ExportResult>;
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
