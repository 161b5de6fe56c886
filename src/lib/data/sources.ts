// The text of source articles, for checking that each row's quote and figure really are there.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type SourceText = {
  exists: boolean;
  text: string;
  /** The article's publication day, yyyy-mm-dd (its `published`, Vietnam time), if it has one. */
  published?: string;
};
export type SourceReader = (slug: string) => SourceText;

/** Whitespace collapsed and MDX markup dropped, so a quote matches however the article is wrapped. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, "$1")
    .replace(/\*\*?/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function stripFrontmatter(text: string): string {
  const match = FRONTMATTER.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** `published: "2023-02-28T08:00:00"` in the frontmatter → "2023-02-28" (already Vietnam time). */
export function publishedDay(text: string): string | undefined {
  const frontmatter = FRONTMATTER.exec(text)?.[1] ?? "";
  return /^published:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(frontmatter)?.[1];
}

/** An article's text as a source (MDX, plus the captured page's furniture when there is one). */
export function articleSource(mdx: string, page?: string): SourceText {
  const parts = [stripFrontmatter(mdx), ...(page === undefined ? [] : [page])];
  const published = publishedDay(mdx);
  return {
    exists: true,
    text: normaliseText(parts.join("\n")),
    ...(published ? { published } : {}),
  };
}

/**
 * Reads `content/news/<slug>.mdx` (article body) plus, when present, `<pagesDir>/<slug>.txt`: the
 * furniture of the original page (poll, counter), which is not article text but is part of the source.
 */
export function createSourceReader(contentDir: string, pagesDir: string): SourceReader {
  const cache = new Map<string, SourceText>();
  return (slug) => {
    let entry = cache.get(slug);
    if (!entry) {
      const article = join(contentDir, `${slug}.mdx`);
      const page = join(pagesDir, `${slug}.txt`);
      const exists = existsSync(article);
      const pageText = exists && existsSync(page) ? readFileSync(page, "utf8") : undefined;
      entry = exists
        ? articleSource(readFileSync(article, "utf8"), pageText)
        : { exists, text: "" };
      cache.set(slug, entry);
    }
    return entry;
  };
}
