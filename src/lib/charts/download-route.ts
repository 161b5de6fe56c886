// One static file per chart (SVG, CSV, CSV for Excel): the routes under src/pages/bieu-do/ differ
// only in which body they take from the chart and its media type.
import type { APIRoute, GetStaticPaths } from "astro";
import type { ChartDefinition } from "./definition.ts";
import { downloadIdOf, siteCharts } from "./site-charts.ts";

export function chartDownloadRoute(body: (chart: ChartDefinition) => string, type: string) {
  const getStaticPaths = (() =>
    // Charts that link to another chart's identical files have none of their own.
    siteCharts()
      .filter((chart) => downloadIdOf(chart.id) === chart.id)
      .map((chart) => ({
        params: { chart: chart.id },
        props: { body: body(chart) },
      }))) satisfies GetStaticPaths;
  const GET: APIRoute = ({ props }) =>
    new Response(props.body as string, { headers: { "Content-Type": type } });
  return { getStaticPaths, GET };
}
