/**
 * The 编制 and 审核 views against the MockBackend: starting next year's draft from the open
 * document, the leaf lines with last year beside this year, an edit sent to Rust as key and
 * value and the recomputed figures and findings shown, undo, and the export panel (a 警告 needs
 * an explanation; a refusal lists its findings; a written file shows the preflight).
 */
import { Tabulator } from "tabulator-tables";
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "./app";
import type { DraftView, Finding } from "./drafting";
import type { AlignedLine, Flag } from "./generated/contract";
import { sampleView } from "./fixtures/sampleDocument";
import { sampleDraftView as view } from "./fixtures/sampleDraft";
import { MockBackend } from "./mockBackend";

let root: HTMLElement;
const q = <T extends Element = HTMLElement>(id: string) => root.querySelector<T & Element>(`[data-testid="${id}"]`);
const qa = (id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
/** The grid's drawn rows (Tabulator), by line key. */
const gridRows = () => Array.from(root.querySelectorAll<HTMLElement>(".tabulator-row[data-key]"));
/** A line's 本年 cell as the grid shows it. */
const valueCell = (key: string) => root.querySelector<HTMLElement>(`.tabulator-row[data-key="${key}"] .tabulator-cell[tabulator-field="value_yuan"]`);
/** The grid's table (Tabulator) on the page. */
const currentGrid = (): Tabulator | null => (Tabulator.findTable(".lines-grid") || [])[0] ?? null;
/** Waits for the grid's asynchronous drawing (a few frames; rows drawn when there are any). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (gridRows().length > 0 && i >= 2) return;
  }
}
/** Types into a line's 本年 cell as a user does: focus starts the editor, then the keys. */
async function typeInto(key: string, value: string, last: string = "Enter"): Promise<HTMLInputElement> {
  valueCell(key)!.focus();
  await settle();
  const input = valueCell(key)!.querySelector("input")!;
  input.value = value;
  input.dispatchEvent(new KeyboardEvent("keydown", { key: last, bubbles: true, cancelable: true }));
  return input;
}

const warning: Finding = { rule: "R001", severity: "warning", message: "项目支出比上年变动超过10%，请说明原因", location: { row: "支出|一般公共预算|2010507|项目支出" }, expected: "上年438300元", actual: "本年600000元" };

/** A blank draft of a format with 分单位 tables: no 上年, units listed. */
function blankView(units: { name: string; code: string }[]): DraftView {
  return { ...view("0", "0.00", [], false), draft: "draft:2", title: "上海市新设工作局2027年部门预算", department: "上海市新设工作局", base_year: null, has_unit_tables: true, units, lines: [] };
}

beforeEach(() => {
  document.body.innerHTML = "";
  root = document.createElement("div");
  document.body.appendChild(root);
});

describe("文档中的文字只作文字", () => {
  it("shows a line's name, reason and group from a hostile document as text, never as HTML", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const hostile = '<img src=x onerror="window.__owned=1"><b>加粗</b>';
    const v = view("438300", "18976.76", [], false);
    v.lines = v.lines.map((l) => ({ ...l, name: `${hostile}名称`, label: `${hostile}标签`, reason: `${hostile}原因`, group: `${hostile}分组` }));
    backend.draftViews = [v];
    const app = await mount(backend, root);
    await app.startDraft();
    await settle();
    const grid = root.querySelector(".tabulator")!;
    expect(grid.querySelector("img")).toBeNull();
    expect(grid.querySelector("b")).toBeNull();
    expect(grid.textContent).toContain(`${hostile}名称`);
    expect(grid.textContent).toContain(`${hostile}原因`);
    expect(Array.from(grid.querySelectorAll(".tabulator-group")).map((g) => g.textContent)[0]).toContain(`${hostile}分组`);
    expect((window as unknown as { __owned?: number }).__owned).toBeUndefined();
  });
});

describe("空白草稿", () => {
  it("starts a blank draft of a shipped format, adds a line with its names, and adds and removes a unit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.templates = [
      { id: "shanghai-11-bumen", name: "上海 11张表 部门预算（含分单位表）", region: "上海市", tables: 11 },
      { id: "hubei-15-bumen", name: "湖北 15张表 部门预算", region: "", tables: 15 },
    ];
    backend.draftViews = [blankView([]), blankView([]), blankView([]), blankView([{ name: "上海市新设工作局（本级）", code: "1" }]), blankView([])];
    const app = await mount(backend, root);
    q("new-blank-draft")!.click();
    await app.idle();
    // The formats, the region suggested by the one chosen.
    expect(qa("blank-template")[0].textContent).toContain("上海 11张表 部门预算（含分单位表）（11 张表）");
    expect(q<HTMLInputElement>("blank-region")!.value).toBe("上海市");
    const template = q<HTMLSelectElement>("blank-template")!;
    template.value = "hubei-15-bumen";
    template.dispatchEvent(new Event("change"));
    expect(q<HTMLInputElement>("blank-region")!.value).toBe("");
    template.value = "shanghai-11-bumen";
    template.dispatchEvent(new Event("change"));
    q<HTMLInputElement>("blank-department")!.value = "上海市新设工作局";
    q<HTMLInputElement>("blank-year")!.value = "2027";
    q("blank-create")!.click();
    await app.idle();
    expect(backend.calls).toContain("startBlankDraft:shanghai-11-bumen,上海市新设工作局,上海市,2027");
    expect(q("draft-title")!.textContent).toBe("上海市新设工作局2027年部门预算（编制中）");
    // No 上年: said so, and nothing to compare with.
    expect(q("blank-note")!.textContent).toContain("无上年数");
    expect(q("compare-draft")).toBeNull();
    // 新增明细行: the form's fields as typed (Rust composes the key and the names of the code and its 款).
    q<HTMLInputElement>("add-code")!.value = "2010101";
    q<HTMLInputElement>("add-name")!.value = "行政运行";
    q<HTMLInputElement>("add-parent-name")!.value = "人大事务";
    q<HTMLInputElement>("add-value")!.value = "1500000";
    q("add-line-save")!.click();
    await app.idle();
    expect(backend.calls).toContain("addCodedLine:draft:2,spend|一般公共预算|2010101|基本支出,1500000,行政运行,人大事务");
    // An economic line.
    const grid = q<HTMLSelectElement>("add-grid")!;
    grid.value = "按经济科目的基本支出";
    grid.dispatchEvent(new Event("change"));
    q<HTMLSelectElement>("add-econ-kind")!.value = "公用经费";
    q<HTMLInputElement>("add-code")!.value = "30201";
    q<HTMLInputElement>("add-value")!.value = "300000";
    q("add-line-save")!.click();
    await app.idle();
    expect(backend.calls).toContain("addCodedLine:draft:2,economic|30201|公用经费,300000,,");
    // Units: added by name (code by 序号), listed, removed.
    expect(q("units")!.textContent).toContain("单位（0 个）");
    q<HTMLInputElement>("unit-name")!.value = "上海市新设工作局（本级）";
    q("unit-add")!.click();
    await app.idle();
    expect(backend.calls).toContain("addUnit:draft:2,上海市新设工作局（本级）,");
    expect(qa("unit-item").map((u) => u.textContent)).toEqual(["1　上海市新设工作局（本级） 删除"]);
    q("unit-remove")!.click();
    await app.idle();
    expect(backend.calls).toContain("removeUnit:draft:2,上海市新设工作局（本级）");
    expect(qa("unit-item")).toEqual([]);
  });
});

