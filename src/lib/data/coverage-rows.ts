// Uncited numbers of one article -> proposed dataset rows: numbers of one sentence that belong to
// one row are joined (an admissions figure and its percent of target, a rating's count, total and
// percent), members' parts point at their total, and each row gets its period and qualifier. Pure.
import { classify } from "./coverage-classify.ts";
import { periodOf, type PeriodGuess } from "./coverage-period.ts";
import type { DatasetId } from "./datasets.ts";
import { qualifierInQuote } from "./qualifiers.ts";
import { RATINGS } from "./schemas.ts";

/** An uncited number, with its sentence and where it stands in it. */
export type SentenceNumber = {
  token: string;
  values: number[];
  line: number;
  column: number;
  sentence: string;
  /** Index of the token in `sentence`. */
  at: number;
};

export type ArticleFacts = {
  slug: string;
  /** Publication date as the frontmatter gives it (yyyy-mm-dd…); undefined when undated. */
  published?: string;
  unit?: string;
  province?: string;
  district?: string;
};

/** A proposed row before it is laid out in its file's columns. */
export type RowDraft = {
  dataset: DatasetId | undefined;
  cells: Record<string, string>;
  numbers: SentenceNumber[];
  quote: string;
  sentence: string;
  period: PeriodGuess;
  qualifier?: string;
  /** Which cell the qualifier goes in (qualifier, participants_qualifier). */
  notes: string[];
};

/** The shortest clause around [a, b): between “, ”, “; ”, “: ”, “(” and the next such mark. */
function clauseRange(sentence: string, a: number, b: number): [number, number] {
  const left = Math.max(
    0,
    ...[...sentence.slice(0, a).matchAll(/[,;:(]\s?/g)].map((m) => m.index + m[0].length),
  );
  const rest = /[,;:)](\s|$)|\.$/.exec(sentence.slice(b));
  return [left, rest ? b + rest.index : sentence.length];
}

/** A quote never leaves a bracket open: “kết nạp 218 đảng viên mới (đạt 100%)”. */
function balanced(sentence: string, a: number, b: number): [number, number] {
  const text = sentence.slice(a, b);
  const open = (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
  if (open <= 0) return [a, b];
  const close = sentence.indexOf(")", b);
  return close === -1 ? [a, b] : [a, close + 1];
}

/** Count cells as the repository writes them: 6.120; percents with a decimal comma: 93,6. */
function cellOf(token: string, column: string): string {
  if (column === "percent" || column === "percent_of_target")
    return token.replace(/\.(?=\d+$)/, ",");
  return token;
}

function joinTarget(drafts: RowDraft[], joins: string | undefined, dataset: DatasetId | undefined) {
  if (!joins) return undefined;
  const last = drafts.at(-1);
  if (joins === "ratio") return last;
  if (joins === "badge")
    return drafts.findLast((d) => d.dataset === "huy-hieu" && d.cells.count === undefined);
  if (joins === "training")
    return drafts.findLast(
      (d) => d.dataset === "giao-duc-dao-tao" && d.cells.participants === undefined,
    );
  if (joins === "admission")
    return drafts.findLast((d) => d.dataset === "ket-nap" && d.cells.measure === "ket-nap");
  return drafts.findLast((d) => d.dataset === dataset);
}

/** Drafts for the uncited numbers of one sentence, in order. */
function sentenceDrafts(numbers: SentenceNumber[], facts: ArticleFacts): RowDraft[] {
  const drafts: RowDraft[] = [];
  const ranges = new Map<RowDraft, [number, number]>();
  for (const n of numbers) {
    const end = n.at + n.token.length;
    const measure = classify(n.sentence, n.at, end);
    const [a, b] = clauseRange(n.sentence, n.at, end);
    const target = joinTarget(drafts, measure.joins, measure.dataset);
    const draft: RowDraft = target ?? {
      dataset: measure.dataset,
      cells: {},
      numbers: [],
      quote: "",
      sentence: n.sentence,
      period: periodOf(n.sentence, n.at, facts.published),
      notes: [],
    };
    if (!target) drafts.push(draft);
    Object.assign(draft.cells, measure.cells, {
      [measure.column]: cellOf(n.token, measure.column),
    });
    draft.numbers.push(n);
    const [ra, rb] = ranges.get(draft) ?? [a, b];
    // A percent of target reads with what it is compared to: “(đạt 100%) so với kế hoạch đề ra”.
    const rest = /^[^,;]*?(?=[,;]\s|\.?$)/.exec(n.sentence.slice(end))?.[0].length ?? 0;
    const tail = measure.joins === "admission" ? end + rest : b;
    ranges.set(draft, [Math.min(ra, a), Math.max(rb, tail)]);
  }
  for (const [draft, [a, b]] of ranges) {
    const [qa, qb] = balanced(draft.sentence, a, b);
    draft.quote = draft.sentence.slice(qa, qb).trim();
  }
  return drafts;
}

/** The qualifier the quote puts on the row's figure (or, for ratings, on its level). */
function qualifierOf(draft: RowDraft): string | undefined {
  if (draft.dataset === "xep-loai" && draft.cells.rating) {
    const level = RATINGS[draft.cells.rating as keyof typeof RATINGS];
    return qualifierInQuote(draft.quote, { level: level.toLocaleLowerCase("vi") });
  }
  const main =
    draft.dataset === "chi-tieu"
      ? draft.cells.percent
      : draft.dataset === "giao-duc-dao-tao"
        ? draft.cells.participants
        : draft.cells.count;
  const number = draft.numbers.find(
    (n) => cellOf(n.token, "count") === main || cellOf(n.token, "percent") === main,
  );
  return number ? qualifierInQuote(draft.quote, { value: number.values[0]! }) : undefined;
}

/** Every proposed row of an article, numbers of one sentence joined where they make one row. */
export function draftRows(numbers: SentenceNumber[], facts: ArticleFacts): RowDraft[] {
  const bySentence = new Map<string, SentenceNumber[]>();
  for (const n of numbers) {
    const key = `${n.line}\u0000${n.sentence}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), n]);
  }
  const drafts = [...bySentence.values()].flatMap((group) => sentenceDrafts(group, facts));
  for (const draft of drafts) {
    const qualifier = qualifierOf(draft);
    if (qualifier) draft.qualifier = qualifier;
    if (draft.period.note) draft.notes.push(draft.period.note);
  }
  return drafts;
}
