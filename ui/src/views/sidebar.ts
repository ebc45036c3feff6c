/**
 * The left sidebar: the library switcher (我的预算库 / 示例库, with document
 * counts), import, the drafts, and the documents of the chosen library grouped by
 * department, newest year first, with a search over department, title, year and file
 * name. Selecting either calls back into the app.
 */
import type { DocumentSummary, Library } from "../backend";
import type { DraftSummary, ImportResult } from "../drafting";
import { emptyState, h } from "../dom";
import { docKindText } from "../format";
import { virtualList, type VirtualRow } from "./virtualList";

export interface SidebarProps {
  libraries: Library[];
  library: string | null;
  documents: DocumentSummary[];
  selectedDoc: number | null;
  loading: boolean;
  onLibrary(id: string): void;
  onDocument(id: number): void;
  /** Import: the files done so far of how many, and each file's report. */
  importing: Importing | null;
  onChoose(): void;
  onImportPaths(paths: string[]): void;
  /** Imports again result `index` (a file of tables that named no year) under `year`. */
  onImportYear(index: number, year: number): void;
  /** 我的预算库's drafts, and the one open. */
  drafts: DraftSummary[];
  openDraft: string | null;
  onDraft(draft: string): void;
  /** Opens 新建空白草稿 (a format with no money, for a department with no budget to roll forward). */
  onBlankDraft(): void;
  /** Opens 设置. */
  onSettings(): void;
  /** Opens 全区审核 (every department's draft, its version and status). */
  onDistrict(): void;
  /** The search typed over the documents (department, title, year, file name). */
  search: string;
  onSearch(text: string): void;
  /** Where the long (windowed) document list was scrolled to, kept across re-renders. */
  listScroll: number;
  onListScroll(top: number): void;
}

/** An import under way or done: how many files of how many, each file's report and path. */
export interface Importing {
  done: number;
  total: number;
  results: ImportResult[];
  /** The path each result was imported from (same order). */
  paths: string[];
}

/** Above this many rows (departments and documents) the list keeps only the rows in view. */
export const WINDOWED_ABOVE = 300;
/** Row heights of the windowed list, in px (style.css gives the rows these heights). */
export const GROUP_ROW_PX = 30;
export const DOC_ROW_PX = 84;

