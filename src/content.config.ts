import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./lib/content/article-schema.ts";

const news = defineCollection({
  // NEWS_DIR lets a test build a copy of the articles (e.g. with a broken one) without touching content/.
  loader: glob({ pattern: "**/*.mdx", base: process.env.NEWS_DIR ?? "./content/news" }),
  schema: articleSchema,
});

export const collections = { news };
