// Exactly the dataset rows each chart draws, as CSV for spreadsheets.
import { keyedByBody } from "../../lib/build/cache-keys.ts";
import { chartDownloadRoute } from "../../lib/charts/download-route.ts";

const route = chartDownloadRoute((chart) => chart.csv, "text/csv; charset=utf-8");
export const { GET } = route;
// Written again only when its body changed (Astro's incremental build).
export const getStaticPaths = () => keyedByBody(route.getStaticPaths());
