// One search over the index (src/lib/search/index-files.ts), the same in the browser and on the
// server. Every word must be on the page (folded); then the words side by side and in order come
// first, the tones as typed above tones found only by folding, title words above body words, and
// newer articles above older ones.
import { excerptHtml } from "./excerpt.ts";
import {
  bucketOf,
  bucketPath,
  bucketSchema,
  forEachPosting,
  completionKey,
  FILTER_FIELDS,
  MANIFEST_FILE,
  manifestSchema,
  PAGE_VALUES_FILE,
  pagePath,
  pageSchema,
  pageValuesSchema,
  type Bucket,
  type Manifest,
  type PageRecord,
  type PageValues,
  type Postings,
  type TermEntry,
} from "./index-files.ts";
import { RESULTS_PER_STEP, type FilterKey, type SearchRequest } from "./request.ts";
import { isCompletable, queryWords, startsAsTyped, type Word } from "./text.ts";

/** How the index's files are read: fetch() in the browser, the disk on the server. */
export type IndexFiles = {
  /** The JSON of a file, by its path inside the index folder ("chi-muc.json", "<dir>/tu/3.json"). */
  read(path: string): Promise<unknown>;
};

/** Files kept in memory at most: a browser reads a few; a server, over days, might read all. */
const CACHED_PAGES = 500;
const CACHED_BUCKETS = 1000;

/**
 * Keeps a promise, forgetting it if it fails so that the next call tries again; past `limit`
 * entries the oldest is dropped.
 */
function remember<T>(
  cache: Map<number, Promise<T>>,
  key: number,
  load: () => Promise<T>,
  limit = Infinity,
): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** An index with the files it has read kept, so later queries load only what is new to them. */
export class SearchIndex {
  readonly #files: IndexFiles;
  readonly #lists = new Map<number, Promise<Manifest | PageValues[]>>();
  readonly #buckets = new Map<number, Promise<Bucket>>();
  readonly #pages = new Map<number, Promise<PageRecord>>();

  constructor(files: IndexFiles) {
    this.#files = files;
  }

  /** The small file at the fixed address: this build's folder, word files, filter values. */
  manifest(): Promise<Manifest> {
    return remember(this.#lists, 0, () =>
      this.#files.read(MANIFEST_FILE).then((json) => manifestSchema.parse(json)),
    ) as Promise<Manifest>;
  }

  /** Every page's filter values; loaded beside the word files, not before them. */
  async pageValues(): Promise<PageValues[]> {
    const { dir } = await this.manifest();
    return remember(this.#lists, 1, () =>
      this.#files.read(`${dir}${PAGE_VALUES_FILE}`).then((json) => pageValuesSchema.parse(json)),
    ) as Promise<PageValues[]>;
  }

  async #entry(key: string): Promise<Bucket[string] | undefined> {
    const { dir, buckets } = await this.manifest();
    const k = bucketOf(key, buckets);
    const entries = await remember(
      this.#buckets,
      k,
      () => this.#files.read(`${dir}${bucketPath(k)}`).then((json) => bucketSchema.parse(json)),
      CACHED_BUCKETS,
    );
    return Object.hasOwn(entries, key) ? entries[key] : undefined;
  }

  /** A folded word, or two side by side joined by a space. */
  async term(term: string): Promise<TermEntry | undefined> {
    const entry = await this.#entry(term);
    return entry && "v" in entry ? entry : undefined;
  }

  /** The folded words beginning with a folded start, most pages first. */
  async completions(start: string): Promise<string[]> {
    const entry = await this.#entry(completionKey(start));
    return entry && "c" in entry ? entry.c : [];
  }

  async page(id: number): Promise<PageRecord> {
    const { dir } = await this.manifest();
    return remember(
      this.#pages,
      id,
      () => this.#files.read(`${dir}${pagePath(id)}`).then((json) => pageSchema.parse(json)),
      CACHED_PAGES,
    );
  }
}

/** One result as shown. */
export type SearchHit = {
  url: string;
  title: string;
  /** "bai-viet" for an article, "du-lieu" for a dataset page. */
  kind: "bai-viet" | "du-lieu";
  /** The date line as the article gives it, "Không ghi ngày đăng", or undefined for a dataset. */
  date: string | undefined;
  /** Escaped text around the match with <mark> around the query's words. */
  excerpt: string;
};

