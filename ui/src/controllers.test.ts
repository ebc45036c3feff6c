/**
 * The view controllers on their own, against the MockBackend and a recording screen: the one
 * busy/try/report/re-render pattern (`busyCall`), the 编制, 对比 and 设置 controllers' state
 * changes and failures, and that what a view keeps (the grid, the charts) belongs to one mount.
 */
import { Tabulator } from "tabulator-tables";
import * as echarts from "echarts/core";
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "./app";
import { drafted, newState, type MainView, type State } from "./appState";
import { createContext, type Context } from "./context";
import type { CompareView } from "./comparing";
import { sampleView } from "./fixtures/sampleDocument";
import { sampleDraftView } from "./fixtures/sampleDraft";
import { MockBackend } from "./mockBackend";
import { ChartsPanel } from "./views/chartsPanel";
import { compareController } from "./views/compareController";
import { draftController } from "./views/draftController";
import { settingsController } from "./views/settingsController";

/** A context whose screen records what was drawn, and when (with the busy flag at that time). */
function recording(backend = new MockBackend([])): { ctx: Context; state: State; drawn: string[]; backend: MockBackend } {
  const state = newState();
  const drawn: string[] = [];
  const ctx = createContext(backend, state, {
    render: () => drawn.push(`all${state.busy ? " busy" : ""}`),
    renderMain: () => drawn.push(`main${state.busy ? " busy" : ""}`),
    renderBanner: () => drawn.push("banner"),
  });
  return { ctx, state, drawn, backend };
}

const comparison: CompareView = {
  comparison: { documents: [{ department: "万里街道", year: 2024, label: "1" }, { department: "万里街道", year: 2025, label: "2" }], lines: [], findings: [] },
  series: { by_function_class: [{ label: "一般公共服务支出", values: ["3000000", "3296600"] }], by_basic_project: [], by_economic_class: [], waterfall: null, trend: [] },
  execution: [],
};

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("busyCall", () => {
  it("shows the window busy, reports a failure in the banner, and draws it again", async () => {
    const { ctx, state, drawn } = recording();
    let busyWhileRunning = false;
    await ctx.busyCall("导出失败", async () => {
      busyWhileRunning = state.busy;
      throw new Error("磁盘已满");
    });
    expect(busyWhileRunning).toBe(true);
    expect(state.busy).toBe(false);
    expect(state.error).toBe("导出失败：磁盘已满");
    expect(drawn).toEqual(["main busy", "banner", "main"]);
  });

  it("is busy without drawing first when quiet, not busy when told, and draws all when whole", async () => {
    const { ctx, state, drawn } = recording();
    const busy: boolean[] = [];
    await ctx.busyCall("修改未保存", async () => void busy.push(state.busy), { busy: "quiet" });
    await ctx.busyCall("无法对比", async () => void busy.push(state.busy), { busy: false, whole: true });
    expect(busy).toEqual([true, false]);
    expect(drawn).toEqual(["banner", "main", "all"]);
    expect(state.error).toBeNull();
  });

  it("is waited for by idle", async () => {
    const { ctx } = recording();
    let done = false;
    void ctx.busyCall("x", () => new Promise((ok) => setTimeout(() => { done = true; ok(); }, 5)));
    await ctx.idle();
    expect(done).toBe(true);
  });
});

describe("the 编制 controller", () => {
  it("starts a draft from the open document, and keeps it when an edit is refused", async () => {
    const { ctx, state, drawn, backend } = recording(new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }]));
    backend.draftViews = [sampleDraftView("438300", "18976.76", [], false)];
    const drafts = draftController(ctx, { compareReferences: async () => {} });
    // No document open: nothing asked.
    await drafts.start();
    expect(backend.calls).toEqual([]);
    Object.assign(state, { library: "user", docId: 1, draftFilter: "普查" });
    await drafts.start();
    expect(backend.calls).toEqual(["startDraft:user,1", "listDrafts:"]);
    expect(state.main.view === "draft" && state.main.draft.draft).toBe("draft:1");
    expect(state.draftFilter).toBe("");
    expect(drawn).toEqual(["all"]);
    backend.failures.setLeaf = "金额不是数字";
    await drafts.setLeaf("经济|30101|人员经费", "十万");
    expect(state.error).toBe("修改未保存：金额不是数字");
    expect(state.main.view === "draft" && state.main.draft.lines[1]!.value_yuan).toBe("6084184");
    expect(state.busy).toBe(false);
  });
});

