// /du-lieu/<dataset>.json: every row with every column (null where empty) plus the computed gaps.
import { keyedByData } from "../../lib/build/data-routes.ts";
import { DATASETS } from "../../lib/data/index.ts";
import { downloadRows, toJson } from "../../lib/data/download.ts";
import { datasetDownloadRoute } from "../../lib/data/download-route.ts";

const route = datasetDownloadRoute(
  (id, dataset) =>
    toJson(
      { id, ...DATASETS[id] },
      DATASETS[id].schema,
      downloadRows(id, dataset.rows),
      dataset.gaps,
    ),
  "application/json; charset=utf-8",
);
export const { GET } = route;
// Written again only when data/ changed (Astro's incremental build).
export const getStaticPaths = () => keyedByData(route.getStaticPaths());
