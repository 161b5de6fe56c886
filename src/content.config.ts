import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./lib/content/article-schema.ts";

const news = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/news" }),
  schema: articleSchema,
});

export const collections = { news };
