// One search over the index (src/lib/search/index-files.ts), the same in the browser and on the
// server. Every word must be on the page (folded); then the words side by side and in order come
// first, the tones as typed above tones found only by folding, title words above body words, and
// newer articles above older ones.
import { excerptHtml } from "./excerpt.ts";
import {
  bucketOfKey,
  bucketPath,
  completionKey,
  FILTER_FIELDS,
  isBucket,
  isPageRecord,
  isPageValuesFile,
  MANIFEST_FILE,
  manifestSchema,
  PAGE_VALUES_FILE,
  pagePath,
  pageValuesOf,
  recencyOf,
  type Bucket,
  type Manifest,
  type PageRecord,
  type PageValues,
  type PageValuesFile,
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

/** A file as read, or an error naming it when it is not what the index promises. */
function checked<T>(path: string, is: (value: unknown) => value is T): (value: unknown) => T {
  return (value) => {
    if (!is(value)) throw new Error(`${path}: không đúng định dạng chỉ mục`);
    return value;
  };
}

/** Every page's filter values, decoded once: the combination of each page. */
export type PageTable = { combos: PageValues[]; of: Int32Array };

/** An index with the files it has read kept, so later queries load only what is new to them. */
export class SearchIndex {
  readonly #files: IndexFiles;
  #manifest: Promise<Manifest> | undefined;
  #table: Promise<PageTable> | undefined;
  readonly #buckets = new Map<number, Promise<Bucket>>();
  readonly #pages = new Map<number, Promise<PageRecord>>();

  constructor(files: IndexFiles) {
    this.#files = files;
  }

  /** The small file at the fixed address: this build's folder, word files, filter values. */
  manifest(): Promise<Manifest> {
    this.#manifest ??= this.#files.read(MANIFEST_FILE).then((json) => manifestSchema.parse(json));
    this.#manifest.catch(() => (this.#manifest = undefined));
    return this.#manifest;
  }

  /** Every page's filter values; loaded beside the word files, not before them. */
  pageValues(): Promise<PageTable> {
    this.#table ??= this.manifest().then(async ({ dir, pages }) => {
      const path = `${dir}${PAGE_VALUES_FILE}`;
      const is = (v: unknown): v is PageValuesFile => isPageValuesFile(v, pages);
      const file = checked(path, is)(await this.#files.read(path));
      const of = new Int32Array(pages);
      const index = new Map(file.combos.map((c, i) => [c, i]));
      for (let p = 0; p < pages; p++) of[p] = index.get(pageValuesOf(file, p))!;
      return { combos: file.combos, of };
    });
    this.#table.catch(() => (this.#table = undefined));
    return this.#table;
  }

  async #entry(key: string): Promise<Bucket[string] | undefined> {
    const { dir, buckets } = await this.manifest();
    const k = bucketOfKey(key, buckets);
    const path = `${dir}${bucketPath(k)}`;
    const entries = await remember(
      this.#buckets,
      k,
      () => this.#files.read(path).then(checked(path, isBucket)),
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
    const path = `${dir}${pagePath(id)}`;
    return remember(
      this.#pages,
      id,
      () => this.#files.read(path).then(checked(path, isPageRecord)),
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
  /**
   * With two words or more: how many results hold them side by side (they come first); the rest
   * hold them only apart.
   */
  phrased?: number;
};

// The loops below run over every page of the site for each word of a query, on a cold page:
// runs of pages are filled natively and nothing calls a function per page.

/** Adds one to `counts[page]` for every page of the postings. */
function tally(counts: Uint8Array, postings: Postings | undefined): void {
  if (!postings) return;
  let page = -1;
  for (let i = 0; i < postings.length; i++) {
    const n = postings[i]!;
    if (n >= 0) {
      page = i === 0 ? n : page + n;
      counts[page]! += 1;
    } else {
      for (const end = page - n; page < end;) counts[++page]! += 1;
    }
  }
}

/** Sets `marks[page]` to 1 for every page of the postings. */
function mark(marks: Uint8Array, postings: Postings): void {
  let page = -1;
  for (let i = 0; i < postings.length; i++) {
    const n = postings[i]!;
    if (n >= 0) {
      page = i === 0 ? n : page + n;
      marks[page] = 1;
    } else {
      marks.fill(1, page + 1, page + 1 - n);
      page -= n;
    }
  }
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
      if (keep(written)) mark(found, postings);
    }
  }
  return found;
}

