/**
 * The 预算表 tab: a clickable list of the document's tables by title on the
 * left, and the selected table rendered in full on the right.
 */
import { emptyState, h } from "../dom";
import type { RowLook, Table } from "../model";
import { renderBudgetTable } from "./budgetTable";

export interface TablesTabProps {
  tables: Table[];
  /** Each table's rows as Rust says they are drawn (code shown, level, total). */
  looks: RowLook[][];
  selected: number;
  onSelect(index: number): void;
}

export function renderTablesTab({ tables, looks, selected, onSelect }: TablesTabProps): HTMLElement {
  if (tables.length === 0) return emptyState("本文档没有识别出表格。");
  const index = Math.min(Math.max(selected, 0), tables.length - 1);
  const current = tables[index];
  const list = h(
    "ol",
    { class: "table-list", "data-testid": "table-list" },
    tables.map((t, i) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: t === current ? "table-item selected" : "table-item",
            "aria-current": t === current ? "true" : undefined,
            "data-testid": "table-item",
            title: t.title,
            onclick: () => onSelect(i),
          },
          t.number ? h("span", { class: "table-number" }, `表${t.number}`) : null,
          h("span", { class: "table-name" }, t.title),
        ),
      ),
    ),
  );
  return h(
    "div",
    { class: "tables-tab" },
    h("nav", { class: "table-nav", "aria-label": "表格目录" }, list),
    h("div", { class: "table-pane", "data-testid": "table-pane" }, renderBudgetTable(current, looks[index] ?? [])),
  );
}
