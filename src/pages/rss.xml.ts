// RSS of the newest articles; undated articles carry no pubDate rather than an invented one.
import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { getCollection } from "astro:content";
import { RSS_ITEMS, SITE_DESCRIPTION, SITE_TITLE, TOPICS } from "../consts.ts";
import { articleDate, sortArticles } from "../lib/content/articles.ts";

export async function GET(context: APIContext) {
  const entries = sortArticles(await getCollection("news")).slice(0, RSS_ITEMS);
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: context.site!,
    trailingSlash: true,
    customData: "<language>vi</language>",
    items: entries.map((entry) => ({
      title: entry.data.title,
      link: `/tin-tuc/${entry.id}/`,
      description: entry.data.summary,
      // RSS needs an instant: a source that gives only a day is dated at its start in Vietnam.
      pubDate: articleDate(entry.data),
      categories: [entry.data.locality.province, ...entry.data.topics.map((t) => TOPICS[t])],
    })),
  });
}
