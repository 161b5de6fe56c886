// Each chart as a standalone SVG file, so "Tải SVG" works without JavaScript.
import type { APIRoute, GetStaticPaths } from "astro";
import { siteCharts } from "../../lib/charts/site-charts.ts";

export const getStaticPaths = (() =>
  siteCharts().map((chart) => ({
    params: { chart: chart.id },
    props: { svg: chart.svg },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${props.svg as string}\n`, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8" },
  });
