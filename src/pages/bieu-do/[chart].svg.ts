// Each chart as a standalone SVG file, so "Tải SVG" works without JavaScript.
import { downloadSvg } from "../../lib/charts/definition.ts";
import { keyedByBody } from "../../lib/build/cache-keys.ts";
import { chartDownloadRoute } from "../../lib/charts/download-route.ts";

const route = chartDownloadRoute(
  (chart) => `<?xml version="1.0" encoding="UTF-8"?>\n${downloadSvg(chart)}\n`,
  "image/svg+xml; charset=utf-8",
);
export const { GET } = route;
// Written again only when its body changed (Astro's incremental build).
export const getStaticPaths = () => keyedByBody(route.getStaticPaths());
