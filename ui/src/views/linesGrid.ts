/**
 * The 编制 view's grid of leaf lines, on Tabulator (a maintained data grid, MIT): virtual
 * scrolling for thousands of lines, the name column frozen while the amounts scroll, a grouped
 * header (金额（元） over 上年 / 本年 / 增减), the lines grouped by block (a fund's spending, the
 * economic breakdown, 政府采购 …), editing in place with the keyboard, and a column pasted from
 * Excel or WPS as one edit.
 *
 * The grid outlives the view's re-renders: every edit answers with the whole draft view from
 * Rust, and only the rows whose values changed are updated in the grid (its scroll position,
 * widths and the line being edited stay). The grid shows Rust's decimal strings; it computes
 * nothing.
 */
import {
  Tabulator,
  EditModule,
  FormatModule,
  FrozenColumnsModule,
  GroupRowsModule,
  InteractionModule,
  ResizeColumnsModule,
  TooltipModule,
  type CellComponent,
  type ColumnDefinition,
} from "tabulator-tables";
import "tabulator-tables/dist/css/tabulator_simple.min.css";
import { groupThousands } from "../format";
import type { DraftCommand, DraftView } from "../drafting";

Tabulator.registerModule([EditModule, FormatModule, FrozenColumnsModule, GroupRowsModule, InteractionModule, ResizeColumnsModule, TooltipModule]);

/** A line as the view passes it: Rust's line, and whether a finding asks for its reason. */
type Line = DraftView["lines"][number] & { needs_reason?: boolean };

/** A line as the grid holds it: a reason a finding asks for and nobody wrote is `null`, so the
 * grid redraws that cell when the finding comes or goes (it redraws cells whose value changed). */
type Row = Omit<Line, "reason"> & { reason: string | null };

function toRow(l: Line): Row {
  return { ...l, reason: l.reason === "" && l.needs_reason ? null : l.reason };
}

/** What the grid needs from the view on each render. */
export interface LinesGridProps {
  /** One edit of the draft (the generated `DraftCommand`). */
  onEdit(edit: DraftCommand): void;
  draft: string;
  lines: Line[];
  /** Editing is off while a call is running or the draft is a locked version. */
  editable: boolean;
  /** The line whose 本年 cell takes the focus after this render. */
  focusKey: string | null;
  /** The reason for a line's change (an empty text removes it). */
  onFocusNext(key: string | null): void;
}

/** Above this many lines only the rows in and near view are drawn. */
const VIRTUAL_FROM = 300;

interface Grid {
  draft: string;
  el: HTMLElement;
  table: Tabulator;
  built: Promise<void>;
  /** The lines shown, in order, by key. */
  shown: Line[];
  props: LinesGridProps;
  /** Where Enter or an arrow key asked to go once the edit is saved. */
  navTarget: string | null;
  /** The cell being edited: its line and column. */
  editing: { key: string; field: string } | null;
  /** Whether only the rows near view are drawn. */
  virtual: boolean;
}

/** An amount with thousands separators; a count (车辆, 项目) with its measure. */
function money(cell: CellComponent): string {
  const v = String(cell.getValue() ?? "");
  if (v === "") return "";
  const unit = (cell.getData() as Line).unit;
  return unit && unit !== "元" ? `${groupThousands(v)} ${unit}` : groupThousands(v);
}

/** Words for a grid cell, as a text node's element: Tabulator puts a string a formatter returns
 * into the page as HTML, and these words come from documents and from what users typed. */
function text(words: string): HTMLElement {
  const el = document.createElement("span");
  el.textContent = words;
  return el;
}

