// Qualifiers as the source says them: "trên 17.985", "khoảng 300", "80% trở lên", "hoàn thành tốt
// nhiệm vụ trở lên". A qualifier column names the column it qualifies; the figure is shown with its
// qualifier everywhere (figureText), and the data check refuses a row whose quote carries one the
// row leaves out (droppedQualifier).
import { z } from "zod";
import type { ColumnMeta } from "./columns.ts";
import { numberSpans } from "./numbers.ts";

/** The words a source puts before a number ("trên 90%") or, for "trở lên", after it. */
export const QUALIFIERS = {
  trên: "trên (nhiều hơn)",
  hơn: "hơn (nhiều hơn)",
  "trở lên": "từ … trở lên (ít nhất)",
  gần: "gần (ít hơn một chút)",
  "chưa đến": "chưa đến (ít hơn)",
  dưới: "dưới (ít hơn)",
  khoảng: "khoảng (ước chừng)",
  "xấp xỉ": "xấp xỉ (ước chừng)",
} as const;

export type Qualifier = keyof typeof QUALIFIERS;

/** Qualifiers written after the figure; every other one is written before it. */
const AFTER: ReadonlySet<string> = new Set<Qualifier>(["trở lên"]);

/** Column metadata of a qualifier column: which column's figure (or level) it qualifies. */
export type QualifierMeta = ColumnMeta & {
  qualifies: string;
  /** Files written before the column existed may leave it out of their header. */
  headerOptional?: boolean;
};

/**
 * An optional qualifier column for the figure in column `qualifies`. `headerOptional`: a CSV may
 * leave the column out of its header (the chart datasets gained it later; old files stay valid).
 */
export function qualifierColumn(
  qualifies: string,
  description: string,
  options: { title?: string; headerOptional?: boolean } = {},
) {
  const keys = Object.keys(QUALIFIERS) as [Qualifier, ...Qualifier[]];
  const meta: QualifierMeta = {
    kind: "choice",
    title: options.title ?? "Mức",
    description,
    labels: QUALIFIERS,
    required: false,
    qualifies,
    ...(options.headerOptional && { headerOptional: true }),
  };
  return z
    .enum(keys)
    .optional()
    .meta(meta as unknown as Record<string, unknown>);
}

export function isQualifierMeta(meta: ColumnMeta): meta is QualifierMeta {
  return typeof (meta as Partial<QualifierMeta>).qualifies === "string";
}

/** Whether a CSV may leave the column out of its header. */
export function isHeaderOptional(meta: ColumnMeta): boolean {
  return isQualifierMeta(meta) && meta.headerOptional === true;
}

/** "trên 17.985", "80 trở lên", "6.001": a formatted figure or level with its qualifier. */
export function qualified(text: string, qualifier: string | undefined): string {
  if (qualifier === undefined || qualifier === "") return text;
  return AFTER.has(qualifier) ? `${text} ${qualifier}` : `${qualifier} ${text}`;
}

const BEFORE_PATTERN = new RegExp(
  `(?:^|[^\\p{L}])(${Object.keys(QUALIFIERS)
    .filter((q) => !AFTER.has(q))
    .join("|")})\\s+(?:từ\\s+)?$`,
  "iu",
);
const AFTER_PATTERN = /^\s*%?\s*(trở lên)(?![\p{L}])/iu;

/**
 * The qualifier the quote puts on `value` (its number spans given), or on `level` (a label such as
 * "hoàn thành tốt nhiệm vụ"); undefined when the quote states it exactly.
 */
export function qualifierInQuote(
  quote: string,
  target: { value: number } | { level: string },
): Qualifier | undefined {
  // Thousands of rows may cite one quote for the same figure: each answer is worked out once.
  let byTarget = answers.get(quote);
  if (!byTarget) {
    if (answers.size > 10_000) answers.clear();
    answers.set(quote, (byTarget = new Map()));
  }
  const key = "level" in target ? `l${target.level}` : `v${target.value}`;
  if (byTarget.has(key)) return byTarget.get(key);
  const answer = findQualifier(quote, target);
  byTarget.set(key, answer);
  return answer;
}

/** quote -> target key ("v6001", "lhoàn thành tốt nhiệm vụ") -> its qualifier. */
const answers = new Map<string, Map<string, Qualifier | undefined>>();

function findQualifier(
  quote: string,
  target: { value: number } | { level: string },
): Qualifier | undefined {
  const text = quote.normalize("NFC");
  if ("level" in target) {
    const lower = text.toLocaleLowerCase("vi");
    const at = lower.indexOf(target.level.normalize("NFC").toLocaleLowerCase("vi"));
    if (at === -1) return undefined;
    const after = AFTER_PATTERN.exec(text.slice(at + target.level.length));
    return after ? (after[1]!.toLocaleLowerCase("vi") as Qualifier) : undefined;
  }
  for (const span of numberSpans(quote)) {
    if (!span.values.some((v) => Math.abs(v - target.value) < 1e-9)) continue;
    const before = BEFORE_PATTERN.exec(text.slice(0, span.start));
    if (before) return before[1]!.toLocaleLowerCase("vi") as Qualifier;
    const after = AFTER_PATTERN.exec(text.slice(span.end));
    if (after) return after[1]!.toLocaleLowerCase("vi") as Qualifier;
  }
  return undefined;
}

export type QualifierProblem = { column: string; detail: string };

/**
 * A row whose quote qualifies a figure (or level) the row records without that qualifier: the
 * qualifier column and what to write in it. Checked only for rows taken from a quote.
 */
export function droppedQualifier(
  row: Record<string, unknown>,
  quote: string,
  columns: readonly { name: string; meta: ColumnMeta }[],
): QualifierProblem[] {
  const problems: QualifierProblem[] = [];
  for (const { name, meta } of columns) {
    if (!isQualifierMeta(meta)) continue;
    const value = row[meta.qualifies];
    const target = columns.find((c) => c.name === meta.qualifies);
    if (value === undefined || !target) continue;
    const inQuote =
      typeof value === "number"
        ? qualifierInQuote(quote, { value })
        : qualifierInQuote(quote, { level: target.meta.labels?.[String(value)] ?? String(value) });
    const stated = row[name] as string | undefined;
    if (inQuote !== undefined && stated !== inQuote) {
      problems.push({
        column: name,
        detail:
          `đoạn trích ghi “${inQuote}” cho cột “${meta.qualifies}” nhưng cột “${name}” ` +
          `${stated === undefined ? "để trống" : `ghi “${stated}”`}; hãy ghi “${inQuote}” vào cột “${name}” (thêm cột này vào dòng tiêu đề nếu tệp chưa có)`,
      });
    }
  }
  return problems;
}
