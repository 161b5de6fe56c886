// Builds the search index of a built site (src/lib/search/index-files.ts has the format): every
// article and dataset page, each word indexed folded with the ways it is written, and every two
// words side by side, so phrases and tones as typed can rank first without reading page text.
// Given the previous build (`previous`), pages whose HTML did not change are not read again: their
// terms and files are carried over, and the result is the same, byte for byte, as reading all.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { numberPages, readSitePages, type IndexedPage } from "./build-pages.ts";
import { Terms, type PageText } from "./build-terms.ts";
import {
  bucketPath,
  encodePageValues,
  FILTER_FIELDS,
  FORMAT,
  INDEX_DIR,
  isBucket,
  MANIFEST_FILE,
  PAGE_VALUES_FILE,
  SOURCES_FILE,
  type Bucket,
  type Manifest,
  type PageValues,
} from "./index-files.ts";
import { indexerVersion, writeSources } from "./index-sources.ts";
import { addPageFiles } from "./build-page-files.ts";
import { PreviousUnusable, readPreviousIndex, type PreviousIndex } from "./previous-index.ts";
import { sortFilterOptions } from "./view.ts";

export type IndexSummary = {
  pages: number;
  files: number;
  bytes: number;
  /** Pages read from their HTML in this build. */
  read: number;
  /** Pages carried unchanged from the previous index. */
  carried: number;
  /** Why a previous index that was named could not be used (then every page was read). */
  unused?: string;
};

/** Word files: about one per two pages, a power of two from 64 to 4,096 (each stays small). */
export function bucketCount(pages: number): number {
  let buckets = 64;
  while (buckets < 4096 && buckets * 2 <= pages) buckets *= 2;
  return buckets;
}

/** The filter values of every page, as positions in the sorted lists of values. */
function filterTable(pages: IndexedPage[]): { values: Manifest["values"]; table: PageValues[] } {
  const values = sortFilterOptions({
    tinh: pages.flatMap((p) => p.filters.tinh),
    "chu-de": pages.flatMap((p) => p.filters["chu-de"]),
    nam: pages.flatMap((p) => p.filters.nam),
  });
  const position = FILTER_FIELDS.map((field) => new Map(values[field].map((v, i) => [v, i])));
  return {
    values,
    table: pages.map(
      (p) =>
        FILTER_FIELDS.map((field, k) => [
          ...new Set(p.filters[field].map((v) => position[k]!.get(v)!)),
        ]) as PageValues,
    ),
  };
}

const runsOf = (page: IndexedPage): PageText => ({
  title: page.read!.title,
  runs: [page.read!.text, ...page.read!.rows, page.read!.hidden],
});

function parseBucket(text: string): Bucket | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isBucket(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The terms of every page: the previous index's carried over, the pages read now added. */
function termsOf(
  pages: IndexedPage[],
  previous: PreviousIndex | undefined,
): { terms: Terms; previousTexts: string[] } {
  const terms = new Terms();
  let previousTexts: string[] = [];
  if (previous && pages.some((p) => p.previous !== undefined)) {
    const renumber = new Int32Array(previous.manifest.pages).fill(-1);
    for (const [id, page] of pages.entries())
      if (page.previous !== undefined) renumber[page.previous] = id;
    try {
      previousTexts = previous.bucketTexts();
    } catch (error) {
      throw new PreviousUnusable(`không đọc được tệp từ của chỉ mục cũ (${String(error)})`);
    }
    for (const text of previousTexts) {
      const bucket = parseBucket(text);
      if (!bucket) throw new PreviousUnusable("tệp từ của chỉ mục cũ hỏng");
      terms.carry(bucket, renumber);
    }
  }
  for (const [id, page] of pages.entries()) if (page.read) terms.addPage(runsOf(page), id);
  return { terms, previousTexts };
}

/** What goes in the build's folder: bodies to write, files of the previous index to link. */
type Contents = { bodies: Map<string, string>; links: Map<string, string>; manifest: Manifest };

function contentsOf(
  pages: IndexedPage[],
  order: Manifest["order"],
  previous: PreviousIndex | undefined,
  version: string,
): Contents {
  const { terms, previousTexts } = termsOf(pages, previous);
  const buckets = bucketCount(pages.length);
  const bodies = new Map<string, string>();
  const links = new Map<string, string>();
  const sameBuckets = previous?.manifest.buckets === buckets;
  for (const [k, bucket] of terms.buckets(buckets).entries()) {
    const body = JSON.stringify(bucket);
    bodies.set(bucketPath(k), body);
    // A word file no page changed: the same bytes, linked rather than written again.
    if (sameBuckets && previousTexts[k] === body)
      links.set(bucketPath(k), join(previous!.dir, bucketPath(k)));
  }
  const { values, table } = filterTable(pages);
  bodies.set(PAGE_VALUES_FILE, JSON.stringify(encodePageValues(table)));
  bodies.set(SOURCES_FILE, writeSources(version, pages));
  // The folder is named by a hash of everything in it: same pages, same folder. The page files are
  // fixed by the pages' HTML and numbers (their keys, in order, in SOURCES_FILE) and the indexer
  // (its version there).
  const hash = createHash("sha256");
  for (const [path, body] of bodies) hash.update(path).update("\0").update(body).update("\0");
  hash.update(JSON.stringify(values));
  addPageFiles(pages, previous, bodies, links);
  const dir = `${hash.digest("hex").slice(0, 12)}/`;
  const manifest: Manifest = { format: FORMAT, dir, buckets, pages: pages.length, order, values };
  return { bodies, links, manifest };
}

/** A hard link to a file of the previous index (a copy across file systems). */
function linkPrevious(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EXDEV" || code === "EPERM") copyFileSync(from, to);
    else if (code === "ENOENT") throw new PreviousUnusable(`chỉ mục cũ thiếu tệp ${from}`);
    else throw error;
  }
}

