// The files of the search index (written by src/lib/search/build-index.ts, read by engine.ts):
// one list of pages with their filter values, the words split by hash into many small files so a
// query loads only those holding its words, and one file per page for its result and excerpt.
import * as z from "zod/mini";

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

/** A word file's path inside the build's folder. */
export const bucketPath = (bucket: number) => `tu/${bucket}.json`;
/** The filter values of every page, inside the build's folder. */
export const PAGE_VALUES_FILE = "loc.json";
/** A page file's path inside the build's folder. */
export const pagePath = (page: number) => `trang/${page}.json`;

/**
 * Page numbers, ascending, as JSON numbers: the first as is, then the step to the next; -n stands
 * for n further pages one after another (common words are on nearly every page).
 */
export const postingsSchema = z.array(z.number());
export type Postings = z.infer<typeof postingsSchema>;

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

/** One term (a folded word, or two folded words side by side joined by a space). */
export const termSchema = z.object({
  /** Pages by how the term is written there, tones kept: {"kết nạp": […], "kết nắp": […]}. */
  v: z.record(z.string(), postingsSchema),
  /** Pages whose title holds the term (single words only). */
  t: z.optional(postingsSchema),
});
export type TermEntry = z.infer<typeof termSchema>;

/** Most words a half-typed word is completed to: the ones on the most pages. */
export const COMPLETIONS = 8;

/** The key of a start of a word in the word files: no term begins with ">". */
export const completionKey = (start: string) => `>${start}`;

/** The folded words that start with a folded start, most pages first (key: completionKey). */
export const completionSchema = z.object({ c: z.array(z.string()) });
export type CompletionEntry = z.infer<typeof completionSchema>;

export const bucketSchema = z.record(z.string(), z.union([termSchema, completionSchema]));
export type Bucket = z.infer<typeof bucketSchema>;

/** The filters every page can be narrowed by; values are listed once, pages give their positions. */
export const FILTER_FIELDS = ["tinh", "chu-de", "nam"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** One page's filter values: positions in the lists of tinh, chu-de and nam. */
export type PageValues = [number[], number[], number[]];

/** Checked by hand: a schema walking 10,000 pages took 20 ms of the first query. */
function isPageTable(value: unknown): value is PageValues[] {
  if (!Array.isArray(value)) return false;
  for (const page of value) {
    if (!Array.isArray(page) || page.length !== FILTER_FIELDS.length) return false;
    for (const list of page) {
      if (!Array.isArray(list)) return false;
      for (const n of list) if (!Number.isInteger(n) || n < 0) return false;
    }
  }
  return true;
}

export const manifestSchema = z.object({
  /** Changes with the format; a reader meeting another version says the index is unavailable. */
  format: z.literal(1),
  /** This build's folder (a hash of its content): its files never change, so they cache forever. */
  dir: z.string().check(z.regex(/^[0-9a-f]{12}\/$/)),
  buckets: z.int().check(z.gte(1)),
  /** Pages in the index, numbered from 0: newest article first, undated articles, then datasets. */
  pages: z.int().check(z.gte(0)),
  /** Filter values, each list in the order the form shows them. */
  values: z.object({
    tinh: z.array(z.string()),
    "chu-de": z.array(z.string()),
    nam: z.array(z.string()),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Per page (by number), the positions of its values in `values`, one list per filter. */
export const pageValuesSchema = z.custom<PageValues[]>(
  isPageTable,
  "loc.json: danh sách giá trị lọc của từng trang",
);

export const pageSchema = z.object({
  url: z.string().check(z.regex(/^\/(tin-tuc|du-lieu)\/[^/]+\/$/)),
  title: z.string(),
  kind: z.enum(["bai-viet", "du-lieu"]),
  /** The date line as the article gives it, or "Không ghi ngày đăng"; none for a dataset. */
  date: z.optional(z.string()),
  /** The page's text as read (title left out), for the excerpt. */
  text: z.string(),
});
export type PageRecord = z.infer<typeof pageSchema>;
