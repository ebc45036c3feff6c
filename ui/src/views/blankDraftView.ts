/**
 * 新建空白草稿: a department with no published budget to roll forward starts from a shipped
 * format (上海 11张表, 上海 9张表 部门/单位, 湖北 15张表): its tables with no money, its texts to
 * write. The user names the department, the region and the year; Rust makes the draft.
 */
import { h } from "../dom";
import type { DraftTemplate } from "../drafting";

export interface BlankDraftProps {
  templates: DraftTemplate[];
  busy: boolean;
  /** The budget year suggested (next year). */
  year: number;
  onCreate(template: string, department: string, region: string | null, year: number | null): void;
  onBack(): void;
}

export function renderBlankDraftView(p: BlankDraftProps): HTMLElement {
  const template = h(
    "select",
    { "data-testid": "blank-template" },
    p.templates.map((t) => h("option", { value: t.id }, `${t.name}（${t.tables} 张表）`)),
  ) as HTMLSelectElement;
  const region = h("input", { placeholder: "地区，如 上海市嘉定区", value: p.templates[0]?.region ?? "", "data-testid": "blank-region" }) as HTMLInputElement;
  template.addEventListener("change", () => {
    region.value = p.templates.find((t) => t.id === template.value)?.region ?? "";
  });
  const department = h("input", { placeholder: "部门（单位）名称，按公开文件的写法", "data-testid": "blank-department" }) as HTMLInputElement;
  const year = h("input", { type: "number", value: String(p.year), min: "2000", max: "2100", "data-testid": "blank-year" }) as HTMLInputElement;
  const create = () => {
    const y = Number.parseInt(year.value, 10);
    p.onCreate(template.value, department.value.trim(), region.value.trim() || null, Number.isFinite(y) ? y : null);
  };
  return h(
    "div",
    { class: "draft-view", "data-testid": "blank-draft" },
    h("header", { class: "doc-header" }, h("h1", { class: "doc-title" }, "新建空白草稿")),
    h(
      "section",
      { class: "panel" },
      h("p", {}, "没有上年公开文件可以滚动编制时（新设部门、改用新的公开格式），按格式新建：表格和栏目与格式一致，金额为空，文字部分待补充；没有上年数，编制说明只写本年数。"),
      p.templates.length === 0 ? h("p", { class: "muted" }, "没有可用的格式模板。") : null,
      h("div", { class: "export-form" }, h("label", {}, "格式 ", template)),
      h("div", { class: "export-form" }, h("label", {}, "部门名称 ", department)),
      h("div", { class: "export-form" }, h("label", {}, "地区 ", region), h("label", {}, "预算年度 ", year)),
      h(
        "div",
        { class: "export-form" },
        h("button", { type: "button", "data-testid": "blank-create", disabled: p.busy || p.templates.length === 0, onclick: create }, "新建草稿"),
        h("button", { type: "button", "data-testid": "blank-back", onclick: () => p.onBack() }, "取消"),
      ),
    ),
  );
}
