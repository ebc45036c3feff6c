/**
 * Unit tests for tableModel.ts: multi-level header building (colspan merge of
 * equal consecutive prefixes, rowspan for short paths) and the split of
 * two-sided tables into 收入 and 支出 views.
 */
import { describe, expect, it } from "vitest";
import { sampleDocument } from "./fixtures/sampleDocument";
import type { Column, Table } from "./model";
import { amountCount, buildHeader, tableViews } from "./tableModel";

const cols = (...paths: string[][]): Column[] => paths.map((path) => ({ path }));

describe("buildHeader", () => {
  it("gives one row for flat columns", () => {
    expect(buildHeader(cols(["合计"], ["基本支出"], ["项目支出"]))).toEqual([
      [
        { text: "合计", colspan: 1, rowspan: 1 },
        { text: "基本支出", colspan: 1, rowspan: 1 },
        { text: "项目支出", colspan: 1, rowspan: 1 },
      ],
    ]);
  });

  it("merges equal consecutive prefixes and spans short paths down", () => {
    const header = buildHeader(
      cols(["合计"], ["财政拨款收入", "一般公共预算"], ["财政拨款收入", "政府性基金"], ["事业收入"]),
    );
    expect(header).toEqual([
      [
        { text: "合计", colspan: 1, rowspan: 2 },
        { text: "财政拨款收入", colspan: 2, rowspan: 1 },
        { text: "事业收入", colspan: 1, rowspan: 2 },
      ],
      [
        { text: "一般公共预算", colspan: 1, rowspan: 1 },
        { text: "政府性基金", colspan: 1, rowspan: 1 },
      ],
    ]);
  });

  it("merges at every level of a three-level header", () => {
    const header = buildHeader(
      cols(["本年支出", "基本支出", "人员"], ["本年支出", "基本支出", "公用"], ["本年支出", "项目支出"], ["结转"]),
    );
    expect(header.map((r) => r.map((c) => `${c.text}:${c.colspan}x${c.rowspan}`))).toEqual([
      ["本年支出:3x1", "结转:1x3"],
      ["基本支出:2x1", "项目支出:1x2"],
      ["人员:1x1", "公用:1x1"],
    ]);
  });

  it("does not merge equal names under different parents, nor equal leaves", () => {
    const header = buildHeader(cols(["收入", "预算数"], ["支出", "预算数"], ["a"], ["a"]));
    expect(header[0].map((c) => `${c.text}:${c.colspan}`)).toEqual(["收入:1", "支出:1", "a:1", "a:1"]);
    expect(header[1].map((c) => c.text)).toEqual(["预算数", "预算数"]);
  });

  it("every header row covers all columns", () => {
    const columns = cols(["合计"], ["A", "x", "1"], ["A", "x", "2"], ["A", "y"], ["B", "z"]);
    const header = buildHeader(columns);
    // Sum of colspans in row l plus columns covered by rowspans from above = column count.
    const covered = new Array(header.length).fill(0);
    header.forEach((row, l) =>
      row.forEach((c) => {
        for (let k = l; k < l + c.rowspan; k++) covered[k] += c.colspan;
      }),
    );
    expect(covered).toEqual(header.map(() => columns.length));
  });

  it("gives no rows for no columns", () => {
    expect(buildHeader([])).toEqual([]);
  });
});

describe("tableViews", () => {
  const doc = sampleDocument();
  const twoSided = doc.tables[0];

  it("keeps an ordinary table whole", () => {
    const views = tableViews(doc.tables[1]);
    expect(views).toHaveLength(1);
    expect(views[0].side).toBeUndefined();
    expect(views[0].columns).toEqual([0, 1, 2]);
    expect(views[0].rows).toHaveLength(5);
  });

  it("splits a two-sided table into 收入 and 支出 with their own columns", () => {
    const views = tableViews(twoSided);
    expect(views.map((v) => v.heading)).toEqual(["收入", "支出"]);
    expect(views[0].columns).toEqual([0]);
    expect(views[1].columns).toEqual([1]);
    expect(views[0].rows.map((r) => r.label)).toEqual(["一、财政拨款收入", "二、事业收入", "收入总计"]);
    expect(views[1].rows.every((r) => r.side === "expenditure")).toBe(true);
  });

  it("keeps rows without a side of a two-sided table under 其他", () => {
    const t: Table = { ...twoSided, rows: [...twoSided.rows, { label: "备注", cells: [], location: {} }] };
    const views = tableViews(t);
    expect(views.map((v) => v.heading)).toEqual(["收入", "支出", "其他"]);
  });

  it("counts amount cells", () => {
    expect(amountCount(twoSided)).toBe(6);
    expect(amountCount(doc.tables[1])).toBe(13);
  });
});
