// Checks every row gets: period, provenance (article, quote, figures), unique ids, qualifiers.
import { isCalendarMoment } from "../../calendar.ts";
import type { PeriodKind } from "../columns.ts";
import { nearestName } from "../hints.ts";
import { numberSpans } from "../numbers.ts";
import { DAY_KINDS } from "../period.ts";
import { periodWarning } from "../period-support.ts";
import { droppedQualifier } from "../qualifiers.ts";
import { normaliseText, type SourceReader, type SourceText } from "../sources.ts";
import { checkParts } from "./parts.ts";
import {
  quoted,
  type Column,
  type FileOptions,
  type RowCheckContext,
  type RowRecord,
} from "./record.ts";

/** Longest quote accepted: a phrase around the figure, not a paragraph (the longest real one is ~100). */
export const MAX_QUOTE_LENGTH = 150;

type QuoteFacts = { length: number; numbers: number[] };

// Quotes repeat row after row (100,000 rows cite a few hundred): read each distinct one once.
const quoteCache = new Map<string, QuoteFacts>();
function quoteFacts(quote: string): QuoteFacts {
  let facts = quoteCache.get(quote);
  if (!facts) {
    facts = {
      length: [...quote.normalize("NFC")].length,
      numbers: numberSpans(quote).flatMap((span) => span.values),
    };
    if (quoteCache.size > 10_000) quoteCache.clear();
    quoteCache.set(quote, facts);
  }
  return facts;
}

/** The period agrees with its kind: a year, a day on the calendar, or nothing. */
function checkPeriod(record: RowRecord, { issue }: RowCheckContext) {
  const period = record.row.period as string | undefined;
  const kind = record.row.period_kind as PeriodKind;
  if (kind === "as_of_undated" && period !== undefined) {
    issue(record, "period", "period-mismatch", `loại kỳ as_of_undated thì để trống cột “period”`);
  } else if ((kind === "year" || kind === "end_of_year") && !/^\d{4}$/.test(period ?? "")) {
    issue(record, "period", "period-mismatch", `loại kỳ ${kind} cần năm (vd. 2014)`);
  } else if (DAY_KINDS.has(kind) && !/^\d{4}-\d{2}-\d{2}$/.test(period ?? "")) {
    const day = kind === "as_reported" ? "ngày đăng bài yyyy-mm-dd" : "ngày yyyy-mm-dd";
    issue(record, "period", "period-mismatch", `loại kỳ ${kind} cần ${day}`);
  } else if (DAY_KINDS.has(kind) && !isCalendarMoment(period!)) {
    issue(record, "period", "period-mismatch", `ngày ${quoted(period!)} không có trên lịch`);
  }
}

/** What the checks of one file share: the numeric columns, and quotes already looked up. */
type RowsState = {
  context: RowCheckContext;
  /** Columns whose figures must be in the quote. */
  numeric: Column[];
  // slug -> quote -> found; nested so no key string is built per row.
  quoteFound: Map<string, Map<string, boolean>>;
};

/** The quote is short, in its article word for word, and holds the row's figures. */
function checkQuote(record: RowRecord, source: SourceText, state: RowsState) {
  const { row } = record;
  const { issue } = state.context;
  const slug = String(row.source);
  const quote = String(row.quote);
  // The figure check only asks that the number is somewhere in the quote; a long quote holding
  // other numbers (2.053 … 66.024) would let a wrong figure through, so quotes stay short.
  const facts = quoteFacts(quote);
  const { length } = facts;
  if (length > MAX_QUOTE_LENGTH) {
    issue(record, "quote", "quote-too-long", `${length} ký tự, tối đa ${MAX_QUOTE_LENGTH}`);
  }
  let inSource = state.quoteFound.get(slug);
  if (!inSource) state.quoteFound.set(slug, (inSource = new Map()));
  let found = inSource.get(quote);
  if (found === undefined) {
    found = source.text.includes(normaliseText(quote));
    inSource.set(quote, found);
  }
  if (!found) {
    issue(record, "quote", "quote-not-found", `${quoted(quote)} không có trong bài ${slug}`);
    return;
  }
  const inQuote = facts.numbers;
  for (const column of state.numeric) {
    const value = row[column.name];
    if (typeof value !== "number") continue;
    if (!inQuote.some((n) => Math.abs(n - value) < 1e-9)) {
      issue(
        record,
        column.name,
        "figure-not-in-quote",
        `cột ${quoted(column.name)} = ${quoted(record.raw(column.name).trim())}`,
      );
    }
  }
}

