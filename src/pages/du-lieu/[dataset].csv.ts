// /du-lieu/<dataset>.csv: UTF-8 with BOM, formulas neutralised (see src/lib/data/download.ts).
import type { APIRoute } from "astro";
import { DATASET_IDS, DATASETS, getDataset, type DatasetId } from "../../lib/data/index.ts";
import { toCsv } from "../../lib/data/download.ts";

export function getStaticPaths() {
  return DATASET_IDS.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = ({ params }) => {
  const id = params.dataset as DatasetId;
  const body = toCsv(DATASETS[id].schema, getDataset(id).rows);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
