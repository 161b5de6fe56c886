// Two rows quoting one sentence ("có 28 đảng bộ, 19 chi bộ") can each hold a number of it and still
// be swapped. The words after each number in the quote tell which figure goes with which label.
import { foldVietnamese } from "../slug.ts";
import { numberSpans } from "./numbers.ts";

/** One figure of a row: the article and sentence it quotes, its label as readers see it, its number. */
export type QuotedFigure = { source: string; quote: string; label: string; value: number };

/** How many words after a number still describe it ("3.618 đảng viên chính thức"). */
const TAIL_WORDS = 6;

function words(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The words that follow `value` in the quote, up to the next number, for every place it appears. */
function wordsAfter(quote: string, value: number): Set<string> {
  const spans = numberSpans(quote);
  const after = new Set<string>();
  spans.forEach((span, i) => {
    if (!span.values.includes(value)) return;
    const tail = quote.slice(span.end, spans[i + 1]?.start ?? quote.length);
    for (const word of words(tail).slice(0, TAIL_WORDS)) after.add(word);
  });
  return after;
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((w) => b.has(w));

/**
 * Figures (indexes into `figures`) from a quote whose numbers look swapped with another figure of
 * the same quote, each with the index of one it swaps with: the words only one label has follow
 * the other figure's number, and not its own. Silent whenever the words do not say (labels with
 * no words of their own, equal numbers, a label not in the quote). Rows repeating the same label
 * and number are compared once, so a quote shared by thousands of rows stays cheap.
 */
export function swappedFigures(figures: readonly QuotedFigure[]): Map<number, number> {
  // source -> quote -> label -> value -> indexes of the figures saying it (nested: no per-row keys)
  const bySource = new Map<string, Map<string, Map<string, Map<number, number[]>>>>();
  const claimsOf = (f: QuotedFigure) => {
    let byQuote = bySource.get(f.source);
    if (!byQuote) bySource.set(f.source, (byQuote = new Map()));
    let claims = byQuote.get(f.quote);
    if (!claims) byQuote.set(f.quote, (claims = new Map()));
    return claims;
  };
  figures.forEach((f, i) => {
    const claims = claimsOf(f);
    let byValue = claims.get(f.label);
    if (!byValue) claims.set(f.label, (byValue = new Map()));
    const same = byValue.get(f.value);
    if (same) same.push(i);
    else byValue.set(f.value, [i]);
  });
  const partner = new Map<number, number>();
  const mark = (rows: number[], other: number) => {
    for (const i of rows) if (!partner.has(i)) partner.set(i, other);
  };
  const quotes = [...bySource.values()].flatMap((byQuote) => [...byQuote.values()]);
  for (const claims of quotes) {
    const groups = [...claims.values()].flatMap((byValue) => [...byValue.values()]);
    for (const [n, aRows] of groups.entries()) {
      for (const bRows of groups.slice(n + 1)) {
        if (isSwap(figures[aRows[0]!]!, figures[bRows[0]!]!)) {
          mark(aRows, bRows[0]!);
          mark(bRows, aRows[0]!);
        }
      }
    }
  }
  return partner;
}

/** a and b quote the same sentence of the same article. */
function isSwap(a: QuotedFigure, b: QuotedFigure): boolean {
  if (a.value === b.value) return false;
  const aWords = new Set(words(a.label));
  const bWords = new Set(words(b.label));
  const onlyA = new Set([...aWords].filter((w) => !bWords.has(w)));
  const onlyB = new Set([...bWords].filter((w) => !aWords.has(w)));
  if (onlyA.size === 0 || onlyB.size === 0) return false;
  const afterA = wordsAfter(a.quote, a.value);
  const afterB = wordsAfter(a.quote, b.value);
  return (
    meets(onlyA, afterB) && meets(onlyB, afterA) && !meets(onlyA, afterA) && !meets(onlyB, afterB)
  );
}
