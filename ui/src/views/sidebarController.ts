/**
 * The sidebar's controller: the libraries and the chosen library's documents (read on start,
 * on a switch, after an import or a restore), the document opened from the list, the imports
 * (file by file, each with its report), the search over the list, and the sidebar drawn from
 * the state. A later answer to an earlier request (a library or document chosen since) is
 * dropped.
 */
import { beneath } from "../appState";
import type { Context } from "../context";
import type { ImportResult, Yearless } from "../drafting";
import { errorMessage } from "../format";
import type { Library } from "../backend";
import { renderSidebar, type Importing } from "./sidebar";

/** What the sidebar opens in other views. */
export interface SidebarNav {
  openDraft(draft: string): Promise<void>;
  newBlankDraft(): Promise<void>;
  openSettings(): Promise<void>;
  openDistrict(): Promise<void>;
}

export interface SidebarController {
  /** Draws the sidebar from the state. */
  render(): void;
  /** Reads the libraries and opens the first one's first document. */
  start(): Promise<void>;
  selectLibrary(id: string): Promise<void>;
  selectDocument(id: number): Promise<void>;
  /** Imports files (full paths) into 我的预算库, one by one, and shows each file's report. */
  importFiles(paths: string[]): Promise<void>;
  /** Imports again the file of the import's result `index` that named no year, under `year`. */
  importWithYear(index: number, year: number): Promise<void>;
  /** After a restore: the libraries, drafts and document list as the restored library has them
   * (an open draft or document may be gone). */
  reloadLibraries(): Promise<void>;
}

/** The library to open first: "user" if it has documents, else "examples" if it has, else the first. */
export function initialLibrary(libraries: Library[]): string | null {
  const withDocs = (id: string) => libraries.find((l) => l.id === id && l.documents > 0);
  return (withDocs("user") ?? withDocs("examples") ?? libraries[0])?.id ?? null;
}

export function sidebarController(ctx: Context, slot: HTMLElement, nav: SidebarNav): SidebarController {
  const { backend, state } = ctx;
  const loads = libraryLoads(ctx);
  const imports = importer(ctx, loads);

  function render(): void {
    // Choosing in the sidebar closes 设置 and 新建空白草稿 over the view.
    const close = () => { state.main = beneath(state.main); };
    slot.replaceChildren(renderSidebar({
      libraries: state.libraries, library: state.library, documents: state.documents,
      selectedDoc: state.docId, loading: state.loading,
      onLibrary: (id) => { close(); void selectLibrary(id); },
      onDocument: (id) => { close(); void selectDocument(id); },
      importing: state.importing,
      onChoose: () => void ctx.track(backend.chooseFiles().then((paths) => (paths.length ? imports.files(paths) : undefined), (e) => { ctx.fail("无法打开文件对话框", e); ctx.renderBanner(); })),
      onImportPaths: (paths) => void imports.files(paths),
      onImportYear: (index, year) => void imports.withYear(index, year),
      drafts: state.drafts,
      openDraft: state.main.view === "draft" ? state.main.draft.draft : null,
      onDraft: (d) => { close(); void nav.openDraft(d); },
      onBlankDraft: () => void nav.newBlankDraft(),
      onDistrict: () => void nav.openDistrict(),
      onSettings: () => void nav.openSettings(),
      search: state.docSearch,
      listScroll: state.docListScroll,
      onListScroll: (top) => { state.docListScroll = top; },
      onSearch: search,
    }));
  }

  /** Re-renders the list, keeping the cursor in the search field. */
  function search(text: string): void {
    state.docSearch = text;
    state.docListScroll = 0;
    render();
    const input = slot.querySelector<HTMLInputElement>("[data-testid=doc-search]");
    input?.focus();
    input?.setSelectionRange(text.length, text.length);
  }

  const selectLibrary = (id: string) => (id === state.library ? ctx.idle() : ctx.track(loads.library(id)));
  const selectDocument = (id: number) => (state.library === null ? ctx.idle() : ctx.track(loads.document(state.library, id)));

  return {
    render, selectLibrary, selectDocument,
    start: () => ctx.track(loads.start()),
    importFiles: imports.files,
    importWithYear: imports.withYear,
    reloadLibraries: loads.reload,
  };
}

/** Reading the libraries, a library's documents and a document into the state. */
interface LibraryLoads {
  start(): Promise<void>;
  library(id: string): Promise<void>;
  document(library: string, id: number): Promise<void>;
  reload(): Promise<void>;
  /** The libraries again (their counts after an import). */
  relist(): Promise<void>;
}

