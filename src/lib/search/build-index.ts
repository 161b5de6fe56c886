// Builds the search index of a built site (src/lib/search/index-files.ts has the format): every
// article and dataset page, each word indexed folded with the ways it is written, and every two
// words side by side, so phrases and tones as typed can rank first without reading page text.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { extractPage, type ExtractedPage } from "./extract.ts";
import {
  bucketOf,
  bucketPath,
  completionKey,
  COMPLETIONS,
  encodePostings,
  FILTER_FIELDS,
  INDEX_DIR,
  MANIFEST_FILE,
  PAGE_VALUES_FILE,
  pagePath,
  type Bucket,
  type Manifest,
  type PageRecord,
  type PageValues,
} from "./index-files.ts";
import { textWords } from "./text.ts";
import { sortFilterOptions } from "./view.ts";

export type IndexSummary = { pages: number; files: number; bytes: number };

/** Word files: about one per two pages, a power of two from 64 to 4,096 (each stays small). */
export function bucketCount(pages: number): number {
  let buckets = 64;
  while (buckets < 4096 && buckets * 2 <= pages) buckets *= 2;
  return buckets;
}

/** Files read or written at once. */
const PARALLEL = 16;

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) {
    await Promise.all(items.slice(i, i + PARALLEL).map(work));
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The page URL of dist/<path>/index.html. */
function urlOf(site: string, file: string): string {
  const dir = relative(site, file).split(sep).slice(0, -1).join("/");
  return dir ? `/${dir}/` : "/";
}

type Indexed = ExtractedPage & { url: string; file: string };

/** Newest article first, undated articles next, dataset pages last: the order ties are broken in. */
function byRecency(a: Indexed, b: Indexed): number {
  const rank = (p: Indexed) => (p.meta.kind === "du-lieu" ? 2 : p.meta.published ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    (b.meta.published ?? "").localeCompare(a.meta.published ?? "") ||
    a.url.localeCompare(b.url)
  );
}

/** A page the index cannot describe: the message names the file and what it lacks. */
function check(page: Indexed, site: string): void {
  const where = relative(site, page.file);
  const problems: string[] = [];
  if (!page.title) problems.push("không có tiêu đề <h1> trong phần được tìm (data-search-body)");
  if (page.meta.kind !== "bai-viet" && page.meta.kind !== "du-lieu")
    problems.push('thiếu data-search-meta="kind" (bai-viet hoặc du-lieu)');
  if (!/^\/(tin-tuc|du-lieu)\/[^/]+\/$/.test(page.url))
    problems.push("chỉ trang bài viết (/tin-tuc/…/) và trang dữ liệu (/du-lieu/…/) được tìm");
  if (problems.length) throw new Error(`${where}: ${problems.join("; ")}`);
}

/** Terms of the index, by term then by how it is written, each with its pages in order. */
class Terms {
  readonly entries = new Map<string, { v: Map<string, number[]>; t: number[] }>();

  #entry(term: string) {
    let entry = this.entries.get(term);
    if (!entry) this.entries.set(term, (entry = { v: new Map(), t: [] }));
    return entry;
  }

  add(term: string, written: string, page: number): void {
    const { v } = this.#entry(term);
    const pages = v.get(written);
    if (!pages) v.set(written, [page]);
    else if (pages.at(-1) !== page) pages.push(page);
  }

  addTitle(term: string, page: number): void {
    const { t } = this.#entry(term);
    if (t.at(-1) !== page) t.push(page);
  }
}

/** Pages holding a term, however it is written there. */
function pagesWith(entry: { v: Map<string, number[]> }): number {
  const lists = [...entry.v.values()];
  return lists.length === 1 ? lists[0]!.length : new Set(lists.flat()).size;
}

/** For every start of a word of letters, the COMPLETIONS words beginning so on the most pages. */
function completions(terms: Terms): Map<string, string[]> {
  const byStart = new Map<string, { word: string; pages: number }[]>();
  for (const [term, entry] of terms.entries) {
    if (!/^\p{L}{2,}$/u.test(term)) continue;
    const pages = pagesWith(entry);
    for (let n = 1; n < term.length; n++) {
      const start = term.slice(0, n);
      let list = byStart.get(start);
      if (!list) byStart.set(start, (list = []));
      list.push({ word: term, pages });
    }
  }
  const out = new Map<string, string[]>();
  for (const [start, list] of byStart) {
    list.sort((a, b) => b.pages - a.pages || a.word.localeCompare(b.word));
    out.set(
      start,
      list.slice(0, COMPLETIONS).map((c) => c.word),
    );
  }
  return out;
}

