import { defineCollection } from "astro:content";
import { articleSchema } from "./lib/content/article-schema.ts";
import { articleLoader } from "./lib/content/article-loader.ts";

const news = defineCollection({
  // NEWS_DIR lets a test build a copy of the articles (e.g. with a broken one) without touching content/.
  // Bodies are rendered to HTML by the loader (article-body.ts), not compiled into modules.
  loader: articleLoader(process.env.NEWS_DIR ?? "./content/news"),
  schema: articleSchema,
});

export const collections = { news };
