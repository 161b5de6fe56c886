// The search index: every article's title, summary and metadata, in site order.
import { getCollection } from "astro:content";
import { formatPublished, sortArticles, UNDATED_TEXT } from "../../lib/content/articles.ts";
import { topicLabel } from "../../lib/content/taxonomy.ts";
import { searchText, type SearchEntry } from "../../lib/search.ts";

export async function GET(): Promise<Response> {
  const entries: SearchEntry[] = sortArticles(await getCollection("news")).map(({ id, data }) => ({
    u: `/tin-tuc/${id}/`,
    t: data.title,
    s: data.summary,
    d: formatPublished(data) ?? UNDATED_TEXT,
    x: searchText([
      data.kicker,
      data.title,
      data.summary,
      data.unit,
      data.locality.district,
      data.locality.province,
      data.source.outlet,
      data.author?.name,
      ...data.topics.map(topicLabel),
    ]),
  }));
  return new Response(JSON.stringify(entries), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