describe("编制", () => {
  it("starts a draft, sends an edit as key and value, and shows what Rust recomputed", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("600000", "18992.93", [warning], true)];
    const app = await mount(backend, root);
    expect(q("start-draft")!.textContent).toBe("编制2027年预算");
    await app.startDraft();
    await settle();
    expect(q("draft-title")!.textContent).toBe("上海市文化旅游局2027年部门预算（编制中）");
    expect(gridRows().map((r) => r.dataset.key)).toEqual(["支出|一般公共预算|2010507|项目支出", "经济|30101|人员经费"]);
    expect(gridRows().map((r) => valueCell(r.dataset.key!)!.textContent)).toEqual(["438,300", "6,084,184"]);
    expect(root.querySelector(".tabulator-row.estimated")?.textContent).toContain("估算");
    // The header groups the amounts: 金额（元） over 上年, 本年, 增减.
    expect(root.querySelector(".tabulator-col-group")?.textContent).toContain("金额（元）");
    // The lines by block, each named within it.
    expect(Array.from(root.querySelectorAll(".tabulator-group")).map((g) => g.textContent)).toEqual(["一般公共预算（按功能科目）（1 行）", "一般公共预算基本支出（按经济科目）（1 行）"]);
    expect(root.querySelector('.tabulator-row[data-key="经济|30101|人员经费"] .tabulator-cell[tabulator-field="label"]')?.textContent).toContain("人员经费 30101 基本工资");
    expect(q("figure-收入预算")!.textContent).toContain("18,976.76");
    expect(q("undo")!.hasAttribute("disabled")).toBe(true);

    const grid = root.querySelector(".tabulator");
    await typeInto("支出|一般公共预算|2010507|项目支出", "600000");
    await app.idle();
    await settle();
    expect(backend.calls).toContain("setLeaf:draft:1,支出|一般公共预算|2010507|项目支出,600000");
    expect(q("figure-收入预算")!.textContent).toContain("18,992.93");
    expect(q("figure-收入预算")!.textContent).toContain("比2026年预算增加16.17万元");
    expect(q("draft-findings")!.textContent).toContain("0 个错误、1 个警告");
    expect(qa("finding")[0].textContent).toContain("警告[R001]");
    expect(q("undo")!.hasAttribute("disabled")).toBe(false);
    // The same grid, its edited row redrawn with Rust's value; Enter moved on to the next line.
    expect(root.querySelector(".tabulator")).toBe(grid);
    expect(valueCell("支出|一般公共预算|2010507|项目支出")!.textContent).toBe("600,000");
    await settle();
    expect(valueCell("经济|30101|人员经费")!.querySelector("input")).not.toBeNull();
    // An unchanged cell sends nothing.
    const calls = backend.calls.length;
    await typeInto("经济|30101|人员经费", "6084184");
    await app.idle();
    expect(backend.calls.length).toBe(calls);
    // The R001 警告 on the edited line asks for its reason in the 原因 column; typed there, it
    // goes to Rust under the line's key.
    const reasonCell = () => root.querySelector<HTMLElement>(`.tabulator-row[data-key="支出|一般公共预算|2010507|项目支出"] .tabulator-cell[tabulator-field="reason"]`)!;
    expect(reasonCell().textContent).toBe("须说明原因");
    reasonCell().focus();
    await settle();
    const reason = reasonCell().querySelector("input")!;
    reason.value = "新增专项普查任务";
    reason.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    await app.idle();
    expect(backend.calls).toContain("setReason:draft:1,支出|一般公共预算|2010507|项目支出,新增专项普查任务");
  });

  it("exports with the 警告 explained, and lists the findings of a refusal", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("600000", "18992.93", [warning], true)];
    backend.exportResults = [
      { outcome: null, refused: "1 个警告尚未说明", findings: [warning] },
      { outcome: { path: "/data/导出/a.pdf", sha256: "ab", bytes: 230000, template: "shanghai-9-bumen", fonts: [], preflight: { pages: 26, tables: 9, numbers: 885, narrative_figures: 62 } }, refused: null, findings: [] },
    ];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("explain-R001")).not.toBeNull();
    q("export-pdf")!.click();
    await app.idle();
    expect(q("export-result")!.textContent).toContain("不能导出：1 个警告尚未说明");
    expect(backend.calls.at(-1)).toBe("exportFile:draft:1,pdf,上海市文化旅游局2027年部门预算.pdf,{}");
    // 另存为…: the save dialog's path is what the export writes to.
    backend.savePath = "/home/caiwu/公开/2027年部门预算.pdf";
    q("export-choose")!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.calls.at(-1)).toBe("chooseSavePath:上海市文化旅游局2027年部门预算.pdf,pdf");
    expect(q<HTMLInputElement>("export-file")!.value).toBe("/home/caiwu/公开/2027年部门预算.pdf");
    (q("explain-R001") as HTMLInputElement).value = "新增专项普查任务";
    q("export-pdf")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe('exportFile:draft:1,pdf,/home/caiwu/公开/2027年部门预算.pdf,{"R001":"新增专项普查任务"}');
    expect(q("export-result")!.textContent).toContain("复核通过：26 页，9 张表，885 个数字与草稿一致");
  });
});

describe("审核", () => {
  it("shows a document's findings when the tab is opened", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.findings = { "user:1": [{ ...warning, rule: "T001", severity: "error", message: "“合计”不等于各项之和" }] };
    const app = await mount(backend, root);
    app.selectTab("findings");
    await app.idle();
    expect(q("doc-findings")!.textContent).toContain("错误[T001]");
    expect(backend.calls).toContain("checkDocument:user,1");
  });

  it("filters by severity, and a click opens the table at the finding's row", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const inTable: Finding = { rule: "T002", severity: "error", message: "“文化和旅游”不等于其下各项之和", location: { table: "2026年部门一般公共预算支出功能分类预算表", row: "2070199 其他文化和旅游支出", column: "合计" }, expected: "1", actual: "2" };
    const hint: Finding = { rule: "N001", severity: "info", message: "提示", location: { section: "三、部门预算编制说明" } };
    backend.findings = { "user:1": [inTable, hint] };
    const app = await mount(backend, root);
    app.selectTab("findings");
    await app.idle();
    expect(q("severity-all")!.textContent).toBe("全部（2）");
    q("severity-info")!.click();
    expect(qa("finding").map((e) => e.textContent?.slice(0, 8))).toEqual(["提示[N001]"]);
    q("severity-error")!.click();
    qa("finding")[0].click();
    expect(q("marked-row")?.textContent).toContain("其他文化和旅游支出");
    expect(q("marked-row")?.textContent).toContain("20,000,000");
  });
});

