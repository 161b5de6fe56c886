// The excerpt under a result: about thirty words of the page around the best match, escaped,
// with <mark> around every word of the query (found folded, so "dang" marks "Đảng"). A dataset
// page's excerpt comes from its description or from the row of its table that matches best.
// Words are read only as far as the match needs: ten excerpts of whole pages took a tenth of the
// first query's time when every word of every page was read.
import { escapeHtml } from "../html.ts";
import { LazyWords, startsAsTyped, strokeless, type PlacedWord, type Word } from "./text.ts";

/** Words shown before the match and in all. */
const BEFORE = 8;
const LENGTH = 30;

/**
 * Where the phrase starts, preferring it as typed; -1 when the words are never side by side.
 * With `completing`, the last word may be one the last query word starts. `typedPossible` false
 * (the text lacks a typed word) ends the search at the first phrase found by folding.
 */
function phraseAt(
  text: LazyWords,
  words: Word[],
  completing: boolean,
  typedPossible: boolean,
): { at: number; typed: boolean } {
  const n = words.length;
  if (n < 2) return { at: -1, typed: false };
  const last = words[n - 1]!;
  const lastFits = (word: PlacedWord, typed: boolean) =>
    (typed ? word.typed === last.typed : word.folded === last.folded) ||
    (completing && startsAsTyped(word.typed, last.typed));
  const sameFrom = (i: number, key: "typed" | "folded") => {
    for (let k = 0; k < n - 1; k++) if (text.at(i + k)![key] !== words[k]![key]) return false;
    return true;
  };
  let folded = -1;
  for (let i = 0; text.at(i + n - 1); i++) {
    if (text.at(i)!.folded !== words[0]!.folded) continue;
    if (!sameFrom(i, "folded") || !lastFits(text.at(i + n - 1)!, false)) continue;
    if (sameFrom(i, "typed") && lastFits(text.at(i + n - 1)!, true)) return { at: i, typed: true };
    if (folded < 0) folded = i;
    if (!typedPossible) break;
  }
  return { at: folded, typed: false };
}

/** Which query word a word of the text is (by position in `words`), or -1. */
type Matcher = (word: PlacedWord) => number;

/** Folded equality; with `completing`, the last query word also matches words it starts. */
function matcher(words: Word[], completing: boolean): Matcher {
  const position = new Map(words.map((w, i) => [w.folded, i]));
  const last = words.at(-1);
  return (word) =>
    position.get(word.folded) ??
    (completing && last && startsAsTyped(word.typed, last.typed) ? words.length - 1 : -1);
}

/** The first window of LENGTH words holding the most distinct query words, and how many. */
function densestAt(text: LazyWords, words: Word[], match: Matcher): { at: number; count: number } {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; text.at(i); i++) {
    if (match(text.at(i)!) < 0) continue;
    const seen = new Set<number>();
    for (let k = i; k < i + LENGTH - BEFORE && text.at(k); k++) {
      const which = match(text.at(k)!);
      if (which >= 0) seen.add(which);
    }
    if (seen.size > bestCount) [best, bestCount] = [i, seen.size];
    if (bestCount === words.length) break;
  }
  return { at: best, count: bestCount };
}

type Passage = {
  text: string;
  words: LazyWords;
  anchor: number;
  quality: number;
  /** A table row: shown from its first cell (what the figure is) when the match fits. */
  row: boolean;
};

/**
 * Whether the text may hold every word as typed (d for đ): when it cannot, the first phrase found
 * by folding is the best there is. The last word, when completing, may be only a start.
 */
function mayHoldTyped(text: string, words: Word[], completing: boolean): boolean {
  const plain = strokeless(text.toLocaleLowerCase("vi"));
  const needed = completing ? words.slice(0, -1) : words;
  return needed.every((w) => plain.includes(strokeless(w.typed)));
}

/** Where to cut a passage, and how well it matches: the phrase as typed, folded, then most words. */
function passage(
  source: string,
  words: Word[],
  completing: boolean,
  match: Matcher,
  row: boolean,
): Passage {
  const text = source.normalize("NFC");
  const placed = new LazyWords(text);
  const typedPossible = words.length > 1 && mayHoldTyped(text, words, completing);
  const phrase = phraseAt(placed, words, completing, typedPossible);
  if (phrase.at >= 0) {
    const quality = 2 * words.length + (phrase.typed ? 2 : 1);
    return { text, words: placed, anchor: phrase.at, quality, row };
  }
  const dense = densestAt(placed, words, match);
  return { text, words: placed, anchor: Math.max(0, dense.at), quality: dense.count, row };
}

/** The text of a result: the page's text, and a dataset's rows. */
export type ExcerptSource = string | { text: string; rows?: string[] };

/**
 * Escaped HTML: the text around the match, "…" where it was cut, query words in <mark>; with
 * `completing`, the words the last (half-typed) query word starts are marked too. Of a page's
 * text and rows, the best match is shown (the text when they match alike).
 */
export function excerptHtml(source: ExcerptSource, words: Word[], completing = false): string {
  const match = matcher(words, completing);
  const texts = typeof source === "string" ? [source] : [source.text, ...(source.rows ?? [])];
  let best: Passage | undefined;
  for (const [i, text] of texts.entries()) {
    const candidate = passage(text, words, completing, match, i > 0);
    if (!best || candidate.quality > best.quality) best = candidate;
  }
  // A row is shown from its first cell when the match is still in view from there.
  if (best!.row && best!.anchor + words.length <= LENGTH - 2) best!.anchor = 0;
  return cut(best!, match);
}

/** The passage's words around its anchor, marked. */
function cut({ text, words, anchor }: Passage, match: Matcher): string {
  const wanted = Math.max(0, anchor - BEFORE) + LENGTH;
  const available = words.countUpTo(wanted);
  if (available === 0) return "";
  // Near the end of the text, the window starts earlier so that it still holds LENGTH words.
  const first = Math.max(0, Math.min(anchor - BEFORE, available - LENGTH));
  const last = Math.min(available, first + LENGTH) - 1;
  let html = first > 0 ? "… " : "";
  let at = words.at(first)!.start;
  for (let i = first; i <= last; i++) {
    const word = words.at(i)!;
    html += escapeHtml(text.slice(at, word.start));
    const shown = escapeHtml(text.slice(word.start, word.end));
    html += match(word) >= 0 ? `<mark>${shown}</mark>` : shown;
    at = word.end;
  }
  // Punctuation right after the last word (a full stop, a closing bracket) stays with it.
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(at))![0];
  html += escapeHtml(tail);
  // Words side by side read as one highlight.
  html = html.replace(/<\/mark>(\s+)<mark>/g, "$1");
  return words.at(last + 1) ? `${html} …` : html;
}
