// Exactly the dataset rows each chart draws, as CSV for spreadsheets.
import { chartDownloadRoute } from "../../lib/charts/download-route.ts";

const route = chartDownloadRoute((chart) => chart.csv, "text/csv; charset=utf-8");
export const { getStaticPaths, GET } = route;
