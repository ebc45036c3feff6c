/**
 * The drafting and export operations of the Backend. The shapes the Rust commands return
 * (start_draft, start_blank_draft, list_draft_templates, get_draft, set_leaf, add_line, add_unit,
 * remove_unit, place_line, set_reason, set_section_text, undo_edit, redo_edit, export_file,
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
  UnitView,
  UnitMoney,
  DraftTemplate,
  WorkbookImport,
  Edit,
} from "./generated/contract";
import type { DraftSummary, DraftTemplate, DraftView, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport } from "./generated/contract";

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
  /** A new line (a code the draft has no line for); `names` name its code ("" ) and 类/款. */
  addLine(draft: string, key: string, value: string, names: [string, string][]): Promise<DraftView>;
  /** A unit in the draft's 分单位 tables (code: the next 序号 when null). */
  addUnit(draft: string, name: string, code: string | null): Promise<DraftView>;
  /** Removes a unit whose lines are at zero. */
  removeUnit(draft: string, name: string): Promise<DraftView>;
  /** Places `amount` 元 of a line (all of it when null) in unit `to` (null: back to the
   * department's money not placed in a unit). */
  placeLine(draft: string, line: string, to: string | null, amount: string | null): Promise<DraftView>;
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
  /** One setting of the draft's print style (零值单元格 → 留空, 表名年度 → 每张表都印年度 …). */
  setPrint(draft: string, setting: string, choice: string): Promise<DraftView>;
  /** Renames a table or section of the draft (the 目录 follows). */
  renameTitle(draft: string, title: string, newTitle: string): Promise<DraftView>;
  /** Rewrites a carried narrative section (主要职能, 机构设置 …), a paragraph a line. */
  setSectionText(draft: string, title: string, text: string): Promise<DraftView>;
  /** Rewrites one part of a project's description (年度预算安排 …), a paragraph a line. */
  setProjectPart(draft: string, project: string, part: string, text: string): Promise<DraftView>;
  /** A cell (row, column from 1) of a table the draft carries as printed. */
  setCarriedCell(draft: string, table: string, row: number, column: number, text: string): Promise<DraftView>;
  /** A blank row added at the end of a carried table (a new asset to buy). */
  addCarriedRow(draft: string, table: string): Promise<DraftView>;
  /** Every row of a carried table replaced by pasted rows (a line a row, cells by tabs). */
  pasteCarriedTable(draft: string, table: string, text: string): Promise<DraftView>;
  /** A row (from 1) of a carried table taken out. */
  removeCarriedRow(draft: string, table: string, row: number): Promise<DraftView>;
  /** A unit's own text of a carried section, for its 单位预算 (empty: the department's again). */
  setUnitText(draft: string, unit: string, title: string, text: string): Promise<DraftView>;
  /** How much of a 项目支出 line funds a project ("0" takes the share away). */
  setProjectFund(draft: string, project: string, line: string, amount: string): Promise<DraftView>;
  /** A new project, its seven parts to write. */
  addProject(draft: string, name: string): Promise<DraftView>;
  /** Removes a project's description (undoable). */
  removeProject(draft: string, name: string): Promise<DraftView>;
  /** Renames a project (`name` as listed, or `#N`): its parts, form and funds kept (undoable). */
  renameProject(draft: string, name: string, newName: string): Promise<DraftView>;
  /** Deletes a project's whole 绩效目标表 (undoable). */
  deleteForm(draft: string, form: string): Promise<DraftView>;
  /** One code's 上年执行数 (元 or `…万元`; empty clears it). */
  setActual(draft: string, code: string, value: string): Promise<DraftView>;
  /** A pasted column of 上年执行数 (科目编码 and 金额 per line), one edit. */
  pasteActuals(draft: string, text: string): Promise<DraftView>;
  /** The 上年执行数 of a 决算 in the user's library, matched by code, one edit. */
  actualsFrom(draft: string, document: number): Promise<DraftView>;
  /** Sets (or adds) an indicator's target value in a project's 绩效目标表 (path 一级/二级/三级). */
  setIndicator(draft: string, form: string, path: string, value: string): Promise<DraftView>;
  /** Removes an indicator from a project's 绩效目标表. */
  removeIndicator(draft: string, form: string, path: string): Promise<DraftView>;
  undo(draft: string): Promise<DraftView>;
  redo(draft: string): Promise<DraftView>;
  /** Saves a named version (一上, 二上, 批复 …); `lock` makes the draft read-only. */
  saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView>;
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

/** The key of a new spending line (`支出|一般公共预算|2010101|基本支出`). */
export function spendKey(fund: string, code: string, kind: string): string {
  return `支出|${fund}|${code.trim()}|${kind}`;
}

/** The key of a new economic line (`经济|30201|公用经费`). */
export function economicKey(code: string, kind: string): string {
  return `经济|${code.trim()}|${kind}`;
}

/** The codes a new line's names are for: the line's own code (""), its 款 and, for a 项, nothing
 * more (the 类 names come from the catalogue). Empty names are left out. */
export function lineNames(code: string, name: string, parentName: string): [string, string][] {
  const c = code.trim();
  const out: [string, string][] = [];
  if (name.trim()) out.push(["", name.trim()]);
  if (parentName.trim() && c.length === 7) out.push([c.slice(0, 5), parentName.trim()]);
  return out;
}