describe("资料库：导入", () => {
  it("imports file by file with each file's report, and opens 我的预算库 with the import", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.importResults = {
      "/data/a.pdf": { file: "a.pdf", id: 1, duplicate: false, report: { file: "a.pdf", tables: 9, rows: 120, amounts: 875, sections: 5, projects: 1, forms: 0, indicators: 0, notes: [], warnings: [{ message: "表“收入总表”此行的数值比表头多 1 个：0.00", location: { page: 7, line: 105 }, diagnostic: { kind: "extra_values", table: "收入总表", values: ["0.00"] } }], unrecognised: [{ message: "网上群众工作部年度费用", location: { page: 18, line: 265 }, diagnostic: { kind: "unrecognised", text: "网上群众工作部年度费用" } }] }, error: null, attached: false, needs_year: false },
      "/data/b.pdf": { file: "b.pdf", id: 1, duplicate: true, report: null, error: null, attached: false, needs_year: false },
    };
    backend.chosenFiles = ["/data/a.pdf", "/data/b.pdf", "/data/c.doc"];
    const app = await mount(backend, root);
    q("import-open")!.click();
    await app.idle();
    // Each file's report: what was read, and on request each place to check or not understood.
    const details = q("import-details")!;
    expect(Array.from(details.querySelectorAll("li")).map((e) => e.textContent)).toEqual([
      "需核对 第7页 第105行：表“收入总表”此行的数值比表头多 1 个：0.00",
      "未识别 第18页 第265行：网上群众工作部年度费用",
    ]);
    details.remove();
    const items = qa("import-item").map((e) => e.textContent ?? "");
    expect(items).toEqual([
      "a.pdf 已导入为文档 1：9 张表，875 个金额，1 处需核对，1 处未识别",
      "b.pdf 已导入过（文档 1），未重复导入",
      "c.doc 未能导入：无法读取文件 /data/c.doc",
    ]);
    expect((q("import-progress") as HTMLProgressElement).value).toBe(3);
    expect(backend.calls.filter((c) => c.startsWith("importFile"))).toEqual(["importFile:/data/a.pdf,wait", "importFile:/data/b.pdf,wait", "importFile:/data/c.doc,wait"]);
    expect(backend.calls.at(-1)).toBe("getDocument:user,1");
  });

  it("imports tables that name no year after the narrative of the same import, which they join", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const report = { file: "tables.pdf", tables: 12, rows: 148, amounts: 162, sections: 0, projects: 0, forms: 0, indicators: 0, notes: [], warnings: [], unrecognised: [] };
    backend.importResults = {
      "/data/tables.pdf": [
        { file: "tables.pdf", id: null, duplicate: false, report: null, error: "tables.pdf：文件中没有预算年度（只有公开表）", attached: false, needs_year: true },
        { file: "tables.pdf", id: 1, duplicate: false, report, error: null, attached: true, needs_year: false },
      ],
      "/data/text.pdf": { file: "text.pdf", id: 1, duplicate: false, report: null, error: null, attached: false, needs_year: false },
    };
    const app = await mount(backend, root);
    await app.importFiles(["/data/tables.pdf", "/data/text.pdf"]);
    await app.idle();
    // The first round waits; the tables are tried again after the narrative, taking their
    // file name's year if there were none to join.
    expect(backend.calls.filter((c) => c.startsWith("importFile"))).toEqual(["importFile:/data/tables.pdf,wait", "importFile:/data/text.pdf,wait", "importFile:/data/tables.pdf"]);
    expect(qa("import-item").map((e) => e.textContent)).toEqual([
      "text.pdf 已导入为文档 1",
      "tables.pdf 与文档 1 合为一份公开文件（同一部门、同一年度的文字说明与公开表）：12 张表，162 个金额",
    ]);
  });

  it("asks the year of tables that name none, and imports them under the year typed", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const report = { file: "公开表.pdf", tables: 12, rows: 148, amounts: 170, sections: 0, projects: 0, forms: 0, indicators: 0, notes: [], warnings: [], unrecognised: [] };
    backend.importResults = {
      "/data/公开表.pdf": [
        { file: "公开表.pdf", id: null, duplicate: false, report: null, error: "公开表.pdf：文件中没有写明预算年度（只有公开表），文件名中也没有年份。", attached: false, needs_year: true },
        { file: "公开表.pdf", id: 1, duplicate: false, report, error: null, attached: false, needs_year: false },
      ],
    };
    const app = await mount(backend, root);
    await app.importFiles(["/data/公开表.pdf"]);
    await app.idle();
    expect(qa("import-year")).toHaveLength(1);
    const input = q("import-year") as HTMLInputElement;
    // Not a year: said, nothing imported.
    input.value = "26";
    (q("import-year-go") as HTMLButtonElement).click();
    expect(q("import-year-note")?.textContent).toBe("请填写四位数的预算年度，如 2026");
    expect(backend.calls.filter((c) => c.startsWith("importFile"))).toEqual(["importFile:/data/公开表.pdf"]);
    input.value = "2018";
    (q("import-year-go") as HTMLButtonElement).click();
    await app.idle();
    expect(backend.calls.filter((c) => c.startsWith("importFile"))).toEqual(["importFile:/data/公开表.pdf", "importFile:/data/公开表.pdf,year=2018"]);
    expect(qa("import-item").map((e) => e.textContent)).toEqual(["公开表.pdf 已导入为文档 1：12 张表，170 个金额"]);
    expect(qa("import-year")).toHaveLength(0);
    expect(backend.calls.at(-1)).toBe("getDocument:user,1");
  });

  it("imports the paths typed one per line", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.importResults = { "/data/a.pdf": { file: "a.pdf", id: 1, duplicate: false, report: null, error: null, attached: false, needs_year: false } };
    const app = await mount(backend, root);
    (q("import-paths") as HTMLTextAreaElement).value = " /data/a.pdf \n\n";
    q("import-go")!.click();
    await app.idle();
    expect(qa("import-item").map((e) => e.textContent)).toEqual(["a.pdf 已导入为文档 1"]);
  });
});

describe("对比", () => {
  it("shows the years side by side, filters changed lines and flags", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const line = (label: string, a: string, b: string, change: string, pct: string | null, flags: Flag[]): AlignedLine => ({
      key: { table: "financial_summary", side: "income", code: "", label, column: "本年收入/预算数" },
      row_label: label, table_title: "2025年部门财务收支预算总表", amounts: [a, b], change, change_percent: pct, share_percent: [null, null], flags,
    });
    backend.comparison = {
      comparison: {
        documents: [{ department: "万里街道", year: 2024, label: "1" }, { department: "万里街道", year: 2025, label: "2" }],
        lines: [line("收入总计", "156211123", "189767551", "33556428", "21.48", ["beyond_threshold"]), line("二、事业收入", "0", "0", "0", null, [])],
        findings: [],
      },
      series: { by_function_class: [{ label: "一般公共服务支出", values: ["3000000", "3296600"] }], by_basic_project: [], by_economic_class: [], waterfall: null, trend: [] },
      execution: [
        {
          budget: { department: "万里街道", year: 2024, label: "1" },
          final_accounts: { department: "万里街道", year: 2024, label: "3" },
          lines: [{ code: "2013901", name: "行政运行", budget: "600000", actual: "513200", difference: "-86800", rate_percent: "85.53" }],
          total: { code: "", name: "合计", budget: "600000", actual: "513200", difference: "-86800", rate_percent: "85.53" },
        },
      ],
    };
    const app = await mount(backend, root);
    q("open-compare")!.click();
    await app.idle();
    expect(backend.calls).toContain("compareDocuments:user,1");
    expect(qa("compare-charts").length).toBe(1);
    expect(q("chart-function")!.querySelector("svg")).not.toBeNull();
    expect(q("chart-waterfall")).toBeNull();
    q("compare-export")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("exportComparison:user,1+2,万里街道2024年-2025年对比.xlsx");
    expect(q("compare-exported")!.textContent).toBe("已导出：/data/导出/万里街道2024年-2025年对比.xlsx");
    const rows = qa("compare-line").map((r) => r.textContent ?? "");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("156,211,123");
    expect(rows[0]).toContain("189,767,551");
    expect(rows[0]).toContain("21.48%");
    expect(rows[0]).toContain("变动较大");
    expect(q("compare-classes")!.textContent).toContain("3,296,600");
    q("compare-filter-all")!.click();
    expect(qa("compare-line")).toHaveLength(2);
    // The year whose 预算 and 决算 are both there: budget against actual.
    expect(q("execution")!.querySelector("h2")!.textContent).toBe("2024年预算执行（一般公共预算：预算 1，决算 3）");
    expect(qa("execution-line").map((r) => [...r.querySelectorAll("td")].map((c) => c.textContent))).toEqual([
      ["2013901", "行政运行", "600,000", "513,200", "-86,800", "85.53%"],
      ["合计", "合计", "600,000", "513,200", "-86,800", "85.53%"],
    ]);
  });
});

