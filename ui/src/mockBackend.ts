/**
 * An in-memory Backend for tests and for `npm run dev` in a plain browser.
 * Holds libraries and their documents; can be told to fail a call so the
 * error banner can be exercised. Summaries are derived from the documents.
 */
import type { Backend, DocumentSummary, Library } from "./backend";
import type { CompareView } from "./comparing";
import type { DistrictRow, DraftCommand, DraftSummary, DraftTemplate, DraftView, Edit, ExportArgs, ExportResult, Finding, ImportResult, WorkbookImport, Yearless } from "./drafting";
import { formatLabel } from "./format";
import type { Document, DocumentView } from "./model";
import type { Settings, SettingsView } from "./generated/contract";

export interface MockLibrary {
  id: Library["id"];
  name: string;
  path: string;
  /** As `get_document` answers them (each with its rows' looks). */
  documents: DocumentView[];
}

/** Which call should reject, and with what message. */
/** A failure to answer a call with: by Backend method, or by edit verb (`setLeaf` …). */
export type MockFailure = Partial<Record<keyof Backend | string, string>>;

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

  /** Every edit verb: recorded as `verbName:draft,value,…` (the command's fields in order;
   * none as "", pairs as `a=b;c=d`, line breaks as ⏎), answered with the next view. */
  async editDraft(draft: string, edit: DraftCommand): Promise<DraftView> {
    const { kind, ...fields } = edit;
    const shown = (v: unknown): string =>
      v === null || v === undefined
        ? ""
        : Array.isArray(v)
          ? v.map((p) => (Array.isArray(p) ? p.join("=") : String(p))).join(";")
          : typeof v === "object"
            ? Object.values(v).map(String).join("|")
            : String(v).replace(/\n/g, "⏎");
    const verb = kind.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    this.record(verb, [draft, ...Object.values(fields).map(shown)]);
    return this.nextView();
  }

  async getDraft(draft: string): Promise<DraftView> {
    this.record("getDraft", [draft]);
    return this.draftViews[Math.max(this.draftStep - 1, 0)];
  }

  /** The drafts listed in the sidebar. */
  drafts: DraftSummary[] = [];

  async listDrafts(): Promise<DraftSummary[]> {
    this.record("listDrafts", []);
    return this.drafts;
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
  draftDocuments: DocumentView[] = [];

  async getDraftDocument(draft: string): Promise<DocumentView> {
    this.record("getDraftDocument", [draft]);
    const d = this.draftDocuments.length > 1 ? this.draftDocuments.shift() : this.draftDocuments[0];
    if (!d) throw new Error("没有派生文档");
    return d;
  }

  async chooseSavePath(suggested: string, extension: string): Promise<string | null> {
    this.record("chooseSavePath", [suggested, extension]);
    return this.savePath;
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

  async submitVersion(draft: string, name: string): Promise<DraftView> {
    this.record("submitVersion", [draft, name]);
    return this.nextView();
  }

  /** What the district's page answers, in order (the last one repeats). */
  districtPages: DistrictRow[][] = [];

  private nextPage(): DistrictRow[] {
    const p = this.districtPages.length > 1 ? this.districtPages.shift() : this.districtPages[0];
    return p ?? [];
  }

  async districtView(): Promise<DistrictRow[]> {
    this.record("districtView", []);
    return this.nextPage();
  }

  async reviewVersion(draft: string, name: string, accept: boolean, comment: string): Promise<DistrictRow[]> {
    this.record("reviewVersion", [draft, name, String(accept), comment]);
    return this.nextPage();
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
    return this.find(library).documents.map((d, i) => summarise(d.document, i + 1));
  }

  async getDocument(library: string, id: number): Promise<DocumentView> {
    this.record("getDocument", [library, id]);
    const doc = this.find(library).documents[id - 1];
    if (!doc) throw new Error(`文档不存在：${id}`);
    return doc;
  }

  /** A call: a Backend method, or an edit verb (`setLeaf`, `addUnit` … from the command's kind). */
  private record(method: keyof Backend | string, args: unknown[]): void {
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
