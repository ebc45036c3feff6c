/**
 * The main pane for one document: a header with its cover facts (title,
 * 预算主管部门, year, kind and scope, format, counts) and the tab bar
 * (预算表 / 文字说明 / 项目经费情况说明 / 绩效目标表) over the active tab's body.
 */
import { h } from "../dom";
import { formatLabel } from "../format";
import type { Document } from "../model";
import { amountCount } from "../tableModel";

export type TabId = "tables" | "sections" | "projects" | "forms" | "findings";

export interface DocViewProps {
  doc: Document;
  tab: TabId;
  body: HTMLElement;
  onTab(tab: TabId): void;
  /** Starts next year's draft from this document (budgets with tables only). */
  onDraft?: () => void;
  /** Compares this document with the other years of its department. */
  onCompare?: () => void;
}

function tabList(doc: Document): [TabId, string, number][] {
  return [
    ["tables", `${doc.meta.kind}表`, doc.tables.length],
    ["sections", "文字说明", doc.sections.length],
    ["projects", "项目经费情况说明", doc.projects.length],
    ["forms", "绩效目标表", doc.performance_forms.length],
    ["findings", "审核", -1],
  ];
}

function renderHeader(doc: Document): HTMLElement {
  const { meta } = doc;
  const amounts = doc.tables.reduce((n, t) => n + amountCount(t), 0);
  const fact = (label: string, value: string, testid?: string) =>
    h("span", { class: "fact", "data-testid": testid }, h("span", { class: "fact-label" }, label), value);
  return h(
    "header",
    { class: "doc-header" },
    h("h1", { class: "doc-title", "data-testid": "doc-title" }, meta.title),
    h(
      "div",
      { class: "doc-facts" },
      fact("预算主管部门", meta.department, "doc-department"),
      fact("年度", `${meta.year}年`),
      fact("类型", `${meta.scope}${meta.kind}`),
      fact("格式", formatLabel(meta.format), "doc-format"),
      meta.region ? fact("地区", meta.region) : null,
      meta.published ? fact("公开时间", meta.published) : null,
      h("span", { class: "counts", "data-testid": "doc-counts" }, `${doc.tables.length}张表 · ${amounts}个金额`),
    ),
  );
}

export function renderDocView({ doc, tab, body, onTab, onDraft, onCompare }: DocViewProps): HTMLElement {
  const tabs = h(
    "nav",
    { class: "tabs", role: "tablist" },
    tabList(doc).map(([id, label, count]) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          class: id === tab ? "tab selected" : "tab",
          "aria-selected": id === tab ? "true" : "false",
          "data-testid": `tab-${id}`,
          onclick: () => onTab(id),
        },
        label,
        count >= 0 ? h("span", { class: "tab-count" }, String(count)) : null,
      ),
    ),
  );
  const header = renderHeader(doc);
  if (onDraft && doc.meta.kind === "预算" && doc.tables.length > 0) {
    header.append(h("button", { type: "button", class: "primary", "data-testid": "start-draft", onclick: () => onDraft() }, `编制${doc.meta.year + 1}年预算`));
  }
  if (onCompare && doc.tables.length > 0) {
    header.append(h("button", { type: "button", "data-testid": "open-compare", onclick: () => onCompare() }, "与其他年度对比"));
  }
  return h(
    "div",
    { class: "doc-view", "data-testid": "doc-view" },
    header,
    tabs,
    h("div", { class: "tab-body", role: "tabpanel" }, body),
  );
}
