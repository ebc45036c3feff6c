/**
 * 按原表结转的表: the tables a draft prints as its source printed them (Hubei's 资产配置预算表 and
 * 绩效目标 grids: no line derives them), each cell editable as on paper — an indicator's target, a
 * year, a count, an amount — and rows added (a new asset to buy; a blank draft's emptied grid is
 * written this way) or removed. Each change is one undoable edit; Rust prints it as written.
 */
import { h } from "../dom";
import type { DraftCommand, DraftView } from "../drafting";
import { remembered, type DraftScreen } from "./draftScreen";

export interface CarriedProps {
  /** One edit of the draft (the generated `DraftCommand`). */
  onEdit(edit: DraftCommand): void;
  /** What the view keeps across re-renders. */
  screen: DraftScreen;
  view: DraftView;
  busy: boolean;
}

/**
 * 粘贴整表: next year's list (a procurement plan, an asset plan) copied from the spreadsheet it
 * was drawn up in replaces the table in one undoable edit. The box starts with the table as it
 * is, so a user can also edit it as text.
 */
function pasteBox(title: string, text: string, named: boolean, locked: boolean, props: CarriedProps): HTMLElement {
  const area = h("textarea", { rows: 6, disabled: locked, "data-testid": "carried-paste-text", placeholder: "从表格软件复制整张表，粘贴到这里" }) as HTMLTextAreaElement;
  area.value = text;
  const apply = h("button", { type: "button", disabled: locked, "data-testid": "carried-paste" }, "用粘贴的内容替换整张表") as HTMLButtonElement;
  apply.addEventListener("click", () => { if (area.value.trim() !== text.trim()) props.onEdit({ kind: "paste_carried_table", table: title, text: area.value }); });
  return h(
    "details",
    { class: "carried-paste" },
    h("summary", {}, "粘贴整表"),
    h("p", { class: "muted" }, named ? "每行一行：先写名称，再依次写各列，以制表符分隔（从 Excel 复制即是）；合计行照写。" : "每行一行：依次写各列，以制表符分隔（从 Excel 复制即是）；合计行照写。"),
    area,
    apply,
  );
}


export function carriedPanel(props: CarriedProps): HTMLElement | null {
  const { view } = props;
  if (view.carried.length === 0) return null;
  const locked = props.busy || view.locked !== null;
  return h(
    "section",
    { class: "panel", "data-testid": "carried" },
    h("h2", {}, "按原表结转的表"),
    h("p", { class: "muted" }, "这些表不由明细行生成，按上年原表沿用：请逐格改为本年的内容（改后回车或离开单元格即保存，可撤销）。"),
    view.carried.map((t) => {
      const box = h(
        "details",
        { class: "project-text", "data-testid": "carried-table", open: props.screen.opened.has(`carried:${t.title}`) },
        h("summary", {}, t.title),
        h(
          "table",
          { class: "carried-grid" },
          h(
            "tbody",
            {},
            t.labels.length > 0 ? h("tr", {}, h("th", {}, "名称"), t.columns.map((c) => h("th", {}, c)), h("th", {})) : null,
            t.rows.map((cells, r) => {
              const remove = h("button", { type: "button", class: "link", disabled: locked, "data-testid": `carried-remove-${r + 1}`, title: `删除${t.title}第${r + 1}行` }, "删除") as HTMLButtonElement;
              remove.addEventListener("click", () => props.onEdit({ kind: "remove_carried_row", table: t.title, row: r + 1 }));
              return h(
                "tr",
                {},
                t.labels.length > 0 ? h("th", { class: "carried-label", "data-testid": `carried-label-${r + 1}` }, t.labels[r] ?? "") : null,
                cells.map((text, c) => {
                  const input = h("input", { value: text, disabled: locked, "data-testid": `carried-${r + 1}-${c + 1}`, title: `${t.title} 第${r + 1}行第${c + 1}列` }) as HTMLInputElement;
                  input.addEventListener("change", () => { if (input.value.trim() !== text) props.onEdit({ kind: "set_carried_cell", table: t.title, row: r + 1, column: c + 1, text: input.value }); });
                  return h("td", {}, input);
                }),
                h("td", {}, remove),
              );
            }),
          ),
        ),
        t.rows.length === 0 ? h("p", { class: "muted" }, `本表还没有内容（${t.columns.length} 列：${t.columns.join("、")}）。`) : null,
        (() => {
          const add = h("button", { type: "button", disabled: locked, "data-testid": "carried-add-row" }, "增加一行") as HTMLButtonElement;
          add.addEventListener("click", () => props.onEdit({ kind: "add_carried_row", table: t.title }));
          return add;
        })(),
        pasteBox(t.title, t.text, t.labels.length > 0, locked, props),
      );
      remembered(props.screen, `carried:${t.title}`, box);
      return box;
    }),
  );
}