function writeContents(folder: string, { bodies, links, manifest }: Contents): void {
  const dir = join(folder, manifest.dir);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(dir, "tu"), { recursive: true });
  mkdirSync(join(dir, "trang"), { recursive: true });
  for (const [path, body] of bodies) if (!links.has(path)) writeFileSync(join(dir, path), body);
  for (const [path, from] of links) linkPrevious(from, join(dir, path));
  writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/** Builds into `temp`: the pages read, or carried from `previous`. */
function buildInto(
  site: string,
  temp: string,
  previous: PreviousIndex | undefined,
  version: string,
): Pick<IndexSummary, "pages" | "read" | "carried"> {
  const { pages, order } = numberPages(readSitePages(site, previous));
  writeContents(temp, contentsOf(pages, order, previous, version));
  const read = pages.filter((p) => p.read).length;
  return { pages: pages.length, read, carried: pages.length - read };
}

/** A reason the index could not be built, in Vietnamese, with what to do. */
function failure(site: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  // A failure of the disk (full, read-only, no permission) rather than of a page.
  const system = (error as NodeJS.ErrnoException).code !== undefined;
  const fix = system
    ? `Kiểm tra ổ đĩa còn chỗ trống và quyền ghi vào ${site}, rồi dựng lại.`
    : "Sửa chỗ đó rồi dựng lại.";
  return new Error(`Không tạo được chỉ mục tìm kiếm: ${reason}. ${fix}`, { cause: error });
}

/**
 * Indexes `site` into `site/chi-muc/`, written beside it first and moved in place when complete;
 * throws (in Vietnamese, naming the file) when a page cannot be indexed. `previous` is the site
 * published before (its chi-muc/ is reused where pages did not change).
 */
export async function buildSearchIndex(
  site: string,
  options: { previous?: string } = {},
): Promise<IndexSummary> {
  const out = join(site, INDEX_DIR);
  const temp = join(site, `.${INDEX_DIR}-${process.pid}`);
  const old = join(site, `.${INDEX_DIR}-old-${process.pid}`);
  try {
    // An index this step made before is replaced; anything else at that path is not ours to delete.
    const existing = statSync(out, { throwIfNoEntry: false });
    const ours = statSync(join(out, MANIFEST_FILE), { throwIfNoEntry: false });
    if (existing && !ours) {
      throw new Error(
        `${INDEX_DIR} đã có trong trang dựng (có lẽ từ public/${INDEX_DIR}); ` +
          `đổi tên nó: đường dẫn /${INDEX_DIR}/ dành cho chỉ mục tìm kiếm`,
      );
    }
    const version = indexerVersion();
    let unused: string | undefined;
    let previous: PreviousIndex | undefined;
    if (options.previous) {
      const found = readPreviousIndex(options.previous, version);
      if ("index" in found) previous = found.index;
      else unused = found.reason;
    }
    let built: ReturnType<typeof buildInto>;
    try {
      built = buildInto(site, temp, previous, version);
    } catch (error) {
      if (!(error instanceof PreviousUnusable)) throw error;
      unused = error.message;
      built = buildInto(site, temp, undefined, version);
    }
    if (existing) renameSync(out, old);
    renameSync(temp, out);
    rmSync(old, { recursive: true, force: true });
    return { ...built, ...sizeOf(out), ...(unused ? { unused } : {}) };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw failure(site, error);
  }
}