/** `into[p] += from[p]` for every page. */
function addAll(into: Uint8Array, from: Uint8Array): void {
  for (let p = 0; p < into.length; p++) into[p]! += from[p]!;
}

/** The way a term is written as typed, if the index holds it so. */
function asTyped(entry: TermEntry | undefined, typed: string): Postings | undefined {
  return entry && Object.hasOwn(entry.v, typed) ? entry.v[typed] : undefined;
}

/** Terms as looked up: undefined where the index has none. */
type Found = (TermEntry | undefined)[];

type Pair = { folded: string; typed: string };

/** The query's words and adjacent pairs, and the words a half-typed last word starts. */
type Looked = {
  single: Found;
  double: Found;
  pairs: Pair[];
  /** The words the last word starts, alone and after the word before it. */
  startedAlone: Found;
  startedPairs: Found;
};

/** Reads every term a query needs, all at once: no file waits for another. */
async function lookUp(index: SearchIndex, words: Word[]): Promise<Looked> {
  const last = words.at(-1)!;
  const before = words.at(-2);
  const pairs = words.slice(1).map((word, i) => ({
    folded: `${words[i]!.folded} ${word.folded}`,
    typed: `${words[i]!.typed} ${word.typed}`,
  }));
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
  return { single, double, pairs, startedAlone, startedPairs };
}

/** Per page: words found (folded; the last may be started), as typed, in the title. */
function wordSignals(looked: Looked, words: Word[], pages: number) {
  const last = words.at(-1)!;
  const lastWhole = writtenSo([looked.single.at(-1)], pages);
  const started = writtenSo(looked.startedAlone, pages, (w) => startsAsTyped(w, last.typed));
  if (looked.startedAlone.length) for (let p = 0; p < pages; p++) started[p]! &= ~lastWhole[p]!;
  const found = new Uint8Array(pages);
  const exact = new Uint8Array(pages);
  const title = new Uint8Array(pages);
  for (const [i, entry] of looked.single.entries()) {
    const isLast = i === words.length - 1;
    const here = isLast ? lastWhole : writtenSo([entry], pages);
    if (isLast) for (let p = 0; p < pages; p++) here[p]! |= started[p]!;
    addAll(found, here);
    tally(exact, asTyped(entry, words[i]!.typed));
    tally(title, entry?.t);
  }
  return { found, exact, title, started };
}

