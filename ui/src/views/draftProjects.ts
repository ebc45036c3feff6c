/**
 * The 编制 view's 项目说明 and 绩效目标 panels: each project of the draft with its parts (项目概述 …
 * 绩效目标) to rewrite, a paragraph a line, each saved as one undoable edit (Rust reads the part's
 * amounts again: items, 单价 × 数量 computations, the stated total); a project added by name (its
 * parts to write: R006 until they are) or removed. Each 绩效目标表's indicators with their target
 * values to set or remove, and an indicator added to a project's form (Rust starts the form when
 * the project has none; K003/K006 check what was written).
 */
import { h } from "../dom";
import type { DraftCommand, DraftView } from "../drafting";
import { remembered, type DraftScreen } from "./draftScreen";
import type { ProjectView } from "../generated/contract";
import { groupThousands } from "../format";

/** 项目资金: the 项目支出 lines that fund a project and how much of each — its budget, which the
 * checker holds its description's stated total to (R009) and the lines to (R008). */
function fundsOf(p: ProjectView, props: ProjectsPanelProps, locked: boolean): HTMLElement {
  const lines = props.view.lines.filter((l) => l.unit === "元" && l.key.startsWith("支出|") && l.key.split("@")[0].endsWith("|项目支出"));
  const line = h("select", { "data-testid": `project-fund-line-${p.name}`, disabled: locked }, lines.map((l) => h("option", { value: l.key }, `${l.budget_unit ? `［${l.budget_unit}］` : ""}${l.label}（${groupThousands(l.value_yuan)} 元）`))) as HTMLSelectElement;
  const amount = h("input", { placeholder: "金额（元）", inputmode: "decimal", "data-testid": `project-fund-amount-${p.name}`, disabled: locked }) as HTMLInputElement;
  const stated = p.total_yuan ? `说明所述 ${groupThousands(p.total_yuan)} 元` : "说明未写明总额";
  return h(
    "div",
    { class: "section-text", "data-testid": `project-funds-${p.name}` },
    h("h3", {}, "项目资金（来自项目支出明细行）"),
    p.funds.length === 0
      ? h("p", { class: "muted" }, "尚未指定：项目的预算由各行项目支出分配而来，并与说明所述总额核对。")
      : h(
          "ul",
          { class: "versions" },
          p.funds.map((f) =>
            h(
              "li",
              { "data-testid": "project-fund" },
              `${f.label}：${groupThousands(f.amount_yuan)} 元`,
              " ",
              h("button", { type: "button", class: "link", disabled: locked, onclick: () => props.onEdit({ kind: "set_project_fund", project: p.name, line: f.line, amount: "0" }) }, "取消"),
            ),
          ),
        ),
    p.funded_yuan ? h("p", { "data-testid": "project-funded" }, `合计 ${groupThousands(p.funded_yuan)} 元（${stated}）`) : null,
    lines.length === 0
      ? null
      : h(
          "div",
          { class: "export-form" },
          line,
          amount,
          h("button", { type: "button", "data-testid": `project-fund-save-${p.name}`, disabled: locked, onclick: () => { if (amount.value.trim()) props.onEdit({ kind: "set_project_fund", project: p.name, line: line.value, amount: amount.value.trim() }); } }, "分配"),
        ),
  );
}

export interface ProjectsPanelProps {
  /** One edit of the draft (the generated `DraftCommand`). */
  onEdit(edit: DraftCommand): void;
  /** What the view keeps across re-renders. */
  screen: DraftScreen;
  view: DraftView;
  busy: boolean;
}


/** The 一级指标 a form prints. */
const LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];

