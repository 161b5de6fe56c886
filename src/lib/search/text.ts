// Vietnamese words for search, the same at build time, in the browser and on the server: a word
// as written (lower case, tones kept) and folded (tones dropped, đ as d), so "dang" finds "Đảng".

/** Longest query kept, in characters: a search box, not a document. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A query cut to MAX_QUERY_LENGTH characters (UTF-16 units, as the box counts them), back to the
 * last space when that would split a word, and whether anything was cut.
 */
export function cutQuery(query: string): { text: string; cut: boolean } {
  const trimmed = query.trim();
  if (trimmed.length <= MAX_QUERY_LENGTH) return { text: trimmed, cut: false };
  let end = MAX_QUERY_LENGTH;
  // Never half a surrogate pair or a letter without its tone marks.
  while (end > 0 && /[\uDC00-\uDFFF\p{M}]/u.test(trimmed[end]!)) end--;
  const head = trimmed.slice(0, end);
  const space = head.search(/\s\S*$/);
  const splitsWord = /[\p{L}\p{N}]/u.test(trimmed[end]!) && space > 0;
  return { text: (splitsWord ? head.slice(0, space) : head).trim(), cut: true };
}

/** Most words searched; further words are ignored. */
export const MAX_QUERY_WORDS = 12;

/** A number with its separators ("2.053", "16,7") is one word; otherwise letters, marks and digits. */
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;

export type Word = {
  /** Lower case, tones as written: "kết". */
  typed: string;
  /** Without tones, đ as d: "ket". */
  folded: string;
};

/** "Đảng" -> "dang": combining marks dropped after decomposing; đ has none, so it is mapped. */
export function fold(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** Words seen, as typed and folded: a text repeats a few thousand syllables, each folded once. */
const known = new Map<string, Word>();
const KNOWN_MAX = 100_000;

function wordOf(raw: string): Word {
  let word = known.get(raw);
  if (!word) {
    const typed = raw.normalize("NFC").toLocaleLowerCase("vi");
    word = { typed, folded: fold(typed) };
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(raw, word);
  }
  return word;
}

/** A word of a text with where it stands: [start, end) in the NFC text. */
export type PlacedWord = Word & { start: number; end: number };

/** The words of an NFC text, with their offsets in it. */
export function placedWords(text: string): PlacedWord[] {
  const words: PlacedWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const { typed, folded } = wordOf(match[0]);
    words.push({
      typed,
      folded,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return words;
}

/**
 * The words of an NFC text read only as far as they are asked for: an excerpt usually needs the
 * first few hundred words of a page, not all of them.
 */
export class LazyWords {
  readonly #text: string;
  readonly #words: PlacedWord[] = [];
  readonly #pattern = new RegExp(WORD.source, "gu");
  #done = false;

  constructor(text: string) {
    this.#text = text;
  }

  /** The i-th word, or undefined past the last one. */
  at(i: number): PlacedWord | undefined {
    while (!this.#done && this.#words.length <= i) {
      const match = this.#pattern.exec(this.#text);
      if (!match) {
        this.#done = true;
        break;
      }
      const { typed, folded } = wordOf(match[0]);
      this.#words.push({ typed, folded, start: match.index, end: match.index + match[0].length });
    }
    return this.#words[i];
  }

  /** How many words there are among the first `n` (all of them when the text has fewer). */
  countUpTo(n: number): number {
    this.at(n - 1);
    return Math.min(n, this.#words.length);
  }
}

/** The words of a text, in order. */
export function textWords(text: string): Word[] {
  return placedWords(text.normalize("NFC"));
}

/**
 * The distinct words of a query, in order: "Kết  nạp, Đảng" -> kết/ket, nạp/nap, đảng/dang;
 * "2.053" stays one word.
 */
export function queryWords(query: string): Word[] {
  const seen = new Set<string>();
  const words: Word[] = [];
  for (const word of textWords(cutQuery(query).text)) {
    if (seen.has(word.typed)) continue;
    seen.add(word.typed);
    words.push({ typed: word.typed, folded: word.folded });
  }
  return words.slice(0, MAX_QUERY_WORDS);
}

export const strokeless = (text: string) => text.replace(/đ/g, "d");

/**
 * Whether a word (lower case, as written) starts as a half-typed word does: with the tones typed
 * where the reader typed any ("hó" starts "hóa", not "họp"), folded where they typed none ("ho"
 * starts both); d stands for đ either way.
 */
export function startsAsTyped(word: string, start: string): boolean {
  const plain = strokeless(start);
  return fold(plain) === plain ? fold(word).startsWith(plain) : strokeless(word).startsWith(plain);
}

/** Only a word of letters is completed as it is typed (not a number or a code). */
export function isCompletable(word: Word): boolean {
  return /^\p{L}+$/u.test(word.folded);
}
