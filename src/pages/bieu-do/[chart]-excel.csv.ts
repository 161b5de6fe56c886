// The rows each chart draws, for Excel set to Vietnamese (`;`, decimal comma, UTF-8 with BOM).
import type { APIRoute, GetStaticPaths } from "astro";
import { siteCharts } from "../../lib/charts/site-charts.ts";

export const getStaticPaths = (() =>
  siteCharts().map((chart) => ({
    params: { chart: chart.id },
    props: { csv: chart.excelCsv },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.csv as string, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