export function formsPanel(props: ProjectsPanelProps): HTMLElement {
  const { view } = props;
  const locked = props.busy || view.locked !== null;
  const forms = view.forms.map((f) => {
    const box = h(
      "details",
      { class: "project-text", "data-testid": "form", open: props.screen.opened.has(`form:${f.project}`) },
      h("summary", {}, `${f.project}（${f.indicators.length} 个指标）`),
      f.not_editable ? h("p", { class: "muted", "data-testid": "form-not-editable" }, f.not_editable) : null,
      h(
        "table",
        { class: "indicators" },
        f.indicators.map((i) => {
          if (f.not_editable) return h("tr", {}, h("td", { title: i.path }, i.path.split("/").join(" · ")), h("td", {}, i.printed));
          const input = h("input", { type: "text", value: i.printed, "data-testid": `indicator-${f.project}-${i.path}`, disabled: locked });
          return h(
            "tr",
            {},
            h("td", { title: i.path }, i.path.split("/").join(" · ")),
            h("td", {}, input),
            h("td", {},
              h("button", { type: "button", "data-testid": `indicator-save-${f.project}-${i.path}`, disabled: locked, onclick: () => { if (input.value.trim() !== i.printed) props.onEdit({ kind: "set_indicator", form: f.project, path: i.path, value: input.value.trim() }); } }, "保存"),
              h("button", { type: "button", class: "link", "data-testid": `indicator-remove-${f.project}-${i.path}`, disabled: locked, onclick: () => props.onEdit({ kind: "remove_indicator", form: f.project, path: i.path }) }, "删除"),
            ),
          );
        }),
      ),
      f.not_editable ? null : h("button", { type: "button", class: "link", "data-testid": `form-delete-${f.project}`, disabled: locked, onclick: () => props.onEdit({ kind: "delete_form", form: f.project }) }, "删除整张绩效目标表"),
    );
    remembered(props.screen, `form:${f.project}`, box);
    return box;
  });
  // A new indicator: in a form, or starting one for a project that has none.
  const fixed = new Set(view.forms.filter((f) => f.not_editable).map((f) => f.project));
  const names = [...new Set([...view.forms.map((f) => f.project), ...view.projects.map((p) => p.name)])].filter((n) => !fixed.has(n));
  const form = h("select", { "data-testid": "indicator-new-form", disabled: locked }, names.map((n) => h("option", { value: n }, n)));
  const level1 = h("select", { "data-testid": "indicator-new-level1", disabled: locked }, LEVEL1.map((n) => h("option", { value: n }, n)));
  const level2 = h("input", { type: "text", placeholder: "二级指标（如 数量指标）", "data-testid": "indicator-new-level2", disabled: locked });
  const name = h("input", { type: "text", placeholder: "三级指标", "data-testid": "indicator-new-name", disabled: locked });
  const value = h("input", { type: "text", placeholder: "指标值（如 ≥95%）", "data-testid": "indicator-new-value", disabled: locked });
  const add = h("button", {
    type: "button",
    "data-testid": "indicator-add",
    disabled: locked || names.length === 0,
    onclick: () => {
      if (form.value && level2.value.trim() && name.value.trim() && value.value.trim()) {
        props.onEdit({ kind: "set_indicator", form: form.value, path: `${level1.value}/${level2.value.trim()}/${name.value.trim()}`, value: value.value.trim() });
      }
    },
  }, "新增指标");
  return h(
    "section",
    { class: "panel", "data-testid": "draft-forms" },
    h("h2", {}, "绩效目标表"),
    view.forms.length === 0 ? h("p", { class: "muted" }, "草稿中还没有绩效目标表；为项目新增指标即建立。") : null,
    forms,
    names.length > 0 ? h("div", { class: "add-indicator" }, form, level1, level2, name, value, add) : null,
  );
}


export function projectsPanel(props: ProjectsPanelProps): HTMLElement {
  const { view } = props;
  const locked = props.busy || view.locked !== null;
  const name = h("input", { type: "text", placeholder: "项目名称", "data-testid": "project-new-name", disabled: locked });
  const add = h("button", {
    type: "button",
    "data-testid": "project-add",
    disabled: locked,
    onclick: () => { if (name.value.trim()) props.onEdit({ kind: "add_project", name: name.value.trim() }); },
  }, "新增项目");
  return h(
    "section",
    { class: "panel", "data-testid": "draft-projects" },
    h("h2", {}, "项目经费情况说明"),
    view.projects.length === 0 ? h("p", { class: "muted" }, "草稿中还没有项目说明。") : null,
    view.projects.map((p, index) => {
      const shown = p.name.trim() || "（未命名项目）";
      const newName = h("input", { type: "text", value: p.name, placeholder: "项目名称", "data-testid": `project-name-${index + 1}`, disabled: locked });
      const rename = h("button", {
        type: "button",
        "data-testid": `project-rename-${index + 1}`,
        disabled: locked,
        onclick: () => { if (newName.value.trim() && newName.value.trim() !== p.name) props.onEdit({ kind: "rename_project", name: `#${index + 1}`, new_name: newName.value.trim() }); },
      }, "改名");
      const box = h(
        "details",
        { class: "project-text", "data-testid": "project", open: props.screen.opened.has(`project:${p.name}`) },
        h("summary", {}, p.total_yuan ? `${shown}（说明所列 ${p.total_yuan} 元）` : shown),
        h("div", { class: "project-rename" }, newName, rename),
        p.parts.map((part) => {
          const area = h("textarea", { rows: 3, class: "section-input", "data-testid": `project-part-${p.name}-${part.kind}`, disabled: locked });
          area.value = part.text;
          const save = h("button", {
            type: "button",
            "data-testid": `project-save-${p.name}-${part.kind}`,
            disabled: locked,
            onclick: () => { if (area.value !== part.text) props.onEdit({ kind: "set_project_part", project: p.name, part: part.kind, text: area.value }); },
          }, "保存");
          const counted = part.items > 0 ? h("span", { class: "muted" }, ` 列有 ${part.items} 个金额`) : null;
          return h("div", { class: "section-text" }, h("h3", {}, part.heading, counted), area, save);
        }),
        fundsOf(p, props, locked),
        h("button", { type: "button", class: "link", "data-testid": `project-remove-${p.name}`, disabled: locked, onclick: () => props.onEdit({ kind: "remove_project", name: p.name }) }, "删除此项目"),
      );
      remembered(props.screen, `project:${p.name}`, box);
      return box;
    }),
    h("div", { class: "add-project" }, name, add),
  );
}
