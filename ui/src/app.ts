/**
 * The application controller: holds the state (libraries, chosen library,
 * its documents, the open document, tab and table), talks to the Backend, and
 * re-renders the sidebar, error banner and main pane. `mount` takes the
 * Backend and root element so tests can inject a mock.
 */
import type { Backend, DocumentSummary, Library } from "./backend";
import { emptyState, h } from "./dom";
import { errorMessage } from "./format";
import type { Document } from "./model";
import type { DraftSummary, DraftTemplate, DraftView, ExportResult, Finding, ImportResult, Yearless } from "./drafting";
import { renderDocView, type TabId } from "./views/docView";
import { newDraftScreen, type DraftScreen } from "./views/draftScreen";
import { renderDraftView } from "./views/draftView";
import type { WorkbookState } from "./views/draftWorkbook";
import { renderCompareView } from "./views/compareView";
import { renderSettingsView } from "./views/settingsView";
import { renderBlankDraftView } from "./views/blankDraftView";
import type { SettingsView } from "./generated/contract";
import type { CompareFilter, CompareView } from "./comparing";
import { renderFindingsTab, rowText, type SeverityFilter } from "./views/findingsTab";
import { renderErrorBanner } from "./views/errorBanner";
import { renderFormsTab } from "./views/formsTab";
import { renderProjectsTab } from "./views/projectsTab";
import { renderSectionsTab } from "./views/sectionsTab";
import { renderSidebar, type Importing } from "./views/sidebar";
import { renderTablesTab } from "./views/tablesTab";

interface State {
  libraries: Library[];
  library: string | null;
  documents: DocumentSummary[];
  docId: number | null;
  doc: Document | null;
  tab: TabId;
  table: number;
  loading: boolean;
  error: string | null;
  /** What the main pane shows: one view at a time (see `MainView`). */
  main: MainView;
  draftFilter: string;
  /** What the 编制 view keeps across its re-renders (panels opened, the export's file). */
  draftScreen: DraftScreen;
  /** The draft's lines that are 0 in both years are hidden (on by default). */
  hideZeroLines: boolean;
  busy: boolean;
  /** The open document's findings, once asked for. */
  findings: Finding[] | null;
  findingsFilter: SeverityFilter;
  /** The row a finding pointed at, marked in its table. */
  markRow: string | null;
  importing: Importing | null;
  compareFilter: CompareFilter;
  drafts: DraftSummary[];
  focusKey: string | null;
  /** The search over the library's documents. */
  docSearch: string;
  /** Where the long document list was scrolled to (it is rebuilt on every render). */
  docListScroll: number;
}

/** The 编制 view: the draft shown, with what it shows beside it. */
interface Drafting {
  view: "draft";
  draft: DraftView;
  exportResult: ExportResult | null;
  /** The last workbook export or import of the draft. */
  workbook: WorkbookState | null;
  /** The export preview's pages (SVG) while it is open. */
  preview: string[] | null;
  /** The draft's derived tables while they are shown. */
  tables: { doc: Document; selected: number } | null;
}

/** What the main pane shows: the library's document (or nothing chosen), the 编制 view, or one
 * opened over another — 对比, 新建空白草稿, 设置 — whose 返回 shows the one `under` it again.
 * One at a time: nothing can show two. */
type MainView =
  | { view: "library" }
  | Drafting
  | { view: "compare"; compare: CompareView; ofDrafts: boolean; exported: string | null; under: MainView }
  | { view: "blank"; templates: DraftTemplate[]; under: MainView }
  | { view: "settings"; settings: SettingsView; notice: string | null; under: MainView };

/** The 编制 view of a draft just opened. */
function drafted(draft: DraftView): Drafting {
  return { view: "draft", draft, exportResult: null, workbook: null, preview: null, tables: null };
}

/** A main view without 设置 and 新建空白草稿 opened over it. */
function beneath(m: MainView): MainView {
  return m.view === "settings" || m.view === "blank" ? beneath(m.under) : m;
}

