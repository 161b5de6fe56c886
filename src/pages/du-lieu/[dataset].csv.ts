// /du-lieu/<dataset>.csv: UTF-8 with BOM, formulas neutralised (see src/lib/data/download.ts).
import { keyedByData } from "../../lib/build/data-routes.ts";
import { DATASETS } from "../../lib/data/index.ts";
import { downloadRows, toCsv } from "../../lib/data/download.ts";
import { datasetDownloadRoute } from "../../lib/data/download-route.ts";

const route = datasetDownloadRoute(
  (id, dataset) => toCsv(DATASETS[id].schema, downloadRows(id, dataset.rows)),
  "text/csv; charset=utf-8",
);
export const { GET } = route;
// Written again only when data/ changed (Astro's incremental build).
export const getStaticPaths = () => keyedByData(route.getStaticPaths());