function indexPage(terms: Terms, page: Indexed, id: number): void {
  const titleWords = textWords(page.title);
  const words = [...titleWords, ...textWords(page.text)];
  for (const [i, word] of words.entries()) {
    terms.add(word.folded, word.typed, id);
    const next = words[i + 1];
    if (next) terms.add(`${word.folded} ${next.folded}`, `${word.typed} ${next.typed}`, id);
  }
  for (const word of titleWords) terms.addTitle(word.folded, id);
}

/** The filter values of every page, as positions in the sorted lists of values. */
function filterTable(pages: Indexed[]): { values: Manifest["values"]; table: PageValues[] } {
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

/**
 * Indexes `site` into `site/chi-muc/`, written beside it first and moved in place when complete;
 * throws (in Vietnamese, naming the file) when a page cannot be indexed.
 */
export async function buildSearchIndex(site: string): Promise<IndexSummary> {
  const out = join(site, INDEX_DIR);
  const temp = join(site, `.${INDEX_DIR}-${process.pid}`);
  const old = join(site, `.${INDEX_DIR}-old-${process.pid}`);
  try {
    // An index this step made before is replaced; anything else at that path is not ours to delete.
    const existing = await stat(out).catch(() => undefined);
    const ours = await stat(join(out, MANIFEST_FILE)).catch(() => undefined);
    if (existing && !ours) {
      throw new Error(
        `${INDEX_DIR} đã có trong trang dựng (có lẽ từ public/${INDEX_DIR}); ` +
          `đổi tên nó: đường dẫn /${INDEX_DIR}/ dành cho chỉ mục tìm kiếm`,
      );
    }
    const pages: Indexed[] = [];
    await inBatches(await htmlFiles(site), async (file) => {
      const page = extractPage(await readFile(file, "utf8"));
      if (page) pages.push({ ...page, file, url: urlOf(site, file) });
    });
    for (const page of pages) check(page, site);
    pages.sort(byRecency);

    const terms = new Terms();
    for (const [id, page] of pages.entries()) indexPage(terms, page, id);
    const buckets = bucketCount(pages.length);
    const files: Bucket[] = Array.from({ length: buckets }, () => ({}));
    for (const [start, words] of completions(terms)) {
      const key = completionKey(start);
      files[bucketOf(key, buckets)]![key] = { c: words };
    }
    for (const [term, entry] of terms.entries) {
      const v: Record<string, number[]> = {};
      for (const [written, ids] of entry.v) v[written] = encodePostings(ids);
      files[bucketOf(term, buckets)]![term] = entry.t.length
        ? { v, t: encodePostings(entry.t) }
        : { v };
    }
    const records: PageRecord[] = pages.map((p) => ({
      url: p.url,
      title: p.title,
      kind: p.meta.kind as PageRecord["kind"],
      ...(p.meta.kind === "bai-viet" && p.meta.date ? { date: p.meta.date } : {}),
      text: p.text,
    }));

    // The folder is named by a hash of everything in it: same pages, same folder.
    const bodies = new Map<string, string>();
    for (const [k, bucket] of files.entries()) bodies.set(bucketPath(k), JSON.stringify(bucket));
    for (const [id, record] of records.entries()) bodies.set(pagePath(id), JSON.stringify(record));
    const { values, table } = filterTable(pages);
    bodies.set(PAGE_VALUES_FILE, JSON.stringify(table));
    const hash = createHash("sha256");
    for (const [path, body] of bodies) hash.update(path).update("\0").update(body).update("\0");
    hash.update(JSON.stringify(values));
    const dir = `${hash.digest("hex").slice(0, 12)}/`;
    const manifest: Manifest = { format: 1, dir, buckets, pages: pages.length, values };

    await rm(temp, { recursive: true, force: true });
    await mkdir(join(temp, dir, "tu"), { recursive: true });
    await mkdir(join(temp, dir, "trang"), { recursive: true });
    await inBatches([...bodies], ([path, body]) => writeFile(join(temp, dir, path), body));
    await writeFile(join(temp, MANIFEST_FILE), JSON.stringify(manifest));
    if (existing) await rename(out, old);
    await rename(temp, out);
    await rm(old, { recursive: true, force: true });
    return { pages: pages.length, ...(await sizeOf(out)) };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    // A failure of the disk (full, read-only, no permission) rather than of a page.
    const system = (error as NodeJS.ErrnoException).code !== undefined;
    const fix = system
      ? `Kiểm tra ổ đĩa còn chỗ trống và quyền ghi vào ${site}, rồi dựng lại.`
      : "Sửa chỗ đó rồi dựng lại.";
    throw new Error(`Không tạo được chỉ mục tìm kiếm: ${reason}. ${fix}`, { cause: error });
  }
}
