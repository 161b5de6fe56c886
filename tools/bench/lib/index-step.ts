// The search index step of `npm run build` (src/cli/build.ts runs `node src/cli/search-index.ts
// <staging> [--previous <dist>]`), run the same way over a benchmark build's output and timed from
// spawn to exit; and the sites bench:search indexes without an astro build (copies of built pages).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { INDEX_DIR, MANIFEST_FILE } from "../../../src/lib/search/index-files.ts";
import { measureNode } from "./measure.ts";

export interface IndexStep {
  wallMs: number;
  cpuMs: number;
  /** Peak memory of the step's process. */
  peakBytes: number;
  /** Pages in the index, as its manifest counts them. */
  pages: number;
  /** Files and bytes in dist/chi-muc. */
  files: number;
  bytes: number;
}

/** Pages indexed, as the index's manifest (chi-muc.json) counts them. */
export function pagesIndexed(manifestJson: string): number {
  const manifest = JSON.parse(manifestJson) as { pages?: unknown };
  return typeof manifest.pages === "number" ? manifest.pages : 0;
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/**
 * Index the built site `outDir` with the repository's own CLI (given the site published before
 * it, `previous`, as npm run build does); its output goes to `logFile`.
 */
export async function runIndexStep(
  repo: string,
  outDir: string,
  logFile: string,
  previous?: string,
): Promise<IndexStep> {
  const measure = await measureNode({
    label: `Search index step over ${outDir}`,
    cwd: repo,
    script: [
      join(repo, "src/cli/search-index.ts"),
      outDir,
      ...(previous ? ["--previous", previous] : []),
    ],
    logFile,
  });
  const dir = join(outDir, INDEX_DIR);
  return {
    wallMs: measure.wallMs,
    cpuMs: measure.cpuMs,
    peakBytes: measure.peakBytes,
    pages: pagesIndexed(readFileSync(join(dir, MANIFEST_FILE), "utf8")),
    ...folderSize(dir),
  };
}

/** A small seeded generator (mulberry32): the same shuffles on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of every plain <p> shuffled. */
function shuffleParagraphs(html: string, random: () => number): string {
  return html.replace(/<p>([^<]*)<\/p>/g, (_, text: string) => {
    const words = text.split(" ");
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [words[i], words[j]] = [words[j]!, words[i]!];
    }
    return `<p>${words.join(" ")}</p>`;
  });
}

const TITLE = /(<h1 id="article-title"[^>]*>)([^<]*)/;
const PUBLISHED = /(<span data-search-meta="published">)(\d{4}-\d{2}-\d{2})/;

/** An article page under a new title, its publication day changed by `redate`. */
function copyOf(html: string, suffix: string, redate: (day: string) => string): string {
  return html
    .replace(TITLE, (_, open: string, title: string) => `${open}${title} (${suffix})`)
    .replace(PUBLISHED, (_, open: string, day: string) => `${open}${redate(day)}`);
}

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(day) - days * 86_400_000).toISOString().slice(0, 10);

const builtArticles = (news: string) =>
  readdirSync(news)
    .filter((slug) => slug !== "trang" && existsSync(join(news, slug, "index.html")))
    .sort();

/**
 * `dist` with N article pages and no index: the built ones and renamed copies of them (no astro
 * build). Copy k is dated k days before its original, so copies of different articles alternate
 * in date order as a real archive's do (undated ones stay undated). `shuffled`: each copy's plain
 * paragraphs word-shuffled, a worst case for the index's size.
 */
export function copySite(dist: string, size: number, outDir: string, shuffled: boolean): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(dist, outDir, { recursive: true });
  rmSync(join(outDir, INDEX_DIR), { recursive: true, force: true });
  const news = join(outDir, "tin-tuc");
  const built = builtArticles(news);
  for (let k = 1; built.length * k < size; k++) {
    for (const [i, slug] of built.entries()) {
      if (built.length * k + i >= size) break;
      const original = readFileSync(join(news, slug, "index.html"), "utf8");
      const html = copyOf(original, `bản sao ${k}`, (day) => daysBefore(day, k));
      mkdirSync(join(news, `${slug}-ban-sao-${k}`));
      writeFileSync(
        join(news, `${slug}-ban-sao-${k}`, "index.html"),
        shuffled ? shuffleParagraphs(html, seeded(k * 31 + i)) : html,
      );
    }
  }
}

/**
 * A copy of the built site `from` (without its index) with one more article, dated after every
 * other: what the staging folder holds when the newsroom publishes one article.
 */
export function withOneMoreArticle(from: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(from, outDir, { recursive: true, filter: (src) => src !== join(from, INDEX_DIR) });
  const news = join(outDir, "tin-tuc");
  const dated = builtArticles(news).find((slug) =>
    PUBLISHED.test(readFileSync(join(news, slug, "index.html"), "utf8")),
  )!;
  const html = readFileSync(join(news, dated, "index.html"), "utf8");
  mkdirSync(join(news, "bai-moi-nhat"));
  // Later than any article of the corpus, whatever its dates.
  const newest = copyOf(html, "bài mới", () => "2099-12-31");
  writeFileSync(join(news, "bai-moi-nhat", "index.html"), newest);
}
