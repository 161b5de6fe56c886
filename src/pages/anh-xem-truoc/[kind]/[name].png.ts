// The link preview images (Open Graph, Twitter): one PNG, 1200×630, per chart page, article and
// dataset page, rasterized at build time from the card's SVG (src/lib/previews/). The SVG, the
// font files and the rasterizer's version are the whole input, so they are the cache key.
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { digestOf, keyed } from "../../../lib/build/cache-keys.ts";
import { publishedCharts } from "../../../lib/chart-pages/pages.ts";
import { describeDate } from "../../../lib/content/articles.ts";
import { DATASET_IDS } from "../../../lib/data/datasets.ts";
import { previewSvg } from "../../../lib/previews/card.ts";
import { articleCard, chartCard, datasetCard } from "../../../lib/previews/cards.ts";
import { fontDigest } from "../../../lib/previews/fonts.ts";
import { renderPng } from "../../../lib/previews/render.ts";
import resvgPackage from "@resvg/resvg-js/package.json" with { type: "json" };

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
  const paths = cards.map(({ kind, name, card }) => ({
    params: { kind, name },
    props: { svg: previewSvg(card) },
  }));
  return keyed(paths, ({ props }) => digestOf([props.svg, fontDigest(), resvgPackage.version]));
}

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await renderPng(props.svg as string)), {
    headers: { "Content-Type": "image/png" },
  });
