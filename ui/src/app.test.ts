/**
 * Rendering tests of the whole app against the in-memory MockBackend: library
 * choice on start, the document list, the budget tables with exact amount
 * strings, two-sided tables, tab switching, empty states and the error banner.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { initialLibrary, mount } from "./app";
import { sampleDistrictView, sampleDocument, sampleView } from "./fixtures/sampleDocument";
import { MockBackend, type MockLibrary } from "./mockBackend";

let root: HTMLElement;
const q = <T extends Element = HTMLElement>(id: string) => root.querySelector<T & Element>(`[data-testid="${id}"]`);
const qa = (id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
const texts = (els: Element[]) => els.map((e) => e.textContent ?? "");

function libraries(user = [sampleView()], examples = [sampleDistrictView()]): MockLibrary[] {
  return [
    { id: "user", name: "我的预算库", path: "/data/user", documents: user },
    { id: "examples", name: "示例库", path: "/data/examples", documents: examples },
  ];
}

beforeEach(() => {
  document.body.innerHTML = "";
  root = document.createElement("div");
  document.body.appendChild(root);
});

describe("start", () => {
  it("chooses the user library when it has documents, else the examples", () => {
    const lib = (id: "user" | "examples", documents: number) => ({ id, name: id, path: "", documents });
    expect(initialLibrary([lib("user", 2), lib("examples", 5)])).toBe("user");
    expect(initialLibrary([lib("user", 0), lib("examples", 5)])).toBe("examples");
    expect(initialLibrary([lib("user", 0), lib("examples", 0)])).toBe("user");
    expect(initialLibrary([])).toBeNull();
  });

  it("renders the library select, the document list and opens the first document", async () => {
    const backend = new MockBackend(libraries());
    await mount(backend, root);

    expect(root.textContent).toContain("预算 Yusuan");
    const select = q<HTMLSelectElement>("library-select")!;
    expect(select.value).toBe("user");
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["我的预算库（1份）", "示例库（1份）"]);

    const items = qa("doc-item");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain("上海市文化旅游局");
    expect(items[0].textContent).toContain("2026年 部门预算");
    expect(items[0].textContent).toContain("上海11张表");

    expect(q("doc-view")).not.toBeNull();
    expect(q("doc-title")!.textContent).toBe("上海市文化旅游局2026年部门预算");
    expect(q("doc-department")!.textContent).toContain("上海市文化旅游局");
    expect(q("doc-format")!.textContent).toContain("上海11张表");
    expect(q("doc-counts")!.textContent).toBe("5张表 · 30个金额");
    expect(backend.calls).toEqual(["listLibraries:", "listDrafts:", "listDocuments:user", "getDocument:user,1"]);
  });

  it("opens the examples library when the user library is empty", async () => {
    const backend = new MockBackend(libraries([], [sampleDistrictView(), sampleView()]));
    await mount(backend, root);
    expect(q<HTMLSelectElement>("library-select")!.value).toBe("examples");
    expect(qa("doc-item")).toHaveLength(2);
    expect(qa("doc-item")[0].classList.contains("selected")).toBe(true);
    expect(q("doc-title")!.textContent).toBe("嘉定区教育局2024年部门决算");
    expect(q("doc-format")!.textContent).toContain("区级决算公开格式");
  });
});

describe("资料库：按部门、搜索", () => {
  it("groups the documents by department, newest year first, and searches them", async () => {
    const older = { ...sampleView(), document: { ...sampleDocument(), meta: { ...sampleDocument().meta, year: 2025, title: "上海市文化旅游局2025年部门预算" } } };
    const backend = new MockBackend(libraries([older, sampleDistrictView(), sampleView()]));
    await mount(backend, root);
    const groups = qa("doc-group").map((g) => g.querySelector("h3")!.textContent);
    expect(groups).toEqual(["上海市文化旅游局（2）", "嘉定区教育局（1）"]);
    // Within a department the newest year comes first.
    const first = qa("doc-group")[0].querySelectorAll("[data-testid=doc-item]");
    expect(Array.from(first).map((e) => e.querySelector(".doc-kind")!.textContent)).toEqual(["2026年 部门预算", "2025年 部门预算"]);
    // Every word of the search must match: department, year, kind of document, file name.
    const search = q<HTMLInputElement>("doc-search")!;
    search.value = "文化旅游 2025";
    search.dispatchEvent(new Event("input"));
    expect(qa("doc-item").map((e) => e.querySelector(".doc-kind")!.textContent)).toEqual(["2025年 部门预算"]);
    expect(document.activeElement).toBe(q("doc-search"));
    search.value = "无此部门";
    q<HTMLInputElement>("doc-search")!.value = "无此部门";
    q<HTMLInputElement>("doc-search")!.dispatchEvent(new Event("input"));
    expect(q("empty")!.textContent).toBe("没有与“无此部门”相符的文档。");
  });
});

describe("预算表 tab", () => {
  it("lists the tables and renders the two-sided first table as 收入 and 支出", async () => {
    await mount(new MockBackend(libraries()), root);
    expect(texts(qa("table-item"))).toHaveLength(5);
    const tables = qa("budget-table");
    expect(tables.map((t) => t.dataset.side)).toEqual(["income", "expenditure"]);
    expect(texts(Array.from(root.querySelectorAll(".side-heading")))).toEqual(["收入", "支出"]);
    const income = tables[0];
    expect(income.querySelectorAll("tbody tr")).toHaveLength(3);
    // Only the 收入 column: label + one amount per row.
    expect(income.querySelectorAll("tbody tr:first-child td")).toHaveLength(2);
    expect(income.querySelector("tbody tr:last-child td.num")!.textContent).toBe("68,643,213");
    expect(income.querySelector("tbody tr:last-child")!.classList.contains("row-total")).toBe(true);
    expect(q("table-unit")!.textContent).toBe("单位：元");
  });

  it("renders a function-coded table with split codes, exact amounts and row locations", async () => {
    const app = await mount(new MockBackend(libraries()), root);
    qa("table-item")[1].click();
    await app.idle();

    const table = q("budget-table")!;
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    expect(rows).toHaveLength(5);
    expect(texts(Array.from(table.querySelectorAll("thead th")))).toEqual(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
    expect(texts(Array.from(table.querySelectorAll("tbody td.code")))).toEqual(["207", "207 01", "207 01 01", "207 01 99", ""]);
    expect(texts(Array.from(rows[2].querySelectorAll("td")))).toEqual(["207 01 01", "行政运行", "40,000,000", "40,000,000", ""]);
    expect(rows[0].className).toBe("row-lei");
    expect(rows[1].className).toBe("row-kuan");
    expect(rows[4].className).toBe("row-total");
    expect(rows[2].getAttribute("title")).toBe("第5页 第22行");
  });

  it("renders multi-level headers with colspan and the 万元 unit", async () => {
    await mount(new MockBackend(libraries()), root);
    qa("table-item")[2].click();

    const table = q("budget-table")!;
    const headRows = Array.from(table.querySelectorAll("thead tr"));
    expect(headRows).toHaveLength(2);
    const group = Array.from(headRows[0].querySelectorAll("th")).find((th) => th.textContent === "财政拨款收入")!;
    expect(group.getAttribute("colspan")).toBe("2");
    expect(q("table-unit")!.textContent).toBe("单位：万元");
    expect(texts(Array.from(table.querySelectorAll("tbody tr:last-child td.num")))).toEqual(["6,864.32", "6,737.90", "62.10", "64.32"]);
    expect(table.querySelector("tbody tr:first-child td:last-child")!.textContent).toBe("");
  });

  it("shows economic codes, negative amounts, and an empty table's note", async () => {
    await mount(new MockBackend(libraries()), root);
    qa("table-item")[3].click();
    expect(texts(Array.from(root.querySelectorAll("tbody td.code")))).toEqual(["302", "302 17"]);
    expect(root.querySelector("tbody tr:last-child td.num")!.textContent).toBe("-1,234.5");

    qa("table-item")[4].click();
    expect(q("table-note")!.textContent).toBe("注：本部门无国有资本经营预算拨款安排的支出，故本表为空表。");
  });
});

describe("other tabs", () => {
  it("switching to 文字说明 shows the sections", async () => {
    await mount(new MockBackend(libraries()), root);
    q("tab-sections")!.click();
    expect(q("budget-table")).toBeNull();
    const sections = qa("section");
    expect(sections).toHaveLength(2);
    expect(sections[0].querySelector("h3")!.textContent).toBe("一、部门主要职能");
    expect(sections[0].querySelectorAll("p")).toHaveLength(2);
    expect(q("tab-sections")!.getAttribute("aria-selected")).toBe("true");
  });

  it("shows projects and performance forms", async () => {
    await mount(new MockBackend(libraries()), root);
    q("tab-projects")!.click();
    expect(q("project")!.textContent).toContain("文化旅游宣传推广项目");
    expect(q("project")!.textContent).toContain("200 万元");
    expect(q("project")!.textContent).toContain("2.4 万元");

    q("tab-forms")!.click();
    expect(q("funds")!.textContent).toContain("资金总额200 万元");
    const cells = texts(Array.from(q("indicator-table")!.querySelectorAll("tbody tr:first-child td")));
    expect(cells).toEqual(["产出指标", "数量指标", "举办推广活动场次", "≥12场"]);
  });

  it("shows empty states for tabs without content", async () => {
    await mount(new MockBackend(libraries([sampleDistrictView()])), root);
    q("tab-forms")!.click();
    expect(q("empty")!.textContent).toBe("本文档没有绩效目标表。");
    expect(q("tab-tables")!.textContent).toContain("决算表");
  });
});

describe("switching and errors", () => {
  it("switches library and document", async () => {
    const backend = new MockBackend(libraries([sampleView()], [sampleDistrictView(), sampleView()]));
    const app = await mount(backend, root);
    const select = q<HTMLSelectElement>("library-select")!;
    select.value = "examples";
    select.dispatchEvent(new Event("change"));
    await app.idle();
    expect(qa("doc-item")).toHaveLength(2);
    expect(q("doc-title")!.textContent).toBe("嘉定区教育局2024年部门决算");

    qa("doc-item")[1].click();
    await app.idle();
    expect(q("doc-title")!.textContent).toBe("上海市文化旅游局2026年部门预算");
    expect(qa("doc-item")[1].classList.contains("selected")).toBe(true);
    expect(backend.calls.at(-1)).toBe("getDocument:examples,2");
  });

  it("shows the empty-library message", async () => {
    await mount(new MockBackend(libraries([], [])), root);
    expect(q("doc-list")!.textContent).toBe("本库还没有文档。用上方“导入文件…”导入公开文件，或切换到示例库。");
    expect(q("doc-view")).toBeNull();
    expect(q("error")).toBeNull();
  });

  it("shows backend errors in a banner that can be closed", async () => {
    const backend = new MockBackend(libraries());
    backend.failures.getDocument = "数据库已损坏";
    await mount(backend, root);
    expect(q("error")!.textContent).toContain("无法打开文档：数据库已损坏");
    expect(q("doc-view")).toBeNull();
    q("error")!.querySelector("button")!.click();
    expect(q("error")).toBeNull();
  });

  it("shows a failure to list libraries", async () => {
    const backend = new MockBackend(libraries());
    backend.failures.listLibraries = "无法访问数据目录";
    await mount(backend, root);
    expect(q("error")!.textContent).toContain("无法读取文档库：无法访问数据目录");
  });
});
