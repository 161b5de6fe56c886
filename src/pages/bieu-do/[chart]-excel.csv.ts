// The rows each chart draws, for Excel set to Vietnamese (`;`, decimal comma, UTF-8 with BOM).
import { chartDownloadRoute } from "../../lib/charts/download-route.ts";

const route = chartDownloadRoute((chart) => chart.excelCsv, "text/csv; charset=utf-8");
export const { getStaticPaths, GET } = route;
