/**
 * The 绩效目标表 tab: each performance-target form with its facts (主管部门,
 * 实施单位, 项目期限), its funds, the 年度总体目标, and the indicator table
 * (一级指标 / 二级指标 / 三级指标 / 指标值).
 */
import { emptyState, h, paragraphs } from "../dom";
import { formatAmount, locationText } from "../format";
import type { Funds, Indicator, PerformanceForm } from "../model";

const FUND_LABELS: [Exclude<keyof Funds, "printed">, string][] = [
  ["total", "资金总额"],
  ["fiscal", "财政资金"],
  ["other", "其他资金"],
  ["carried_over", "上年结转资金"],
];

function facts(rows: [string, string | undefined][]): HTMLElement | null {
  const present = rows.filter((r): r is [string, string] => !!r[1]);
  if (present.length === 0) return null;
  return h(
    "dl",
    { class: "facts" },
    present.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
}

function renderFunds(funds: Funds): HTMLElement | null {
  const present = FUND_LABELS.filter(([key]) => funds[key]);
  if (present.length === 0) return null;
  return h(
    "dl",
    { class: "facts funds", "data-testid": "funds" },
    present.map(([key, label]) => [h("dt", {}, label), h("dd", { class: "num" }, formatAmount(funds[key]))]),
  );
}

function renderIndicators(indicators: Indicator[]): HTMLElement {
  if (indicators.length === 0) return h("p", { class: "empty" }, "本表没有绩效指标。");
  return h(
    "table",
    { class: "indicator-table", "data-testid": "indicator-table" },
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, "一级指标"), h("th", {}, "二级指标"), h("th", {}, "三级指标"), h("th", {}, "指标值")),
    ),
    h(
      "tbody",
      {},
      indicators.map((ind) =>
        h(
          "tr",
          { title: locationText(ind.location) || undefined },
          h("td", {}, ind.level1),
          h("td", {}, ind.level2),
          h("td", {}, ind.name),
          h("td", {}, ind.printed),
        ),
      ),
    ),
  );
}

function renderForm(form: PerformanceForm): HTMLElement {
  return h(
    "article",
    { class: "perf-form", "data-testid": "perf-form" },
    h("h3", { title: locationText(form.location) || undefined }, form.project),
    facts([
      ["主管部门", form.department],
      ["实施单位", form.implementer],
      ["项目期限", form.period],
    ]),
    renderFunds(form.funds),
    form.annual_goal ? h("section", { class: "annual-goal" }, h("h4", {}, "年度总体目标"), paragraphs(form.annual_goal)) : null,
    renderIndicators(form.indicators),
  );
}

export function renderFormsTab(forms: PerformanceForm[]): HTMLElement {
  if (forms.length === 0) return emptyState("本文档没有绩效目标表。");
  return h("div", { class: "prose" }, forms.map(renderForm));
}
