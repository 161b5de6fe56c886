// One search over the Pagefind index, the same in the browser and on the server: every word must
// be on the page, the words side by side and in order come first, then Pagefind's score (tones as typed above folded).
import { FILTER_KEYS, FILTERS, RESULTS_PER_STEP, type SearchRequest } from "./request.ts";
import { markStroke, queryWords, unmarkStroke } from "./text.ts";

/** The parts of Pagefind's fragment (one page's stored data) used here. */
export type PagefindFragment = {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
};
export type PagefindResult = { id: string; score: number; data(): Promise<PagefindFragment> };
export type PagefindSearch = { results: PagefindResult[] };
/** The parts of Pagefind's browser API used here (pagefind.js in the browser and on the server). */
export type PagefindApi = {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
};

/**
 * The same API with its calls run one after another: overlapping searches would each load index
 * chunks into Pagefind's shared WebAssembly state (two readers typing, or a fast typist).
 */
export function oneAtATime(api: PagefindApi): PagefindApi {
  let queue: Promise<unknown> = Promise.resolve();
  const next = <T>(call: () => Promise<T>): Promise<T> => {
    const run = queue.then(call);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    search: (term, options) => next(() => api.search(term, options)),
    filters: () => next(() => api.filters()),
  };
}

/** One result as shown. */
export type SearchHit = {
  url: string;
  title: string;
  /** "bai-viet" for an article, "du-lieu" for a dataset page. */
  kind: "bai-viet" | "du-lieu";
  /** The date line as the article gives it, "Không ghi ngày đăng", or undefined for a dataset. */
  date: string | undefined;
  /** Pagefind's excerpt: escaped text with <mark> around the matched words. */
  excerpt: string;
};

export type SearchOutcome = {
  request: SearchRequest;
  /** How many pages hold every word. */
  total: number;
  hits: SearchHit[];
};

/** Pagefind filters of a request, values as the index holds them. */
export function pagefindFilters(request: SearchRequest): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (request[key]) filters[FILTERS[key]] = markStroke(request[key]);
  return filters;
}

/** The pages a search found, by id. */
async function byId(pagefind: PagefindApi, term: string, filters: Record<string, string>) {
  const found = await pagefind.search(term, { filters });
  return new Map(found.results.map((r) => [r.id, r]));
}

/**
 * Ranked results of a request: Pagefind's own search matches any word (and word prefixes), so
 * each word is also searched exactly ("…" is Pagefind's exact-word/phrase syntax) and only pages
 * holding all of them are kept; pages with the whole phrase go first, their excerpt around it.
 */
export async function rankedResults(
  pagefind: PagefindApi,
  request: SearchRequest,
): Promise<PagefindResult[]> {
  const words = queryWords(request.q);
  if (words.length === 0) return [];
  const filters = pagefindFilters(request);
  const ranked = await pagefind.search(words.join(" "), { filters });
  let every: Set<string> | undefined;
  for (const word of words) {
    const found = await byId(pagefind, `"${word}"`, filters);
    every = new Set([...(every ?? found.keys())].filter((id) => found.has(id)));
  }
  const phrase =
    words.length > 1 ? await byId(pagefind, `"${words.join(" ")}"`, filters) : new Map();
  return ranked.results
    .filter((r) => every!.has(r.id))
    .map((result, order) => ({ result, order, phrase: phrase.get(result.id) }))
    .sort((a, b) => (a.phrase ? 0 : 1) - (b.phrase ? 0 : 1) || a.order - b.order)
    .map(({ result, phrase }) => (phrase ? { ...result, data: () => phrase.data() } : result));
}

/** A fragment as a hit, with đ put back. */
export function toHit(fragment: PagefindFragment): SearchHit {
  const kind = fragment.meta.kind === "du-lieu" ? "du-lieu" : "bai-viet";
  const date = fragment.meta.date;
  return {
    url: fragment.url,
    title: unmarkStroke(fragment.meta.title ?? fragment.url),
    kind,
    date: kind === "bai-viet" && date ? unmarkStroke(date) : undefined,
    excerpt: unmarkStroke(fragment.excerpt),
  };
}

/** Runs a request: the count of every page found and the hits of the steps asked for. */
export async function runSearch(
  pagefind: PagefindApi,
  request: SearchRequest,
): Promise<SearchOutcome> {
  const results = await rankedResults(pagefind, request);
  const shown = results.slice(0, request.trang * RESULTS_PER_STEP);
  const hits = (await Promise.all(shown.map((r) => r.data()))).map(toHit);
  return { request, total: results.length, hits };
}

/** Filter values the index holds, đ put back, for the form's lists. */
export async function filterValues(pagefind: PagefindApi): Promise<Record<string, string[]>> {
  const all = await pagefind.filters();
  const values: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    values[key] = Object.keys(all[FILTERS[key]] ?? {}).map(unmarkStroke);
  }
  return values;
}
