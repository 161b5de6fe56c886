// One static download per dataset (CSV, CSV for Excel, JSON): the routes under src/pages/du-lieu/
// differ only in how they write the dataset and its media type.
import type { APIRoute } from "astro";
import { DATASET_IDS, getDataset, type DatasetId, type LoadedDataset } from "./index.ts";

export function datasetDownloadRoute(
  body: (id: DatasetId, dataset: LoadedDataset) => string,
  type: string,
) {
  const getStaticPaths = () => DATASET_IDS.map((dataset) => ({ params: { dataset } }));
  const GET: APIRoute = ({ params }) => {
    const id = params.dataset as DatasetId;
    return new Response(body(id, getDataset(id)), { headers: { "Content-Type": type } });
  };
  return { getStaticPaths, GET };
}
