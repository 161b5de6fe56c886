// The site's charts from the committed datasets (build time only: reads data/*.csv once). Every
// chart, of every filter, is built once (allCharts); pages pick theirs from that one list.
import { getRows } from "../data/index.ts";
import { CHART_DATASETS } from "./catalog.ts";
import {
  allCharts,
  chartFilters,
  downloadIds,
  filterSlug,
  type ChartData,
  type ChartFilter,
} from "./registry.ts";
import type { ChartDefinition } from "./definition.ts";

export function chartData(): ChartData {
  return Object.fromEntries(CHART_DATASETS.map((id) => [id, getRows(id)])) as ChartData;
}

let cached: ChartDefinition[] | undefined;

/** Unfiltered and filtered charts, by id. */
export function siteCharts(): ChartDefinition[] {
  cached ??= allCharts(chartData());
  return cached;
}

let downloads: Map<string, string> | undefined;

/** The chart whose files (SVG, CSV) a chart's "Tải về" links point to (see downloadIds). */
export function downloadIdOf(id: string): string {
  downloads ??= downloadIds(siteCharts());
  return downloads.get(id) ?? id;
}

export function siteChart(id: string): ChartDefinition {
  const chart = siteCharts().find((c) => c.id === id);
  if (!chart) {
    throw new Error(
      `<Chart id="${id}">: không có biểu đồ mã "${id}". Cần: một mã có sẵn (${siteCharts()
        .map((c) => c.id)
        .join(", ")}). Ví dụ: <Chart id="to-chuc-huyen-tuyen-hoa" />`,
    );
  }
  return chart;
}

/** The charts of one filter (the dashboard, a filter page, one article's charts). */
export function dashboardCharts(filter: ChartFilter = {}): ChartDefinition[] {
  const slug = filterSlug(filter);
  return siteCharts().filter((c) => c.filter === slug);
}

export function dashboardFilters(): ChartFilter[] {
  return chartFilters(chartData());
}
