/**
 * Pure layout logic for disclosure tables, kept apart from the DOM so it can
 * be unit-tested: multi-level header rows built from column paths (equal
 * consecutive prefixes merged via colspan, short paths spanning down via
 * rowspan), and the split of two-sided (收入 | 支出) tables into their sides.
 */
import type { Cell, Column, LedgerSide, Row, Table } from "./model";

/** One header cell: its text and how many columns / header rows it covers. */
export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * Header rows for the value columns. Row `l` holds the level-`l` names; a run
 * of consecutive columns sharing the same path prefix up to level `l` (and
 * going deeper) becomes one cell with a colspan. A column whose path ends at
 * level `l` gets one cell spanning the remaining rows. Leaves never merge.
 */
export function buildHeader(columns: Column[]): HeaderCell[][] {
  const paths = columns.map((c) => (c.path.length > 0 ? c.path : [""]));
  const depth = Math.max(0, ...paths.map((p) => p.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const cells: HeaderCell[] = [];
    let i = 0;
    while (i < paths.length) {
      const path = paths[i];
      if (path.length <= level) {
        i++; // covered by a rowspan from a higher row
        continue;
      }
      if (path.length === level + 1) {
        cells.push({ text: path[level], colspan: 1, rowspan: depth - level });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < paths.length && paths[j].length > level + 1 && samePrefix(path, paths[j], level + 1)) j++;
      cells.push({ text: path[level], colspan: j - i, rowspan: 1 });
      i = j;
    }
    rows.push(cells);
  }
  return rows;
}

function samePrefix(a: string[], b: string[], n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** A table, or one side of a two-sided table, ready to draw. */
export interface TableView {
  /** "income" / "expenditure" for a side; undefined for an ordinary table. */
  side?: LedgerSide;
  /** 收入 / 支出, or undefined. */
  heading?: string;
  /** Indexes into the table's columns, in order. */
  columns: number[];
  rows: Row[];
}

export const SIDE_HEADINGS: Record<LedgerSide, string> = { income: "收入", expenditure: "支出" };

/** Whether any row of the table carries a side (收入 | 支出). */
export function isTwoSided(table: Table): boolean {
  return table.rows.some((r) => r.side !== undefined);
}

function hasValue(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.t === "amount") return true;
  return cell.t === "text" && cell.text.trim() !== "";
}

/**
 * The views to draw: the whole table, or for a two-sided table one view per
 * side holding only that side's rows and the columns with a value on that side
 * (all columns when that side has no values at all). Rows of a two-sided
 * table that carry no side are kept in a last view headed 其他.
 */
export function tableViews(table: Table): TableView[] {
  const all = table.columns.map((_, i) => i);
  if (!isTwoSided(table)) return [{ columns: all, rows: table.rows }];
  const sides: LedgerSide[] = ["income", "expenditure"];
  const views = sides
    .map((side): TableView => {
      const rows = table.rows.filter((r) => r.side === side);
      const used = all.filter((i) => rows.some((r) => hasValue(r.cells[i])));
      return { side, heading: SIDE_HEADINGS[side], columns: used.length > 0 ? used : all, rows };
    })
    .filter((v) => v.rows.length > 0);
  const unsided = table.rows.filter((r) => r.side === undefined);
  if (unsided.length > 0) views.push({ heading: "其他", columns: all, rows: unsided });
  return views;
}

/** The number of amount cells in a table. */
export function amountCount(table: Table): number {
  return table.rows.reduce((n, r) => n + r.cells.filter((c) => c.t === "amount").length, 0);
}
