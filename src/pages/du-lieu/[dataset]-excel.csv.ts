// /du-lieu/<dataset>-excel.csv: for Excel set to Vietnamese (`;`, decimal comma), UTF-8 with BOM.
import type { APIRoute } from "astro";
import { DATASET_IDS, DATASETS, getDataset, type DatasetId } from "../../lib/data/index.ts";
import { toExcelCsv } from "../../lib/data/download.ts";

export function getStaticPaths() {
  return DATASET_IDS.map((dataset) => ({ params: { dataset } }));
}

export const GET: APIRoute = ({ params }) => {
  const id = params.dataset as DatasetId;
  const body = toExcelCsv(DATASETS[id].schema, getDataset(id).rows);
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
