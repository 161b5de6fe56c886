// Figure coverage: every number in an article's text that no dataset row cites (a row cites a number
// when its quote, found in the article, spans the number and the row holds that value), with its
// sentence and a proposed row. Numbers that are not statistics are set aside by rule (coverage-rules.ts).
import { exclusionRule, type ExclusionRule } from "./coverage-rules.ts";
import { numberSpans } from "./numbers.ts";
import { normaliseText } from "./sources.ts";

export type CitingRow = { quote: string; values: number[] };
/** A number staff have explained in data/README.md: the phrase around it and why it is no dataset figure. */
export type AcceptedNumber = { slug: string; phrase: string; why: string };

export type FoundNumber = {
  token: string;
  values: number[];
  /** Position in the .mdx file (1-based). */
  line: number;
  column: number;
  sentence: string;
};

export type ArticleCoverage = {
  slug: string;
  uncovered: (FoundNumber & { proposal: Proposal })[];
  accepted: (FoundNumber & { why: string })[];
  excluded: (FoundNumber & { rule: ExclusionRule })[];
  covered: FoundNumber[];
};

export type Proposal = { dataset: string; unit?: string; period?: string; quote: string };

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

/** Dataset a staff member would most likely put a figure in, from the words around it. */
const DATASET_HINTS: [RegExp, string][] = [
  [/Huy hiệu/i, "huy-hieu"],
  [
    /kiểm tra|giám sát|kỷ luật|đơn thư|khiển trách|cảnh cáo|khai trừ|kiểm điểm/i,
    "kiem-tra-giam-sat",
  ],
  [/khen thưởng|biểu dương/i, "thi-dua-khen-thuong"],
  [/lớp|buổi|học viên|bồi dưỡng|tuyên truyền/i, "giao-duc-dao-tao"],
  [/hoàn thành (xuất sắc|tốt)|xếp loại/i, "xep-loai"],
  [/kết nạp|dự bị trở thành/i, "ket-nap"],
  [/phấn đấu|chỉ tiêu/i, "chi-tieu"],
  [/chi bộ|đảng bộ|tổ chức (cơ sở )?đảng/i, "to-chuc-dang"],
  [/đảng viên/i, "dang-vien"],
];

/** The shortest clause around the number: what the `quote` column should hold. */
function clauseAround(sentence: string, token: string, index: number): string {
  const at = Math.max(0, index);
  const left = Math.max(
    0,
    ...[...sentence.slice(0, at).matchAll(/[,;:(]\s/g)].map((m) => m.index + 2),
  );
  const rightMatch = /[,;:)](\s|$)|\.$/.exec(sentence.slice(at + token.length));
  const right = rightMatch ? at + token.length + rightMatch.index : sentence.length;
  return sentence.slice(left, right).trim();
}

export function propose(sentence: string, token: string, index: number): Proposal {
  const quote = clauseAround(sentence, token, index);
  const dataset =
    DATASET_HINTS.find(([pattern]) => pattern.test(quote))?.[1] ??
    DATASET_HINTS.find(([pattern]) => pattern.test(sentence))?.[1] ??
    "cong-tac-to-chuc";
  const unit = /^[\d.,/%]+\s+((?:[\p{Ll}]+\s?){1,2})/u.exec(sentence.slice(index))?.[1]?.trim();
  const period =
    /đến hết năm (\d{4})/u.exec(sentence)?.[0] ??
    /\b(?:trong )?năm (\d{4})/iu.exec(sentence)?.[0] ??
    (/hiện có/u.test(sentence) ? "hiện có" : undefined);
  return { dataset, quote, ...(unit ? { unit } : {}), ...(period ? { period } : {}) };
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
      occurrences(source, normaliseText(row.quote)).map(([a, b]) => ({ a, b, values: row.values })),
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
      };
      const rule = exclusionRule(source, span.start, span.end);
      if (rule) {
        result.excluded.push({ ...found, rule });
        continue;
      }
      const inside = (r: { a: number; b: number }) => r.a <= span.start && span.end <= r.b;
      if (
        cites.some(
          (c) => inside(c) && span.values.some((v) => c.values.some((w) => Math.abs(v - w) < 1e-9)),
        )
      ) {
        result.covered.push(found);
        continue;
      }
      const why = explained.find(inside)?.why;
      if (why !== undefined) {
        result.accepted.push({ ...found, why });
        continue;
      }
      result.uncovered.push({ ...found, proposal: propose(sentence, token, at) });
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
