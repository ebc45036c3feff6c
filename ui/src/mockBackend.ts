/**
 * An in-memory Backend for tests and for `npm run dev` in a plain browser.
 * Holds libraries and their documents; can be told to fail a call so the
 * error banner can be exercised. Summaries are derived from the documents.
 */
import type { Backend, DocumentSummary, Library } from "./backend";
import type { CompareView } from "./comparing";
import type { DraftSummary, DraftTemplate, DraftView, Edit, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport, Yearless } from "./drafting";
import { formatLabel } from "./format";
import type { Document } from "./model";
import type { Settings, SettingsView } from "./generated/contract";

export interface MockLibrary {
  id: Library["id"];
  name: string;
  path: string;
  documents: Document[];
}

/** Which call should reject, and with what message. */
export type MockFailure = Partial<Record<keyof Backend, string>>;

export class MockBackend implements Backend {
  failures: MockFailure = {};
  /** Every call made, as "method:arg,arg", for assertions. */
  readonly calls: string[] = [];

  /**
   * Scripted drafting answers (the UI computes no money: the real numbers come from Rust): the
   * first is what startDraft returns, each edit, undo or redo returns the next.
   */
  draftViews: DraftView[] = [];
  private draftStep = 0;
  /** Scripted export answers, in order. */
  exportResults: ExportResult[] = [];
  /** Findings per "library:id". */
  findings: Record<string, Finding[]> = {};

  constructor(private readonly libraries: MockLibrary[]) {}

  private nextView(): DraftView {
    const v = this.draftViews[Math.min(this.draftStep, this.draftViews.length - 1)];
    if (!v) throw new Error("没有草稿");
    this.draftStep++;
    return v;
  }

  async startDraft(library: string, id: number): Promise<DraftView> {
    this.record("startDraft", [library, id]);
    this.draftStep = 0;
    return this.nextView();
  }

  /** The shipped templates listed. */
  templates: DraftTemplate[] = [];

  async listDraftTemplates(): Promise<DraftTemplate[]> {
    this.record("listDraftTemplates", []);
    return this.templates;
  }

  async startBlankDraft(template: string, department: string, region: string | null, year: number | null): Promise<DraftView> {
    this.record("startBlankDraft", [template, department, region ?? "", year ?? ""]);
    this.draftStep = 0;
    return this.nextView();
  }

  async addLine(draft: string, key: string, value: string, names: [string, string][]): Promise<DraftView> {
    this.record("addLine", [draft, key, value, names.map((n) => n.join("=")).join(";")]);
    return this.nextView();
  }

  async addUnit(draft: string, name: string, code: string | null): Promise<DraftView> {
    this.record("addUnit", [draft, name, code ?? ""]);
    return this.nextView();
  }

  async removeUnit(draft: string, name: string): Promise<DraftView> {
    this.record("removeUnit", [draft, name]);
    return this.nextView();
  }

  async placeLine(draft: string, line: string, to: string | null, amount: string | null): Promise<DraftView> {
    this.record("placeLine", [draft, line, to ?? "", amount ?? ""]);
    return this.nextView();
  }

  async getDraft(draft: string): Promise<DraftView> {
    this.record("getDraft", [draft]);
    return this.draftViews[Math.max(this.draftStep - 1, 0)];
  }

  async setLeaf(draft: string, key: string, value: string): Promise<DraftView> {
    this.record("setLeaf", [draft, key, value]);
    return this.nextView();
  }

  async setLeaves(draft: string, pairs: [string, string][]): Promise<DraftView> {
    this.record("setLeaves", [draft, pairs.map((p) => p.join("=")).join(";")]);
    return this.nextView();
  }

  /** The drafts listed in the sidebar. */
  drafts: DraftSummary[] = [];

  async listDrafts(): Promise<DraftSummary[]> {
    this.record("listDrafts", []);
    return this.drafts;
  }

  async setReason(draft: string, key: string, text: string): Promise<DraftView> {
    this.record("setReason", [draft, key, text]);
    return this.nextView();
  }

  async setPrint(draft: string, setting: string, choice: string): Promise<DraftView> {
    this.record("setPrint", [draft, setting, choice]);
    return this.nextView();
  }

  async renameTitle(draft: string, title: string, newTitle: string): Promise<DraftView> {
    this.record("renameTitle", [draft, title, newTitle]);
    return this.nextView();
  }

  async setSectionText(draft: string, title: string, text: string): Promise<DraftView> {
    this.record("setSectionText", [draft, title, text.replace(/\n/g, "⏎")]);
    return this.nextView();
  }

  async setProjectPart(draft: string, project: string, part: string, text: string): Promise<DraftView> {
    this.record("setProjectPart", [draft, project, part, text.replace(/\n/g, "⏎")]);
    return this.nextView();
  }

