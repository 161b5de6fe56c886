// Ranking: which pages hold every word of a query, best first (see rank()).
import { recencyOf, type Postings, type TermEntry } from "./index-files.ts";
import type { SearchIndex } from "./index-reader.ts";
import { isCompletable, startsAsTyped, type Word } from "./text.ts";

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

/**
 * Starts loading the word files a query will read (its words, its pairs, the last word's
 * completions), so that pressing Enter finds them loaded. The files of the words a half-typed
 * word completes to are left for the search itself: a keystroke costs at most a file or two.
 */
export async function prefetchTerms(index: SearchIndex, words: Word[]): Promise<void> {
  const pairs = words.slice(1).map((word, i) => `${words[i]!.folded} ${word.folded}`);
  const last = words.at(-1);
  await Promise.all([
    ...words.map((word) => index.term(word.folded)),
    ...pairs.map((pair) => index.term(pair)),
    last && isCompletable(last) ? index.completions(last.folded) : undefined,
  ]).catch(() => undefined);
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

export type Ranked = {
  /** Every page holding all the words, in page-number order (not ranked: see best()). */
  ids: Int32Array;
  /** Each of those pages' rank, aligned with `ids`: a smaller key ranks higher; no two alike. */
  keys: Float64Array;
  /** 1 for a page holding the last word only as the start of a longer one. */
  started: Uint8Array;
  /** 1 for a page holding the words side by side, as a phrase (two words or more). */
  phrase: Uint8Array;
};

/** Each ranking signal is below 16 (at most MAX_QUERY_WORDS words), so four fit one number. */
const SIGNAL = 16;

/**
 * Every page holding all the words (folded; the last may be the start of a word), each with its
 * rank: the whole phrase (as typed 2, folded 1), words as typed, title words, adjacent pairs,
 * then the newer page. One number per page: the scores packed, the page's recency last.
 */
export async function rank(index: SearchIndex, words: Word[]): Promise<Ranked> {
  const { pages, order } = await index.manifest();
  const looked = await lookUp(index, words);
  const phrase = new Uint8Array(pages);
  if (looked.single.slice(0, -1).some((entry) => !entry))
    return { ids: new Int32Array(0), keys: new Float64Array(0), started: phrase, phrase };
  const { found, exact, title, started } = wordSignals(looked, words, pages);
  const { adjacent, adjacentTyped } = pairSignals(looked, words, pages);
  const pairs = words.length - 1;
  const recency = recencyOf(order, pages);
  const best = SIGNAL ** 4;
  const ids = new Int32Array(pages);
  const keys = new Float64Array(pages);
  let n = 0;
  for (let id = 0; id < pages; id++) {
    if (found[id] !== words.length) continue;
    const joined = pairs > 0 && adjacent[id] === pairs;
    phrase[id] = joined ? 1 : 0;
    const kind = joined ? (adjacentTyped[id] === pairs ? 2 : 1) : 0;
    const score = ((kind * SIGNAL + exact[id]!) * SIGNAL + title[id]!) * SIGNAL + adjacent[id]!;
    ids[n] = id;
    keys[n++] = (best - score) * pages + recency(id);
  }
  return { ids: ids.subarray(0, n), keys: keys.subarray(0, n), started, phrase };
}

/**
 * The `count` best of the ranked pages that `keep` accepts, best first: a selection, not a sort
 * of them all (the first step of 10,000 results shows ten).
 */
export function best(ranked: Ranked, count: number, keep: (id: number) => boolean): number[] {
  const { ids, keys } = ranked;
  const top: number[] = [];
  const topKeys: number[] = [];
  if (count <= 0) return top;
  // From the last page: newer pages come last and rank first among equals, so most are refused
  // at once.
  for (let i = ids.length - 1; i >= 0; i--) {
    const key = keys[i]!;
    if (top.length === count && key >= topKeys[count - 1]!) continue;
    if (!keep(ids[i]!)) continue;
    let at = top.length === count ? count - 1 : top.length;
    for (; at > 0 && topKeys[at - 1]! > key; at--) {
      topKeys[at] = topKeys[at - 1]!;
      top[at] = top[at - 1]!;
    }
    topKeys[at] = key;
    top[at] = ids[i]!;
  }
  return top;
}
