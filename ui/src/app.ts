/**
 * The application: creates the window's state and its panes, composes one controller per view
 * (sidebar and library, document, 编制, 新建空白草稿, 对比, 设置, 全区审核; each in `views/`, handed a
 * `Context`), and draws the banner, the sidebar and the `MainView` shown. `mount` takes the
 * Backend and root element so tests can inject a mock.
 */
import { newState } from "./appState";
import type { Backend } from "./backend";
import { createContext } from "./context";
import { h } from "./dom";
import { blankDraftController } from "./views/blankDraftController";
import { compareController } from "./views/compareController";
import { districtController } from "./views/districtController";
import { docController } from "./views/docController";
import type { TabId } from "./views/docView";
import { draftController } from "./views/draftController";
import { renderErrorBanner } from "./views/errorBanner";
import { settingsController } from "./views/settingsController";
import { sidebarController } from "./views/sidebarController";

export { initialLibrary } from "./views/sidebarController";

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

export async function mount(backend: Backend, root: HTMLElement): Promise<App> {
  const state = newState();
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

  const ctx = createContext(backend, state, { render, renderMain, renderBanner });
  const compare = compareController(ctx);
  const drafts = draftController(ctx, compare);
  const blank = blankDraftController(ctx, drafts);
  const settings = settingsController(ctx, () => sidebar.reloadLibraries());
  const district = districtController(ctx, drafts.open);
  const sidebar = sidebarController(ctx, sidebarSlot, { openDraft: drafts.open, newBlankDraft: blank.open, openSettings: settings.open, openDistrict: district.open });
  const doc = docController(ctx, main, { startDraft: drafts.start, compare: compare.compareDocument });

  function render(): void {
    renderBanner();
    sidebar.render();
    renderMain();
  }

  function renderBanner(): void {
    const el = renderErrorBanner(state.error, () => { state.error = null; renderBanner(); });
    banner.replaceChildren(...(el ? [el] : []));
  }

  function renderMain(): void {
    const m = state.main;
    switch (m.view) {
      case "settings":
        return main.replaceChildren(settings.render(m));
      case "district":
        return main.replaceChildren(district.render(m));
      case "blank":
        return main.replaceChildren(blank.render(m));
      case "compare":
        return main.replaceChildren(compare.render(m));
      case "draft":
        return main.replaceChildren(drafts.render(m));
      case "library":
        return main.replaceChildren(doc.render());
    }
  }

  await sidebar.start();
  return {
    selectLibrary: sidebar.selectLibrary,
    selectDocument: sidebar.selectDocument,
    selectTab: doc.selectTab,
    selectTable: doc.selectTable,
    startDraft: drafts.start,
    setLeaf: drafts.setLeaf,
    importFiles: sidebar.importFiles,
    importWithYear: sidebar.importWithYear,
    compare: compare.compareDocument,
    openDraft: drafts.open,
    newBlankDraft: blank.open,
    startBlankDraft: blank.create,
    idle: ctx.idle,
  };
}
