// Article search: a small index built with the site, matched in the browser without diacritics.
import { foldVietnamese } from "./slug.ts";

/** One article in /tim-kiem/chi-muc.json (short keys keep the file small at thousands of articles). */
export type SearchEntry = {
  /** URL path. */
  u: string;
  /** Title as published. */
  t: string;
  /** Summary. */
  s: string;
  /** Date line as the lists show it, e.g. "28/02/2023" or "Không ghi ngày đăng". */
  d: string;
  /** Folded words searched: title, summary, unit, places, outlet, author, topics. */
  x: string;
};

/** Words of a query, folded: "Tuyên  Hóa" -> ["tuyen", "hoa"]. */
export function queryWords(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Text an entry is matched against: folded words separated by single spaces. */
export function searchText(parts: (string | undefined)[]): string {
  return queryWords(parts.filter(Boolean).join(" ")).join(" ");
}

/** Entries holding every word of the query (as a word prefix), titles matching first. */
export function search(entries: readonly SearchEntry[], query: string): SearchEntry[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const has = (text: string, word: string) => ` ${text}`.includes(` ${word}`);
  const found = entries.filter((e) => words.every((w) => has(e.x, w)));
  const inTitle = (e: SearchEntry) => {
    const title = searchText([e.t]);
    return words.every((w) => has(title, w)) ? 0 : 1;
  };
  return found
    .map((entry, index) => ({ entry, index, rank: inTitle(entry) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((r) => r.entry);
}