/** What `mount` hands back: actions for code and tests, and a way to wait. */
export interface App {
  selectLibrary(id: string): Promise<void>;
  selectDocument(id: number): Promise<void>;
  selectTab(tab: TabId): void;
  selectTable(index: number): void;
  /** Starts next year's draft from the open document. */
  startDraft(): Promise<void>;
  /** Sets a leaf line of the open draft. */
  setLeaf(key: string, value: string): Promise<void>;
  /** Imports files (full paths) into 我的预算库, one by one, and shows each file's report. */
  importFiles(paths: string[]): Promise<void>;
  /** Imports again the file of the import's result `index` that named no year, under `year`. */
  importWithYear(index: number, year: number): Promise<void>;
  /** Compares the open document with the other years of its department. */
  compare(): Promise<void>;
  /** Opens a draft of 我的预算库. */
  openDraft(draft: string): Promise<void>;
  /** Opens 新建空白草稿 with the shipped formats. */
  newBlankDraft(): Promise<void>;
  /** Starts a blank draft of a format for a department. */
  startBlankDraft(template: string, department: string, region: string | null, year: number | null): Promise<void>;
  /** Resolves when every backend call started so far has been handled. */
  idle(): Promise<void>;
}

/** The library to open first: "user" if it has documents, else "examples" if it has, else the first. */
export function initialLibrary(libraries: Library[]): string | null {
  const withDocs = (id: string) => libraries.find((l) => l.id === id && l.documents > 0);
  return (withDocs("user") ?? withDocs("examples") ?? libraries[0])?.id ?? null;
}