  async addProject(draft: string, name: string): Promise<DraftView> {
    this.record("addProject", [draft, name]);
    return this.nextView();
  }

  async removeProject(draft: string, name: string): Promise<DraftView> {
    this.record("removeProject", [draft, name]);
    return this.nextView();
  }

  async renameProject(draft: string, name: string, newName: string): Promise<DraftView> {
    this.record("renameProject", [draft, name, newName]);
    return this.nextView();
  }

  async deleteForm(draft: string, form: string): Promise<DraftView> {
    this.record("deleteForm", [draft, form]);
    return this.nextView();
  }

  async setActual(draft: string, code: string, value: string): Promise<DraftView> {
    this.record("setActual", [draft, code, value]);
    return this.nextView();
  }

  async pasteActuals(draft: string, text: string): Promise<DraftView> {
    this.record("pasteActuals", [draft, text]);
    return this.nextView();
  }

  async actualsFrom(draft: string, document: number): Promise<DraftView> {
    this.record("actualsFrom", [draft, String(document)]);
    return this.nextView();
  }

  async setIndicator(draft: string, form: string, path: string, value: string): Promise<DraftView> {
    this.record("setIndicator", [draft, form, path, value]);
    return this.nextView();
  }

  async removeIndicator(draft: string, form: string, path: string): Promise<DraftView> {
    this.record("removeIndicator", [draft, form, path]);
    return this.nextView();
  }

  async undo(draft: string): Promise<DraftView> {
    this.record("undo", [draft]);
    return this.nextView();
  }

  async redo(draft: string): Promise<DraftView> {
    this.record("redo", [draft]);
    return this.nextView();
  }

  /** What previewExport returns. */
  previewPages: string[] = [];

  async previewExport(reference: string, date: string | null): Promise<string[]> {
    this.record("previewExport", [reference, date ?? ""]);
    return this.previewPages;
  }

  /** What the 设置 calls answer, in order (a string is a refusal). */
  settingsViews: (SettingsView | string)[] = [];

  private nextSettings(): SettingsView {
    const v = this.settingsViews.shift();
    if (v === undefined) throw new Error("没有设置");
    if (typeof v === "string") throw new Error(v);
    return v;
  }

  /** What the save dialog answers (null: cancelled). */
  savePath: string | null = null;

  async compareReferences(references: string[]): Promise<CompareView> {
    this.record("compareReferences", [references.join("+")]);
    if (!this.comparison) throw new Error("没有对比");
    return this.comparison;
  }

  /** What getDraftDocument answers, in order (the last one repeats). */
  draftDocuments: Document[] = [];

  async getDraftDocument(draft: string): Promise<Document> {
    this.record("getDraftDocument", [draft]);
    const d = this.draftDocuments.length > 1 ? this.draftDocuments.shift() : this.draftDocuments[0];
    if (!d) throw new Error("没有派生文档");
    return d;
  }

  async chooseSavePath(suggested: string, extension: string): Promise<string | null> {
    this.record("chooseSavePath", [suggested, extension]);
    return this.savePath;
  }

  async setCarriedCell(draft: string, table: string, row: number, column: number, text: string): Promise<DraftView> {
    this.record("setCarriedCell", [draft, table, String(row), String(column), text]);
    return this.nextView();
  }

  async addCarriedRow(draft: string, table: string): Promise<DraftView> {
    this.record("addCarriedRow", [draft, table]);
    return this.nextView();
  }

  async pasteCarriedTable(draft: string, table: string, text: string): Promise<DraftView> {
    this.record("pasteCarriedTable", [draft, table, text]);
    return this.nextView();
  }

  async removeCarriedRow(draft: string, table: string, row: number): Promise<DraftView> {
    this.record("removeCarriedRow", [draft, table, String(row)]);
    return this.nextView();
  }

  async setUnitText(draft: string, unit: string, title: string, text: string): Promise<DraftView> {
    this.record("setUnitText", [draft, unit, title, text]);
    return this.nextView();
  }

  async setProjectFund(draft: string, project: string, line: string, amount: string): Promise<DraftView> {
    this.record("setProjectFund", [draft, project, line, amount]);
    return this.nextView();
  }

  async exportDraftWorkbook(draft: string, file: string): Promise<string> {
    this.record("exportDraftWorkbook", [draft, file]);
    return file.startsWith("/") ? file : `/data/导出/${file}`;
  }

  /** What the next workbook import changes (a string: it fails with that message). */
  workbookChanges: Edit[] | string = [];

