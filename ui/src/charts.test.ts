import { describe, expect, it } from "vitest";
import { axisLabel, barsOption, chartSpecs, waterfallOption } from "./charts";
import type { ChartSeries } from "./generated/contract";

const series: ChartSeries = {
  by_function_class: [
    { label: "一般公共服务支出", values: ["3000000", "3296600"] },
    { label: "卫生健康支出", values: [null, "120000.50"] },
  ],
  by_basic_project: [{ label: "基本支出", values: ["100", "120"] }],
  by_economic_class: [],
  waterfall: {
    start: "1000", steps: [["2010301 行政运行", "500"]], other: "-250", end: "1250",
    bars: [
      { label: "2024年", kind: "total", low: "0", size: "1000", change: "1000" },
      { label: "2010301 行政运行", kind: "up", low: "1000", size: "500", change: "500" },
      { label: "其他", kind: "down", low: "1250", size: "250", change: "-250" },
      { label: "2025年", kind: "total", low: "0", size: "1250", change: "1250" },
    ],
  },
  trend: [{ label: "2024年", values: ["1000"] }, { label: "2025年", values: ["1250"] }],
};

describe("对比图表", () => {
  it("draws only the charts with data, in reading order", () => {
    expect(chartSpecs(series, ["2024年", "2025年"]).map((s) => s.title)).toEqual([
      "按支出功能分类（类）", "基本支出与项目支出", "主要变动（2024年 → 2025年，功能分类项）", "支出合计趋势",
    ]);
  });

  it("gives one bar series per year, a missing amount as a gap, and exact amounts in the tooltip", () => {
    const o = barsOption(series.by_function_class, ["2024年", "2025年"]) as { series: { name: string; data: (number | null)[] }[]; tooltip: { formatter: (i: { dataIndex: number; seriesIndex: number }[]) => string } };
    expect(o.series.map((s) => s.name)).toEqual(["2024年", "2025年"]);
    expect(o.series[0]!.data).toEqual([3000000, null]);
    expect(o.series[1]!.data).toEqual([3296600, 120000.5]);
    expect(o.tooltip.formatter([{ dataIndex: 1, seriesIndex: 0 }])).toBe("卫生健康支出<br/>2024年：—<br/>2025年：120,000.50 元");
  });

  it("places the waterfall bars where Rust put them and colours increases and decreases", () => {
    const o = waterfallOption(series.waterfall!) as { series: { data: (number | { value: number; itemStyle: { color: string } })[] }[]; tooltip: { formatter: (i: { dataIndex: number }[]) => string } };
    expect(o.series[0]!.data).toEqual([0, 1000, 1250, 0]);
    const visible = o.series[1]!.data as { value: number; itemStyle: { color: string } }[];
    expect(visible.map((d) => d.value)).toEqual([1000, 500, 250, 1250]);
    expect(new Set(visible.map((d) => d.itemStyle.color)).size).toBe(3);
    expect(o.tooltip.formatter([{ dataIndex: 2 }])).toBe("其他<br/>减少 250 元");
  });

  it("labels axes compactly in Chinese", () => {
    expect(axisLabel(150000000)).toBe("1.5亿");
  });
});
