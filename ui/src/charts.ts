/**
 * The comparison's charts as ECharts options: 功能分类 类, 基本/项目, 经济分类 类 per year, the
 * waterfall of the largest changes and the multi-year trend. Every figure comes from Rust
 * (`ChartSeries`, waterfall bars already placed); this module only turns decimal strings into
 * bar heights and prints the exact strings in tooltips. Pure functions, tested without a canvas.
 */
import type { ChartSeries, Point, Waterfall, WaterfallBar } from "./generated/contract";
import { groupThousands } from "./format";

/** One chart to draw. */
export interface ChartSpec {
  id: string;
  title: string;
  option: Record<string, unknown>;
  /** Size in CSS pixels. */
  width: number;
  height: number;
}

const COLORS = ["#5470c6", "#91cc75", "#fac858", "#73c0de", "#9a60b4", "#ea7ccc"];
const UP = "#c23531";
const DOWN = "#2f9e44";
const TOTAL = "#5470c6";

/** The height of a bar (geometry only: the exact amount is what the tooltip prints). */
export function height(value: string | null): number | null {
  return value === null ? null : Number(value);
}

/** Axis labels: 1.5亿, 3,000万 (locale formatting of 元, no unit arithmetic on money). */
export function axisLabel(v: number): string {
  return new Intl.NumberFormat("zh-CN", { notation: "compact", maximumFractionDigits: 2 }).format(v);
}

function yuan(v: string | null): string {
  return v === null ? "—" : `${groupThousands(v)} 元`;
}

/** Grouped horizontal bars (the 类 names stay whole): one row per point, one series per year. */
export function barsOption(points: Point[], years: string[]): Record<string, unknown> {
  return {
    color: COLORS,
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 4, containLabel: true },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (items: { dataIndex: number; seriesIndex: number }[]) => {
        const p = points[items[0]?.dataIndex ?? 0];
        if (!p) return "";
        return [p.label, ...years.map((y, i) => `${y}：${yuan(p.values[i] ?? null)}`)].join("<br/>");
      },
    },
    yAxis: { type: "category", inverse: true, data: points.map((p) => p.label), axisLabel: { interval: 0 } },
    xAxis: { type: "value", axisLabel: { formatter: axisLabel } },
    series: years.map((y, i) => ({ name: y, type: "bar", data: points.map((p) => height(p.values[i] ?? null)) })),
  };
}

/** A horizontal bar chart tall enough for its rows. */
function barsHeight(points: Point[], years: string[]): number {
  return Math.max(160, 48 + points.length * (8 + 10 * years.length));
}

function barColor(b: WaterfallBar): string {
  return b.kind === "up" ? UP : b.kind === "down" ? DOWN : TOTAL;
}

/** The waterfall: an invisible bar lifts each visible one to where Rust placed it. */
export function waterfallOption(w: Waterfall): Record<string, unknown> {
  const bars = w.bars;
  const change = (b: WaterfallBar) => (b.kind === "total" ? yuan(b.change) : `${b.kind === "up" ? "增加" : "减少"} ${yuan(b.change.replace(/^-/, ""))}`);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (items: { dataIndex: number }[]) => {
        const b = bars[items[0]?.dataIndex ?? 0];
        return b ? `${b.label}<br/>${change(b)}` : "";
      },
    },
    xAxis: { type: "category", data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: 35, width: 150, overflow: "truncate" } },
    yAxis: { type: "value", axisLabel: { formatter: axisLabel } },
    series: [
      { name: "base", type: "bar", stack: "w", silent: true, itemStyle: { color: "transparent" }, data: bars.map((b) => Number(b.low)) },
      { name: "变动", type: "bar", stack: "w", data: bars.map((b) => ({ value: Number(b.size), itemStyle: { color: barColor(b) } })) },
    ],
  };
}

/** The total per year as a line. */
export function trendOption(points: Point[]): Record<string, unknown> {
  return {
    color: COLORS,
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", formatter: (items: { dataIndex: number }[]) => { const p = points[items[0]?.dataIndex ?? 0]; return p ? `${p.label}<br/>${yuan(p.values[0] ?? null)}` : ""; } },
    xAxis: { type: "category", data: points.map((p) => p.label) },
    yAxis: { type: "value", axisLabel: { formatter: axisLabel } },
    series: [{ name: "支出合计", type: "line", data: points.map((p) => height(p.values[0] ?? null)), label: { show: true, formatter: (x: { value: number }) => axisLabel(x.value) } }],
  };
}

/** The charts a comparison has data for, in reading order. */
export function chartSpecs(series: ChartSeries, years: string[]): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const bars = (id: string, title: string, points: Point[]) => {
    if (points.length > 0) specs.push({ id, title, option: barsOption(points, years), width: 480, height: barsHeight(points, years) });
  };
  bars("function", "按支出功能分类（类）", series.by_function_class);
  bars("basic-project", "基本支出与项目支出", series.by_basic_project);
  bars("economic", "一般公共预算基本支出按经济分类（类）", series.by_economic_class);
  if (series.waterfall && series.waterfall.bars.length > 2) {
    specs.push({ id: "waterfall", title: `主要变动（${years[0] ?? ""} → ${years.at(-1) ?? ""}，功能分类项）`, option: waterfallOption(series.waterfall), width: 972, height: 360 });
  }
  if (series.trend.length > 1) specs.push({ id: "trend", title: "支出合计趋势", option: trendOption(series.trend), width: 480, height: 220 });
  return specs;
}