describe("编制：键盘、粘贴、原因、草稿列表", () => {
  it("pastes a column from Excel as one edit, writes a reason, lists and reopens drafts", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("500000", "18982.93", [], true), view("500000", "18982.93", [], true)];
    const app = await mount(backend, root);
    backend.drafts = [{ draft: "draft:1", department: "上海市文化旅游局", year: 2027 }];
    await app.startDraft();
    await settle();
    // Two cells copied from a spreadsheet column (with thousands separators) land on two lines.
    valueCell("支出|一般公共预算|2010507|项目支出")!.focus();
    await settle();
    const first = valueCell("支出|一般公共预算|2010507|项目支出")!.querySelector("input")!;
    const paste = new Event("paste", { cancelable: true, bubbles: true }) as Event & { clipboardData: { getData(t: string): string } };
    Object.assign(paste, { clipboardData: { getData: () => "500,000\t备注\r\n6,100,000\r\n" } });
    first.dispatchEvent(paste);
    await app.idle();
    expect(paste.defaultPrevented).toBe(true);
    expect(backend.calls).toContain("setLeaves:draft:1,支出|一般公共预算|2010507|项目支出=500000;经济|30101|人员经费=6100000");
    // The reason of a figure.
    const reason = q<HTMLInputElement>("reason-收入预算")!;
    reason.value = "新增专项普查任务";
    reason.dispatchEvent(new Event("change"));
    await app.idle();
    expect(backend.calls).toContain("setReason:draft:1,说明|收入预算,新增专项普查任务");
    // Back to the documents; the draft is listed and opens again.
    q("back-to-docs")!.click();
    await app.selectDocument(1);
    expect(qa("draft-item").map((e) => e.textContent)).toEqual(["上海市文化旅游局2027年预算（draft:1）"]);
    qa("draft-item")[0].click();
    await app.idle();
    expect(q("draft-title")).not.toBeNull();
    expect(backend.calls.at(-1)).toBe("getDraft:draft:1");
  });
});

describe("全区审核", () => {
  const row = (draft: string, department: string, status: string, version: string | undefined) => ({
    draft, department, year: 2027, status, version,
    summary: version ? { total_yuan: "189767600", baseline_yuan: "189767600", errors: 0, warnings: 2 } : undefined,
    change_yuan: version ? "0" : undefined,
  });

  it("submits a version, lists every department's, returns one with a comment and accepts another", async () => {
    const backend = new MockBackend([{ id: "user", name: "单位预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const drafted = view("438300", "18976.76", [], false);
    const submitted = {
      ...drafted, locked: "一上",
      versions: [{ name: "一上", hash: "0123456789ab", locked: true, created_at: "2026-12-01T09:01:00Z", status: "已报送" }],
    };
    const returned = {
      ...submitted, locked: null,
      versions: [{ ...submitted.versions[0], status: "已退回" }],
      comments: [{ version: "一上", target: "", text: "请压减一般性支出", author: "shenhe", at: "2026-12-02T10:00:00Z" }],
    };
    backend.draftViews = [drafted, submitted];
    const page = [row("draft:1", "甲局", "已报送", "一上"), row("draft:2", "乙局", "已报送", "一上"), row("draft:3", "丙局", "编制中", undefined)];
    backend.districtPages = [page, [{ ...page[0], status: "已退回" }, page[1], page[2]], [{ ...page[0], status: "已退回" }, { ...page[1], status: "已批准" }, page[2]]];
    const app = await mount(backend, root);
    await app.startDraft();
    // The department submits 一上: sent by name, shown as 已报送.
    q<HTMLInputElement>("version-name")!.value = "一上";
    q("version-submit")!.click();
    await app.idle();
    expect(backend.calls).toContain("submitVersion:draft:1,一上");
    expect(q("version-item")!.textContent).toContain("已报送");
    // The bureau's page: three departments, two to review, money as Rust sent it.
    q("open-district")!.click();
    await app.idle();
    expect(q("district-view")!.textContent).toContain("3个部门的草稿，2个待审核");
    expect(qa("district-row").map((r) => r.querySelector("[data-testid=district-status]")!.textContent)).toEqual(["已报送", "已报送", "编制中"]);
    expect(qa("district-row")[0].textContent).toContain("189,767,600");
    // 退回 needs a comment: none typed, nothing is sent.
    qa("review-return")[0].click();
    await app.idle();
    expect(backend.calls.some((c) => c.startsWith("reviewVersion"))).toBe(false);
    (qa("review-comment")[0] as HTMLInputElement).value = "请压减一般性支出";
    qa("review-return")[0].click();
    await app.idle();
    expect(backend.calls).toContain("reviewVersion:draft:1,一上,false,请压减一般性支出");
    expect(qa("district-row")[0].querySelector("[data-testid=district-status]")!.textContent).toBe("已退回");
    // 批准 the other; only 已报送 rows offer a decision.
    qa("review-accept")[0].click();
    await app.idle();
    expect(backend.calls).toContain("reviewVersion:draft:2,一上,true,");
    expect(qa("review-accept")).toHaveLength(0);
    // The department opens its draft again (Rust now answers it returned, with the comment).
    backend.draftViews[1] = returned;
    (qa("district-row")[0].querySelector("button") as HTMLElement).click();
    await app.idle();
    expect(q("review-comments")!.textContent).toContain("请压减一般性支出");
  });
});

describe("编制：版本、修改记录、定位", () => {
  it("saves a named version, lists the edits newest first, and a finding's click focuses its line", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const edited = view("600000", "18992.93", [warning], true);
    edited.history = [
      { seq: 2, action: "修改", target: "一般公共预算 2010507 专项普查活动 项目支出", old_value: "438300", new_value: "600000", at: "2026-12-01T09:00:00Z", user: "caiwu", undone: false },
      { seq: 1, action: "填写原因", target: "收入预算", old_value: "", new_value: "新增专项普查任务", at: "2026-12-01T08:59:00Z", user: "caiwu", undone: true },
    ];
    const saved = { ...edited, versions: [{ name: "一上", hash: "0123456789ab", locked: true, created_at: "2026-12-01T09:01:00Z", status: "已保存" }], locked: "一上" };
    backend.draftViews = [edited, saved];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(qa("history-item").map((e) => e.textContent)).toEqual([
      "修改 一般公共预算 2010507 专项普查活动 项目支出：438,300 → 600,000",
      "填写原因 收入预算：（空） → 新增专项普查任务（已撤销）",
    ]);
    // A finding about a line: its click puts the cursor in that line's 本年 cell.
    await settle();
    qa("finding")[0].click();
    await settle();
    expect(document.activeElement?.closest(".tabulator-row")?.getAttribute("data-key")).toBe("支出|一般公共预算|2010507|项目支出");
    expect(document.activeElement?.tagName).toBe("INPUT");
    // Save 一上, locked.
    q<HTMLInputElement>("version-name")!.value = " 一上 ";
    q<HTMLInputElement>("version-lock")!.checked = true;
    q("version-save")!.click();
    await app.idle();
    expect(backend.calls).toContain("saveVersion:draft:1,一上,true");
    expect(qa("version-item").map((e) => e.textContent)).toEqual(["一上（已锁定）　2026-12-01 09:01　0123456789ab"]);
    expect(q("version-save")).toBeNull();
    // 一上 beside the draft now, in the 对比 view (no XLSX export there); back to 编制.
    backend.comparison = { comparison: { documents: [{ department: "上海市文化旅游局", year: 2027, label: "draft:1@一上" }, { department: "上海市文化旅游局", year: 2027, label: "draft:1" }], lines: [], findings: [] }, series: { by_function_class: [], by_basic_project: [], by_economic_class: [], waterfall: null, trend: [] }, execution: [] };
    q("compare-version")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("compareReferences:draft:1@一上+draft:1");
    expect(q("compare-view")).not.toBeNull();
    expect(q("compare-export")).toBeNull();
    expect(q("back-to-docs")!.textContent).toBe("返回编制");
    q("back-to-docs")!.click();
    expect(q("draft-title")).not.toBeNull();
  });
});

describe("导出预览", () => {
  it("shows the pages the export would print and closes again; an edit closes a stale preview", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("500000", "18982.93", [], true)];
    backend.previewPages = ['<svg xmlns="http://www.w3.org/2000/svg"><text>封面</text></svg>', '<svg xmlns="http://www.w3.org/2000/svg"><text>目录</text></svg>'];
    const app = await mount(backend, root);
    await app.startDraft();
    q<HTMLInputElement>("export-date")!.value = "2027-02-15";
    q("export-preview")!.click();
    await app.idle();
    expect(backend.calls).toContain("previewExport:draft:1,2027-02-15");
    const pages = qa("preview-page") as HTMLImageElement[];
    expect(pages.map((p) => p.alt)).toEqual(["第 1 页", "第 2 页"]);
    expect(decodeURIComponent(pages[1]!.src)).toContain("<text>目录</text>");
    q("preview-close")!.click();
    expect(q("preview")).toBeNull();
    q("export-preview")!.click();
    await app.idle();
    expect(q("preview")).not.toBeNull();
    await app.setLeaf("支出|一般公共预算|2010507|项目支出", "500000");
    await app.idle();
    expect(q("preview")).toBeNull();
  });
});

