/**
 * The document view's controller: its tabs (预算表, 文字说明, 项目, 绩效目标, 审核), the table
 * chosen, the findings read when 审核 is first opened, and a finding's click opening its table
 * with the row marked. 编制 and 对比 start from here, in their own controllers.
 */
import type { Context } from "../context";
import { emptyState } from "../dom";
import type { Finding } from "../drafting";
import type { Document, DocumentView } from "../model";
import { renderDocView, type TabId } from "./docView";
import { renderFindingsTab, rowText } from "./findingsTab";
import { renderFormsTab } from "./formsTab";
import { renderProjectsTab } from "./projectsTab";
import { renderSectionsTab } from "./sectionsTab";
import { renderTablesTab } from "./tablesTab";

/** What the document view starts in other views. */
export interface DocNav {
  /** Starts next year's draft from the open document. */
  startDraft(): Promise<void>;
  /** Compares the open document with the other years of its department. */
  compare(): Promise<void>;
}

export interface DocController {
  /** The document view (or what the pane says while there is none). */
  render(): HTMLElement;
  selectTab(tab: TabId): void;
  selectTable(index: number): void;
}

/** `main` is the pane the view is shown in (a table switch redraws only the tab's body). */
export function docController(ctx: Context, main: HTMLElement, nav: DocNav): DocController {
  const { state } = ctx;

  function render(): HTMLElement {
    if (!state.doc) {
      const text = state.loading ? "正在读取…" : state.documents.length > 0 ? "请在左侧选择一份文档。" : "没有可显示的文档。";
      return emptyState(text);
    }
    return renderDocView({
      doc: state.doc.document, tab: state.tab, body: tabBody(state.doc), onTab: selectTab,
      onDraft: () => void nav.startDraft(),
      onCompare: () => void nav.compare(),
    });
  }

  function tabBody({ document: doc, rows }: DocumentView): HTMLElement {
    switch (state.tab) {
      case "tables":
        return renderTablesTab({ tables: doc.tables, looks: rows, selected: state.table, onSelect: selectTable });
      case "sections":
        return renderSectionsTab(doc);
      case "projects":
        return renderProjectsTab(doc.projects);
      case "forms":
        return renderFormsTab(doc.performance_forms);
      case "findings":
        return renderFindingsTab({
          findings: state.findings, filter: state.findingsFilter,
          onFilter: (f) => { state.findingsFilter = f; ctx.renderMain(); },
          onJump: (f) => jumpToFinding(doc, f),
        });
    }
  }

  function selectTab(tab: TabId): void {
    state.tab = tab;
    ctx.renderMain();
    const { library, docId } = state;
    if (tab !== "findings" || state.findings !== null || library === null || docId === null) return;
    void ctx.busyCall("无法审核文档", async () => {
      state.findings = await ctx.backend.checkDocument(library, docId);
    }, { busy: false });
  }

  function selectTable(index: number): void {
    state.table = index;
    state.markRow = null;
    const body = main.querySelector(".tab-body");
    if (!state.doc || !body) return ctx.renderMain();
    const navTop = main.querySelector(".table-nav")?.scrollTop ?? 0;
    body.replaceChildren(tabBody(state.doc));
    const tableNav = main.querySelector(".table-nav");
    if (tableNav) tableNav.scrollTop = navTop;
  }

  /** Opens the finding's table and marks its row (the first whose code and label contain it). */
  function jumpToFinding(doc: Document, f: Finding): void {
    const index = doc.tables.findIndex((t) => t.title === f.location.table);
    if (index < 0) return;
    state.tab = "tables";
    state.table = index;
    state.markRow = f.location.row ?? null;
    ctx.renderMain();
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

  return { render, selectTab, selectTable };
}