/** Per filter, how many results each value would leave (with the other filters as chosen). */
export type FilterCounts = Record<FilterKey, Record<string, number>>;

export type SearchOutcome = {
  request: SearchRequest;
  /** How many pages hold every word (with the filters chosen). */
  total: number;
  hits: SearchHit[];
  /** The last word as typed, when some results hold it only as the start of a longer word. */
  completed?: string;
  /** Absent when nothing was searched. */
  counts?: FilterCounts;
};

/** Adds one to `counts[page]` for every page of the postings. */
function tally(counts: Uint8Array, postings: Postings | undefined): void {
  if (postings) forEachPosting(postings, (page) => (counts[page]! += 1));
}

/** Marks (1) every page where one of the terms is written in a way `keep` accepts (any, by default). */
function writtenSo(
  entries: (TermEntry | undefined)[],
  pages: number,
  keep: (written: string) => boolean = () => true,
): Uint8Array {
  const found = new Uint8Array(pages);
  for (const entry of entries) {
    for (const [written, postings] of Object.entries(entry?.v ?? {})) {
      if (keep(written)) tally(found, postings);
    }
  }
  for (let p = 0; p < pages; p++) if (found[p]! > 1) found[p] = 1;
  return found;
}

/** The way a term is written as typed, if the index holds it so. */
function asTyped(entry: TermEntry | undefined, typed: string): Postings | undefined {
  return entry && Object.hasOwn(entry.v, typed) ? entry.v[typed] : undefined;
}

/** Terms as looked up: undefined where the index has none. */
type Found = (TermEntry | undefined)[];

type Ranked = {
  ids: number[];
  /** 1 for a page holding the last word only as the start of a longer one. */
  started: Uint8Array;
};

/** Each ranking signal is below 16 (at most MAX_QUERY_WORDS words), so four fit one number. */
const SIGNAL = 16;

/**
 * Page numbers of every page holding all the words (folded; the last may be the start of a
 * word), best first: the whole phrase (as typed 2, folded 1), words as typed, title words,
 * adjacent pairs, then the lower page number (newer). Sorted as one number per page: the scores
 * packed, the page number last.
 */
async function rank(index: SearchIndex, words: Word[]): Promise<Ranked> {
  const { pages } = await index.manifest();
  const last = words.at(-1)!;
  const before = words.at(-2);
  const pairs = words.slice(1).map((word, i) => ({
    folded: `${words[i]!.folded} ${word.folded}`,
    typed: `${words[i]!.typed} ${word.typed}`,
  }));
  // The last word may be half typed: the words it starts, alone and after the word before it.
  // All at once: the words' files need not wait for the list of completions.
  const completing = async (): Promise<[Found, Found]> => {
    const longer = isCompletable(last) ? await index.completions(last.folded) : [];
    return Promise.all([
      Promise.all(longer.map((word) => index.term(word))),
      before ? Promise.all(longer.map((word) => index.term(`${before.folded} ${word}`))) : [],
    ]);
  };
  const [single, double, [startedAlone, startedPairs]] = await Promise.all([
    Promise.all(words.map((w) => index.term(w.folded))),
    Promise.all(pairs.map((p) => index.term(p.folded))),
    completing(),
  ]);
  if (single.slice(0, -1).some((entry) => !entry)) return { ids: [], started: new Uint8Array(0) };
  const startsLast = (written: string) => startsAsTyped(written, last.typed);
  const lastWhole = writtenSo([single.at(-1)], pages);
  const started = writtenSo(startedAlone, pages, startsLast);
  for (let p = 0; p < pages; p++) if (lastWhole[p]) started[p] = 0;

  const found = new Uint8Array(pages);
  const exact = new Uint8Array(pages);
  const title = new Uint8Array(pages);
  for (const [i, entry] of single.entries()) {
    const isLast = i === words.length - 1;
    const here = isLast ? lastWhole : writtenSo([entry], pages);
    for (let p = 0; p < pages; p++) found[p]! += isLast ? here[p]! | started[p]! : here[p]!;
    tally(exact, asTyped(entry, words[i]!.typed));
    tally(title, entry?.t);
  }
  // Pairs side by side: the last one also with a word the last word starts.
  const adjacent = new Uint8Array(pages);
  const adjacentTyped = new Uint8Array(pages);
  for (const [j, entry] of double.entries()) {
    const here = writtenSo([entry], pages);
    const typed = writtenSo([entry], pages, (w) => w === pairs[j]!.typed);
    if (j === pairs.length - 1) {
      const second = (w: string) => startsLast(w.slice(w.indexOf(" ") + 1));
      const alsoHere = writtenSo(startedPairs, pages, second);
      const alsoTyped = writtenSo(
        startedPairs,
        pages,
        (w) => w.startsWith(`${before!.typed} `) && second(w),
      );
      for (let p = 0; p < pages; p++) {
        here[p]! |= alsoHere[p]!;
        typed[p]! |= alsoTyped[p]!;
      }
    }
    for (let p = 0; p < pages; p++) {
      adjacent[p]! += here[p]!;
      adjacentTyped[p]! += typed[p]!;
    }
  }
  const best = SIGNAL ** 4;
  const keys: number[] = [];
  for (let id = 0; id < pages; id++) {
    if (found[id] !== words.length) continue;
    const joined = pairs.length > 0 && adjacent[id] === pairs.length;
    const phrase = joined ? (adjacentTyped[id] === pairs.length ? 2 : 1) : 0;
    const score = ((phrase * SIGNAL + exact[id]!) * SIGNAL + title[id]!) * SIGNAL + adjacent[id]!;
    keys.push((best - score) * pages + id);
  }
  const ids = Array.from(Float64Array.from(keys).sort(), (key) => key % pages);
  return { ids, started };
}

