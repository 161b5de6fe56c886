// Figure coverage: every number in an article's text that no dataset row cites (a row cites a number
// when its quote, found in the article, spans the number and the row holds that value), with its
// sentence and a proposed row. Numbers that are not statistics are set aside by rule (coverage-rules.ts).
import type { ExistingRow } from "./coverage-report.ts";
import { exclusionRule, type ExclusionRule } from "./coverage-rules.ts";
import type { SentenceNumber } from "./coverage-rows.ts";
import { numberSpans } from "./numbers.ts";
import { normaliseText } from "./sources.ts";

export type CitingRow = { quote: string; values: number[]; ref?: ExistingRow };
/** A number staff have explained in data/README.md: the phrase around it and why it is no dataset figure. */
export type AcceptedNumber = { slug: string; phrase: string; why: string };

/** A number of the body: position in the .mdx file (1-based), its sentence and where it stands in it. */
export type FoundNumber = SentenceNumber;

export type ArticleCoverage = {
  slug: string;
  uncovered: FoundNumber[];
  accepted: (FoundNumber & { why: string })[];
  excluded: (FoundNumber & { rule: ExclusionRule })[];
  /** Numbers a row already cites, with those rows. */
  covered: (FoundNumber & { rows: ExistingRow[] })[];
};

/** One paragraph of the body as readers see it, and for each of its characters the file column. */
type Prose = { text: string; columns: number[]; line: number };

function proseLines(mdx: string): Prose[] {
  const lines = mdx.replace(/\r\n?/g, "\n").split("\n");
  const end = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  const out: Prose[] = [];
  lines.forEach((raw, i) => {
    if (i <= end || /^(import|export)\s/.test(raw)) return;
    let text = "";
    const columns: number[] = [];
    for (let c = 0; c < raw.length; c++) {
      // Component tags and their attributes (row ids, chart ids, level={2}) are not text.
      if (raw[c] === "<" && /[A-Za-z/]/.test(raw[c + 1] ?? "")) {
        const close = raw.indexOf(">", c);
        if (close !== -1) {
          c = close;
          continue;
        }
      }
      if (raw[c] === "\\" && c + 1 < raw.length) c++;
      const ch = /\s/.test(raw[c]!) ? " " : raw[c]!;
      if (ch === " " && (text === "" || text.endsWith(" "))) continue;
      text += ch;
      columns.push(c + 1);
    }
    if (text.trim() !== "") out.push({ text: text.trimEnd(), columns, line: i + 1 });
  });
  return out;
}

/** The sentence of `text` around position `at`, and where `at` falls in it. */
function sentenceAt(text: string, at: number): { sentence: string; at: number } {
  const breaks = [...text.matchAll(/[.!?…;](?=\s+\p{Lu})/gu)].map((m) => m.index + 1);
  const start = Math.max(0, ...breaks.filter((b) => b <= at));
  const next = breaks.find((b) => b > at) ?? text.length;
  const raw = text.slice(start, next);
  const lead = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), at: at - start - lead };
}

/** Every occurrence of `needle` in `hay`, as [start, end) ranges. */
function occurrences(hay: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (needle === "") return found;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    found.push([i, i + needle.length]);
  }
  return found;
}

export function articleCoverage(
  slug: string,
  mdx: string,
  rows: readonly CitingRow[],
  accepted: readonly AcceptedNumber[],
): ArticleCoverage {
  const result: ArticleCoverage = { slug, uncovered: [], accepted: [], excluded: [], covered: [] };
  const mine = accepted.filter((a) => a.slug === slug);
  for (const prose of proseLines(mdx)) {
    // Markup, escapes and whitespace runs are already gone, so positions map back to the file.
    const source = prose.text;
    const cites = rows.flatMap((row) =>
      occurrences(source, normaliseText(row.quote)).map(([a, b]) => ({ a, b, ...row })),
    );
    const explained = mine.flatMap((entry) =>
      occurrences(source, normaliseText(entry.phrase)).map(([a, b]) => ({ a, b, why: entry.why })),
    );
    for (const span of numberSpans(source)) {
      const token = source.slice(span.start, span.end);
      const { sentence, at } = sentenceAt(source, span.start);
      const found: FoundNumber = {
        token,
        values: span.values,
        line: prose.line,
        column: prose.columns[span.start] ?? 1,
        sentence,
        at,
      };
      const inside = (r: { a: number; b: number }) => r.a <= span.start && span.end <= r.b;
      // A row citing the number wins over any rule: what is in the data is marked as such.
      const citing = cites.filter(
        (c) => inside(c) && span.values.some((v) => c.values.some((w) => Math.abs(v - w) < 1e-9)),
      );
      if (citing.length > 0) {
        result.covered.push({ ...found, rows: citing.flatMap((c) => (c.ref ? [c.ref] : [])) });
        continue;
      }
      const rule = exclusionRule(source, span.start, span.end);
      if (rule) {
        result.excluded.push({ ...found, rule });
        continue;
      }
      const why = explained.find(inside)?.why;
      if (why !== undefined) {
        result.accepted.push({ ...found, why });
        continue;
      }
      result.uncovered.push(found);
    }
  }
  return result;
}

/** Entries of the “Số không đưa vào dữ liệu” list in data/README.md: “- `slug` — “phrase” — why”. */
export function readAccepted(readme: string): AcceptedNumber[] {
  const block = /<!-- coverage:accepted:start -->([\s\S]*?)<!-- coverage:accepted:end -->/.exec(
    readme,
  );
  if (!block) return [];
  return [...block[1]!.matchAll(/^- `([a-z0-9-]+)` — “([^”]+)” — (.+)$/gm)].map((m) => ({
    slug: m[1]!,
    phrase: m[2]!,
    why: m[3]!.trim(),
  }));
}
