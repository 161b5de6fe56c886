// Each chart as a standalone SVG file, so "Tải SVG" works without JavaScript.
import { chartDownloadRoute } from "../../lib/charts/download-route.ts";

const route = chartDownloadRoute(
  (chart) => `<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`,
  "image/svg+xml; charset=utf-8",
);
export const { getStaticPaths, GET } = route;
