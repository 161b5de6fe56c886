// The files of the search index (written by src/lib/search/build-index.ts, read by engine.ts):
// one small manifest, every page's filter values in one compact file, the words split by hash into
// many small files so a query loads only those holding its words, the pages' results and excerpt
// texts four pages a file, and the table of pages a later build reuses (never read by a reader).
//
// Files are read by hand-written checks, not schemas: a schema walking a 10,000-page index took
// tens of milliseconds of the first query.
import * as z from "zod/mini";

/** Changes with the format; a reader meeting another version says the index is unavailable. */
export const FORMAT = 3;

/** Where the index goes inside the site, and the URL it is loaded from. */
export const INDEX_DIR = "chi-muc";
/** The only file at a fixed address: it names the folder of this build's files. */
export const MANIFEST_FILE = "chi-muc.json";

/** The word file holding a term: FNV-1a of its UTF-16 code units, modulo the number of files. */
export function bucketOf(term: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The key of a start of a word in the word files: no term begins with ">". */
export const completionKey = (start: string) => `>${start}`;

/**
 * The word file of a key: a start's completions sit with the word of the same letters, so a whole
 * last word costs no file of its own for them.
 */
export const bucketOfKey = (key: string, buckets: number) =>
  bucketOf(key.startsWith(">") ? key.slice(1) : key, buckets);

/** A word file's path inside the build's folder. */
export const bucketPath = (bucket: number) => `tu/${bucket}.json`;
/** The filter values of every page, inside the build's folder. */
export const PAGE_VALUES_FILE = "loc.json";
/**
 * Pages per page file, numbers following on: the ten results of a common query are mostly the
 * newest pages, so they come in three or four files where one a page made ten requests, a second
 * wave over the six connections a browser opens to a host. Results far apart cost four pages'
 * bytes each (a page is about 8 KiB, 2.5 KiB gzipped).
 */
export const PAGES_PER_FILE = 4;
/** The number of the page file holding page `page`. */
export const pageFileOf = (page: number) => Math.floor(page / PAGES_PER_FILE);
/** A page file's path inside the build's folder. */
export const pagePath = (file: number) => `trang/${file}.json`;
/**
 * The pages as the build read them (src/lib/search/index-sources.ts): what lets the next build
 * reuse every page whose HTML did not change. Not JSON, so the build's compression leaves it be.
 */
export const SOURCES_FILE = "nguon.tsv";

/**
 * Page numbers, ascending, as JSON numbers: the first as is, then the step to the next; -n stands
 * for n further pages one after another (common words are on nearly every page).
 */
export type Postings = number[];

/** Encodes ascending, distinct page numbers. */
export function encodePostings(pages: readonly number[]): Postings {
  const out: number[] = [];
  let last = -1;
  let run = 0;
  const flush = () => {
    if (run > 0) out.push(-run);
    run = 0;
  };
  for (const page of pages) {
    if (page === last + 1 && out.length > 0) {
      run++;
    } else {
      flush();
      out.push(out.length === 0 ? page : page - last);
    }
    last = page;
  }
  flush();
  return out;
}

/** Calls `visit` with every page of encoded postings, in order. */
export function forEachPosting(postings: Postings, visit: (page: number) => void): void {
  let page = -1;
  for (const [i, n] of postings.entries()) {
    if (n < 0) {
      for (let k = 0; k < -n; k++) visit(++page);
    } else {
      page = i === 0 ? n : page + n;
      visit(page);
    }
  }
}

/** How many pages encoded postings hold, without visiting them. */
export function postingsCount(postings: Postings): number {
  let count = 0;
  for (const n of postings) count += n < 0 ? -n : 1;
  return count;
}

/** One term (a folded word, or two folded words side by side joined by a space). */
export type TermEntry = {
  /** Pages by how the term is written there, tones kept: {"kết nạp": […], "kết nắp": […]}. */
  v: Record<string, Postings>;
  /** Pages whose title holds the term (single words only). */
  t?: Postings;
};

/** Most words a half-typed word is completed to: the ones on the most pages. */
export const COMPLETIONS = 8;

/** The folded words that start with a folded start, most pages first (key: completionKey). */
export type CompletionEntry = { c: string[] };

export type Bucket = Record<string, TermEntry | CompletionEntry>;

function isPostings(value: unknown): value is Postings {
  if (!Array.isArray(value)) return false;
  // A plain loop: common words hold thousands of numbers, checked on a cold page.
  for (let i = 0; i < value.length; i++) if (!Number.isInteger(value[i])) return false;
  return true;
}

function isEntry(value: unknown): value is TermEntry | CompletionEntry {
  if (typeof value !== "object" || value === null) return false;
  if ("c" in value) return Array.isArray(value.c) && value.c.every((w) => typeof w === "string");
  if (!("v" in value) || typeof value.v !== "object" || value.v === null) return false;
  if ("t" in value && !isPostings(value.t)) return false;
  return Object.values(value.v).every(isPostings);
}

/** A word file as read: a record of entries. */
export function isBucket(value: unknown): value is Bucket {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(isEntry)
  );
}

