// The excerpt under a result: about thirty words of the page around the best match, escaped,
// with <mark> around every word of the query (found folded, so "dang" marks "Đảng").
import { escapeHtml } from "../polls/view.ts";
import { placedWords, type PlacedWord, type Word } from "./text.ts";

/** Words shown before the match and in all. */
const BEFORE = 8;
const LENGTH = 30;

/** Where the phrase starts, preferring it as typed; -1 when the words are never side by side. */
function phraseAt(text: PlacedWord[], words: Word[]): number {
  if (words.length < 2) return -1;
  let folded = -1;
  for (let i = 0; i + words.length <= text.length; i++) {
    if (!words.every((w, k) => text[i + k]!.folded === w.folded)) continue;
    if (words.every((w, k) => text[i + k]!.typed === w.typed)) return i;
    if (folded < 0) folded = i;
  }
  return folded;
}

/** The first window of LENGTH words holding the most distinct query words. */
function densestAt(text: PlacedWord[], words: Word[]): number {
  const wanted = new Set(words.map((w) => w.folded));
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < text.length; i++) {
    if (!wanted.has(text[i]!.folded)) continue;
    const seen = new Set<string>();
    for (let k = i; k < Math.min(text.length, i + LENGTH - BEFORE); k++) {
      if (wanted.has(text[k]!.folded)) seen.add(text[k]!.folded);
    }
    if (seen.size > bestCount) [best, bestCount] = [i, seen.size];
    if (bestCount === wanted.size) break;
  }
  return best;
}

/** Escaped HTML: the text around the match, "…" where it was cut, query words in <mark>. */
export function excerptHtml(source: string, words: Word[]): string {
  const text = source.normalize("NFC");
  const placed = placedWords(text);
  if (placed.length === 0) return "";
  const phrase = phraseAt(placed, words);
  const anchor = phrase >= 0 ? phrase : Math.max(0, densestAt(placed, words));
  const first = Math.max(0, Math.min(anchor - BEFORE, placed.length - LENGTH));
  const last = Math.min(placed.length, first + LENGTH) - 1;
  const wanted = new Set(words.map((w) => w.folded));
  let html = first > 0 ? "… " : "";
  let at = placed[first]!.start;
  for (let i = first; i <= last; i++) {
    const word = placed[i]!;
    html += escapeHtml(text.slice(at, word.start));
    const shown = escapeHtml(text.slice(word.start, word.end));
    html += wanted.has(word.folded) ? `<mark>${shown}</mark>` : shown;
    at = word.end;
  }
  // Punctuation right after the last word (a full stop, a closing bracket) stays with it.
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(at))![0];
  html += escapeHtml(tail);
  return last < placed.length - 1 ? `${html} …` : html;
}