describe("编制：文字部分", () => {
  it("rewrites a carried section as one edit; a generated one is shown and rewritten the same way", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    const area = q<HTMLTextAreaElement>("section-部门主要职能")!;
    expect(area.value).toBe("负责全市文化和旅游工作。\n统筹规划文化事业。");
    expect(q<HTMLTextAreaElement>("section-部门预算编制说明")!.value).toBe("收入预算18976.76万元。");
    expect(q("draft-sections")!.textContent).toContain("部门预算编制说明（由数字生成）");
    // Unchanged: nothing is sent.
    q("section-save-部门主要职能")!.click();
    await app.idle();
    expect(backend.calls.some((c) => c.startsWith("setSectionText"))).toBe(false);
    area.value = "负责全市文化和旅游工作。\n新增：统筹社会工作。";
    q("section-save-部门主要职能")!.click();
    await app.idle();
    expect(backend.calls).toContain("setSectionText:draft:1,部门主要职能,负责全市文化和旅游工作。⏎新增：统筹社会工作。");
  });
});

describe("编制：项目说明", () => {
  it("rewrites a part of a project, adds and removes a project, each as one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("draft-projects")!.textContent).toContain("文旅宣传推广（说明所列 120000 元）");
    expect(q("draft-projects")!.textContent).toContain("列有 1 个金额");
    const box = q<HTMLDetailsElement>("project")!;
    box.open = true;
    box.dispatchEvent(new Event("toggle"));
    const area = q<HTMLTextAreaElement>("project-part-文旅宣传推广-年度预算安排")!;
    expect(area.value).toBe("1.宣传费12.00万元。");
    // Unchanged: nothing is sent.
    q("project-save-文旅宣传推广-年度预算安排")!.click();
    await app.idle();
    expect(backend.calls.some((c) => c.startsWith("setProjectPart"))).toBe(false);
    area.value = "1.宣传费9.60万元。\n2.培训费2.40万元：单价300元×80人=2.40万元。";
    q("project-save-文旅宣传推广-年度预算安排")!.click();
    await app.idle();
    expect(backend.calls).toContain("setProjectPart:draft:1,文旅宣传推广,年度预算安排,1.宣传费9.60万元。⏎2.培训费2.40万元：单价300元×80人=2.40万元。");
    // The project the user opened stays open after the edit's re-render.
    expect(q<HTMLDetailsElement>("project")!.open).toBe(true);
    q<HTMLInputElement>("project-new-name")!.value = "社区治理创新";
    q("project-add")!.click();
    await app.idle();
    expect(backend.calls).toContain("addProject:draft:1,社区治理创新");
    q("project-remove-文旅宣传推广")!.click();
    await app.idle();
    expect(backend.calls).toContain("removeProject:draft:1,文旅宣传推广");
  });
});

describe("编制：上年执行数", () => {
  it("types one code's 执行数, pastes a column, takes a 决算's, each one edit; Rust's rate shown as sent", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("draft-actuals")!.textContent).toContain("2026年执行数");
    expect(q("actual-rate-2120101")!.textContent).toBe("72.28%");
    const input = q<HTMLInputElement>("actual-2010507")!;
    input.value = "1404200";
    input.dispatchEvent(new Event("change"));
    await app.idle();
    expect(backend.calls).toContain("setActual:draft:1,2010507,1404200");
    const paste = q<HTMLTextAreaElement>("actuals-paste")!;
    paste.value = "2010507\t1404200\n2120101\t12,000,000";
    q("actuals-paste-save")!.click();
    await app.idle();
    expect(backend.calls.filter((c) => c.startsWith("pasteActuals"))).toEqual(["pasteActuals:draft:1,2010507\t1404200⏎2120101\t12,000,000"]);
    q("actuals-from-take")!.click();
    await app.idle();
    expect(backend.calls).toContain("actualsFrom:draft:1,7");
  });
});

describe("编制：改名与整表删除", () => {
  it("renames a project by its place in the list and deletes a whole form, each one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    const name = q<HTMLInputElement>("project-name-1")!;
    expect(name.value).toBe("文旅宣传推广");
    // Unchanged: nothing is sent.
    q("project-rename-1")!.click();
    await app.idle();
    expect(backend.calls.some((c) => c.startsWith("renameProject"))).toBe(false);
    name.value = "文旅宣传推广项目";
    q("project-rename-1")!.click();
    await app.idle();
    expect(backend.calls).toContain("renameProject:draft:1,#1,文旅宣传推广项目");
    // A form edited here can be deleted whole; one written in its project's text cannot.
    expect(q("form-delete-文旅惠民活动")).toBeNull();
    q("form-delete-文旅宣传推广")!.click();
    await app.idle();
    expect(backend.calls).toContain("deleteForm:draft:1,文旅宣传推广");
  });
});

describe("编制：绩效目标表", () => {
  it("sets an indicator's value, removes one, adds one to a project's form, each as one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("draft-forms")!.textContent).toContain("文旅宣传推广（1 个指标）");
    // A form written in its project's text is shown with where to edit it, not as inputs.
    expect(q("form-not-editable")!.textContent).toContain("绩效目标”部分");
    expect(q("indicator-文旅惠民活动-效益指标/社会效益指标/参与人次")).toBeNull();
    expect(q("draft-forms")!.textContent).toContain("≥5000(人次)");
    expect([...q<HTMLSelectElement>("indicator-new-form")!.options].map((o) => o.value)).toEqual(["文旅宣传推广"]);
    const input = q<HTMLInputElement>("indicator-文旅宣传推广-产出指标/数量指标/宣传场次")!;
    expect(input.value).toBe("≥12(场)");
    // Unchanged: nothing is sent.
    q("indicator-save-文旅宣传推广-产出指标/数量指标/宣传场次")!.click();
    await app.idle();
    expect(backend.calls.some((c) => c.startsWith("setIndicator"))).toBe(false);
    input.value = "≥15(场)";
    q("indicator-save-文旅宣传推广-产出指标/数量指标/宣传场次")!.click();
    await app.idle();
    expect(backend.calls).toContain("setIndicator:draft:1,文旅宣传推广,产出指标/数量指标/宣传场次,≥15(场)");
    q("indicator-remove-文旅宣传推广-产出指标/数量指标/宣传场次")!.click();
    await app.idle();
    expect(backend.calls).toContain("removeIndicator:draft:1,文旅宣传推广,产出指标/数量指标/宣传场次");
    q<HTMLSelectElement>("indicator-new-level1")!.value = "满意度指标";
    q<HTMLInputElement>("indicator-new-level2")!.value = "服务对象满意度指标";
    q<HTMLInputElement>("indicator-new-name")!.value = "游客满意度";
    q<HTMLInputElement>("indicator-new-value")!.value = "≥90%";
    q("indicator-add")!.click();
    await app.idle();
    expect(backend.calls).toContain("setIndicator:draft:1,文旅宣传推广,满意度指标/服务对象满意度指标/游客满意度,≥90%");
  });
});

