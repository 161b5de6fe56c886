// Builds the Pagefind index of a built site: article and dataset pages (those marked
// data-pagefind-body), with đ stroke-marked so that folding finds it (see src/lib/search/text.ts).
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
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

export type IndexSummary = { pages: number; files: number; bytes: number };

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

/** The page URL of dist/<path>/index.html. */
function urlOf(site: string, file: string): string {
  const dir = relative(site, file).split(sep).slice(0, -1).join("/");
  return dir ? `/${dir}/` : "/";
}

/** Indexes `site` into `site/pagefind/`; throws (in Vietnamese) when Pagefind reports a problem. */
export async function buildSearchIndex(site: string): Promise<IndexSummary> {
  const out = join(site, INDEX_DIR);
  await rm(out, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: "vi",
      excludeSelectors: EXCLUDE,
    });
    if (!index) throw new Error(errors.join("; "));
    let pages = 0;
    const files = await htmlFiles(site);
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = await Promise.all(
        files.slice(i, i + BATCH).map(async (file) => {
          const html = await readFile(file, "utf8");
          if (!html.includes("data-pagefind-body")) return 0;
          const added = await index.addHTMLFile({
            url: urlOf(site, file),
            content: markStrokeInHtml(html),
          });
          if (added.errors.length) throw new Error(`${file}: ${added.errors.join("; ")}`);
          return 1;
        }),
      );
      pages += batch.reduce<number>((a, b) => a + b, 0);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(written.errors.join("; "));
    await removeUnusedUi(out);
    return { pages, ...(await sizeOf(out)) };
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