/** Per page: pairs side by side, folded and as typed; the last also with a word the last starts. */
function pairSignals(looked: Looked, words: Word[], pages: number) {
  const { pairs, startedPairs } = looked;
  const last = words.at(-1)!;
  const before = words.at(-2);
  const second = (w: string) => startsAsTyped(w.slice(w.indexOf(" ") + 1), last.typed);
  const adjacent = new Uint8Array(pages);
  const adjacentTyped = new Uint8Array(pages);
  for (const [j, entry] of looked.double.entries()) {
    const here = writtenSo([entry], pages);
    const typed = writtenSo([entry], pages, (w) => w === pairs[j]!.typed);
    if (j === pairs.length - 1) {
      const alsoHere = writtenSo(startedPairs, pages, second);
      const firstTyped = `${before!.typed} `;
      const alsoTyped = writtenSo(
        startedPairs,
        pages,
        (w) => w.startsWith(firstTyped) && second(w),
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
  return { adjacent, adjacentTyped };
}

type Ranked = {
  ids: number[];
  /** 1 for a page holding the last word only as the start of a longer one. */
  started: Uint8Array;
  /** 1 for a page holding the words side by side, as a phrase (two words or more). */
  phrase: Uint8Array;
};

/** Each ranking signal is below 16 (at most MAX_QUERY_WORDS words), so four fit one number. */
const SIGNAL = 16;

/**
 * Page numbers of every page holding all the words (folded; the last may be the start of a
 * word), best first: the whole phrase (as typed 2, folded 1), words as typed, title words,
 * adjacent pairs, then the newer page. Sorted as one number per page: the scores packed, the
 * page's recency last.
 */
async function rank(index: SearchIndex, words: Word[]): Promise<Ranked> {
  const { pages, order } = await index.manifest();
  const looked = await lookUp(index, words);
  const phrase = new Uint8Array(pages);
  if (looked.single.slice(0, -1).some((entry) => !entry))
    return { ids: [], started: new Uint8Array(0), phrase };
  const { found, exact, title, started } = wordSignals(looked, words, pages);
  const { adjacent, adjacentTyped } = pairSignals(looked, words, pages);
  const pairs = words.length - 1;
  const recency = recencyOf(order, pages);
  const byRecency = new Int32Array(pages);
  const best = SIGNAL ** 4;
  const keys: number[] = [];
  for (let id = 0; id < pages; id++) {
    if (found[id] !== words.length) continue;
    const r = recency(id);
    byRecency[r] = id;
    const joined = pairs > 0 && adjacent[id] === pairs;
    phrase[id] = joined ? 1 : 0;
    const kind = joined ? (adjacentTyped[id] === pairs ? 2 : 1) : 0;
    const score = ((kind * SIGNAL + exact[id]!) * SIGNAL + title[id]!) * SIGNAL + adjacent[id]!;
    keys.push((best - score) * pages + r);
  }
  const ids = Array.from(Float64Array.from(keys).sort(), (key) => byRecency[key % pages]!);
  return { ids, started, phrase };
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
  table: PageTable,
  ranked: number[],
  chosen: (number | undefined)[],
): FilterCounts {
  // Pages of one combination of values count alike: count the combinations, then their values.
  const perCombo = new Int32Array(table.combos.length);
  for (const id of ranked) perCombo[table.of[id]!]! += 1;
  const tallies = FILTER_FIELDS.map((field) =>
    new Array<number>(manifest.values[field].length).fill(0),
  );
  for (const [c, values] of table.combos.entries()) {
    const n = perCombo[c]!;
    if (n === 0) continue;
    for (const [k, counts] of tallies.entries()) {
      if (!passes(values, chosen, k)) continue;
      for (const v of values[k]!) counts[v] = counts[v]! + n;
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
    excerpt: excerptHtml(record, words, completing),
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
  const [{ ids: ranked, started, phrase }, table] = await Promise.all([
    rank(index, words),
    index.pageValues(),
  ]);
  // A chosen value the index does not hold leaves nothing (-1 is never a position).
  const chosen = FILTER_FIELDS.map((field) => {
    const value = request[field];
    return value ? manifest.values[field].indexOf(value) : undefined;
  });
  const keeps = table.combos.map((values) => passes(values, chosen));
  const kept = ranked.filter((id) => keeps[table.of[id]!]);
  const shown = kept.slice(0, request.trang * RESULTS_PER_STEP);
  const records = await Promise.all(shown.map((id) => index.page(id)));
  const completed = kept.some((id) => started[id]) ? words.at(-1)!.typed : undefined;
  // Phrases rank first, so the pages holding it are the first `phrased` of those kept.
  const phrased = words.length > 1 ? kept.filter((id) => phrase[id]).length : undefined;
  return {
    request,
    total: kept.length,
    hits: records.map((r) => toHit(r, words, completed !== undefined)),
    counts: filterCounts(manifest, table, ranked, chosen),
    ...(completed !== undefined ? { completed } : {}),
    ...(phrased !== undefined ? { phrased } : {}),
  };
}

/** Filter values the index holds, for the form's lists. */
export async function filterValues(index: SearchIndex): Promise<Record<FilterKey, string[]>> {
  return (await index.manifest()).values;
}
