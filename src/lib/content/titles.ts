// Article titles for chart labels, read from the frontmatter of content/news/<slug>.mdx at build
// time (charts are built outside Astro's content layer, so getEntry is not available there).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { contentDir } from "../data/paths.ts";

export type TitleOf = (slug: string) => string;

/** A cached title reader over `dir`; an article without a readable title is named by its slug. */
export function articleTitles(dir: string = contentDir()): TitleOf {
  const cache = new Map<string, string>();
  return (slug) => {
    let title = cache.get(slug);
    if (title === undefined) {
      const path = join(dir, `${slug}.mdx`);
      const text = existsSync(path) ? readFileSync(path, "utf8") : "";
      const match = /^---\r?\n[\s\S]*?^title:\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(.+))\s*$/m.exec(text);
      title = (match?.[1] ?? match?.[2] ?? match?.[3] ?? slug).trim();
      cache.set(slug, title);
    }
    return title;
  };
}
