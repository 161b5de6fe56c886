// /du-lieu/<dataset>.json: every row with every column (null where empty) plus the computed gaps.
import type { APIRoute } from "astro";
import { DATASET_IDS, DATASETS, getDataset, type DatasetId } from "../../lib/data/index.ts";
import { toJson } from "../../lib/data/download.ts";

export function getStaticPaths() {
  return DATASET_IDS.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = ({ params }) => {
  const id = params.dataset as DatasetId;
  const dataset = getDataset(id);
  const body = toJson({ id, ...DATASETS[id] }, DATASETS[id].schema, dataset.rows, dataset.gaps);
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
