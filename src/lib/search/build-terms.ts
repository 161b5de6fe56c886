// The word files of the index: every word of a page folded, with the ways it is written there, and
// every two words side by side. A rebuild carries the previous index's terms (page numbers mapped
// to the new ones) and adds only the pages it read again; both give the same files, byte for byte.
import {
  bucketOfKey,
  completionKey,
  COMPLETIONS,
  encodePostings,
  forEachPosting,
  type Bucket,
  type TermEntry,
} from "./index-files.ts";
import { textWords, type Word } from "./text.ts";

/** What is indexed of a page: its title, then runs of text whose words form pairs only within. */
export type PageText = { title: string; runs: string[] };

type Entry = { v: Map<string, number[]>; t: number[] };

/** Terms of the index, by term then by how it is written, each with its pages. */
export class Terms {
  readonly entries = new Map<string, Entry>();
  /** Lists given a page below their last one (carried lists, then a page read again). */
  readonly #unsorted = new Set<number[]>();

  #entry(term: string): Entry {
    let entry = this.entries.get(term);
    if (!entry) this.entries.set(term, (entry = { v: new Map(), t: [] }));
    return entry;
  }

  #push(pages: number[], page: number): void {
    const last = pages.at(-1);
    if (last === page) return;
    if (last !== undefined && last > page) this.#unsorted.add(pages);
    pages.push(page);
  }

  add(term: string, written: string, page: number): void {
    const { v } = this.#entry(term);
    const pages = v.get(written);
    if (!pages) v.set(written, [page]);
    else this.#push(pages, page);
  }

  addTitle(term: string, page: number): void {
    this.#push(this.#entry(term).t, page);
  }

  /** Every word of a page, and every two side by side within a run. */
  addPage(text: PageText, page: number): void {
    const pairs = (words: Word[]) => {
      for (const [i, word] of words.entries()) {
        this.add(word.folded, word.typed, page);
        const next = words[i + 1];
        if (next) this.add(`${word.folded} ${next.folded}`, `${word.typed} ${next.typed}`, page);
      }
    };
    const titleWords = textWords(text.title);
    pairs(titleWords);
    for (const run of text.runs) pairs(textWords(run));
    for (const word of titleWords) this.addTitle(word.folded, page);
  }

  /**
   * Takes the terms of a previous word file, each page number p as `renumber[p]`, leaving out
   * pages numbered -1 (gone, or read again).
   */
  carry(bucket: Bucket, renumber: Int32Array): void {
    const map = (postings: number[]) => {
      const pages: number[] = [];
      forEachPosting(postings, (p) => {
        const page = renumber[p]!;
        if (page >= 0) pages.push(page);
      });
      return pages;
    };
    for (const [term, entry] of Object.entries(bucket)) {
      if (!("v" in entry)) continue;
      const v = new Map<string, number[]>();
      for (const [written, postings] of Object.entries(entry.v)) {
        const pages = map(postings);
        if (pages.length) v.set(written, pages);
      }
      const t = entry.t ? map(entry.t) : [];
      if (v.size) this.entries.set(term, { v, t });
    }
  }

  /** The word files: terms and completions spread over `count` files, each in one fixed order. */
  buckets(count: number): Bucket[] {
    for (const pages of this.#unsorted) pages.sort((a, b) => a - b);
    this.#unsorted.clear();
    const keyed = new Map<string, Bucket[string]>();
    for (const [start, words] of completions(this.entries))
      keyed.set(completionKey(start), { c: words });
    for (const [term, entry] of this.entries) keyed.set(term, encodeEntry(entry));
    const keys: string[][] = Array.from({ length: count }, () => []);
    for (const key of keyed.keys()) keys[bucketOfKey(key, count)]!.push(key);
    return keys.map((list) => {
      const file: Bucket = {};
      for (const key of list.sort()) file[key] = keyed.get(key)!;
      return file;
    });
  }
}

function encodeEntry(entry: Entry): TermEntry {
  const v: Record<string, number[]> = {};
  for (const written of [...entry.v.keys()].sort())
    v[written] = encodePostings(entry.v.get(written)!);
  return entry.t.length ? { v, t: encodePostings(entry.t) } : { v };
}

/** Pages holding a term, however it is written there. */
function pagesWith(entry: Entry): number {
  const lists = [...entry.v.values()];
  return lists.length === 1 ? lists[0]!.length : new Set(lists.flat()).size;
}

/** For every start of a word of letters, the COMPLETIONS words beginning so on the most pages. */
function completions(entries: Map<string, Entry>): Map<string, string[]> {
  const byStart = new Map<string, { word: string; pages: number }[]>();
  for (const [term, entry] of entries) {
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
    list.sort((a, b) => b.pages - a.pages || (a.word < b.word ? -1 : 1));
    out.set(
      start,
      list.slice(0, COMPLETIONS).map((c) => c.word),
    );
  }
  return out;
}
