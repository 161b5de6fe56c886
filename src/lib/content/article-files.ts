// Articles read outside Astro's content layer (the preview images' build step): each file of the
// articles' folder as the collection's loader (article-loader.ts) names it, its frontmatter parsed
// with the collection's schema. The bodies are not rendered: the previews need none.
import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import { contentDir } from "../data/paths.ts";
import { articleSchema, type ArticleData } from "./article-schema.ts";

export type ArticleFile = { id: string; data: ArticleData; body: string };

/** The folder's `.mdx` files, subfolders included, as the loader reads them. */
export function articleFileNames(dir: string = contentDir()): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith(".mdx"))
    .sort();
}

/** `<id>.mdx` is the article `id` ("/" between folders), as the loader names it. */
export const articleIdOf = (fileName: string) =>
  fileName.slice(0, -".mdx".length).split(sep).join("/");

/** An article's text as the collection holds it; undefined when it would not pass the build. */
export function parseArticle(id: string, text: string): ArticleFile | undefined {
  const { frontmatter, content } = parseFrontmatter(text);
  const data = articleSchema.safeParse(frontmatter);
  return data.success ? { id, data: data.data, body: content } : undefined;
}

/** Every article of `dir`; a file that would not pass the build is an error naming it. */
export function readArticles(dir: string = contentDir()): ArticleFile[] {
  return articleFileNames(dir).map((name) => {
    const path = join(dir, name);
    const article = parseArticle(articleIdOf(name), readFileSync(path, "utf8"));
    if (!article)
      throw new Error(`${path}: phần đầu bài (frontmatter) không hợp lệ; chạy node src/cli/article-check.ts (npm run build chạy bước này trước) để xem dòng và cột sai.`);
    return article;
  });
}
