/**
 * 按原表结转的表: the tables a draft prints as its source printed them (Hubei's 资产配置预算表 and
 * 绩效目标 grids: no line derives them), each cell editable as on paper — an indicator's target, a
 * year, a count, an amount — and rows added (a new asset to buy; a blank draft's emptied grid is
 * written this way) or removed. Each change is one undoable edit; Rust prints it as written.
 */
import { h } from "../dom";
import type { DraftView } from "../drafting";

export interface CarriedProps {
  view: DraftView;
  busy: boolean;
  onCarriedCell(table: string, row: number, column: number, text: string): void;
  onAddCarriedRow(table: string): void;
  onRemoveCarriedRow(table: string, row: number): void;
}

/** The tables the user has opened (kept open across re-renders). */
const opened = new Set<string>();

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
        { class: "project-text", "data-testid": "carried-table", open: opened.has(t.title) },
        h("summary", {}, t.title),
        h(
          "table",
          { class: "carried-grid" },
          h(
            "tbody",
            {},
            t.rows.map((cells, r) => {
              const remove = h("button", { type: "button", class: "link", disabled: locked, "data-testid": `carried-remove-${r + 1}`, title: `删除${t.title}第${r + 1}行` }, "删除") as HTMLButtonElement;
              remove.addEventListener("click", () => props.onRemoveCarriedRow(t.title, r + 1));
              return h(
                "tr",
                {},
                cells.map((text, c) => {
                  const input = h("input", { value: text, disabled: locked, "data-testid": `carried-${r + 1}-${c + 1}`, title: `${t.title} 第${r + 1}行第${c + 1}列` }) as HTMLInputElement;
                  input.addEventListener("change", () => { if (input.value.trim() !== text) props.onCarriedCell(t.title, r + 1, c + 1, input.value); });
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
          add.addEventListener("click", () => props.onAddCarriedRow(t.title));
          return add;
        })(),
      );
      box.addEventListener("toggle", () => { if (box.open) opened.add(t.title); else opened.delete(t.title); });
      return box;
    }),
  );
}