describe("编制：数量", () => {
  it("shows a count line (国有资产 车辆) with its measure, not as 元", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const v = view("438300", "18976.76", [], false);
    v.draft = "draft:2";
    v.lines.push({ key: "情况|车辆", label: "国有资产 车辆（辆）", value_yuan: "8", baseline_yuan: "8", change_yuan: "0", estimated: false, reason: "", origin: "", unit: "辆", group: "国有资产与绩效目标", name: "国有资产 车辆（辆）", budget_unit: "" });
    backend.draftViews = [v];
    const app = await mount(backend, root);
    await app.startDraft();
    for (let i = 0; i < 50 && !valueCell("情况|车辆"); i++) await new Promise((r) => setTimeout(r, 10));
    expect(valueCell("情况|车辆")!.textContent).toBe("8 辆");
    expect(valueCell("支出|一般公共预算|2010507|项目支出")!.textContent).toBe("438,300");
  });
});

describe("编制：两年均为0的行", () => {
  it("hides the lines that are 0 in both years until asked, never in a blank draft", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const v = view("438300", "18976.76", [], false);
    const template = v.lines[0]!;
    v.lines.push({ ...template, key: "支出|一般公共预算|2010507|基本支出", label: "一般公共预算 2010507 专项普查活动 基本支出", value_yuan: "0", baseline_yuan: "0.00", change_yuan: "0" });
    backend.draftViews = [v];
    const app = await mount(backend, root);
    await app.startDraft();
    await app.idle();
    await settle();
    expect(currentGrid()!.getDataCount()).toBe(v.lines.length - 1);
    expect(q("hide-zero")?.parentElement?.textContent).toBe(" 隐藏两年均为0的 1 行");
    const box = q<HTMLInputElement>("hide-zero")!;
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    await settle();
    expect(currentGrid()!.getDataCount()).toBe(v.lines.length);
    const again = q<HTMLInputElement>("hide-zero")!;
    again.checked = true;
    again.dispatchEvent(new Event("change"));
    await settle();
    expect(currentGrid()!.getDataCount()).toBe(v.lines.length - 1);
    // A blank draft (no 上年 money), one line filled in: nothing hidden, no box.
    const blank = view("0", "0", [], false);
    blank.draft = "draft:3";
    blank.lines = blank.lines.map((l, k) => ({ ...l, value_yuan: k === 0 ? "1500000" : "0", baseline_yuan: "0", change_yuan: "0" }));
    backend.draftViews = [blank];
    await app.startDraft();
    await app.idle();
    await settle();
    expect(q("hide-zero")).toBeNull();
    expect(currentGrid()!.getDataCount()).toBe(blank.lines.length);
  });
});

describe("编制：大量明细行", () => {
  it("draws only the rows near view in a large draft and keeps the grid across an edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const big = (value: string) => {
      const v = view(value, "18976.76", [], false);
      const template = v.lines[0]!;
      v.lines = Array.from({ length: 1000 }, (_, i) => ({ ...template, key: `支出|一般公共预算|20105${String(i).padStart(2, "0")}|${i}`, label: `第${i}行`, value_yuan: i === 900 ? value : "1" }));
      return v;
    };
    backend.draftViews = [big("1"), big("5000")];
    const app = await mount(backend, root);
    await app.startDraft();
    await app.idle();
    await settle();
    // Virtual rows: the grid holds the 1,000 lines and draws only those near view (jsdom has no
    // layout, so it draws next to none; the real window is measured by scripts/measure-app.py).
    expect(currentGrid()!.options.renderVertical).toBe("virtual");
    expect(currentGrid()!.getDataCount()).toBe(1000);
    expect(gridRows().length).toBeLessThan(200);
    const grid = root.querySelector(".tabulator");
    await app.setLeaf("支出|一般公共预算|20105900|900", "5000");
    await app.idle();
    await settle();
    expect(backend.calls).toContain("setLeaf:draft:1,支出|一般公共预算|20105900|900,5000");
    // The same grid (its scroll place and widths kept), the edited line updated in its data.
    expect(root.querySelector(".tabulator")).toBe(grid);
    expect(currentGrid()!.getRow("支出|一般公共预算|20105900|900").getData().value_yuan).toBe("5000");
  });
});

describe("设置", () => {
  it("shows the settings, sends them as typed, shows Rust's refusal, backs up and restores", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const base = {
      settings: { threshold_percent: "10", threshold_yuan: "500000", body_font: null, heading_font: null, server: null },
      data_dir: "/home/caiwu/.local/share/yusuan",
      libraries: [{ path: "/home/caiwu/.local/share/yusuan/library.db", bytes: 2048000 }, { path: "/home/caiwu/.local/share/yusuan/examples.db", bytes: 1024 }],
      backups: [],
    };
    const saved = { ...base, settings: { ...base.settings, threshold_percent: "20" } };
    const backedUp = { ...saved, backups: [{ path: "/home/caiwu/.local/share/yusuan/备份/预算库-20261201-093015.db", bytes: 2048000 }] };
    backend.settingsViews = [base, "字体文件 /nowhere/simsun.ttc 不存在：请填写字体文件的完整路径", saved, backedUp, backedUp];
    const app = await mount(backend, root);
    q("open-settings")!.click();
    await app.idle();
    expect(q<HTMLInputElement>("setting-threshold-percent")!.value).toBe("10");
    expect(q("data-dir")!.textContent).toBe("/home/caiwu/.local/share/yusuan");
    // A font that is not there: Rust refuses, the banner says why.
    q<HTMLInputElement>("setting-body-font")!.value = "/nowhere/simsun.ttc";
    q("settings-save")!.click();
    await app.idle();
    expect(root.textContent).toContain("字体文件 /nowhere/simsun.ttc 不存在");
    // 20 %, font left empty.
    q<HTMLInputElement>("setting-body-font")!.value = "";
    q<HTMLInputElement>("setting-threshold-percent")!.value = " 20 ";
    q<HTMLInputElement>("setting-threshold-yuan")!.value = "500,000";
    q("settings-save")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe('saveSettings:{"threshold_percent":"20","threshold_yuan":"500000","body_font":null,"heading_font":null,"server":null}');
    expect(q("settings-notice")!.textContent).toContain("设置已保存");
    q("backup")!.click();
    await app.idle();
    expect(qa("backup-item").map((e) => e.textContent)).toEqual(["/home/caiwu/.local/share/yusuan/备份/预算库-20261201-093015.db（2,000 KB） 恢复"]);
    // 恢复: asked first; declined, nothing is sent; confirmed, the backup goes to Rust and the
    // library's lists are read again.
    const confirm = window.confirm;
    window.confirm = () => false;
    q("restore")!.click();
    await app.idle();
    expect(backend.calls).not.toContain("restoreBackup:/home/caiwu/.local/share/yusuan/备份/预算库-20261201-093015.db");
    window.confirm = () => true;
    const before = backend.calls.filter((c) => c.startsWith("listDocuments")).length;
    q("restore")!.click();
    await app.idle();
    window.confirm = confirm;
    expect(backend.calls).toContain("restoreBackup:/home/caiwu/.local/share/yusuan/备份/预算库-20261201-093015.db");
    expect(backend.calls.filter((c) => c.startsWith("listDocuments")).length).toBe(before + 1);
    expect(q("settings-notice")!.textContent).toContain("已用备份恢复");
    // Back to the documents.
    q("back-to-docs")!.click();
    expect(q("settings-view")).toBeNull();
  });

  it("connects 我的预算库 to the bureau's server and reads the libraries again", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const base = {
      settings: { threshold_percent: "10", threshold_yuan: "500000", body_font: null, heading_font: null, server: null },
      data_dir: "/d", libraries: [], backups: [],
    };
    const url = "postgres://caizheng01:口令@10.0.0.1/yusuan";
    const connected = { ...base, settings: { ...base.settings, server: url }, connected: "10.0.0.1/yusuan（用户 caizheng01）" };
    backend.settingsViews = [base, "无法连接预算库服务器 10.0.0.1/yusuan：连接被拒绝", connected, base];
    const app = await mount(backend, root);
    q("open-settings")!.click();
    await app.idle();
    expect(q("server-status")!.textContent).toBe("我的预算库为本机文件。");
    q<HTMLInputElement>("setting-server")!.value = ` ${url} `;
    // Refused by Rust (the server cannot be reached): the banner says why, nothing else moves.
    q("server-connect")!.click();
    await app.idle();
    expect(root.textContent).toContain("无法连接预算库服务器");
    const lists = backend.calls.filter((c) => c.startsWith("listLibraries")).length;
    q<HTMLInputElement>("setting-server")!.value = url;
    q("server-connect")!.click();
    await app.idle();
    expect(backend.calls).toContain(`saveSettings:{"threshold_percent":"10","threshold_yuan":"500000","body_font":null,"heading_font":null,"server":"${url}"}`);
    expect(q("server-status")!.textContent).toContain("10.0.0.1/yusuan（用户 caizheng01）");
    expect(q("settings-notice")!.textContent).toContain("已连接单位服务器");
    // Its backups are the server's: no button to copy it here.
    expect(q("backup")).toBeNull();
    expect(q("backup-on-server")).not.toBeNull();
    expect(backend.calls.filter((c) => c.startsWith("listLibraries")).length).toBe(lists + 1);
    // And back to the desk's own file.
    q("server-disconnect")!.click();
    await app.idle();
    expect(backend.calls.filter((c) => c.startsWith("saveSettings")).at(-1)).toContain('"server":null');
    expect(backend.calls.filter((c) => c.startsWith("listLibraries")).length).toBe(lists + 2);
    expect(q("server-status")!.textContent).toBe("我的预算库为本机文件。");
  });
});

