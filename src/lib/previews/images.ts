// Which link preview images the site has: one per chart page, article and dataset page. The pages
// name theirs with previewPath (cards.ts) from the same three lists (published charts, the
// articles, the datasets); the build step draws exactly these (tests/site/previews.test.ts checks
// every og:image has its file and every file a page).
import { publishedCharts } from "../chart-pages/pages.ts";
import { describeDate } from "../content/articles.ts";
import type { ArticleFile } from "../content/article-files.ts";
import { DATASET_IDS } from "../data/datasets.ts";
import { previewSvg } from "./card.ts";
import { articleCard, chartCard, datasetCard, previewPath, type PreviewKind } from "./cards.ts";
import { previewKey } from "./png-cache.ts";

export type PreviewImage = {
  kind: PreviewKind;
  name: string;
  /** Site path, as the page's og:image names it. */
  path: string;
  svg: string;
  /** The cache key of its PNG (previewKey of the SVG). */
  key: string;
};

/** What the article's card is made of, as its page shows it. */
export function articleFacts({ id, data }: Pick<ArticleFile, "id" | "data">) {
  return {
    id,
    title: data.title,
    summary: data.summary,
    date: describeDate(data),
    place: data.locality.district ?? data.locality.province,
  };
}

export function previewImages(
  articles: readonly Pick<ArticleFile, "id" | "data">[],
): PreviewImage[] {
  const cards = [
    ...publishedCharts().map((c) => ({ kind: "bieu-do" as const, name: c.id, card: chartCard(c) })),
    ...articles.map((a) => ({
      kind: "tin-tuc" as const,
      name: a.id,
      card: articleCard(articleFacts(a)),
    })),
    ...DATASET_IDS.map((id) => ({ kind: "du-lieu" as const, name: id, card: datasetCard(id) })),
  ];
  return cards.map(({ kind, name, card }) => {
    const svg = previewSvg(card);
    return { kind, name, path: previewPath(kind, name), svg, key: previewKey(svg) };
  });
}
