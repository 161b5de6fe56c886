// The excerpt under a result: about thirty words of the page around the best match, escaped,
// with <mark> around every word of the query (found folded, so "dang" marks "Đảng"). A dataset
// page's excerpt comes from its description or from the row of its table that matches best.
import { escapeHtml } from "../html.ts";
import { placedWords, startsAsTyped, type PlacedWord, type Word } from "./text.ts";

/** Words shown before the match and in all. */
const BEFORE = 8;
const LENGTH = 30;

/**
 * Where the phrase starts, preferring it as typed; -1 when the words are never side by side.
 * With `completing`, the last word may be one the last query word starts.
 */
function phraseAt(
  text: PlacedWord[],
  words: Word[],
  completing: boolean,
): { at: number; typed: boolean } {
  if (words.length < 2) return { at: -1, typed: false };
  const n = words.length;
  const last = words[n - 1]!;
  const lastFits = (word: PlacedWord, typed: boolean) =>
    (typed ? word.typed === last.typed : word.folded === last.folded) ||
    (completing && startsAsTyped(word.typed, last.typed));
  const head = words.slice(0, -1);
  let folded = -1;
  for (let i = 0; i + n <= text.length; i++) {
    if (!head.every((w, k) => text[i + k]!.folded === w.folded)) continue;
    if (!lastFits(text[i + n - 1]!, false)) continue;
    if (head.every((w, k) => text[i + k]!.typed === w.typed) && lastFits(text[i + n - 1]!, true))
      return { at: i, typed: true };
    if (folded < 0) folded = i;
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
function densestAt(
  text: PlacedWord[],
  words: Word[],
  match: Matcher,
): { at: number; count: number } {
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < text.length; i++) {
    if (match(text[i]!) < 0) continue;
    const seen = new Set<number>();
    for (let k = i; k < Math.min(text.length, i + LENGTH - BEFORE); k++) {
      const which = match(text[k]!);
      if (which >= 0) seen.add(which);
    }
    if (seen.size > bestCount) [best, bestCount] = [i, seen.size];
    if (bestCount === words.length) break;
  }
  return { at: best, count: bestCount };
}

type Passage = { text: string; placed: PlacedWord[]; anchor: number; quality: number };

/** Where to cut a passage, and how well it matches: the phrase as typed, folded, then most words. */
function passage(source: string, words: Word[], completing: boolean, match: Matcher): Passage {
  const text = source.normalize("NFC");
  const placed = placedWords(text);
  const phrase = phraseAt(placed, words, completing);
  if (phrase.at >= 0) {
    const quality = 2 * words.length + (phrase.typed ? 2 : 1);
    return { text, placed, anchor: phrase.at, quality };
  }
  const dense = densestAt(placed, words, match);
  return { text, placed, anchor: Math.max(0, dense.at), quality: dense.count };
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
  for (const text of texts) {
    const candidate = passage(text, words, completing, match);
    if (!best || candidate.quality > best.quality) best = candidate;
  }
  return cut(best!, match);
}

/** The passage's words around its anchor, marked. */
function cut({ text, placed, anchor }: Passage, match: Matcher): string {
  if (placed.length === 0) return "";
  const first = Math.max(0, Math.min(anchor - BEFORE, placed.length - LENGTH));
  const last = Math.min(placed.length, first + LENGTH) - 1;
  let html = first > 0 ? "… " : "";
  let at = placed[first]!.start;
  for (let i = first; i <= last; i++) {
    const word = placed[i]!;
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
  return last < placed.length - 1 ? `${html} …` : html;
}
