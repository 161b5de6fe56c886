// Every chart's own address: /bieu-do/<id>/ (the page), /bieu-do/<id>/nhung/ (the embed). A chart
// drawing exactly the rows of another of its family shares that chart's files and page
// (downloadIdOf), so no chart is published twice under two names.
import type { ChartDefinition } from "../charts/definition.ts";
import { downloadIdOf, siteCharts } from "../charts/site-charts.ts";
import { RETIRED_CHARTS, type RetiredChart } from "./retired.ts";

export function chartPageUrl(id: string): string {
  return `/bieu-do/${id}/`;
}

export function embedUrl(id: string): string {
  return `/bieu-do/${id}/nhung/`;
}

/** The charts with a page of their own, in catalog order. */
export function publishedCharts(): ChartDefinition[] {
  return siteCharts().filter((chart) => downloadIdOf(chart.id) === chart.id);
}

/** The page that shows `id`: its own, or that of the chart drawing the same rows. */
export function pageOfChart(id: string): string {
  return chartPageUrl(downloadIdOf(id));
}

/**
 * Retired ids whose address is not taken again by a published chart, each with the published charts
 * that replaced it (a successor that itself went is left out; none left links to the index).
 */
export function retiredCharts(): (RetiredChart & { successorCharts: ChartDefinition[] })[] {
  const current = new Map(siteCharts().map((c) => [c.id, c]));
  const owner = (id: string) => current.get(downloadIdOf(id));
  // An id still in the catalog as a copy of another chart has no page of its own: it keeps this one.
  return RETIRED_CHARTS.filter((r) => owner(r.id)?.id !== r.id).map((r) => ({
    ...r,
    successorCharts: [...new Set(r.successors.flatMap((id) => owner(id) ?? []))],
  }));
}
