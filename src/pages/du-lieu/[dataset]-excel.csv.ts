// /du-lieu/<dataset>-excel.csv: for Excel set to Vietnamese (`;`, decimal comma), UTF-8 with BOM.
import { DATASETS } from "../../lib/data/index.ts";
import { toExcelCsv } from "../../lib/data/download.ts";
import { datasetDownloadRoute } from "../../lib/data/download-route.ts";

const route = datasetDownloadRoute(
  (id, dataset) => toExcelCsv(DATASETS[id].schema, dataset.rows),
  "text/csv; charset=utf-8",
);
export const { getStaticPaths, GET } = route;