function libraryLoads(ctx: Context): LibraryLoads {
  const { backend, state } = ctx;
  let docRequest = 0;
  let libRequest = 0;

  async function document(library: string, id: number): Promise<void> {
    const request = ++docRequest;
    state.docId = id;
    state.main = { view: "library" };
    state.loading = true;
    ctx.render();
    try {
      const doc = await backend.getDocument(library, id);
      if (request !== docRequest) return;
      Object.assign(state, { doc, findings: null, markRow: null, tab: "tables", table: 0 });
    } catch (e) {
      if (request !== docRequest) return;
      state.doc = null;
      ctx.fail("无法打开文档", e);
    }
    state.loading = false;
    ctx.render();
  }

  async function library(id: string): Promise<void> {
    const request = ++libRequest;
    docRequest++; // any document still loading belongs to the old library
    Object.assign(state, { library: id, documents: [], docId: null, doc: null, loading: true, docListScroll: 0 });
    ctx.render();
    try {
      const documents = await backend.listDocuments(id);
      if (request !== libRequest) return;
      state.documents = documents;
    } catch (e) {
      if (request !== libRequest) return;
      ctx.fail("无法读取文档列表", e);
    }
    const first = state.documents[0];
    if (first) return document(id, first.id);
    state.loading = false;
    ctx.render();
  }

  async function start(): Promise<void> {
    ctx.render();
    try {
      state.libraries = await backend.listLibraries();
      state.drafts = await backend.listDrafts();
    } catch (e) {
      ctx.fail("无法读取文档库", e);
    }
    const id = initialLibrary(state.libraries);
    if (id) return library(id);
    state.loading = false;
    ctx.render();
  }

  async function reload(): Promise<void> {
    try {
      state.libraries = await backend.listLibraries();
      state.drafts = await backend.listDrafts();
      if (state.library) state.documents = await backend.listDocuments(state.library);
      const open = state.main.view === "settings" ? state.main : null;
      Object.assign(state, { docId: null, doc: null, findings: null });
      // An open draft may be gone: 设置 stays open, over the library.
      state.main = open ? { ...open, under: { view: "library" } } : { view: "library" };
    } catch (e) {
      ctx.fail("无法读取文档库", e);
    }
    ctx.render();
  }

  async function relist(): Promise<void> {
    try {
      state.libraries = await backend.listLibraries();
    } catch (e) {
      ctx.fail("无法读取文档库", e);
    }
  }

  return { start, library, document, reload, relist };
}

/** The imports into 我的预算库: a batch of files, and a file again under the year typed. */
function importer(ctx: Context, loads: LibraryLoads): { files(paths: string[]): Promise<void>; withYear(index: number, year: number): Promise<void> } {
  const { backend, state } = ctx;

  /** One file's import; a failure is the file's report, so a batch goes on. */
  async function importOne(path: string, yearless: Yearless): Promise<ImportResult> {
    try {
      return await backend.importFile(path, yearless);
    } catch (e) {
      return { file: path.split(/[\\/]/).pop() ?? path, id: null, duplicate: false, report: null, error: errorMessage(e), attached: false, needs_year: false };
    }
  }

  /** Shows 我的预算库 with the import, and the document imported (if one was), whatever view
   * the import was started from. */
  async function showImported(id: number | null | undefined): Promise<void> {
    await loads.relist();
    await loads.library("user");
    if (id == null) return;
    state.main = beneath(state.main);
    await loads.document("user", id);
  }

  async function files(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    const importing: Importing = { done: 0, total: paths.length, results: [], paths: [] };
    state.importing = importing;
    ctx.render();
    const done = (path: string, result: ImportResult) => {
      importing.results.push(result);
      importing.paths.push(path);
      importing.done++;
      ctx.render();
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
    await showImported((state.importing ?? importing).results.find((r) => r.id !== null)?.id);
  }

  async function withYear(index: number, year: number): Promise<void> {
    const importing = state.importing;
    const path = importing?.paths[index];
    if (!importing || path === undefined) return;
    const result = await importOne(path, { year });
    importing.results[index] = result;
    ctx.render();
    if (result.id === null) return;
    await showImported(result.id);
  }

  return {
    files: (paths) => ctx.track(files(paths)),
    withYear: (index, year) => ctx.track(withYear(index, year)),
  };
}
