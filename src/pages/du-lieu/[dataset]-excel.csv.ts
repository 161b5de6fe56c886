// /du-lieu/<dataset>-excel.csv: for Excel set to Vietnamese (`;`, decimal comma), UTF-8 with BOM.
import { keyedByData } from "../../lib/build/data-routes.ts";
import { DATASETS } from "../../lib/data/index.ts";
import { downloadRows, toExcelCsv } from "../../lib/data/download.ts";
import { datasetDownloadRoute } from "../../lib/data/download-route.ts";

const route = datasetDownloadRoute(
  (id, dataset) => toExcelCsv(DATASETS[id].schema, downloadRows(id, dataset.rows)),
  "text/csv; charset=utf-8",
);
export const { GET } = route;
// Written again only when data/ changed (Astro's incremental build).
export const getStaticPaths = () => keyedByData(route.getStaticPaths());