describe("编制：草稿的表格", () => {
  it("shows the tables the draft derives and refreshes them after an edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("500000", "18982.93", [], true)];
    const before = sampleView();
    const after = sampleView();
    after.document.tables[1]!.rows[3]!.cells[0] = { t: "amount", value: "20061700", printed: "20061700" };
    backend.draftDocuments = [before, after];
    const app = await mount(backend, root);
    await app.startDraft();
    q("show-tables")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("getDraftDocument:draft:1");
    (root.querySelectorAll<HTMLElement>("[data-testid=draft-tables] [data-testid=table-item]"))[1]!.click();
    expect(q("draft-tables")!.textContent).toContain("20,000,000");
    await app.setLeaf("支出|一般公共预算|2010507|项目支出", "500000");
    await app.idle();
    expect(backend.calls.slice(-2)).toEqual(["setLeaf:draft:1,支出|一般公共预算|2010507|项目支出,500000", "getDraftDocument:draft:1"]);
    expect(q("draft-tables")!.textContent).toContain("20,061,700");
    q("tables-close")!.click();
    expect(q("draft-tables")).toBeNull();
  });
});

describe("编制：单位预算", () => {
  it("places a line's money in a unit and exports that unit's own 单位预算", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const v = view("438300", "18976.76", [], false);
    v.unit_money = [
      { name: "上海市文化旅游局本部", lines: 0, value_yuan: "0", baseline_yuan: "0", reference: "draft:1/上海市文化旅游局本部" },
      { name: "上海市文化旅游发展中心", lines: 0, value_yuan: "0", baseline_yuan: "0", reference: "draft:1/上海市文化旅游发展中心" },
      { name: "", lines: 2, value_yuan: "438300", baseline_yuan: "438300", reference: "" },
    ];
    backend.draftViews = [v];
    backend.exportResults = [{ outcome: { path: "/data/导出/b.pdf", sha256: "cd", bytes: 120000, template: "shanghai-9-danwei", fonts: [], preflight: { pages: 18, tables: 9, numbers: 227, narrative_figures: 35 } }, refused: null, findings: [] }];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(qa("unit-money").map((r) => r.textContent)).toEqual(["上海市文化旅游局本部0 元0 行", "上海市文化旅游发展中心0 元0 行", "（未分配到单位）438,300 元2 行"]);
    // Only 支出 lines are placed (the economic line follows its own breakdown).
    expect(Array.from(q<HTMLSelectElement>("place-line")!.options).map((o) => o.value)).toEqual(["支出|一般公共预算|2010507|项目支出"]);
    q<HTMLSelectElement>("place-to")!.value = "上海市文化旅游发展中心";
    q<HTMLInputElement>("place-amount")!.value = "100000";
    q("place-save")!.click();
    await app.idle();
    expect(backend.calls).toContain("placeLine:draft:1,支出|一般公共预算|2010507|项目支出,上海市文化旅游发展中心,100000");
    // 导出: the unit's 单位预算, under its own file name.
    const scope = q<HTMLSelectElement>("export-scope")!;
    expect(Array.from(scope.options).map((o) => o.textContent)).toEqual(["部门预算", "单位预算：上海市文化旅游局本部", "单位预算：上海市文化旅游发展中心"]);
    scope.value = "draft:1/上海市文化旅游发展中心";
    scope.dispatchEvent(new Event("change"));
    expect(q<HTMLInputElement>("export-file")!.value).toBe("2027年上海市文化旅游发展中心单位预算.pdf");
    q("export-pdf")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("exportFile:draft:1/上海市文化旅游发展中心,pdf,2027年上海市文化旅游发展中心单位预算.pdf,{}");
  });
});

describe("编制：工作簿", () => {
  it("exports the draft's workbook, reads an edited one back and lists what changed", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("500000", "18982.93", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q<HTMLInputElement>("workbook-file")!.value).toBe("上海市文化旅游局2027年部门预算（编制工作簿）.xlsx");
    q("workbook-export")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("exportDraftWorkbook:draft:1,上海市文化旅游局2027年部门预算（编制工作簿）.xlsx");
    expect(q("workbook-written")!.textContent).toBe("已导出：/data/导出/上海市文化旅游局2027年部门预算（编制工作簿）.xlsx");
    // The file just written is what reads back by default.
    expect(q<HTMLInputElement>("workbook-import-file")!.value).toBe("/data/导出/上海市文化旅游局2027年部门预算（编制工作簿）.xlsx");
    backend.workbookChanges = [{ seq: 4, target: "支出|一般公共预算|2010507|项目支出", old: "438300", new: "500000" }];
    q("workbook-import")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("importDraftWorkbook:draft:1,/data/导出/上海市文化旅游局2027年部门预算（编制工作簿）.xlsx");
    expect(qa("workbook-change").map((c) => c.textContent)).toEqual(["支出|一般公共预算|2010507|项目支出：438,300 元 → 500,000 元"]);
    // The draft shown is the one after the import.
    expect(q("workbook-result")!.textContent).toContain("已导入 1 处改动");
    // A workbook with a total typed over: the message, nothing else changes.
    backend.workbookChanges = "工作表“2.收入预算总表”单元格 C5：与明细之和不符";
    q("workbook-import")!.click();
    await app.idle();
    expect(root.textContent).toContain("单元格 C5");
  });

  it("exports the disclosure's tables as XLSX beside the PDF", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false)];
    backend.exportResults = [{ outcome: { path: "/data/导出/a.xlsx", sha256: "ab", bytes: 23000, template: "shanghai-9-bumen", fonts: [] }, refused: null, findings: [] }];
    const app = await mount(backend, root);
    await app.startDraft();
    q("export-xlsx")!.click();
    await app.idle();
    expect(backend.calls.at(-1)).toBe("exportFile:draft:1,xlsx,上海市文化旅游局2027年部门预算.xlsx,{}");
    expect(q("export-result")!.textContent).toContain("已导出：/data/导出/a.xlsx");
  });
});

