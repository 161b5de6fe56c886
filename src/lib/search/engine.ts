// One search over the index (src/lib/search/index-files.ts), the same in the browser and on the
// server. Every word must be on the page (folded); then the words side by side and in order come
// first, the tones as typed above tones found only by folding, title words above body words, and
// newer articles above older ones.
import { excerptHtml } from "./excerpt.ts";
import { FILTER_FIELDS, type Manifest, type PageRecord, type PageValues } from "./index-files.ts";
import type { PageTable, SearchIndex } from "./index-reader.ts";
import { best, prefetchTerms, rank, type Ranked } from "./ranking.ts";
import { RESULTS_PER_STEP, type FilterKey, type SearchRequest } from "./request.ts";
import { queryWords, type Word } from "./text.ts";

export { SearchIndex, type IndexFiles } from "./index-reader.ts";

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
/** Whether a page has the chosen value of every filter but `skip`. */
function passes(values: PageValues, chosen: (number | undefined)[], skip = -1): boolean {
  return chosen.every(
    (value, k) => k === skip || value === undefined || values[k]!.includes(value),
  );
}

/** For each filter, how many of the found pages each value keeps, the other filters applied. */
function filterCounts(
  manifest: Manifest,
  table: PageTable,
  perCombo: Int32Array,
  chosen: (number | undefined)[],
): FilterCounts {
  // Pages of one combination of values count alike: the combinations were counted, now their values.
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

/** What the found pages the filters keep amount to: how many, with the phrase, any completed. */
function tally(ranked: Ranked, table: PageTable, keeps: boolean[]) {
  const { ids, started, phrase } = ranked;
  const perCombo = new Int32Array(table.combos.length);
  let total = 0;
  let phrased = 0;
  let completed = false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const combo = table.of[id]!;
    perCombo[combo]! += 1;
    if (!keeps[combo]) continue;
    total++;
    phrased += phrase[id]!;
    if (started[id]) completed = true;
  }
  return { perCombo, total, phrased, completed };
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
  const [ranked, table] = await Promise.all([rank(index, words), index.pageValues()]);
  // A chosen value the index does not hold leaves nothing (-1 is never a position).
  const chosen = FILTER_FIELDS.map((field) => {
    const value = request[field];
    return value ? manifest.values[field].indexOf(value) : undefined;
  });
  const keeps = table.combos.map((values) => passes(values, chosen));
  const found = tally(ranked, table, keeps);
  const shown = best(ranked, request.trang * RESULTS_PER_STEP, (id) => keeps[table.of[id]!]!);
  const records = await Promise.all(shown.map((id) => index.page(id)));
  const completed = found.completed ? words.at(-1)!.typed : undefined;
  // Phrases rank first, so the pages holding it are the first `phrased` of those kept.
  const phrased = words.length > 1 ? found.phrased : undefined;
  return {
    request,
    total: found.total,
    hits: records.map((r) => toHit(r, words, completed !== undefined)),
    counts: filterCounts(manifest, table, found.perCombo, chosen),
    ...(completed !== undefined ? { completed } : {}),
    ...(phrased !== undefined ? { phrased } : {}),
  };
}

/** Starts loading the files a search for these words will read first (while they are typed). */
export async function prefetch(index: SearchIndex, query: string): Promise<void> {
  const words = queryWords(query);
  if (words.length > 0) await prefetchTerms(index, words);
}

/** Filter values the index holds, for the form's lists. */
export async function filterValues(index: SearchIndex): Promise<Record<FilterKey, string[]>> {
  return (await index.manifest()).values;
}
