// /du-lieu/datapackage.json: every dataset as a Frictionless Data Package (src/lib/open-data/).
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { keyedByData } from "../../lib/build/data-routes.ts";
import { getDataset } from "../../lib/data/index.ts";
import { dataPackage } from "../../lib/open-data/datapackage.ts";

// Written again only when data/ or the articles it cites changed (Astro's incremental build).
export const getStaticPaths = () => keyedByData([{ params: {} }]);

export const GET: APIRoute = async ({ site }) => {
  const titles = new Map((await getCollection("news")).map((a) => [a.id, a.data.title]));
  const body = dataPackage({
    rows: (id) => getDataset(id).rows as { source: string }[],
    titleOf: (slug) => titles.get(slug) ?? slug,
    site: site!,
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
