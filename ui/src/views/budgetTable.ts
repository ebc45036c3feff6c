/**
 * Renders one disclosure table as HTML: title, 编制部门 and 单位 line, the
 * multi-level header, code and label columns, right-aligned exact amounts, and
 * the note. Two-sided (收入 | 支出) tables become two stacked sub-tables.
 */
import { h } from "../dom";
import { groupThousands, locationText } from "../format";
import type { Cell, Row, RowCode, RowLook, Table } from "../model";
import { buildHeader, tableViews, type TableView } from "../tableModel";

const LEVEL_CLASS = { 类: "row-lei", 款: "row-kuan", 项: "row-xiang" } as const;

/** Header words for the code and name columns, by the kind of code the rows carry. */
function keyHeadings(codes: RowCode["t"] | undefined): [string, string] {
  switch (codes) {
    case "function":
    case "economic":
      return ["科目编码", "科目名称"];
    case "unit":
      return ["单位编码", "单位名称"];
    case "project":
      return ["项目编码", "项目名称"];
    default:
      return ["编码", "项目"];
  }
}

function renderCell(cell: Cell | undefined): HTMLTableCellElement {
  if (!cell || cell.t === "blank") return h("td", { class: "blank" });
  if (cell.t === "text") return h("td", { class: "text" }, cell.text);
  const shown = groupThousands(cell.value);
  const title = cell.printed && cell.printed !== shown ? `原文：${cell.printed}` : undefined;
  return h("td", { class: "num", title }, shown);
}

function rowClass(look: RowLook | undefined): string {
  const classes: string[] = [];
  if (look?.total) classes.push("row-total");
  if (look?.level) classes.push(LEVEL_CLASS[look.level]);
  return classes.join(" ");
}

function renderView(table: Table, view: TableView, lookOf: Map<Row, RowLook>): HTMLElement {
  const withCode = view.rows.some((r) => r.code !== undefined);
  const codeKind = view.rows.find((r) => r.code)?.code?.t;
  const [codeHead, labelHead] = view.side ? ["编码", "项目"] : keyHeadings(codeKind);
  const header = buildHeader(view.columns.map((i) => table.columns[i]));
  const depth = Math.max(1, header.length);

  const keyCells = [
    withCode ? h("th", { class: "key code", rowspan: depth, scope: "col" }, codeHead) : null,
    h("th", { class: "key label", rowspan: depth, scope: "col" }, labelHead),
  ];
  const headRows = header.length > 0 ? header : [[]];
  const thead = h(
    "thead",
    {},
    headRows.map((cells, level) =>
      h(
        "tr",
        {},
        level === 0 ? keyCells : null,
        cells.map((c) =>
          h("th", { colspan: c.colspan > 1 ? c.colspan : undefined, rowspan: c.rowspan > 1 ? c.rowspan : undefined, scope: "col" }, c.text),
        ),
      ),
    ),
  );

  const tbody = h(
    "tbody",
    {},
    view.rows.map((row) =>
      h(
        "tr",
        { class: rowClass(lookOf.get(row)) || undefined, title: locationText(row.location) || undefined },
        withCode ? h("td", { class: "code" }, lookOf.get(row)?.code ?? "") : null,
        h("td", { class: "label" }, row.label),
        view.columns.map((i) => renderCell(row.cells[i])),
      ),
    ),
  );

  const tableEl = h("table", { class: "budget-table", "data-testid": "budget-table", "data-side": view.side }, thead, tbody);
  return h(
    "section",
    { class: "table-part" },
    view.heading ? h("h4", { class: "side-heading" }, view.heading) : null,
    h("div", { class: "table-scroll" }, tableEl),
  );
}

function noteText(note: string): string {
  return /^注/.test(note.trim()) ? note.trim() : `注：${note.trim()}`;
}

/** The whole table block for the 预算表 tab; `looks` are its rows' looks, in order. */
export function renderBudgetTable(table: Table, looks: RowLook[]): HTMLElement {
  const number = table.number ? `表${table.number}　` : "";
  const views = tableViews(table);
  const lookOf = new Map(table.rows.map((row, i): [Row, RowLook] => [row, looks[i] ?? { code: "", total: false }]));
  return h(
    "article",
    { class: "budget-table-block" },
    h("h3", { class: "table-title", title: locationText(table.location) || undefined }, `${number}${table.title}`),
    h(
      "div",
      { class: "table-meta" },
      h("span", {}, table.compiled_by ? `编制部门：${table.compiled_by}` : ""),
      h("span", { class: "unit", "data-testid": "table-unit" }, `单位：${table.unit}`),
    ),
    table.rows.length === 0 ? h("p", { class: "empty" }, "本表没有数据行。") : views.map((v) => renderView(table, v, lookOf)),
    table.note ? h("p", { class: "table-note", "data-testid": "table-note" }, noteText(table.note)) : null,
  );
}
