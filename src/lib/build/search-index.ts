// Builds the Pagefind index of a built site: article and dataset pages (those marked
// data-pagefind-body), with đ stroke-marked so that folding finds it (see src/lib/search/text.ts).
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import { SHARDS_FILE } from "../search/shards.ts";
import { markStrokeInHtml } from "../search/text.ts";

/** Where the index goes inside the site, and the URL the pages load it from. */
export const INDEX_DIR = "pagefind";

/**
 * Parts of a page never worth finding: navigation, controls, chart drawings and their number
 * tables and download links, print-only lines, field names, and the column notes every dataset
 * page repeats (their examples name the same units on every page). Chart titles, takeaways and
 * captions, photo captions, column labels and sources stay.
 */
const EXCLUDE = [
  "svg",
  "script",
  ".article-terms dt",
  ".article-header .meta",
  ".chart__details",
  ".chart__downloads",
  ".column-reference dd",
  ".photo-missing",
  ".breadcrumbs",
  ".reading-tools",
  ".article-actions",
  ".print-only",
  ".visually-hidden",
];

/** Files sent to Pagefind at once (it indexes them in its own process). */
const BATCH = 64;

/**
 * Most pages in one index. Pagefind scores each matching page by scanning every posting of the
 * query's words (pagefind_web/src/search.rs), so a query that matches most of a large site costs
 * matching pages × postings: 10,000 pages in one index took seconds per query. Split into indexes
 * of at most this many pages, searched together (Pagefind's mergeIndex), the cost falls with the
 * number of indexes. Sites of up to this size keep one index.
 */
export const SHARD_PAGES = 500;

export type IndexSummary = { pages: number; files: number; bytes: number; shards: number };

/** FNV-1a of the page URL: a page stays in its index from one build to the next. */
function shardOf(url: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function sizeOf(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}

/** Pagefind's ready-made search interfaces: the portal renders its own results (src/lib/search/view.ts). */
async function removeUnusedUi(out: string): Promise<void> {
  for (const name of await readdir(out)) {
    if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name)) await rm(join(out, name));
  }
}

/** A further index is searched with the main index's code and WebAssembly: its own copies go. */
async function removeShardCode(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^(pagefind.*\.js|wasm\..*\.pagefind|pagefind-.*\.css)$/.test(name))
      await rm(join(dir, name));
  }
}

/** The page URL of dist/<path>/index.html. */
function urlOf(site: string, file: string): string {
  const dir = relative(site, file).split(sep).slice(0, -1).join("/");
  return dir ? `/${dir}/` : "/";
}

/** Indexes `site` into `site/pagefind/`; throws (in Vietnamese) when Pagefind reports a problem. */
export async function buildSearchIndex(
  site: string,
  { shardPages = SHARD_PAGES }: { shardPages?: number } = {},
): Promise<IndexSummary> {
  const out = join(site, INDEX_DIR);
  await rm(out, { recursive: true, force: true });
  try {
    // First the pages to index (marked data-pagefind-body), to know how many indexes to make.
    const pages: { file: string; url: string }[] = [];
    for (const file of await htmlFiles(site)) {
      const html = await readFile(file, "utf8");
      if (html.includes("data-pagefind-body")) pages.push({ file, url: urlOf(site, file) });
    }
    const count = Math.max(1, Math.ceil(pages.length / shardPages));
    // Pages by index; an index the hash left empty is not made (Pagefind cannot write one).
    const buckets = Array.from({ length: count }, () => [] as typeof pages);
    for (const page of pages) buckets[shardOf(page.url, count)]!.push(page);
    const groups = buckets.filter((b, k) => b.length > 0 || k === 0);
    const shards = groups.length;
    const indexes: pagefind.PagefindIndex[] = [];
    for (const group of groups) {
      const { index, errors } = await pagefind.createIndex({
        forceLanguage: "vi",
        excludeSelectors: EXCLUDE,
      });
      if (!index) throw new Error(errors.join("; "));
      indexes.push(index);
      for (let i = 0; i < group.length; i += BATCH) {
        await Promise.all(
          group.slice(i, i + BATCH).map(async ({ file, url }) => {
            const html = await readFile(file, "utf8");
            const added = await index.addHTMLFile({ url, content: markStrokeInHtml(html) });
            if (added.errors.length) throw new Error(`${file}: ${added.errors.join("; ")}`);
          }),
        );
      }
    }
    const dirs = indexes.map((_, k) => (k === 0 ? "" : `shard-${k}/`));
    for (const [k, index] of indexes.entries()) {
      const written = await index.writeFiles({ outputPath: join(out, dirs[k]!) });
      if (written.errors.length) throw new Error(written.errors.join("; "));
    }
    await removeUnusedUi(out);
    for (const dir of dirs.slice(1)) await removeShardCode(join(out, dir));
    await writeFile(join(out, SHARDS_FILE), JSON.stringify({ shards: dirs.slice(1) }));
    return { pages: pages.length, ...(await sizeOf(out)), shards };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Không tạo được chỉ mục tìm kiếm (Pagefind: ${reason}). ` +
        "Chạy lại `npm ci` để cài lại gói pagefind và @pagefind/linux-x64, rồi dựng lại.",
      { cause: error },
    );
  } finally {
    await pagefind.close();
  }
}