/** Whether a document matches every word of the search. */
export function matches(d: DocumentSummary, search: string): boolean {
  const hay = `${d.department} ${d.title} ${d.year}年 ${d.source_name} ${d.format}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** Documents by department (in the order the library lists them), each newest year first. */
export function byDepartment(docs: DocumentSummary[]): [string, DocumentSummary[]][] {
  const groups = new Map<string, DocumentSummary[]>();
  for (const d of docs) {
    const g = groups.get(d.department) ?? [];
    g.push(d);
    groups.set(d.department, g);
  }
  return [...groups].map(([dept, list]) => [dept, [...list].sort((a, b) => b.year - a.year || a.id - b.id)]);
}

function importReport(r: ImportResult, index: number, onYear: (index: number, year: number) => void): HTMLElement {
  const text = r.error
    ? `未能导入：${r.error}`
    : r.duplicate
      ? `已导入过（文档 ${r.id}），未重复导入`
      : r.attached && r.report
        ? `与文档 ${r.id} 合为一份公开文件（同一部门、同一年度的文字说明与公开表）：${r.report.tables} 张表，${r.report.amounts} 个金额`
      : r.report
        ? `已导入为文档 ${r.id}：${r.report.tables} 张表，${r.report.amounts} 个金额${r.report.warnings.length ? `，${r.report.warnings.length} 处需核对` : ""}${r.report.unrecognised.length ? `，${r.report.unrecognised.length} 处未识别` : ""}`
        : `已导入为文档 ${r.id}`;
  // What needs checking and what was not understood, each with where it is (the first 20).
  const where = (l: { page?: number | null; line?: number | null }) => [l.page ? `第${l.page}页` : "", l.line ? `第${l.line}行` : ""].join(" ").trim();
  const items = r.report ? [...r.report.warnings.map((w) => ({ kind: "需核对", ...w })), ...r.report.unrecognised.map((u) => ({ kind: "未识别", ...u }))] : [];
  const details = items.length
    ? h(
        "details",
        { class: "import-details", "data-testid": "import-details" },
        h("summary", {}, "查看明细"),
        h("ul", {}, items.slice(0, 20).map((i) => h("li", {}, `${i.kind} ${where(i.location)}：${i.message}`))),
        items.length > 20 ? h("p", { class: "muted" }, `另有 ${items.length - 20} 处，见命令行 yusuan import 的报告。`) : null,
      )
    : null;
  return h("li", { class: r.error ? "import-item failed" : "import-item", "data-testid": "import-item" }, h("strong", {}, r.file), " ", text, details, r.needs_year ? yearForm(index, onYear) : null);
}

/** For tables that name no year (and whose file name gives none): the year to read them as. */
function yearForm(index: number, onYear: (index: number, year: number) => void): HTMLElement {
  const input = h("input", { type: "number", min: 1990, max: 2100, step: 1, placeholder: "如 2026", "aria-label": "预算年度", "data-testid": "import-year" }) as HTMLInputElement;
  const note = h("span", { class: "muted", "data-testid": "import-year-note" });
  const go = () => {
    const year = Number(input.value);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      note.textContent = "请填写四位数的预算年度，如 2026";
      return;
    }
    onYear(index, year);
  };
  input.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Enter") go();
  });
  return h("div", { class: "import-year" }, h("label", {}, "预算年度 ", input), h("button", { type: "button", "data-testid": "import-year-go", onclick: go }, "按此年度导入"), note);
}

function importPanel(p: SidebarProps): HTMLElement {
  const paths = h("textarea", { rows: 2, placeholder: "或粘贴文件的完整路径，每行一个", "data-testid": "import-paths" });
  const i = p.importing;
  return h(
    "section",
    { class: "import-panel", "data-testid": "import-panel" },
    h("button", { type: "button", class: "primary", "data-testid": "import-open", disabled: i !== null && i.done < i.total, onclick: () => p.onChoose() }, "导入文件…"),
    h("p", { class: "muted" }, "也可把 PDF、XLSX 文件拖到窗口中。"),
    paths,
    h("button", { type: "button", "data-testid": "import-go", onclick: () => p.onImportPaths(paths.value.split("\n").map((s) => s.trim()).filter(Boolean)) }, "按路径导入"),
    i ? h("progress", { max: i.total, value: i.done, "data-testid": "import-progress" }) : null,
    i ? h("ul", { class: "import-report", "data-testid": "import-report" }, i.results.map((r, k) => importReport(r, k, p.onImportYear))) : null,
  );
}

function emptyText(library: string | null): string {
  return library === "examples"
    ? "示例库里还没有文档。"
    : "本库还没有文档。用上方“导入文件…”导入公开文件，或切换到示例库。";
}

function renderItem(d: DocumentSummary, selected: boolean, onDocument: (id: number) => void, tag: "li" | "div" = "li"): HTMLElement {
  return h(
    tag,
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

/** A long library's list (a city's departments over years): one row a department heading or a
 * document, only those in view in the page. */
function documentWindow(groups: [string, DocumentSummary[]][], p: SidebarProps): HTMLElement {
  const rows: VirtualRow[] = [];
  for (const [dept, docs] of groups) {
    rows.push({ height: GROUP_ROW_PX, render: () => h("div", { class: "doc-group-title", title: dept, "data-testid": "doc-group" }, `${dept}（${docs.length}）`) });
    for (const d of docs) rows.push({ height: DOC_ROW_PX, render: () => renderItem(d, d.id === p.selectedDoc, p.onDocument, "div") });
  }
  return virtualList(rows, { class: "doc-list", testid: "doc-list", scrollTop: p.listScroll, onScroll: p.onListScroll });
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
  const found = p.documents.filter((d) => matches(d, p.search));
  const groups = byDepartment(found);
  const windowed = groups.length + found.length > WINDOWED_ABOVE;
  const list =
    windowed
      ? documentWindow(groups, p)
      : found.length > 0
      ? h(
          "div",
          { class: "doc-list", "data-testid": "doc-list" },
          byDepartment(found).map(([dept, docs]) =>
            h(
              "section",
              { class: "doc-group", "data-testid": "doc-group" },
              h("h3", { class: "doc-group-title", title: dept }, `${dept}（${docs.length}）`),
              h("ul", {}, docs.map((d) => renderItem(d, d.id === p.selectedDoc, p.onDocument))),
            ),
          ),
        )
      : h(
          "div",
          { class: "doc-list", "data-testid": "doc-list" },
          p.loading ? h("p", { class: "empty" }, "正在读取…") : p.documents.length > 0 ? emptyState(`没有与“${p.search}”相符的文档。`) : emptyState(emptyText(p.library)),
        );
  const search = h("input", {
    type: "search",
    class: "doc-search",
    placeholder: "搜索：部门、年度、文件名…",
    value: p.search,
    "data-testid": "doc-search",
    oninput: (e: Event) => p.onSearch((e.target as HTMLInputElement).value),
  });
  return h(
    "aside",
    { class: windowed ? "sidebar long" : "sidebar" },
    h("div", { class: "panel-head" }, h("label", { class: "sidebar-label", for: "library-select" }, "文档库"), h("button", { type: "button", class: "link", "data-testid": "open-settings", onclick: () => p.onSettings() }, "设置")),
    select,
    importPanel(p),
    h("div", { class: "panel-head" }, h("h2", { class: "sidebar-label" }, "编制"), h("span", {}, h("button", { type: "button", class: "link", "data-testid": "open-district", onclick: () => p.onDistrict() }, "全区审核"), " ", h("button", { type: "button", class: "link", "data-testid": "new-blank-draft", onclick: () => p.onBlankDraft() }, "新建空白草稿…"))),
    p.drafts.length
      ? h(
          "div",
          {},
          h("h2", { class: "sidebar-label" }, "编制中的草稿"),
          h(
            "ul",
            { class: "doc-list", "data-testid": "draft-list" },
            p.drafts.map((d) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: d.draft === p.openDraft ? "doc-item selected" : "doc-item", "data-testid": "draft-item", onclick: () => p.onDraft(d.draft) },
                  h("span", { class: "doc-dept" }, d.department),
                  h("span", { class: "doc-kind" }, `${d.year}年预算（${d.draft}）`),
                ),
              ),
            ),
          ),
        )
      : null,
    h("h2", { class: "sidebar-label" }, "文档"),
    p.documents.length > 0 ? search : null,
    list,
  );
}
