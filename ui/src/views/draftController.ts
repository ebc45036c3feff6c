/**
 * The 编制 view's controller: a draft started from the open document, opened from the list or
 * made blank (`begin`); each edit sent to Rust and the recomputed draft shown; the versions,
 * the export, its preview, the workbook and the derived tables. What the view keeps across
 * re-renders is in the state (`draftScreen`, the filter, the focus).
 */
import { drafted, type Drafting } from "../appState";
import type { CallOptions, Context } from "../context";
import type { DraftView } from "../drafting";
import { renderDraftView } from "./draftView";
import type { WorkbookState } from "./draftWorkbook";

/** What the 编制 view opens in other views. */
export interface DraftNav {
  /** Opens the comparison of these references (`draft:N` alone: with last year's document). */
  compareReferences(references: string[]): Promise<void>;
}

export interface DraftController {
  /** The 编制 view of `m`. */
  render(m: Drafting): HTMLElement;
  /** Starts next year's draft from the open document. */
  start(): Promise<void>;
  /** Opens a draft of 我的预算库. */
  open(draft: string): Promise<void>;
  /** Shows a draft just made (by `make`) and lists it; a failure reported as `failure`. */
  begin(failure: string, make: () => Promise<DraftView>, busy: "shown" | "quiet"): Promise<void>;
  /** Sets a leaf line of the open draft. */
  setLeaf(key: string, value: string): Promise<void>;
}

export function draftController(ctx: Context, nav: DraftNav): DraftController {
  const { backend, state } = ctx;
  /** The 编制 view, when it is the one shown. */
  const drafting = (): Drafting | null => (state.main.view === "draft" ? state.main : null);

  /** A call on the open draft (busy unless told); nothing when no draft is shown. */
  function onDraft(failure: string, run: (m: Drafting) => Promise<void>, busy: CallOptions["busy"] = "shown"): Promise<void> {
    const m = drafting();
    return m ? ctx.busyCall(failure, () => run(m), { busy }) : Promise.resolve();
  }

  /** One call on the open draft; the recomputed draft replaces the shown one. */
  const draftCall = (call: (draft: string) => Promise<DraftView>) =>
    onDraft("修改未保存", async (m) => {
      m.draft = await call(m.draft.draft);
      m.exportResult = null;
      m.preview = null;
      if (m.tables) m.tables = { doc: await backend.getDraftDocument(m.draft.draft), selected: m.tables.selected };
    }, "quiet");

  /** A workbook action on the open draft: its result kept for the panel. */
  const workbookCall = (run: (m: Drafting) => Promise<WorkbookState>, failure: string) =>
    onDraft(failure, async (m) => {
      m.workbook = await run(m);
    });

  /** The save and file dialogs: a failure to open one is reported, as a cancel. */
  const dialog = (failure: string) => (e: unknown) => {
    ctx.fail(failure, e);
    ctx.renderBanner();
    return null;
  };

  /** The 编制 view of `m`, and what it calls back: edits, versions, comparisons, export,
   * workbook, tables. */
  function render(m: Drafting): HTMLElement {
    return renderDraftView({
      view: m.draft, screen: state.draftScreen, busy: state.busy, filter: state.draftFilter, hideZero: state.hideZeroLines, exportResult: m.exportResult,
      focusKey: state.focusKey, workbook: m.workbook, preview: m.preview, tables: m.tables,
      onFilter: (t) => { state.draftFilter = t; ctx.renderMain(); },
      onHideZero: (hide) => { state.hideZeroLines = hide; ctx.renderMain(); },
      onEdit: (edit) => void draftCall((d) => backend.editDraft(d, edit)),
      onFocusNext: (key) => { state.focusKey = key; },
      onUndo: () => void draftCall((d) => backend.undo(d)),
      onRedo: () => void draftCall((d) => backend.redo(d)),
      onCompare: (refs) => void nav.compareReferences(refs),
      onSaveVersion: (name, lock) => void draftCall((d) => backend.saveVersion(d, name, lock)),
      onSubmitVersion: (name) => void draftCall((d) => backend.submitVersion(d, name)),
      onExport: (date, file, explanations, reference, format) => void onDraft("导出失败", async (m) => {
        m.exportResult = await backend.exportFile({ reference: reference || m.draft.draft, format, file, date: date || null, explanations });
      }),
      onExportWorkbook: (file) => void workbookCall(async (m) => ({ draft: m.draft.draft, written: await backend.exportDraftWorkbook(m.draft.draft, file), changes: null }), "无法导出工作簿"),
      onImportWorkbook: (file) => void workbookCall(async (m) => {
        const r = await backend.importDraftWorkbook(m.draft.draft, file);
        const draft = m.draft.draft;
        m.draft = r.view;
        return { draft, written: m.workbook?.written ?? null, changes: r.changes };
      }, "无法导入工作簿"),
      chooseWorkbook: () => backend.chooseWorkbook().catch(dialog("无法打开文件对话框")),
      onPreview: (date, reference) => void onDraft("无法预览", async (m) => {
        m.preview = await backend.previewExport(reference || m.draft.draft, date || null);
      }),
      onClosePreview: () => { m.preview = null; ctx.renderMain(); },
      onShowTables: () => void onDraft("无法显示草稿的表格", async (m) => {
        m.tables = { doc: await backend.getDraftDocument(m.draft.draft), selected: 0 };
      }, false),
      onSelectTable: (i) => { if (m.tables) m.tables.selected = i; ctx.renderMain(); },
      onCloseTables: () => { m.tables = null; ctx.renderMain(); },
      chooseSavePath: (suggested, extension) => backend.chooseSavePath(suggested, extension).catch(dialog("无法打开保存对话框")),
      onBack: () => ctx.show({ view: "library" }),
    });
  }

  async function begin(failure: string, make: () => Promise<DraftView>, busy: "shown" | "quiet"): Promise<void> {
    await ctx.busyCall(failure, async () => {
      state.main = drafted(await make());
      state.draftFilter = "";
      state.drafts = await backend.listDrafts();
    }, { busy, whole: true });
  }

  function start(): Promise<void> {
    const { library, docId } = state;
    if (library === null || docId === null) return Promise.resolve();
    return begin("无法编制", () => backend.startDraft(library, docId), "quiet");
  }

  const open = (draft: string) =>
    ctx.busyCall("无法打开草稿", async () => {
      state.main = drafted(await backend.getDraft(draft));
    }, { busy: false, whole: true });

  return {
    render, start, open, begin,
    setLeaf: (key, value) => draftCall((d) => backend.editDraft(d, { kind: "set_leaf", key, value })),
  };
}
