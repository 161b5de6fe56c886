// The link preview images (Open Graph, Twitter): one PNG, 1200×630, per chart page, article and
// dataset page, rasterized at build time from the card's SVG (src/lib/previews/). The SVG, the
// font files and the rasterizer's version are the whole input, so they are the cache key, both
// Astro's (the page) and ours (the PNG, kept even when Astro's page cache is forgotten).
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { keyed } from "../../../lib/build/cache-keys.ts";
import { publishedCharts } from "../../../lib/chart-pages/pages.ts";
import { describeDate } from "../../../lib/content/articles.ts";
import { DATASET_IDS } from "../../../lib/data/datasets.ts";
import { previewSvg } from "../../../lib/previews/card.ts";
import { articleCard, chartCard, datasetCard } from "../../../lib/previews/cards.ts";
import {
  cachedPng,
  defaultPngCache,
  keepOnly,
  previewKey,
} from "../../../lib/previews/png-cache.ts";
import { renderPng } from "../../../lib/previews/render.ts";

const pngCache = defaultPngCache();

export async function getStaticPaths() {
  const articles = await getCollection("news");
  const cards = [
    ...publishedCharts().map((c) => ({ kind: "bieu-do", name: c.id, card: chartCard(c) })),
    ...articles.map((a) => ({
      kind: "tin-tuc",
      name: a.id,
      card: articleCard({
        id: a.id,
        title: a.data.title,
        summary: a.data.summary,
        date: describeDate(a.data),
        place: a.data.locality.district ?? a.data.locality.province,
      }),
    })),
    ...DATASET_IDS.map((id) => ({ kind: "du-lieu", name: id, card: datasetCard(id) })),
  ];
  const paths = cards.map(({ kind, name, card }) => {
    const svg = previewSvg(card);
    return { params: { kind, name }, props: { svg, key: previewKey(svg) } };
  });
  // Images no page shows any more leave the cache.
  keepOnly(
    pngCache,
    paths.map((p) => p.props.key),
  );
  return keyed(paths, ({ props }) => props.key);
}

export const GET: APIRoute = async ({ props }) => {
  const { svg, key } = props as { svg: string; key: string };
  const png = await cachedPng(pngCache, key, () => renderPng(svg));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