/** Whether a page has the chosen value of every filter but `skip`. */
function passes(values: PageValues, chosen: (number | undefined)[], skip = -1): boolean {
  return chosen.every(
    (value, k) => k === skip || value === undefined || values[k]!.includes(value),
  );
}

/** For each filter, how many of the ranked pages each value keeps, the other filters applied. */
function filterCounts(
  manifest: Manifest,
  table: PageValues[],
  ranked: number[],
  chosen: (number | undefined)[],
): FilterCounts {
  const tallies = FILTER_FIELDS.map((field) =>
    new Array<number>(manifest.values[field].length).fill(0),
  );
  const none = chosen.every((value) => value === undefined);
  for (const id of ranked) {
    const values = table[id]!;
    for (const [k, counts] of tallies.entries()) {
      if (!none && !passes(values, chosen, k)) continue;
      for (const v of values[k]!) counts[v] = counts[v]! + 1;
    }
  }
  return Object.fromEntries(
    FILTER_FIELDS.map((field, k) => [
      field,
      Object.fromEntries(manifest.values[field].map((value, v) => [value, tallies[k]![v]!])),
    ]),
  ) as FilterCounts;
}

function toHit(record: PageRecord, words: Word[], completing: boolean): SearchHit {
  return {
    url: record.url,
    title: record.title,
    kind: record.kind,
    date: record.kind === "bai-viet" ? record.date : undefined,
    excerpt: excerptHtml(record.text, words, completing),
  };
}

/** Runs a request: the count of every page found, the hits of the steps asked for, filter counts. */
export async function runSearch(
  index: SearchIndex,
  request: SearchRequest,
): Promise<SearchOutcome> {
  const words = queryWords(request.q);
  if (words.length === 0) return { request, total: 0, hits: [] };
  const manifest = await index.manifest();
  const [{ ids: ranked, started }, table] = await Promise.all([
    rank(index, words),
    index.pageValues(),
  ]);
  // A chosen value the index does not hold leaves nothing (-1 is never a position).
  const chosen = FILTER_FIELDS.map((field) => {
    const value = request[field];
    return value ? manifest.values[field].indexOf(value) : undefined;
  });
  const kept = ranked.filter((id) => passes(table[id]!, chosen));
  const shown = kept.slice(0, request.trang * RESULTS_PER_STEP);
  const records = await Promise.all(shown.map((id) => index.page(id)));
  const completed = kept.some((id) => started[id]) ? words.at(-1)!.typed : undefined;
  return {
    request,
    total: kept.length,
    hits: records.map((r) => toHit(r, words, completed !== undefined)),
    counts: filterCounts(manifest, table, ranked, chosen),
    ...(completed !== undefined ? { completed } : {}),
  };
}

/** Filter values the index holds, for the form's lists. */
export async function filterValues(index: SearchIndex): Promise<Record<FilterKey, string[]>> {
  return (await index.manifest()).values;
}