/** Provenance of one row: a note for a derived figure, else a quote; its article; its period. */
function checkProvenance(
  record: RowRecord,
  sources: SourceReader,
  state: RowsState,
): "unknown-source" | undefined {
  const { row } = record;
  const { issue, warn } = state.context;
  if (row.derived === true) {
    if (row.note === undefined) issue(record, "note", "derived-needs-note");
  } else if (row.quote === undefined) {
    issue(record, "quote", "missing-value", "cột “quote” (bắt buộc với số liệu lấy từ nguồn)");
  }
  const source = sources(String(row.source));
  if (!source.exists) return "unknown-source";
  const doubt = periodWarning(row, source);
  if (doubt) warn(record, "period", doubt.key, doubt.detail);
  if (row.quote !== undefined && row.derived !== true) checkQuote(record, source, state);
  return undefined;
}

/** A source naming no article, with the article it likely meant and the errors it explains. */
function reportUnknownSources(
  unknownSources: Map<RowRecord, number[]>,
  articles: readonly string[] | undefined,
  { issue }: RowCheckContext,
) {
  for (const [record, followOn] of unknownSources) {
    const slug = String(record.row.source);
    const nearest = articles ? nearestName(slug, articles) : undefined;
    const suggestion = nearest
      ? `; có phải ${quoted(nearest)} không?`
      : "; chép tên tệp bài trong content/news/, bỏ đuôi .mdx";
    const folded =
      followOn.length > 0
        ? ` Sửa ô này thì dòng ${followOn.join(", ")} (tổng hoặc phần của dòng này) cũng hết lỗi`
        : "";
    issue(
      record,
      "source",
      "unknown-source",
      `không có content/news/${slug}.mdx${suggestion}${folded}`,
    );
  }
}

/** Checks every dataset gets: period, provenance, unique ids, parts against totals. */
export function checkRows(
  records: RowRecord[],
  columns: Column[],
  options: Pick<FileOptions, "sources" | "articles">,
  context: RowCheckContext,
  writtenIds: Set<string>,
) {
  const { issue } = context;
  // Rows naming no article; reported after the parts check, which folds its follow-on errors in.
  const unknownSources = new Map<RowRecord, number[]>();
  const numeric = columns.filter(
    (c) =>
      (c.meta.kind === "count" || c.meta.kind === "percent" || c.meta.kind === "decimal") &&
      c.meta.inQuote !== false,
  );
  const state: RowsState = { context, numeric, quoteFound: new Map() };
  const ids = new Map<string, RowRecord>();
  for (const record of records) {
    const id = String(record.row.id);
    const first = ids.get(id);
    if (first) issue(record, "id", "duplicate-key", `${quoted(id)} đã dùng ở dòng ${first.line}`);
    else ids.set(id, record);
    checkPeriod(record, context);
    if (checkProvenance(record, options.sources, state)) unknownSources.set(record, []);
  }
  for (const record of records) {
    const quote = record.row.quote;
    if (typeof quote !== "string" || record.row.derived === true) continue;
    for (const p of droppedQualifier(record.row, quote, columns)) {
      issue(record, p.column, "qualifier-dropped", p.detail);
    }
  }
  if (columns.some((c) => c.name === "part_of")) {
    checkParts(records, ids, context, writtenIds, unknownSources);
  }
  reportUnknownSources(unknownSources, options.articles, context);
}