export async function mount(backend: Backend, root: HTMLElement): Promise<App> {
  const state: State = {
    libraries: [], library: null, documents: [], docId: null, doc: null,
    tab: "tables", table: 0, loading: true, error: null,
    main: { view: "library" }, draftFilter: "", draftScreen: newDraftScreen(), hideZeroLines: true, busy: false, findings: null, findingsFilter: "all", markRow: null, importing: null,
    compareFilter: "changed", drafts: [], focusKey: null, docSearch: "", docListScroll: 0,
  };
  let pending: Promise<void> = Promise.resolve();
  /** The 编制 view, when it is the one shown. */
  const drafting = (): Drafting | null => (state.main.view === "draft" ? state.main : null);
  let docRequest = 0;
  let libRequest = 0;

  const banner = h("div", { class: "banner-slot" });
  const sidebarSlot = h("div", { class: "sidebar-slot" });
  const main = h("main", { class: "main" });
  root.replaceChildren(
    h("div", { class: "app" },
      h("header", { class: "app-bar" }, h("span", { class: "app-title" }, "预算 Yusuan"), h("span", { class: "app-subtitle" }, "部门预算编制、审核、对比与公开")),
      banner,
      h("div", { class: "panes" }, sidebarSlot, main),
    ),
  );

  const fail = (context: string, e: unknown) => {
    state.error = `${context}：${errorMessage(e)}`;
  };

  function track(work: Promise<void>): Promise<void> {
    pending = Promise.all([pending, work]).then(
      () => undefined,
      () => undefined,
    );
    return work;
  }

  function render(): void {
    renderBanner();
    renderSide();
    renderMain();
  }

  function renderSide(): void {
    sidebarSlot.replaceChildren(renderSidebar({
      libraries: state.libraries, library: state.library, documents: state.documents,
      selectedDoc: state.docId, loading: state.loading,
      onLibrary: (id) => { state.main = beneath(state.main); void app.selectLibrary(id); },
      onDocument: (id) => { state.main = beneath(state.main); void app.selectDocument(id); },
      importing: state.importing,
      onChoose: () => void track(backend.chooseFiles().then((paths) => (paths.length ? app.importFiles(paths) : undefined), (e) => { fail("无法打开文件对话框", e); renderBanner(); })),
      onImportPaths: (paths) => void app.importFiles(paths),
      onImportYear: (index, year) => void app.importWithYear(index, year),
      drafts: state.drafts,
      openDraft: drafting()?.draft.draft ?? null,
      onDraft: (d) => { state.main = beneath(state.main); void app.openDraft(d); },
      onBlankDraft: () => void app.newBlankDraft(),
      onSettings: () => void track(openSettings()),
      search: state.docSearch,
      listScroll: state.docListScroll,
      onListScroll: (top) => { state.docListScroll = top; },
      onSearch: (t) => {
        state.docSearch = t;
        state.docListScroll = 0;
        // Re-render the list, keeping the cursor in the search field.
        renderSide();
        const input = sidebarSlot.querySelector<HTMLInputElement>("[data-testid=doc-search]");
        input?.focus();
        input?.setSelectionRange(t.length, t.length);
      },
    }));
  }

  function renderBanner(): void {
    const el = renderErrorBanner(state.error, () => { state.error = null; renderBanner(); });
    banner.replaceChildren(...(el ? [el] : []));
  }

  function renderMain(): void {
    const m = state.main;
    const back = (under: MainView) => () => { state.main = under; renderMain(); };
    if (m.view === "settings") {
      main.replaceChildren(renderSettingsView({
        view: m.settings, busy: state.busy, notice: m.notice,
        onSave: (s) => void track(settingsCall(() => backend.saveSettings(s), "设置已保存：新建的草稿和对比按新的阈值，导出按新的字体。")),
        onBackup: () => void track(settingsCall(() => backend.backupLibrary(), "已备份我的预算库。")),
        onRestore: (path) => void track(settingsCall(() => backend.restoreBackup(path), "已用备份恢复我的预算库（恢复前的状态已另存为一份备份）。").then(() => reloadLibraries())),
        onBack: back(m.under),
      }));
      return;
    }
    if (m.view === "blank") {
      main.replaceChildren(renderBlankDraftView({
        templates: m.templates, busy: state.busy, year: new Date().getFullYear() + 1,
        onCreate: (template, department, region, year) => void app.startBlankDraft(template, department, region, year),
        onBack: back(m.under),
      }));
      return;
    }
    if (m.view === "compare") {
      main.replaceChildren(renderCompareView({
        view: m.compare, filter: state.compareFilter,
        onFilter: (f) => { state.compareFilter = f; renderMain(); },
        onBack: back(m.under),
        exported: m.exported,
        onExport: m.ofDrafts ? null : (file) => void track(exportComparison(file)),
      }));
      return;
    }
    if (m.view === "draft") {
      main.replaceChildren(renderDraftView({
        view: m.draft, screen: state.draftScreen, busy: state.busy, filter: state.draftFilter, hideZero: state.hideZeroLines, exportResult: m.exportResult,
        onFilter: (t) => { state.draftFilter = t; renderMain(); },
        onHideZero: (hide) => { state.hideZeroLines = hide; renderMain(); },
        onEdit: (edit) => void track(draftCall((d) => backend.editDraft(d, edit))),
        focusKey: state.focusKey,
        onFocusNext: (key) => { state.focusKey = key; },
        onUndo: () => void track(draftCall((d) => backend.undo(d))),
        onRedo: () => void track(draftCall((d) => backend.redo(d))),
        onCompare: (refs) => void track(compareReferences(refs)),
        onSaveVersion: (name, lock) => void track(draftCall((d) => backend.saveVersion(d, name, lock))),
        onExport: (date, file, explanations, reference, format) => void track(exportDraft(date, file, explanations, reference, format)),
        workbook: m.workbook,
        onExportWorkbook: (file) => void track(workbookCall(async (d) => ({ draft: d, written: await backend.exportDraftWorkbook(d, file), changes: null }), "无法导出工作簿")),
        onImportWorkbook: (file) => void track(workbookCall(async (d) => {
          const r = await backend.importDraftWorkbook(d, file);
          m.draft = r.view;
          return { draft: d, written: m.workbook?.written ?? null, changes: r.changes };
        }, "无法导入工作簿")),
        chooseWorkbook: () => backend.chooseWorkbook().catch((e) => { fail("无法打开文件对话框", e); renderBanner(); return null; }),
        preview: m.preview,
        onPreview: (date, reference) => void track(previewDraft(date, reference)),
        onClosePreview: () => { m.preview = null; renderMain(); },
        tables: m.tables,
        onShowTables: () => void track(loadDraftTables(0)),
        onSelectTable: (i) => { if (m.tables) m.tables.selected = i; renderMain(); },
        onCloseTables: () => { m.tables = null; renderMain(); },
        chooseSavePath: (suggested, extension) => backend.chooseSavePath(suggested, extension).catch((e) => { fail("无法打开保存对话框", e); renderBanner(); return null; }),
        onBack: () => { state.main = { view: "library" }; renderMain(); },
      }));
      return;
    }
    if (!state.doc) {
      const text = state.loading ? "正在读取…" : state.documents.length > 0 ? "请在左侧选择一份文档。" : "没有可显示的文档。";
      main.replaceChildren(emptyState(text));
      return;
    }
    main.replaceChildren(renderDocView({
      doc: state.doc, tab: state.tab, body: tabBody(state.doc), onTab: (t) => app.selectTab(t),
      onDraft: () => void app.startDraft(),
      onCompare: () => void app.compare(),
    }));
  }

  async function compareReferences(refs: string[]): Promise<void> {
    try {
      const compare = await backend.compareReferences(refs);
      state.compareFilter = "changed";
      state.main = { view: "compare", compare, ofDrafts: true, exported: null, under: state.main };
    } catch (e) {
      fail("无法对比", e);
    }
    renderBanner();
    renderMain();
  }

  async function exportComparison(file: string): Promise<void> {
    const m = state.main;
    if (m.view !== "compare" || state.library === null || m.ofDrafts) return;
    const ids = m.compare.comparison.documents.map((d) => Number(d.label));
    try {
      m.exported = await backend.exportComparison(state.library, ids, file);
    } catch (e) {
      fail("对比表未导出", e);
    }
    renderBanner();
    renderMain();
  }

  async function openSettings(): Promise<void> {
    try {
      const settings = await backend.getSettings();
      state.main = { view: "settings", settings, notice: null, under: state.main.view === "settings" ? state.main.under : state.main };
    } catch (e) {
      fail("无法打开设置", e);
    }
    renderBanner();
    renderMain();
  }

  /** A 设置 call; a refusal shows as the error banner, the view stays as it was. */
  async function settingsCall(call: () => Promise<SettingsView>, done: string): Promise<void> {
    await busyCall("设置未保存", async () => {
      const settings = await call();
      const m = state.main;
      if (m.view === "settings") Object.assign(m, { settings, notice: done });
    });
  }

  /** A call that keeps the window busy while it runs: shown busy, a failure reported as
   * `failure` in the banner, shown again when done (the one place this is written). */
  async function busyCall(failure: string, run: () => Promise<void>): Promise<void> {
    state.busy = true;
    renderMain();
    try {
      await run();
    } catch (e) {
      fail(failure, e);
    }
    state.busy = false;
    renderBanner();
    renderMain();
  }

  /** After a restore: the libraries, drafts and document list as the restored library has them
   * (an open draft or document may be gone). */
  async function reloadLibraries(): Promise<void> {
    try {
      state.libraries = await backend.listLibraries();
      state.drafts = await backend.listDrafts();
      if (state.library) state.documents = await backend.listDocuments(state.library);
      const open = state.main.view === "settings" ? state.main : null;
      Object.assign(state, { docId: null, doc: null, findings: null });
      // An open draft may be gone: 设置 stays open, over the library.
      state.main = open ? { ...open, under: { view: "library" } } : { view: "library" };
    } catch (e) {
      fail("无法读取文档库", e);
    }
    render();
  }

  /** One call on the open draft; the recomputed draft replaces the shown one. */
  async function draftCall(call: (draft: string) => Promise<DraftView>): Promise<void> {
    const m = drafting();
    if (!m) return;
    state.busy = true;
    try {
      m.draft = await call(m.draft.draft);
      m.exportResult = null;
      m.preview = null;
      if (m.tables) m.tables = { doc: await backend.getDraftDocument(m.draft.draft), selected: m.tables.selected };
    } catch (e) {
      fail("修改未保存", e);
    }
    state.busy = false;
    renderBanner();
    renderMain();
  }

  async function loadDraftTables(selected: number): Promise<void> {
    const m = drafting();
    if (!m) return;
    try {
      m.tables = { doc: await backend.getDraftDocument(m.draft.draft), selected };
    } catch (e) {
      fail("无法显示草稿的表格", e);
    }
    renderBanner();
    renderMain();
  }

  async function previewDraft(date: string, reference: string): Promise<void> {
    const m = drafting();
    if (!m) return;
    await busyCall("无法预览", async () => {
      m.preview = await backend.previewExport(reference || m.draft.draft, date || null);
    });
  }

  /** A workbook action on the open draft: its result kept for the panel, a failure shown. */
  async function workbookCall(run: (draft: string) => Promise<WorkbookState>, failure: string): Promise<void> {
    const m = drafting();
    if (!m) return;
    await busyCall(failure, async () => {
      m.workbook = await run(m.draft.draft);
    });
  }

  async function exportDraft(date: string, file: string, explanations: Record<string, string>, reference: string, format: "pdf" | "xlsx"): Promise<void> {
    const m = drafting();
    if (!m) return;
    await busyCall("导出失败", async () => {
      m.exportResult = await backend.exportFile({ reference: reference || m.draft.draft, format, file, date: date || null, explanations });
    });
  }

  async function loadFindings(): Promise<void> {
    if (state.library === null || state.docId === null) return;
    try {
      state.findings = await backend.checkDocument(state.library, state.docId);
    } catch (e) {
      fail("无法审核文档", e);
    }
    renderBanner();
    renderMain();
  }

  function tabBody(doc: Document): HTMLElement {
    switch (state.tab) {
      case "tables":
        return renderTablesTab({ tables: doc.tables, selected: state.table, onSelect: (i) => app.selectTable(i) });
      case "sections":
        return renderSectionsTab(doc);
      case "projects":
        return renderProjectsTab(doc.projects);
      case "forms":
        return renderFormsTab(doc.performance_forms);
      case "findings":
        return renderFindingsTab({
          findings: state.findings, filter: state.findingsFilter,
          onFilter: (f) => { state.findingsFilter = f; renderMain(); },
          onJump: (f) => jumpToFinding(doc, f),
        });
    }
  }

  /** Opens the finding's table and marks its row (the first whose code and label contain it). */
  function jumpToFinding(doc: Document, f: Finding): void {
    const index = doc.tables.findIndex((t) => t.title === f.location.table);
    if (index < 0) return;
    state.tab = "tables";
    state.table = index;
    state.markRow = f.location.row ?? null;
    renderMain();
    markFindingRow();
  }

  function markFindingRow(): void {
    if (!state.markRow) return;
    const wanted = rowText(state.markRow);
    const rows = Array.from(main.querySelectorAll<HTMLTableRowElement>("[data-testid=budget-table] tbody tr"));
    const row = rows.find((r) => rowText(r.textContent ?? "").includes(wanted)) ?? rows.find((r) => wanted.includes(rowText(r.cells[0]?.textContent ?? "")) && rowText(r.cells[0]?.textContent ?? "") !== "");
    if (!row) return;
    row.classList.add("marked");
    row.setAttribute("data-testid", "marked-row");
    row.scrollIntoView?.({ block: "center" });
  }

  async function loadDocument(library: string, id: number): Promise<void> {
    const request = ++docRequest;
    state.docId = id;
    state.main = { view: "library" };
    state.loading = true;
    render();
    try {
      const doc = await backend.getDocument(library, id);
      if (request !== docRequest) return;
      state.doc = doc;
      state.findings = null;
      state.markRow = null;
      state.tab = "tables";
      state.table = 0;
    } catch (e) {
      if (request !== docRequest) return;
      state.doc = null;
      fail("无法打开文档", e);
    }
    state.loading = false;
    render();
  }

  async function loadLibrary(id: string): Promise<void> {
    const request = ++libRequest;
    docRequest++; // any document still loading belongs to the old library
    Object.assign(state, { library: id, documents: [], docId: null, doc: null, loading: true, docListScroll: 0 });
    render();
    try {
      const documents = await backend.listDocuments(id);
      if (request !== libRequest) return;
      state.documents = documents;
    } catch (e) {
      if (request !== libRequest) return;
      fail("无法读取文档列表", e);
    }
    const first = state.documents[0];
    if (first) return loadDocument(id, first.id);
    state.loading = false;
    render();
  }

  async function start(): Promise<void> {
    render();
    try {
      state.libraries = await backend.listLibraries();
      state.drafts = await backend.listDrafts();
    } catch (e) {
      fail("无法读取文档库", e);
    }
    const id = initialLibrary(state.libraries);
    if (id) return loadLibrary(id);
    state.loading = false;
    render();
  }

  /** One file's import; a failure is the file's report, so a batch goes on. */
  async function importOne(path: string, yearless: Yearless): Promise<ImportResult> {
    try {
      return await backend.importFile(path, yearless);
    } catch (e) {
      return { file: path.split(/[\\/]/).pop() ?? path, id: null, duplicate: false, report: null, error: errorMessage(e), attached: false, needs_year: false };
    }
  }

  const app: App = {
    selectLibrary: (id) => (id === state.library ? pending : track(loadLibrary(id))),
    selectDocument: (id) => (state.library === null ? pending : track(loadDocument(state.library, id))),
    selectTab(tab) {
      state.tab = tab;
      renderMain();
      if (tab === "findings" && state.findings === null) void track(loadFindings());
    },
    startDraft: () =>
      track((async () => {
        if (state.library === null || state.docId === null) return;
        state.busy = true;
        try {
          state.main = drafted(await backend.startDraft(state.library, state.docId));
          state.draftFilter = "";
          state.drafts = await backend.listDrafts();
        } catch (e) {
          fail("无法编制", e);
        }
        state.busy = false;
        render();
      })()),
    setLeaf: (key, value) => track(draftCall((d) => backend.editDraft(d, { kind: "set_leaf", key, value }))),
    newBlankDraft: () =>
      track((async () => {
        try {
          state.main = { view: "blank", templates: await backend.listDraftTemplates(), under: { view: "library" } };
        } catch (e) {
          fail("无法读取格式模板", e);
        }
        render();
      })()),
    startBlankDraft: (template, department, region, year) =>
      track((async () => {
        state.busy = true;
        renderMain();
        try {
          state.main = drafted(await backend.startBlankDraft(template, department, region, year));
          state.draftFilter = "";
          state.drafts = await backend.listDrafts();
        } catch (e) {
          fail("无法新建草稿", e);
        }
        state.busy = false;
        render();
      })()),
    openDraft: (draft) =>
      track((async () => {
        try {
          state.main = drafted(await backend.getDraft(draft));
        } catch (e) {
          fail("无法打开草稿", e);
        }
        render();
      })()),
    compare: () =>
      track((async () => {
        if (state.library === null || state.docId === null) return;
        try {
          const compare = await backend.compareDocuments(state.library, [state.docId]);
          state.main = { view: "compare", compare, ofDrafts: false, exported: null, under: state.main };
          state.compareFilter = "changed";
        } catch (e) {
          fail("无法对比", e);
        }
        render();
      })()),
    importWithYear: (index, year) =>
      track((async () => {
        const importing = state.importing;
        const path = importing?.paths[index];
        if (!importing || path === undefined) return;
        const result = await importOne(path, { year });
        importing.results[index] = result;
        render();
        if (result.id === null) return;
        try {
          state.libraries = await backend.listLibraries();
        } catch (e) {
          fail("无法读取文档库", e);
        }
        await loadLibrary("user");
        // The imported document is shown, whatever view the import was started from.
        state.main = beneath(state.main);
        await loadDocument("user", result.id);
      })()),
    importFiles: (paths) =>
      track((async () => {
        if (paths.length === 0) return;
        const importing: Importing = { done: 0, total: paths.length, results: [], paths: [] };
        state.importing = importing;
        render();
        const done = (path: string, result: ImportResult) => {
          importing.results.push(result);
          importing.paths.push(path);
          importing.done++;
          render();
        };
        // Tables that name no year wait for the narrative of the same import, then join it (or,
        // without one, take the year their file name gives).
        const later: string[] = [];
        for (const path of paths) {
          const result = await importOne(path, { wait: paths.length > 1 });
          if (result.needs_year && paths.length > 1 && !later.includes(path)) {
            later.push(path);
            continue;
          }
          done(path, result);
        }
        for (const path of later) done(path, await importOne(path, {}));
        // Show 我的预算库 with what was imported.
        try {
          state.libraries = await backend.listLibraries();
        } catch (e) {
          fail("无法读取文档库", e);
        }
        const imported = state.importing.results.find((r) => r.id !== null);
        await loadLibrary("user");
        if (imported?.id != null) {
          state.main = beneath(state.main);
          await loadDocument("user", imported.id);
        }
      })()),
    selectTable(index) {
      state.table = index;
      state.markRow = null;
      const body = main.querySelector(".tab-body");
      if (!state.doc || !body) return renderMain();
      const navTop = main.querySelector(".table-nav")?.scrollTop ?? 0;
      body.replaceChildren(tabBody(state.doc));
      const nav = main.querySelector(".table-nav");
      if (nav) nav.scrollTop = navTop;
    },
    idle: async () => {
      let seen: Promise<void>;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
    },
  };

  await track(start());
  return app;
}
