/**
 * The 对比 view: the years of one department side by side, line by line as Rust aligned them
 * (table, row, column), with the change and its percent, the flags (新增, 取消, 变动较大 …) and the
 * reason the latest text gives; filters for changed lines, beyond the threshold, new or removed,
 * and 三公. Charts (功能分类 类, 基本/项目, 经济分类 类, the largest changes, the trend) and the
 * totals by 功能分类 类 per year above the lines; each year whose 预算 and 决算 are both in the
 * library, its 预算执行 (budget, actual, difference and execution rate per code).
 */
import { h } from "../dom";
import { groupThousands } from "../format";
import type { ChartsPanel } from "./chartsPanel";
import { FLAG_LABELS, keep, type CompareFilter, type CompareView } from "../comparing";
import type { Execution } from "../generated/contract";

export interface CompareViewProps {
  view: CompareView;
  filter: CompareFilter;
  onFilter(f: CompareFilter): void;
  onBack(): void;
  /** Where the comparison was exported, once it was. */
  exported: string | null;
  /** Exports the comparison (null: not offered, e.g. for drafts and versions). */
  onExport: ((file: string) => void) | null;
  /** Draws the charts (kept by whoever shows the view). */
  charts: ChartsPanel;
}

const FILTERS: [CompareFilter, string][] = [
  ["changed", "有变动"],
  ["beyond", "变动较大"],
  ["new_removed", "新增或取消"],
  ["three_public", "三公经费"],
  ["all", "全部"],
];

/** A year's 预算 beside its 决算, code by code (一般公共预算, 元). */
function renderExecution(e: Execution): HTMLElement {
  const amount = (v: string | null) => (v === null ? "—" : groupThousands(v));
  return h(
    "section",
    { class: "panel", "data-testid": "execution" },
    h("h2", {}, `${e.budget.year}年预算执行（一般公共预算：预算 ${e.budget.label}，决算 ${e.final_accounts.label}）`),
    h(
      "table",
      { class: "grid" },
      h("thead", {}, h("tr", {}, ["科目编码", "科目名称", "预算数（元）", "决算数（元）", "差额（元）", "执行率"].map((t) => h("th", {}, t)))),
      h(
        "tbody",
        {},
        [...e.lines, ...(e.total ? [e.total] : [])].map((l) =>
          h(
            "tr",
            { "data-testid": "execution-line", class: l.code ? "" : "total" },
            h("td", {}, l.code || "合计"),
            h("td", {}, l.name),
            h("td", { class: "num" }, amount(l.budget)),
            h("td", { class: "num" }, amount(l.actual)),
            h("td", { class: "num" }, groupThousands(l.difference)),
            h("td", { class: "num" }, l.rate_percent === null ? "—" : `${l.rate_percent}%`),
          ),
        ),
      ),
    ),
  );
}

export function renderCompareView({ view, filter, onFilter, onBack, exported, onExport, charts }: CompareViewProps): HTMLElement {
  const docs = view.comparison.documents;
  const years = docs.map((d) => `${d.year}年`);
  const lines = view.comparison.lines.filter((l) => keep(l, filter));
  const amount = (v: string | null) => (v === null ? "" : groupThousands(v));
  const classes = h(
    "table",
    { class: "grid", "data-testid": "compare-classes" },
    h("thead", {}, h("tr", {}, h("th", {}, "支出功能分类（类）"), years.map((y) => h("th", {}, `${y}（元）`)))),
    h("tbody", {}, view.series.by_function_class.map((p) => h("tr", {}, h("td", {}, p.label), p.values.map((v) => h("td", { class: "num" }, amount(v)))))),
  );
  return h(
    "div",
    { class: "compare-view", "data-testid": "compare-view" },
    h(
      "header",
      { class: "doc-header" },
      h("h1", { class: "doc-title" }, `${docs[0]?.department ?? ""} ${years.join(" → ")} 对比`),
      h(
        "div",
        { class: "doc-facts" },
        FILTERS.map(([id, label]) =>
          h("button", { type: "button", class: id === filter ? "tab selected" : "tab", "data-testid": `compare-filter-${id}`, onclick: () => onFilter(id) }, label),
        ),
        h("span", { class: "counts" }, `${lines.length} / ${view.comparison.lines.length} 行`),
        onExport ? h("button", { type: "button", "data-testid": "compare-export", onclick: () => onExport(`${docs[0]?.department ?? "对比"}${years.join("-")}对比.xlsx`) }, "导出 XLSX") : null,
        h("button", { type: "button", "data-testid": "back-to-docs", onclick: () => onBack() }, onExport ? "返回文档" : "返回编制"),
        exported ? h("span", { class: "ok", "data-testid": "compare-exported" }, `已导出：${exported}`) : null,
      ),
    ),
    ...view.execution.map(renderExecution),
    charts.render(view.series, years),
    h("section", { class: "panel" }, h("h2", {}, "按支出功能分类"), classes),
    h(
      "section",
      { class: "panel lines" },
      h(
        "div",
        { class: "lines-scroll" },
        h(
          "table",
          { class: "grid", "data-testid": "compare-lines" },
          h("thead", {}, h("tr", {}, h("th", {}, "表"), h("th", {}, "行"), h("th", {}, "栏目"), years.map((y) => h("th", {}, y)), h("th", {}, "增减"), h("th", {}, "增减率"), h("th", {}, "标记"), h("th", {}, "原因"))),
          h(
            "tbody",
            {},
            lines.map((l) =>
              h(
                "tr",
                { class: l.flags.includes("beyond_threshold") ? "needs-reason" : "", "data-testid": "compare-line" },
                h("td", {}, l.table_title),
                h("td", {}, [l.key.code, l.row_label].filter(Boolean).join(" ")),
                h("td", {}, l.key.column),
                l.amounts.map((a) => h("td", { class: "num" }, amount(a))),
                h("td", { class: "num" }, groupThousands(l.change)),
                h("td", { class: "num" }, l.change_percent === null ? "" : `${l.change_percent}%`),
                h("td", {}, l.flags.map((f) => FLAG_LABELS[f] ?? f).join("、")),
                h("td", {}, l.reason ?? ""),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
