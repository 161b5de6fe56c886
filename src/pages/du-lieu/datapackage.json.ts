// /du-lieu/datapackage.json: every dataset as a Frictionless Data Package (src/lib/open-data/).
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { getDataset } from "../../lib/data/index.ts";
import { dataPackage } from "../../lib/open-data/datapackage.ts";

// A page without parameters is rendered by every build (no cache key applies to it).
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