  async importDraftWorkbook(draft: string, file: string): Promise<WorkbookImport> {
    this.record("importDraftWorkbook", [draft, file]);
    if (typeof this.workbookChanges === "string") throw new Error(this.workbookChanges);
    return { view: this.nextView(), changes: this.workbookChanges };
  }

  /** What the workbook open dialog answers (null: cancelled). */
  workbookPath: string | null = null;

  async chooseWorkbook(): Promise<string | null> {
    this.record("chooseWorkbook", []);
    return this.workbookPath;
  }

  async exportComparison(library: string, ids: number[], file: string): Promise<string> {
    this.record("exportComparison", [library, ids.join("+"), file]);
    return `/data/导出/${file}`;
  }

  async getSettings(): Promise<SettingsView> {
    this.record("getSettings", []);
    return this.nextSettings();
  }

  async saveSettings(settings: Settings): Promise<SettingsView> {
    this.record("saveSettings", [JSON.stringify(settings)]);
    return this.nextSettings();
  }

  async backupLibrary(): Promise<SettingsView> {
    this.record("backupLibrary", []);
    return this.nextSettings();
  }

  async restoreBackup(path: string): Promise<SettingsView> {
    this.record("restoreBackup", [path]);
    return this.nextSettings();
  }

  async saveVersion(draft: string, name: string, lock: boolean): Promise<DraftView> {
    this.record("saveVersion", [draft, name, String(lock)]);
    return this.nextView();
  }

  async exportFile(args: ExportArgs): Promise<ExportResult> {
    this.record("exportFile", [args.reference, args.format, args.file, JSON.stringify(args.explanations)]);
    const r = this.exportResults.shift();
    if (!r) throw new Error("没有导出结果");
    return r;
  }

  /** Scripted import answers by path (a list: one answer per call, in turn); a path without
   * one fails like an unreadable file. */
  importResults: Record<string, ImportResult | ImportResult[]> = {};
  /** What the open dialog "chooses". */
  chosenFiles: string[] = [];

  async importFile(path: string, yearless?: Yearless): Promise<ImportResult> {
    this.record("importFile", [path, ...(yearless?.wait ? ["wait"] : []), ...(yearless?.year ? [`year=${yearless.year}`] : [])]);
    const scripted = this.importResults[path];
    const r = Array.isArray(scripted) ? scripted.shift() : scripted;
    if (!r) throw new Error(`无法读取文件 ${path}`);
    return r;
  }

  /** The scripted comparison. */
  comparison: CompareView | null = null;

  async compareDocuments(library: string, ids: number[]): Promise<CompareView> {
    this.record("compareDocuments", [library, ids.join("+")]);
    if (!this.comparison) throw new Error("无法比较：该部门只有一个年度的文档");
    return this.comparison;
  }

  async chooseFiles(): Promise<string[]> {
    this.record("chooseFiles", []);
    return this.chosenFiles;
  }

  async checkDocument(library: string, id: number): Promise<Finding[]> {
    this.record("checkDocument", [library, id]);
    return this.findings[`${library}:${id}`] ?? [];
  }

  async listLibraries(): Promise<Library[]> {
    this.record("listLibraries", []);
    return this.libraries.map((l) => ({ id: l.id, name: l.name, path: l.path, documents: l.documents.length }));
  }

  async listDocuments(library: string): Promise<DocumentSummary[]> {
    this.record("listDocuments", [library]);
    return this.find(library).documents.map((d, i) => summarise(d, i + 1));
  }

  async getDocument(library: string, id: number): Promise<Document> {
    this.record("getDocument", [library, id]);
    const doc = this.find(library).documents[id - 1];
    if (!doc) throw new Error(`文档不存在：${id}`);
    return doc;
  }

  private record(method: keyof Backend, args: unknown[]): void {
    this.calls.push(`${method}:${args.join(",")}`);
    const failure = this.failures[method];
    if (failure !== undefined) throw new Error(failure);
  }

  private find(library: string): MockLibrary {
    const lib = this.libraries.find((l) => l.id === library);
    if (!lib) throw new Error(`文档库不存在：${library}`);
    return lib;
  }
}

/** The summary line the Rust store would give for a document (ids are 1-based). */
export function summarise(doc: Document, id: number): DocumentSummary {
  const amounts = doc.tables.reduce(
    (n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c.t === "amount").length, 0),
    0,
  );
  return {
    id,
    title: doc.meta.title,
    department: doc.meta.department,
    year: doc.meta.year,
    kind: doc.meta.kind,
    scope: doc.meta.scope,
    format: formatLabel(doc.meta.format),
    source_name: `${doc.meta.department}${doc.meta.year}年${doc.meta.kind}.pdf`,
    imported_at: "2026-02-01T09:00:00Z",
    tables: doc.tables.length,
    amounts,
  };
}
