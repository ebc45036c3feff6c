/**
 * The left sidebar: the library switcher (我的预算库 / 示例库, with document
 * counts) and the documents of the chosen library, each showing department,
 * year, kind and format. Selecting either calls back into the app.
 */
import type { DocumentSummary, Library } from "../backend";
import { emptyState, h } from "../dom";
import { docKindText } from "../format";

export interface SidebarProps {
  libraries: Library[];
  library: string | null;
  documents: DocumentSummary[];
  selectedDoc: number | null;
  loading: boolean;
  onLibrary(id: string): void;
  onDocument(id: number): void;
}

function emptyText(library: string | null): string {
  return library === "examples"
    ? "示例库里还没有文档。"
    : "本库还没有文档。用 yusuan import 导入，或切换到示例库。";
}

function renderItem(d: DocumentSummary, selected: boolean, onDocument: (id: number) => void): HTMLElement {
  return h(
    "li",
    {},
    h(
      "button",
      {
        type: "button",
        class: selected ? "doc-item selected" : "doc-item",
        "aria-current": selected ? "true" : undefined,
        "data-testid": "doc-item",
        "data-id": d.id,
        title: `${d.title}\n来源文件：${d.source_name}`,
        onclick: () => onDocument(d.id),
      },
      h("span", { class: "doc-dept" }, d.department),
      h("span", { class: "doc-kind" }, docKindText(d.year, d.scope, d.kind)),
      h("span", { class: "doc-format" }, d.format),
    ),
  );
}

export function renderSidebar(p: SidebarProps): HTMLElement {
  const select = h(
    "select",
    {
      id: "library-select",
      "data-testid": "library-select",
      disabled: p.libraries.length === 0,
      onchange: (e: Event) => p.onLibrary((e.target as HTMLSelectElement).value),
    },
    p.libraries.map((l) =>
      h("option", { value: l.id, selected: l.id === p.library, title: l.path }, `${l.name}（${l.documents}份）`),
    ),
  );
  const list =
    p.documents.length > 0
      ? h("ul", { class: "doc-list", "data-testid": "doc-list" }, p.documents.map((d) => renderItem(d, d.id === p.selectedDoc, p.onDocument)))
      : h("div", { class: "doc-list", "data-testid": "doc-list" }, p.loading ? h("p", { class: "empty" }, "正在读取…") : emptyState(emptyText(p.library)));
  return h(
    "aside",
    { class: "sidebar" },
    h("label", { class: "sidebar-label", for: "library-select" }, "文档库"),
    select,
    h("h2", { class: "sidebar-label" }, "文档"),
    list,
  );
}
