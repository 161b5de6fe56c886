// The articles readers may comment on: dist/binh-luan/bai-viet.json (written by the build),
// re-read when a deploy replaces it.
import { stat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { readThroughSwap } from "../site/files.ts";

export type ArticleRef = { title: string; path: string };
/** The articles by slug, as the build listed them. */
export type ArticleIndex = () => Promise<Map<string, ArticleRef>>;
export const ARTICLE_INDEX_FILE = "binh-luan/bai-viet.json";

export function articleIndex(distDir: string): ArticleIndex {
  const file = join(distDir, ARTICLE_INDEX_FILE);
  let cached: { mtimeMs: number; map: Map<string, ArticleRef> } | undefined;
  return async () => {
    const info = await readThroughSwap(distDir, () => stat(file).catch(() => undefined));
    if (!info) return new Map();
    if (cached?.mtimeMs === info.mtimeMs) return cached.map;
    const raw = JSON.parse(await readFile(file, "utf8")) as Record<string, ArticleRef>;
    const map = new Map(Object.entries(raw));
    cached = { mtimeMs: info.mtimeMs, map };
    return map;
  };
}
