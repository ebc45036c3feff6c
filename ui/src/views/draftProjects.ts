/**
 * The 编制 view's 项目说明 panel: each project of the draft with its parts (项目概述 … 绩效目标)
 * to rewrite, a paragraph a line, each saved as one undoable edit (Rust reads the part's amounts
 * again: items, 单价 × 数量 computations, the stated total); a project added by name (its parts
 * to write: R006 until they are) or removed.
 */
import { h } from "../dom";
import type { DraftView } from "../drafting";

export interface ProjectsPanelProps {
  view: DraftView;
  busy: boolean;
  onProjectPart(project: string, part: string, text: string): void;
  onAddProject(name: string): void;
  onRemoveProject(name: string): void;
}

/** The projects the user has opened: they stay open across the re-render after each edit. */
const opened = new Set<string>();

export function projectsPanel(props: ProjectsPanelProps): HTMLElement {
  const { view } = props;
  const locked = props.busy || view.locked !== null;
  const name = h("input", { type: "text", placeholder: "项目名称", "data-testid": "project-new-name", disabled: locked });
  const add = h("button", {
    type: "button",
    "data-testid": "project-add",
    disabled: locked,
    onclick: () => { if (name.value.trim()) props.onAddProject(name.value.trim()); },
  }, "新增项目");
  return h(
    "section",
    { class: "panel", "data-testid": "draft-projects" },
    h("h2", {}, "项目经费情况说明"),
    view.projects.length === 0 ? h("p", { class: "muted" }, "草稿中还没有项目说明。") : null,
    view.projects.map((p) => {
      const box = h(
        "details",
        { class: "project-text", "data-testid": "project", open: opened.has(p.name) },
        h("summary", {}, p.total_yuan ? `${p.name}（说明所列 ${p.total_yuan} 元）` : p.name),
        p.parts.map((part) => {
          const area = h("textarea", { rows: 3, class: "section-input", "data-testid": `project-part-${p.name}-${part.kind}`, disabled: locked });
          area.value = part.text;
          const save = h("button", {
            type: "button",
            "data-testid": `project-save-${p.name}-${part.kind}`,
            disabled: locked,
            onclick: () => { if (area.value !== part.text) props.onProjectPart(p.name, part.kind, area.value); },
          }, "保存");
          const counted = part.items > 0 ? h("span", { class: "muted" }, ` 列有 ${part.items} 个金额`) : null;
          return h("div", { class: "section-text" }, h("h3", {}, part.heading, counted), area, save);
        }),
        h("button", { type: "button", class: "link", "data-testid": `project-remove-${p.name}`, disabled: locked, onclick: () => props.onRemoveProject(p.name) }, "删除此项目"),
      );
      box.addEventListener("toggle", () => { if (box.open) opened.add(p.name); else opened.delete(p.name); });
      return box;
    }),
    h("div", { class: "add-project" }, name, add),
  );
}
