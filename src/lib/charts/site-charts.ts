// The site's charts from the committed datasets (build time only: reads data/*.csv once).
import { getRows } from "../data/index.ts";
import {
  allCharts,
  buildCharts,
  chartFilters,
  downloadIds,
  type ChartData,
  type ChartFilter,
} from "./registry.ts";
import type { ChartDefinition } from "./definition.ts";

export function chartData(): ChartData {
  return {
    "to-chuc-dang": getRows("to-chuc-dang"),
    "dang-vien": getRows("dang-vien"),
    "ket-nap": getRows("ket-nap"),
    "xep-loai": getRows("xep-loai"),
    "huy-hieu": getRows("huy-hieu"),
    "kiem-tra-giam-sat": getRows("kiem-tra-giam-sat"),
  };
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
      `Unknown chart "${id}"; known: ${siteCharts()
        .map((c) => c.id)
        .join(", ")}`,
    );
  }
  return chart;
}

const byFilter = new Map<string, ChartDefinition[]>();

/** Charts for one filter, laid out once per build: every article with a <Chart> asks again. */
export function dashboardCharts(filter: ChartFilter = {}): ChartDefinition[] {
  const key = JSON.stringify(filter);
  let charts = byFilter.get(key);
  if (charts === undefined) {
    charts = buildCharts(chartData(), filter);
    byFilter.set(key, charts);
  }
  return charts;
}

export function dashboardFilters(): ChartFilter[] {
  return chartFilters(chartData());
}
