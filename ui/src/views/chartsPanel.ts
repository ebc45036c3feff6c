/**
 * Draws the comparison's charts with ECharts (tree-shaken: bar and line charts, SVG renderer,
 * which keeps the web process small and renders crisp CJK text). The options come from
 * `charts.ts`; charts of an earlier render are disposed before new ones are drawn.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { chartSpecs } from "../charts";
import { h } from "../dom";
import type { ChartSeries } from "../generated/contract";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The charts of one 对比 view, owned by whoever shows it: each render disposes the charts the
 * last one drew. */
export class ChartsPanel {
  private drawn: echarts.ECharts[] = [];

  /** The chart panels of a comparison (none when it has no chart data). */
  render(series: ChartSeries, years: string[]): HTMLElement {
    for (const c of this.drawn) c.dispose();
    this.drawn = [];
    const panels = chartSpecs(series, years).map((spec) => {
      const { width, height } = spec;
      const box = h("div", { class: "chart", "data-testid": `chart-${spec.id}`, style: `width:${width}px;height:${height}px` });
      const chart = echarts.init(box, null, { renderer: "svg", width, height });
      chart.setOption(spec.option);
      this.drawn.push(chart);
      return h("figure", { class: "chart-panel" }, h("figcaption", {}, spec.title), box);
    });
    return h("section", { class: "panel charts", "data-testid": "compare-charts" }, panels);
  }
}
