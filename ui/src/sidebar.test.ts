/**
 * The document list of a city's library (10,000 documents): only the rows in view are in the
 * page, scrolling shows the rows further down, the place is kept across re-renders, and a short
 * list (a search, a small library) is the plain grouped list.
 */
import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "./backend";
import { DOC_ROW_PX, GROUP_ROW_PX, renderSidebar, type SidebarProps } from "./views/sidebar";
import { firstRowBelow } from "./views/virtualList";

function city(n: number): DocumentSummary[] {
  return Array.from({ length: n }, (_, k) => ({
    id: k + 1,
    title: `部门${Math.floor(k / 5)}${2021 + (k % 5)}年部门预算`,
    department: `上海市某区第${String(Math.floor(k / 5)).padStart(4, "0")}局`,
    year: 2021 + (k % 5),
    kind: "预算",
    scope: "部门",
    format: "上海9张表",
    source_name: `f${k}.pdf`,
    imported_at: "2026-12-01T00:00:00Z",
    tables: 9,
    amounts: 120,
  }));
}

function props(documents: DocumentSummary[], over: Partial<SidebarProps> = {}): SidebarProps {
  const noop = () => {};
  return {
    libraries: [{ id: "user", name: "我的预算库", path: "", documents: documents.length }],
    library: "user", documents, selectedDoc: null, loading: false,
    onLibrary: noop, onDocument: noop, importing: null, onChoose: noop, onImportPaths: noop, onImportYear: noop,
    drafts: [], openDraft: null, onDraft: noop, onBlankDraft: noop, onSettings: noop, onDistrict: noop,
    search: "", onSearch: noop, listScroll: 0, onListScroll: noop,
    ...over,
  };
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const items = (el: Element) => Array.from(el.querySelectorAll<HTMLElement>("[data-testid=doc-item]"));

describe("a library of 10,000 documents", () => {
  it("keeps only the rows in view in the page, and shows the rows scrolled to", async () => {
    const docs = city(10_000);
    const started = performance.now();
    const side = renderSidebar(props(docs));
    document.body.replaceChildren(side);
    const took = performance.now() - started;
    console.log(`sidebar of 10,000 documents rendered in ${took.toFixed(1)} ms`);
    const shown = items(side);
    // The view (900 px before layout) and 400 px either side: about 20 documents, never thousands.
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    // Newest year first within the first department.
    expect(shown[0].dataset.id).toBe("5");
    const spacer = side.querySelector<HTMLElement>(".vlist-spacer")!;
    expect(spacer.style.height).toBe(`${2000 * GROUP_ROW_PX + 10_000 * DOC_ROW_PX}px`);

    // Scroll to the 1,000th department: its five documents are in the page, the first ones are not.
    const list = side.querySelector<HTMLElement>("[data-testid=doc-list]")!;
    let kept = -1;
    const side2 = renderSidebar(props(docs, { onListScroll: (t) => (kept = t) }));
    document.body.replaceChildren(side2);
    const list2 = side2.querySelector<HTMLElement>("[data-testid=doc-list]")!;
    const top = 1000 * (GROUP_ROW_PX + 5 * DOC_ROW_PX);
    Object.defineProperty(list2, "scrollTop", { value: top, configurable: true });
    list2.dispatchEvent(new Event("scroll"));
    await frame();
    expect(kept).toBe(top);
    const ids = items(side2).map((e) => Number(e.dataset.id));
    expect(ids).toContain(5001);
    expect(ids).not.toContain(5);
    expect(side2.textContent).toContain("上海市某区第1000局（5）");
    expect(list).not.toBe(list2);
  });

  it("comes back where the user was after a re-render, with the chosen document marked", () => {
    const docs = city(10_000);
    const top = 500 * (GROUP_ROW_PX + 5 * DOC_ROW_PX);
    const side = renderSidebar(props(docs, { listScroll: top, selectedDoc: 2503 }));
    const selected = side.querySelector<HTMLElement>(".doc-item.selected");
    expect(selected?.dataset.id).toBe("2503");
    expect(items(side).length).toBeLessThan(60);
  });

  it("a search that leaves few documents lists them all, grouped", () => {
    const side = renderSidebar(props(city(10_000), { search: "第0007局" }));
    expect(side.querySelector(".vlist")).toBeNull();
    expect(items(side).map((e) => e.dataset.id)).toEqual(["40", "39", "38", "37", "36"]);
    expect(side.querySelectorAll("[data-testid=doc-group]").length).toBe(1);
  });

  it("finds the first row below a point by its offsets", () => {
    const offsets = [0, 30, 92, 154, 184];
    expect([0, 29, 30, 91, 92, 183, 500].map((y) => firstRowBelow(offsets, y))).toEqual([0, 0, 1, 1, 2, 3, 4]);
  });
});