describe("the 对比 controller", () => {
  it("opens a comparison of drafts over the 编制 view, and 返回 shows the draft again", async () => {
    const { ctx, state, backend } = recording(new MockBackend([]));
    backend.comparison = comparison;
    const draft = drafted(sampleDraftView("438300", "18976.76", [], false));
    state.main = draft;
    const compare = compareController(ctx);
    await compare.compareReferences(["draft:1@一上", "draft:1"]);
    expect(backend.calls).toEqual(["compareReferences:draft:1@一上+draft:1"]);
    // (Read again: the call changed it.)
    const m = state.main as MainView;
    if (m.view !== "compare") throw new Error("not compared");
    expect(m.ofDrafts).toBe(true);
    const view = compare.render(m);
    // Drafts' comparisons are not exported; their 返回 goes back to 编制.
    expect(view.querySelector("[data-testid=compare-export]")).toBeNull();
    const back = view.querySelector<HTMLButtonElement>("[data-testid=back-to-docs]")!;
    expect(back.textContent).toBe("返回编制");
    back.click();
    expect(state.main).toBe(draft);
  });

  it("reports a document that cannot be compared", async () => {
    const { ctx, state, drawn } = recording(new MockBackend([]));
    Object.assign(state, { library: "user", docId: 1 });
    await compareController(ctx).compareDocument();
    expect(state.error).toBe("无法对比：无法比较：该部门只有一个年度的文档");
    expect(state.main.view).toBe("library");
    expect(drawn).toEqual(["all"]);
  });
});

describe("the 设置 controller", () => {
  it("opens over the view shown, once, and reports a refusal", async () => {
    const { ctx, state, backend } = recording(new MockBackend([]));
    const view = { settings: { threshold_percent: "10", threshold_yuan: "500000", body_font: null, heading_font: null, server: null }, data_dir: "/d", libraries: [], backups: [] };
    backend.settingsViews = [view, view, "阈值须是数字"];
    const settings = settingsController(ctx, async () => {});
    await settings.open();
    await settings.open();
    const m = state.main;
    if (m.view !== "settings") throw new Error("not opened");
    expect(m.under).toEqual({ view: "library" });
    const shown = settings.render(m);
    shown.querySelector<HTMLButtonElement>("[data-testid=settings-save]")!.click();
    await ctx.idle();
    expect(state.error).toBe("设置未保存：阈值须是数字");
    expect(m.notice).toBeNull();
  });
});

describe("what a view keeps belongs to its mount", () => {
  it("gives two windows each their own grid of lines", async () => {
    const roots = [document.createElement("div"), document.createElement("div")];
    document.body.append(...roots);
    const apps = [];
    for (const root of roots) {
      const backend = new MockBackend([{ id: "user", name: "我的预算库", path: "", documents: [sampleView()] }]);
      backend.draftViews = [sampleDraftView("438300", "18976.76", [], false)];
      const app = await mount(backend, root);
      await app.startDraft();
      await app.idle();
      apps.push(app);
    }
    // The grid module loads lazily: wait for both grids to be placed.
    for (let i = 0; i < 20 && document.querySelectorAll(".lines-grid").length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    const grids = roots.map((root) => root.querySelector<HTMLElement>(".lines-grid"));
    expect(grids[0]).not.toBeNull();
    expect(grids[1]).not.toBeNull();
    expect(grids[0]).not.toBe(grids[1]);
    expect((Tabulator.findTable(".lines-grid") || []).length).toBe(2);
  });

  it("disposes only the charts its own panel drew", () => {
    const [a, b] = [new ChartsPanel(), new ChartsPanel()];
    const box = (panel: HTMLElement) => panel.querySelector<HTMLElement>(".chart")!;
    const first = box(a.render(comparison.series, ["2024年", "2025年"]));
    const other = box(b.render(comparison.series, ["2024年", "2025年"]));
    expect(echarts.getInstanceByDom(first)).toBeDefined();
    a.render(comparison.series, ["2024年", "2025年"]);
    expect(echarts.getInstanceByDom(first)).toBeUndefined();
    expect(echarts.getInstanceByDom(other)).toBeDefined();
  });
});