/** Words made safe to stand in HTML. */
export function escapeHtml(words: string): string {
  return words.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** The grid's columns; `editable` says whether the amounts and reasons can be edited now. */
function columns(editable: () => boolean): ColumnDefinition[] {
  return [
    {
      title: "明细行",
      field: "label",
      frozen: true,
      minWidth: 140,
      widthGrow: 3,
      formatter: (cell) => {
        const l = cell.getData() as Line;
        const el = document.createElement("span");
        // A line placed in a unit says which, first (the department's unplaced lines say nothing).
        if (l.budget_unit) {
          const unit = document.createElement("span");
          unit.className = "tag unit";
          unit.dataset.testid = "line-unit";
          unit.textContent = l.budget_unit;
          el.append(unit);
        }
        // Its name within its block (the group row above says the fund or table).
        el.append(l.name || l.label);
        if (l.estimated) {
          const tag = document.createElement("span");
          tag.className = "tag";
          tag.textContent = "估算";
          el.append(tag);
        }
        return el;
      },
      tooltip: (_e, cell) => {
        const l = cell.getData() as Line;
        // A document's words as text, never as HTML (Tabulator inserts a returned string as HTML).
        return text([l.budget_unit ? `单位：${l.budget_unit}` : "", l.label, l.origin].filter(Boolean).join("\n"));
      },
    },
    {
      title: "金额（元）",
      columns: [
        { title: "上年", field: "baseline_yuan", hozAlign: "right", minWidth: 85, formatter: money },
        {
          title: "本年",
          field: "value_yuan",
          hozAlign: "right",
          minWidth: 95,
          formatter: money,
          cssClass: "amount-cell",
          editor: "input",
          editable,
        },
        { title: "增减", field: "change_yuan", hozAlign: "right", minWidth: 80, formatter: (cell) => (cell.getValue() === "0" ? "" : money(cell)) },
      ],
    },
    {
      title: "原因",
      field: "reason",
      minWidth: 100,
      widthGrow: 2,
      editor: "input",
      editable,
      formatter: (cell) => {
        const reason = cell.getValue() as string | null;
        if (reason !== null) return text(reason);
        const el = document.createElement("span");
        el.className = "sev warning";
        el.textContent = "须说明原因";
        return el;
      },
    },
  ];
}

/** Starts editing a line's cell (本年 unless named), scrolled into view. */
function edit(g: Grid, key: string, field = "value_yuan"): void {
  const row = g.table.getRow(key);
  if (!row) return;
  void g.table.scrollToRow(key, "nearest", false).then(() => row.getCell(field).edit(true));
}

function lineAfter(g: Grid, key: string, step: number): string | null {
  const i = g.shown.findIndex((l) => l.key === key);
  return g.shown[i + step]?.key ?? null;
}

function create(props: LinesGridProps, shown: Line[]): Grid {
  const el = document.createElement("div");
  el.className = "lines-grid";
  el.dataset.testid = "draft-lines";
  // Editing follows the props of the latest render (the grid's, once it is made below).
  let live: Grid | null = null;
  const table = new Tabulator(el, {
    data: shown.map(toRow),
    index: "key",
    columns: columns(() => live?.props.editable ?? false),
    layout: "fitColumns",
    height: "calc(100vh - 200px)",
    renderVertical: shown.length > VIRTUAL_FROM ? "virtual" : "basic",
    // Lines by block: each fund's spending by 功能科目, the 经济科目 breakdown, a table's own
    // cells, 政府采购, 国有资产与绩效目标.
    groupBy: "group",
    // Typed as HTML by Tabulator: the words escaped.
    groupHeader: (value: string, count: number) => escapeHtml(`${value}（${count} 行）`),
    rowFormatter: (row) => {
      const l = row.getData() as Line;
      const r = row.getElement();
      r.dataset.key = l.key;
      r.classList.toggle("estimated", l.estimated);
    },
    placeholder: "没有符合筛选的明细行",
  });
  const g: Grid = {
    draft: props.draft, el, table, built: new Promise((ok) => table.on("tableBuilt", () => ok())), shown, props, navTarget: null, editing: null,
    virtual: shown.length > VIRTUAL_FROM,
  };
  live = g;
  table.on("cellEditing", (cell) => {
    g.editing = { key: (cell.getData() as Line).key, field: cell.getField() };
  });
  table.on("cellEditCancelled", (cell) => {
    g.editing = null;
    const target = g.navTarget;
    g.navTarget = null;
    if (target) edit(g, target, cell.getField());
  });
  table.on("cellEdited", (cell) => {
    g.editing = null;
    const key = (cell.getData() as Line).key;
    const value = String(cell.getValue() ?? "").trim();
    const old = String(cell.getOldValue() ?? "").trim();
    const target = g.navTarget;
    g.navTarget = null;
    if (cell.getField() === "reason") {
      if (value !== old) g.props.onEdit({ kind: "set_reason", key, text: value });
      if (target) edit(g, target, "reason");
      return;
    }
    // An emptied cell is not an amount: it goes back to what it was (type 0 for nothing).
    if (value === "" || value === old || value === groupThousands(old)) {
      if (value === "") cell.restoreOldValue();
      if (target) edit(g, target);
      return;
    }
    g.props.onFocusNext(target);
    g.props.onEdit({ kind: "set_leaf", key, value });
  });
  // Enter and the arrow keys save the cell and move to the line below or above.
  el.addEventListener(
    "keydown",
    (e) => {
      const input = e.target as HTMLElement;
      if (!(input instanceof HTMLInputElement) || !g.editing) return;
      const k = e.key;
      if (k !== "Enter" && k !== "ArrowDown" && k !== "ArrowUp") return;
      e.preventDefault();
      e.stopPropagation();
      g.navTarget = lineAfter(g, g.editing.key, k === "ArrowUp" ? -1 : 1);
      input.blur();
    },
    true,
  );
  // A column copied from Excel or WPS lands on the edited line and the ones below it.
  el.addEventListener(
    "paste",
    (e) => {
      if (!g.editing || g.editing.field !== "value_yuan") return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      const values = text.split(/\r?\n/).map((r) => r.split("\t")[0].trim()).filter((v) => v !== "");
      if (values.length < 2) return;
      e.preventDefault();
      e.stopPropagation();
      const editing = g.editing.key;
      const from = g.shown.findIndex((l) => l.key === editing);
      const row = g.table.getRow(editing);
      g.editing = null;
      row?.getCell("value_yuan").cancelEdit();
      g.props.onEdit({ kind: "set_leaves", pairs: values.slice(0, g.shown.length - from).map((v, k): [string, string] => [g.shown[from + k].key, v.replace(/,/g, "")]) });
    },
    true,
  );
  return g;
}

/** The 编制 view's grid of one mount of the view: kept across its re-renders (the same table
 * while the draft is the same), owned by whoever shows the view, so two views never share one. */
export class LinesGrid {
  private grid: Grid | null = null;

  /** Brings the grid up to date with a render: the same table when the draft is the same (only
   * changed rows redrawn, or the rows replaced when the filter changed what is shown). */
  mount(host: HTMLElement, props: LinesGridProps, shown: Line[]): void {
    // Another draft, or a size that needs the other way of drawing rows: a new grid.
    if (this.grid && (this.grid.draft !== props.draft || this.grid.virtual !== shown.length > VIRTUAL_FROM)) {
      this.grid.table.destroy();
      this.grid = null;
    }
    const g = this.grid ? update(this.grid, host, props, shown) : (this.grid = fresh(host, props, shown));
    g.props = props;
    if (props.focusKey) {
      const key = props.focusKey;
      // Once: a later render (a reason typed, a version saved) leaves the focus where it is.
      props.onFocusNext(null);
      void g.built.then(() => edit(g, key));
    }
  }

  /** Focuses a line's 本年 cell (a finding's click). */
  focusLeaf(key: string): void {
    if (this.grid) edit(this.grid, key);
  }

  /** The grid's table (tests). */
  table(): Tabulator | null {
    return this.grid?.table ?? null;
  }
}

/** A new grid in `host`. */
function fresh(host: HTMLElement, props: LinesGridProps, shown: Line[]): Grid {
  const g = create(props, shown);
  host.append(g.el);
  // Built on a detached element: drawn once the view is on screen.
  void g.built.then(() => setTimeout(() => { if (g.el.isConnected) g.table.redraw(true); }, 0));
  return g;
}

/** The grid of the last render, moved to `host` and brought up to date. */
function update(g: Grid, host: HTMLElement, props: LinesGridProps, shown: Line[]): Grid {
  host.append(g.el);
  const before = new Map(g.shown.map((l) => [l.key, l]));
  const sameRows = g.shown.length === shown.length && g.shown.every((l, i) => l.key === shown[i].key);
  g.props = props;
  g.shown = shown;
  void g.built.then(() => {
    if (!sameRows) {
      void g.table.replaceData(shown.map(toRow));
    } else {
      const changed = shown.filter((l) => {
        const b = before.get(l.key);
        return (
          !b || b.value_yuan !== l.value_yuan || b.baseline_yuan !== l.baseline_yuan || b.change_yuan !== l.change_yuan || b.estimated !== l.estimated
          || b.label !== l.label || b.reason !== l.reason || b.needs_reason !== l.needs_reason
        );
      });
      if (changed.length) void g.table.updateData(changed.map(toRow));
    }
  });
  return g;
}