describe("编制：项目资金", () => {
  it("funds a project from a 项目支出 line and shows its budget against its description", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const funded = view("438300", "18976.76", [], true);
    funded.projects[0].funds = [{ line: "支出|一般公共预算|2010507|项目支出", label: "一般公共预算 2010507 专项普查活动 项目支出", amount_yuan: "120000", line_yuan: "438300" }];
    funded.projects[0].funded_yuan = "120000";
    backend.draftViews = [view("438300", "18976.76", [], false), funded];
    const app = await mount(backend, root);
    await app.startDraft();
    const box = q("project-funds-文旅宣传推广")!;
    expect(box.textContent).toContain("尚未指定");
    // Only 项目支出 lines fund projects.
    expect(Array.from(q<HTMLSelectElement>("project-fund-line-文旅宣传推广")!.options).map((o) => o.value)).toEqual(["支出|一般公共预算|2010507|项目支出"]);
    q<HTMLInputElement>("project-fund-amount-文旅宣传推广")!.value = "120000";
    q("project-fund-save-文旅宣传推广")!.click();
    await app.idle();
    expect(backend.calls).toContain("setProjectFund:draft:1,文旅宣传推广,支出|一般公共预算|2010507|项目支出,120000");
    expect(qa("project-fund").map((f) => f.textContent)).toEqual(["一般公共预算 2010507 专项普查活动 项目支出：120,000 元 取消"]);
    expect(q("project-funded")!.textContent).toBe("合计 120,000 元（说明所述 120,000 元）");
  });
});

describe("编制：单位的文字", () => {
  it("edits a unit's own 主要职能 for its 单位预算, the department's text untouched", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const v = view("438300", "18976.76", [], false);
    v.unit_texts = [
      { unit: "上海市文化旅游发展中心", title: "部门主要职能", shown_title: "单位主要职能", text: "负责全市文化和旅游工作。\n统筹规划文化事业。", own: false },
    ];
    backend.draftViews = [v];
    const app = await mount(backend, root);
    await app.startDraft();
    const who = q<HTMLSelectElement>("sections-of")!;
    expect(Array.from(who.options).map((o) => o.textContent)).toEqual(["部门预算", "单位预算：上海市文化旅游发展中心"]);
    who.value = "上海市文化旅游发展中心";
    who.dispatchEvent(new Event("change"));
    expect(q("draft-sections")!.textContent).toContain("单位主要职能（沿用部门的文字）");
    q<HTMLTextAreaElement>("unit-section-部门主要职能")!.value = "承担文旅项目的具体实施。";
    q("unit-section-save-部门主要职能")!.click();
    await app.idle();
    expect(backend.calls).toContain("setUnitText:draft:1,上海市文化旅游发展中心,部门主要职能,承担文旅项目的具体实施。");
  });
});

describe("编制：按原表结转的表", () => {
  it("edits a cell of a carried grid as one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const v = view("438300", "18976.76", [], false);
    v.carried = [{ title: "表 15. 项目支出绩效目标表", columns: ["第1列", "第2列"], rows: [["项目名称", "网上群众工作部年度费用"], ["起始年度", "2026"]], labels: [], text: "项目名称\t网上群众工作部年度费用\n起始年度\t2026" }];
    backend.draftViews = [v];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(qa("carried-table").map((t) => t.querySelector("summary")!.textContent)).toEqual(["表 15. 项目支出绩效目标表"]);
    const year = q<HTMLInputElement>("carried-2-2")!;
    expect(year.value).toBe("2026");
    year.value = "2027";
    year.dispatchEvent(new Event("change"));
    await app.idle();
    expect(backend.calls).toContain("setCarriedCell:draft:1,表 15. 项目支出绩效目标表,2,2,2027");
  });

  it("adds a row to an emptied grid and removes one, each one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const empty = view("438300", "18976.76", [], false);
    empty.carried = [{ title: "表 13. 资产配置预算表", columns: ["项目", "资产名称", "资产数量", "总金额(万元)"], rows: [], labels: [], text: "" }];
    const one = view("438300", "18976.76", [], false);
    one.carried = [{ title: "表 13. 资产配置预算表", columns: ["项目", "资产名称", "资产数量", "总金额(万元)"], rows: [["", "", "", ""]], labels: [], text: "\t\t\t" }];
    backend.draftViews = [empty, one, empty];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("carried")!.textContent).toContain("本表还没有内容（4 列：项目、资产名称、资产数量、总金额(万元)）");
    q("carried-add-row")!.click();
    await app.idle();
    expect(backend.calls).toContain("addCarriedRow:draft:1,表 13. 资产配置预算表");
    expect(q<HTMLInputElement>("carried-1-4")!.value).toBe("");
    q("carried-remove-1")!.click();
    await app.idle();
    expect(backend.calls).toContain("removeCarriedRow:draft:1,表 13. 资产配置预算表,1");
  });

  it("shows a procurement list's names beside its columns and pastes next year's list whole", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    const carried = view("438300", "18976.76", [], false);
    carried.carried = [{ title: "2018年政府采购预算表", columns: ["采购品目大类", "经济科目", "采购组织形式", "总计"], rows: [["", "", "", "100.00"], ["", "", "分散自行组织", "100.00"]], labels: ["合计", "会议服务"], text: "合计\t\t\t\t100.00\n会议服务\t\t\t分散自行组织\t100.00" }];
    backend.draftViews = [carried, carried];
    const app = await mount(backend, root);
    await app.startDraft();
    expect(q("carried-label-2")!.textContent).toBe("会议服务");
    const area = q<HTMLTextAreaElement>("carried-paste-text")!;
    expect(area.value).toBe("合计\t\t\t\t100.00\n会议服务\t\t\t分散自行组织\t100.00");
    // Unchanged: nothing is sent; changed: one call with the table's title and the text.
    q("carried-paste")!.click();
    await app.idle();
    expect(backend.calls.filter((c) => c.startsWith("pasteCarriedTable"))).toEqual([]);
    area.value = "合计\t\t\t\t12.00\n一、货物A\t\t\t\t12.00";
    q("carried-paste")!.click();
    await app.idle();
    expect(backend.calls).toContain("pasteCarriedTable:draft:1,2018年政府采购预算表,合计\t\t\t\t12.00⏎一、货物A\t\t\t\t12.00");
  });
});

describe("导出：印法", () => {
  it("shows each setting of the draft's print style and sets another as one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    const setting = (name: string) => document.querySelector<HTMLSelectElement>(`[data-testid=print-setting][data-setting=${name}]`)!;
    expect(setting("零值单元格").value).toBe("按上年原表");
    expect([...setting("零值单元格").options].map((o) => o.value)).toEqual(["按上年原表", "留空", "填0"]);
    expect(setting("表名年度").value).toBe("每张表都印年度");
    setting("零值单元格").value = "留空";
    setting("零值单元格").dispatchEvent(new Event("change"));
    await app.idle();
    expect(backend.calls).toContain("setPrint:draft:1,零值单元格,留空");
    setting("表名年度").value = "都不印年度";
    setting("表名年度").dispatchEvent(new Event("change"));
    await app.idle();
    expect(backend.calls).toContain("setPrint:draft:1,表名年度,都不印年度");
  });

  it("lists the titles as they print and renames one as one edit", async () => {
    const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }, { id: "examples", name: "示例库", path: "", documents: [] }]);
    backend.draftViews = [view("438300", "18976.76", [], false), view("438300", "18976.76", [], true)];
    const app = await mount(backend, root);
    await app.startDraft();
    const inputs = [...document.querySelectorAll<HTMLInputElement>("[data-testid=title]")];
    expect(inputs.map((i) => i.value)).toEqual(["上海市普陀区某街道办事处（部门）主要职能", "2027年部门“三公”经费和机关运行经费预算表"]);
    inputs[1].value = "2027年部门“三公”经费预算表";
    inputs[1].dispatchEvent(new Event("change"));
    await app.idle();
    // Named by its title as carried.
    expect(backend.calls).toContain("renameTitle:draft:1,部门“三公”经费和机关运行经费预算表,2027年部门“三公”经费预算表");
  });
});