/** The filters every page can be narrowed by; values are listed once, pages give their positions. */
export const FILTER_FIELDS = ["tinh", "chu-de", "nam"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** One page's filter values: positions in the lists of tinh, chu-de and nam. */
export type PageValues = [number[], number[], number[]];

/**
 * How pages are numbered, so that publishing a new article moves no other page: dataset pages
 * first, then undated articles (each by URL), then dated articles oldest first. Ties in ranking go
 * to newer articles, then undated ones, then dataset pages.
 */
export type PageOrder = { datasets: number; undated: number };

/** A page's place among equals: 0 for the newest article, datasets last. */
export function recencyOf(order: PageOrder, pages: number): (page: number) => number {
  const articlesFrom = order.datasets;
  const datedFrom = order.datasets + order.undated;
  const dated = pages - datedFrom;
  return (page) =>
    page >= datedFrom
      ? pages - 1 - page
      : page >= articlesFrom
        ? dated + page - articlesFrom
        : dated + order.undated + page;
}

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  /** This build's folder (a hash of its content): its files never change, so they cache forever. */
  dir: z.string().check(z.regex(/^[0-9a-f]{12}\/$/)),
  buckets: z.int().check(z.gte(1)),
  /** Pages in the index, numbered from 0 as PageOrder says. */
  pages: z.int().check(z.gte(0)),
  order: z.object({
    datasets: z.int().check(z.gte(0)),
    undated: z.int().check(z.gte(0)),
  }),
  /** Filter values, each list in the order the form shows them. */
  values: z.object({
    tinh: z.array(z.string()),
    "chu-de": z.array(z.string()),
    nam: z.array(z.string()),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * Every page's filter values: the distinct combinations once, then for each page the number of
 * its combination, `width` characters of COMBO_DIGITS each (20 KB for 10,000 pages, where a list
 * per page took 188 KB and a fifth of the first query's time to read).
 */
export type PageValuesFile = { combos: PageValues[]; width: number; of: string };

const COMBO_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT = new Map([...COMBO_DIGITS].map((c, i) => [c, i]));

/** Encodes each page's values as the number of its combination (combinations in first-seen order). */
export function encodePageValues(table: readonly PageValues[]): PageValuesFile {
  const numbers = new Map<string, number>();
  const combos: PageValues[] = [];
  const ids = table.map((values) => {
    const key = JSON.stringify(values);
    let id = numbers.get(key);
    if (id === undefined) {
      numbers.set(key, (id = combos.length));
      combos.push(values);
    }
    return id;
  });
  let width = 1;
  while (COMBO_DIGITS.length ** width < combos.length) width++;
  const digits = (n: number) => {
    let s = "";
    for (let k = 0; k < width; k++, n = Math.floor(n / COMBO_DIGITS.length))
      s = COMBO_DIGITS[n % COMBO_DIGITS.length]! + s;
    return s;
  };
  return { combos, width, of: ids.map(digits).join("") };
}

/** The values of page `page`. */
export function pageValuesOf(file: PageValuesFile, page: number): PageValues {
  let n = 0;
  for (let k = 0; k < file.width; k++)
    n = n * COMBO_DIGITS.length + DIGIT.get(file.of[page * file.width + k]!)!;
  return file.combos[n]!;
}

/** COMBO_DIGITS by character code (-1 for any other character): no map lookup per page. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (const [i, c] of [...COMBO_DIGITS].entries()) DIGIT_OF[c.charCodeAt(0)] = i;

/**
 * A filter file for `pages` pages as each page's combination number, or undefined when it is not
 * one (a digit outside COMBO_DIGITS, a combination it does not list, a malformed list).
 */
export function readPageValues(
  value: unknown,
  pages: number,
): { combos: PageValues[]; of: Int32Array } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { combos, width, of } = value as Partial<PageValuesFile>;
  if (!Number.isInteger(width) || width! < 1 || typeof of !== "string") return undefined;
  if (of.length !== pages * width! || !Array.isArray(combos)) return undefined;
  const valid = (list: unknown) =>
    Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 0);
  if (!combos.every((c) => Array.isArray(c) && c.length === FILTER_FIELDS.length && c.every(valid)))
    return undefined;
  const numbers = new Int32Array(pages);
  for (let p = 0, i = 0; p < pages; p++) {
    let n = 0;
    for (let k = 0; k < width!; k++, i++) {
      const code = of.charCodeAt(i);
      const digit = code < 128 ? DIGIT_OF[code]! : -1;
      if (digit < 0) return undefined;
      n = n * COMBO_DIGITS.length + digit;
    }
    if (n >= combos.length) return undefined;
    numbers[p] = n;
  }
  return { combos: combos as PageValues[], of: numbers };
}

/** A filter file for `pages` pages, every combination a valid one. */
export function isPageValuesFile(value: unknown, pages: number): value is PageValuesFile {
  return readPageValues(value, pages) !== undefined;
}

/** A page's result: what a hit shows, and the text its excerpt is cut from. */
export type PageRecord = {
  url: string;
  title: string;
  /** "bai-viet" for an article, "du-lieu" for a dataset page. */
  kind: "bai-viet" | "du-lieu";
  /** The date line as the article gives it, or "Không ghi ngày đăng"; none for a dataset. */
  date?: string;
  /** The page's text as read (title left out). */
  text: string;
  /** A dataset page's table, a row a line ("cell · cell"): an excerpt may come from one. */
  rows?: string[];
};

export const PAGE_URL = /^\/(tin-tuc|du-lieu)\/[^/\s]+\/$/;

/** A page file as read: the records of its pages, in number order. */
export function isPageFile(value: unknown): value is PageRecord[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= PAGES_PER_FILE &&
    value.every(isPageRecord)
  );
}

/** One page's record as read. */
export function isPageRecord(value: unknown): value is PageRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<Record<keyof PageRecord, unknown>>;
  return (
    typeof r.url === "string" &&
    PAGE_URL.test(r.url) &&
    typeof r.title === "string" &&
    (r.kind === "bai-viet" || r.kind === "du-lieu") &&
    (r.date === undefined || typeof r.date === "string") &&
    typeof r.text === "string" &&
    (r.rows === undefined || (Array.isArray(r.rows) && r.rows.every((x) => typeof x === "string")))
  );
}
