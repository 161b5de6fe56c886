// Two rows quoting one sentence ("có 28 đảng bộ, 19 chi bộ") can each hold a number of it and still
// be swapped. The words after each number in the quote tell which figure goes with which label.
import { foldVietnamese } from "../slug.ts";
import { numberSpans } from "./numbers.ts";

/** One figure of a row: its label as readers see it, and the number the row gives. */
export type QuotedFigure = { quote: string; label: string; value: number };

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
 * Pairs of figures (indexes into `figures`) from the same quote whose numbers look swapped: the
 * words only one label has follow the other figure's number, and not its own. Silent whenever
 * the words do not say (labels with no words of their own, equal numbers, a label not in the quote).
 */
export function swappedFigures(figures: readonly QuotedFigure[]): [number, number][] {
  const byQuote = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const group = byQuote.get(f.quote);
    if (group) group.push(i);
    else byQuote.set(f.quote, [i]);
  });
  const pairs: [number, number][] = [];
  for (const [quote, indexes] of byQuote) {
    for (const [n, i] of indexes.entries()) {
      for (const j of indexes.slice(n + 1)) {
        const a = figures[i]!;
        const b = figures[j]!;
        if (a.value === b.value) continue;
        const aWords = new Set(words(a.label));
        const bWords = new Set(words(b.label));
        const onlyA = new Set([...aWords].filter((w) => !bWords.has(w)));
        const onlyB = new Set([...bWords].filter((w) => !aWords.has(w)));
        if (onlyA.size === 0 || onlyB.size === 0) continue;
        const afterA = wordsAfter(quote, a.value);
        const afterB = wordsAfter(quote, b.value);
        const swapped =
          meets(onlyA, afterB) &&
          meets(onlyB, afterA) &&
          !meets(onlyA, afterA) &&
          !meets(onlyB, afterB);
        if (swapped) pairs.push([i, j]);
      }
    }
  }
  return pairs;
}
