/**
 * The 对比 view's controller: a document compared with the other years of its department, or a
 * draft with last year's document or one of its versions; the filter; the export of a
 * documents' comparison. Its charts are drawn by a panel this controller keeps.
 */
import type { Comparing } from "../appState";
import type { Context } from "../context";
import { ChartsPanel } from "./chartsPanel";
import { renderCompareView } from "./compareView";

export interface CompareController {
  /** The 对比 view of `m`. */
  render(m: Comparing): HTMLElement;
  /** Compares the open document with the other years of its department. */
  compareDocument(): Promise<void>;
  /** Compares drafts and versions (`draft:N` alone: with last year's document). */
  compareReferences(references: string[]): Promise<void>;
}

export function compareController(ctx: Context): CompareController {
  const { backend, state } = ctx;
  const charts = new ChartsPanel();

  function render(m: Comparing): HTMLElement {
    return renderCompareView({
      view: m.compare, filter: state.compareFilter,
      onFilter: (f) => { state.compareFilter = f; ctx.renderMain(); },
      onBack: () => ctx.show(m.under),
      exported: m.exported,
      onExport: m.ofDrafts ? null : (file) => void exportComparison(file),
      charts,
    });
  }

  function exportComparison(file: string): Promise<void> {
    const m = state.main;
    const library = state.library;
    if (m.view !== "compare" || library === null || m.ofDrafts) return Promise.resolve();
    const ids = m.compare.comparison.documents.map((d) => Number(d.label));
    return ctx.busyCall("对比表未导出", async () => {
      m.exported = await backend.exportComparison(library, ids, file);
    }, { busy: false });
  }

  function compareDocument(): Promise<void> {
    const { library, docId } = state;
    if (library === null || docId === null) return Promise.resolve();
    return ctx.busyCall("无法对比", async () => {
      const compare = await backend.compareDocuments(library, [docId]);
      state.main = { view: "compare", compare, ofDrafts: false, exported: null, under: state.main };
      state.compareFilter = "changed";
    }, { busy: false, whole: true });
  }

  const compareReferences = (references: string[]) =>
    ctx.busyCall("无法对比", async () => {
      const compare = await backend.compareReferences(references);
      state.compareFilter = "changed";
      state.main = { view: "compare", compare, ofDrafts: true, exported: null, under: state.main };
    }, { busy: false });

  return { render, compareDocument, compareReferences };
}
