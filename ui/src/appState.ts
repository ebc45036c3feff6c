/**
 * The window's state: the libraries, the chosen library and its documents, the open document
 * with its tab and table, and what the main pane shows (`MainView`), with what each view keeps
 * across its re-renders. The app creates one per mount; the controllers read and change it
 * through their `Context`.
 */
import type { DocumentSummary, Library } from "./backend";
import type { CompareFilter, CompareView } from "./comparing";
import type { DraftSummary, DraftTemplate, DraftView, ExportResult, Finding } from "./drafting";
import type { DistrictRow, SettingsView } from "./generated/contract";
import type { DocumentView } from "./model";
import type { TabId } from "./views/docView";
import { newDraftScreen, type DraftScreen } from "./views/draftScreen";
import type { WorkbookState } from "./views/draftWorkbook";
import type { SeverityFilter } from "./views/findingsTab";
import type { Importing } from "./views/sidebar";

export interface State {
  libraries: Library[];
  library: string | null;
  documents: DocumentSummary[];
  docId: number | null;
  doc: DocumentView | null;
  tab: TabId;
  table: number;
  loading: boolean;
  error: string | null;
  /** What the main pane shows: one view at a time (see `MainView`). */
  main: MainView;
  draftFilter: string;
  /** What the 编制 view keeps across its re-renders (panels opened, the export's file, the grid). */
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
export interface Drafting {
  view: "draft";
  draft: DraftView;
  exportResult: ExportResult | null;
  /** The last workbook export or import of the draft. */
  workbook: WorkbookState | null;
  /** The export preview's pages (SVG) while it is open. */
  preview: string[] | null;
  /** The draft's derived tables while they are shown. */
  tables: { doc: DocumentView; selected: number } | null;
}

/** The 对比 view, opened over the view `under` it. */
export interface Comparing {
  view: "compare";
  compare: CompareView;
  /** A comparison of drafts and versions (not exported). */
  ofDrafts: boolean;
  exported: string | null;
  under: MainView;
}

/** 新建空白草稿, opened over the view `under` it. */
export interface BlankDrafting {
  view: "blank";
  templates: DraftTemplate[];
  under: MainView;
}

/** 设置, opened over the view `under` it. */
export interface Setting {
  view: "settings";
  settings: SettingsView;
  notice: string | null;
  under: MainView;
}

/** 全区审核 (the district's page), opened over the view `under` it. */
export interface Reviewing {
  view: "district";
  rows: DistrictRow[];
  under: MainView;
}

/** What the main pane shows: the library's document (or nothing chosen), the 编制 view, or one
 * opened over another — 对比, 新建空白草稿, 设置, 全区审核 — whose 返回 shows the one `under` it
 * again. One at a time: nothing can show two. */
export type MainView = { view: "library" } | Drafting | Comparing | BlankDrafting | Setting | Reviewing;

/** The state of a window just opened: nothing read yet. */
export function newState(): State {
  return {
    libraries: [], library: null, documents: [], docId: null, doc: null,
    tab: "tables", table: 0, loading: true, error: null,
    main: { view: "library" }, draftFilter: "", draftScreen: newDraftScreen(), hideZeroLines: true, busy: false, findings: null, findingsFilter: "all", markRow: null, importing: null,
    compareFilter: "changed", drafts: [], focusKey: null, docSearch: "", docListScroll: 0,
  };
}

/** The 编制 view of a draft just opened. */
export function drafted(draft: DraftView): Drafting {
  return { view: "draft", draft, exportResult: null, workbook: null, preview: null, tables: null };
}

/** A main view without 设置 and 新建空白草稿 opened over it. */
export function beneath(m: MainView): MainView {
  return m.view === "settings" || m.view === "blank" ? beneath(m.under) : m;
}
