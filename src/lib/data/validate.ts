// One CSV file -> typed rows and every problem found, with real line and column numbers.
import type { z } from "zod";
import { isCalendarMoment } from "../calendar.ts";
import { formatNumber } from "../format.ts";
import { columnMeta, ID_PATTERN, type ColumnMeta, type PeriodKind } from "./columns.ts";
import { decodeCsv, parseCsvText } from "./csv.ts";
import type { DataIssue, IssueKey } from "./issues.ts";
import { foldLabel, nearestName, strayCharacterHint, strayDelimiterCells } from "./hints.ts";
import { numberSpans, parseCount, parseDecimal } from "./numbers.ts";
import { DAY_KINDS } from "./period.ts";
import { periodWarning } from "./period-support.ts";
import { droppedQualifier, isHeaderOptional } from "./qualifiers.ts";
import type { Value } from "./row.ts";
import { normaliseText, type SourceReader } from "./sources.ts";
import { swappedFigures } from "./swaps.ts";

export type { Value };
export type Row = Record<string, Value>;

/** Where each column sits in the file's header (1-based), shared by every row of the file. */
type HeaderIndex = ReadonlyMap<string, number>;

/**
 * A row as read, with where each cell sits in the file, for checks that point back at it. A class,
 * not an object of closures: a file may hold 100,000 rows, and each kept object costs collections.
 */
export class RowRecord {
  readonly row: Row;
  readonly line: number;
  readonly #cells: readonly string[];
  readonly #cellLines: readonly number[] | undefined;
  readonly #header: HeaderIndex;

  constructor(
    row: Row,
    line: number,
    cells: readonly string[],
    cellLines: readonly number[] | undefined,
    header: HeaderIndex,
  ) {
    this.row = row;
    this.line = line;
    this.#cells = cells;
    this.#cellLines = cellLines;
    this.#header = header;
  }

  /** The cell's text as written ("" for a column the header leaves out). */
  raw(column: string): string {
    const index = this.#header.get(column);
    return index === undefined ? "" : this.#cells[index - 1]!;
  }

  /** Line and 1-based column of a cell; a column left out of the header (see qualifiers.ts) is reported at the quote. */
  at(column: string): { line: number; column: number } {
    const index = (this.#header.get(column) ?? this.#header.get("quote")!) - 1;
    return { line: this.#cellLines?.[index] ?? this.line, column: index + 1 };
  }
}

export type RowCheckContext = {
  file: string;
  issue: (record: RowRecord, column: string, key: IssueKey, detail?: string) => void;
  /** A doubt staff should look at, which does not stop the build. */
  warn: (record: RowRecord, column: string, key: IssueKey, detail?: string) => void;
};

export type ParsedFile = {
  rows: Row[];
  lines: number[];
  issues: DataIssue[];
  /** Doubts that do not stop the build (a period the source may not support). */
  warnings: DataIssue[];
};

type Column = { name: string; meta: ColumnMeta; schema: z.ZodType };

export function schemaColumns(schema: z.ZodObject): Column[] {
  return Object.entries(schema.shape).map(([name, s]) => ({
    name,
    schema: s as z.ZodType,
    meta: columnMeta(s as z.ZodType),
  }));
}

const quoted = (text: string) => `“${text}”`;

function countHint(problem: string, text: string): string {
  if (problem === "not-a-number") return strayHint(text);
  if (problem === "ambiguous-number")
    return "; viết không dấu phân cách (6001) hoặc với dấu chấm (6.001)";
  // Excel set to English reads "3.280" as 3.28 and writes it back without the trailing zero.
  if (problem === "fractional-count" && /^\d{1,3}\.\d{1,2}$/.test(text)) {
    const [whole, fraction] = text.split(".") as [string, string];
    return `; có thể Excel đã đổi ${whole}.${fraction.padEnd(3, "0")} thành ${text}: định dạng cột là Văn bản (Text) rồi gõ lại số`;
  }
  return "";
}

function strayHint(text: string): string {
  const hint = strayCharacterHint(text);
  return hint === undefined ? "" : `: ${hint}`;
}

// Conservative: anything that might be white space (all of U+2000 and up) goes through trim().
const isSpace = (code: number) => code <= 32 || code === 0xa0 || code === 0x1680 || code >= 0x2000;

/** raw.trim(), without the call for the usual cell that has nothing to trim. */
function trimmed(raw: string): string {
  if (raw === "") return raw;
  return isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1)) ? raw.trim() : raw;
}

// Called only for a problem: parseCell runs for every cell of every row.
const cellWhere = (name: string, text: string) => `cột ${quoted(name)} = ${quoted(text)}`;

/** A cell that does not read as its column's kind. */
type CellProblem = { key: IssueKey; detail: string };

/** Values are never objects, so a problem is told apart without wrapping every value read. */
const isProblem = (result: Value | CellProblem): result is CellProblem =>
  typeof result === "object";

function parseCell(column: Column, raw: string): Value | CellProblem {
  const text = trimmed(raw);
  if (text === "") {
    if (column.meta.kind === "flag") return false;
    if (column.meta.required) return { key: "missing-value", detail: `cột ${quoted(column.name)}` };
    return undefined;
  }
  switch (column.meta.kind) {
    case "count": {
      const parsed = parseCount(text);
      if (parsed.ok) return parsed.value;
      return {
        key: parsed.problem,
        detail: `${cellWhere(column.name, text)}${countHint(parsed.problem, text)}`,
      };
    }
    case "decimal":
    case "percent": {
      const parsed = parseDecimal(text, { percent: column.meta.kind === "percent" });
      if (parsed.ok) return parsed.value;
      const hint =
        parsed.problem === "ambiguous-number"
          ? "; số thập phân viết bằng dấu phẩy (16,7), số nghìn viết liền (1234)"
          : parsed.problem === "not-a-number"
            ? strayHint(text)
            : "";
      return { key: parsed.problem, detail: `${cellWhere(column.name, text)}${hint}` };
    }
    case "flag":
      if (text === "0" || text === "1") return text === "1";
      return { key: "invalid-value", detail: `${cellWhere(column.name, text)}; chỉ ghi 0 hoặc 1` };
    default:
      return text;
  }
}

function zodDetail(
  column: Column,
  raw: string,
  issue: z.core.$ZodIssue,
): { key: IssueKey; detail: string } {
  const where = `cột ${quoted(column.name)} = ${quoted(raw.trim())}`;
  if (column.meta.labels) {
    return {
      key: "not-in-list",
      detail: `${where}; cho phép: ${Object.keys(column.meta.labels).join(", ")}`,
    };
  }
  if (column.meta.kind === "source") {
    // Staff paste the file name or the page address; say what to keep and suggest it.
    const slug = raw
      .trim()
      .replace(/\.mdx$/i, "")
      .split("/")
      .filter((part) => part !== "")
      .pop();
    const suggestion = slug && slug !== raw.trim() ? ` (ở đây: ${quoted(slug)})` : "";
    return {
      key: "invalid-value",
      detail: `${where}; ghi tên bài (phần cuối địa chỉ /tin-tuc/…/), không có đuôi .mdx hay /tin-tuc/${suggestion}`,
    };
  }
  if (column.meta.kind === "id" || column.meta.kind === "ref") {
    return {
      key: "invalid-value",
      detail: `${where}; chỉ dùng chữ thường không dấu, số và dấu gạch nối`,
    };
  }
  if (column.meta.kind === "period") {
    return { key: "invalid-value", detail: `${where}; ghi năm (2014) hoặc ngày yyyy-mm-dd` };
  }
  if (issue.code === "too_big")
    return { key: "invalid-value", detail: `${where}; vượt quá ${String(issue.maximum)}` };
  return { key: "invalid-value", detail: `${where}; ${issue.message}` };
}

/**
 * The column's schema on one value. The schema has no cross-column rules, so checking column by
 * column is checking the row; a value seen before in the column (labels, sources, levels repeat
 * on every row) reuses its verdict. Ids are unique, so they are not kept.
 */
function columnVerdict(
  column: Column,
  cache: Map<Value, z.ZodSafeParseResult<unknown>>,
  value: Value,
): z.ZodSafeParseResult<unknown> {
  if (column.meta.kind === "id") {
    // Ids are unique, so no verdict is reused; idColumn is z.string().regex(ID_PATTERN), and the
    // pattern alone is ~10x cheaper than the schema call. A failing id still gets zod's issue.
    if (typeof value === "string" && ID_PATTERN.test(value)) return { success: true, data: value };
    return column.schema.safeParse(value);
  }
  let verdict = cache.get(value);
  if (!verdict) {
    verdict = column.schema.safeParse(value);
    cache.set(value, verdict);
  }
  return verdict;
}

export type FileOptions = {
  /** Path shown in messages, e.g. "data/dang-vien.csv". */
  file: string;
  sources: SourceReader;
  /** Checks particular to a dataset (percentages against counts, …). */
  checks?: (records: RowRecord[], context: RowCheckContext) => void;
  /** The column that names what a row counts, for telling swapped figures of one quote apart. */
  labelColumn?: string;
  /** Names of the articles in content/news/, for suggesting the one a misspelt `source` meant. */
  articles?: readonly string[];
};

export function validateCsv(
  schema: z.ZodObject,
  bytes: Uint8Array,
  options: FileOptions,
): ParsedFile {
  const { file } = options;
  const issues: DataIssue[] = [];
  const fail = (line: number, column: number, key: IssueKey, detail?: string) =>
    issues.push({ file, line, column, key, ...(detail ? { detail } : {}) });
  const warnings: DataIssue[] = [];
  const empty = { rows: [], lines: [], issues, warnings };

  const decoded = decodeCsv(bytes);
  if (!decoded.ok) {
    fail(decoded.problem.line, decoded.problem.column, decoded.problem.key, decoded.problem.detail);
    return empty;
  }
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) {
    for (const p of parsed.problems) fail(p.line, p.column, p.key, p.detail);
    return empty;
  }
  const { header, headerLine, rows: tableRows } = parsed.table;
  const columns = schemaColumns(schema);
  const byName = new Map(columns.map((c) => [c.name, c]));

  // Header: every schema column exactly once, nothing else.
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (seen.has(name))
      fail(
        headerLine,
        index + 1,
        "duplicate-column",
        `${quoted(name)} (đã có ở cột ${seen.get(name)})`,
      );
    else if (!byName.has(name)) fail(headerLine, index + 1, "unknown-column", quoted(name));
    if (!seen.has(name)) seen.set(name, index + 1);
  });
  for (const column of columns) {
    if (!seen.has(column.name) && !isHeaderOptional(column.meta))
      fail(headerLine, 1, "missing-column", quoted(column.name));
  }
  if (issues.length > 0) return empty;
  if (tableRows.length === 0) {
    fail(headerLine, 1, "no-data-rows");
    return empty;
  }

  const records: RowRecord[] = [];
  const verdicts = columns.map(() => new Map<Value, z.ZodSafeParseResult<unknown>>());
  // Ids of every row, valid or not, so a part of a broken total is not also called an orphan.
  const idIndex = seen.get("id")! - 1;
  const writtenIds = new Set(tableRows.map((r) => (r.cells[idIndex] ?? "").trim()));
  for (const tableRow of tableRows) {
    const { cells, cellLines, line } = tableRow;
    if (cells.length !== header.length) {
      const ragged = raggedDetail(cells, header, byName, parsed.table.delimiter);
      fail(line, ragged.column, "ragged-row", ragged.detail);
      continue;
    }
    const row: Row = {};
    const record = new RowRecord(row, line, cells, cellLines, seen);
    let cellProblems = false;
    let schemaProblems: { column: Column; issue: z.core.$ZodIssue }[] | undefined;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const result = parseCell(column, record.raw(column.name));
      if (isProblem(result)) {
        const pos = record.at(column.name);
        fail(pos.line, pos.column, result.key, result.detail);
        cellProblems = true;
        continue;
      }
      const checked = columnVerdict(column, verdicts[c]!, result);
      if (checked.success) row[column.name] = checked.data as Value;
      else
        (schemaProblems ??= []).push(...checked.error.issues.map((issue) => ({ column, issue })));
    }
    // A cell that does not read as its kind is the one problem to fix; schema problems wait for it.
    if (cellProblems) continue;
    if (schemaProblems) {
      for (const { column, issue } of schemaProblems) {
        const pos = record.at(column.name);
        const { key, detail } = zodDetail(column, record.raw(column.name), issue);
        fail(pos.line, pos.column, key, detail);
      }
      continue;
    }
    records.push(record);
  }

  const context: RowCheckContext = {
    file,
    issue: (record, column, key, detail) => {
      const pos = record.at(column);
      fail(pos.line, pos.column, key, detail);
    },
    warn: (record, column, key, detail) => {
      const { line, column: at } = record.at(column);
      warnings.push({ file, line, column: at, key, ...(detail ? { detail } : {}) });
    },
  };
  checkRows(records, columns, options, context, writtenIds);
  checkLabelVariants(records, columns, context);
  const label = options.labelColumn === undefined ? undefined : byName.get(options.labelColumn);
  if (label) checkSwaps(records, label, columns, context);
  options.checks?.(records, context);
  return {
    rows: records.map((r) => r.row),
    lines: records.map((r) => r.line),
    issues,
    warnings,
  };
}

/** How many cells of a would-be row read as their columns expect (for locating a stray separator). */
function cellsReadingCorrectly(
  cells: string[],
  header: string[],
  byName: Map<string, Column>,
  delimiter: string,
): number {
  let good = 0;
  header.forEach((name, index) => {
    const column = byName.get(name);
    const text = (cells[index] ?? "").replaceAll("\u0000", delimiter);
    if (!column) return;
    const result = parseCell(column, text);
    if (isProblem(result)) return;
    if (column.schema.safeParse(result).success) good++;
  });
  return good;
}

/** "dòng có 15 ô, tiêu đề có 14 cột; dấu “,” thừa có lẽ nằm trong ô cột “quote” (ô 13) …" */
function raggedDetail(
  cells: string[],
  header: string[],
  byName: Map<string, Column>,
  delimiter: string,
): { column: number; detail: string } {
  const counts = `dòng có ${cells.length} ô, tiêu đề có ${header.length} cột`;
  if (cells.length < header.length) {
    return {
      column: cells.length + 1,
      detail: `${counts}; thiếu ô từ cột ${quoted(header[cells.length]!)} (ô ${cells.length + 1}): kiểm tra dấu ${quoted(delimiter)} giữa các ô, hoặc một ô có xuống dòng mà không nằm trong ngoặc kép`,
    };
  }
  const starts = strayDelimiterCells(cells, header.length, (row) =>
    cellsReadingCorrectly(row, header, byName, delimiter),
  ).slice(0, 3);
  const where = starts.map((i) => `cột ${quoted(header[i]!)} (ô ${i + 1})`).join(" hoặc ");
  return {
    column: (starts[0] ?? header.length) + 1,
    detail: `${counts}; dấu ${quoted(delimiter)} thừa có lẽ nằm trong ô ${where}: ô có dấu ${quoted(delimiter)} phải đặt trong ngoặc kép, vd. "47 tổ chức cơ sở đảng, 6.001 đảng viên"`,
  };
}

/** Columns whose values are free prose, where two spellings are not two labels. */
const PROSE_COLUMNS = new Set(["quote", "note"]);

/**
 * Labels of one column that a reader cannot tell apart ("Tình trạng" / "tình trạng") are two groups
 * to the checker and the charts: refused, with the line of the first spelling.
 */
function checkLabelVariants(records: RowRecord[], columns: Column[], { issue }: RowCheckContext) {
  for (const column of columns) {
    if (column.meta.kind !== "text" || PROSE_COLUMNS.has(column.name)) continue;
    const first = new Map<string, { value: string; line: number }>();
    // Labels repeat row after row: each distinct spelling is folded once, its verdict reused.
    const verdicts = new Map<string, { value: string; line: number } | null>();
    for (const record of records) {
      const value = record.row[column.name];
      if (typeof value !== "string") continue;
      let earlier = verdicts.get(value);
      if (earlier === undefined) {
        const key = foldLabel(value);
        const seen = first.get(key);
        if (!seen) first.set(key, { value, line: record.line });
        earlier = seen && seen.value !== value ? seen : null;
        verdicts.set(value, earlier);
      }
      if (earlier) {
        issue(
          record,
          column.name,
          "label-variant",
          `cột ${quoted(column.name)} = ${quoted(value)}, dòng ${earlier.line} ghi ${quoted(earlier.value)}; chọn một cách viết và sửa các dòng cho giống hệt nhau`,
        );
      }
    }
  }
}

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

/** Checks every dataset gets: period, provenance, unique ids, parts against totals. */
function checkRows(
  records: RowRecord[],
  columns: Column[],
  options: FileOptions,
  context: RowCheckContext,
  writtenIds: Set<string>,
) {
  const { issue } = context;
  const { sources } = options;
  // Rows naming no article; reported after the parts check, which folds its follow-on errors in.
  const unknownSources = new Map<RowRecord, number[]>();
  const names = new Set(columns.map((c) => c.name));
  const numeric = columns.filter(
    (c) =>
      (c.meta.kind === "count" || c.meta.kind === "percent" || c.meta.kind === "decimal") &&
      c.meta.inQuote !== false,
  );
  const ids = new Map<string, RowRecord>();
  // slug -> quote -> found; nested so no key string is built per row.
  const quoteFound = new Map<string, Map<string, boolean>>();

  for (const record of records) {
    const { row } = record;
    const id = String(row.id);
    const first = ids.get(id);
    if (first) issue(record, "id", "duplicate-key", `${quoted(id)} đã dùng ở dòng ${first.line}`);
    else ids.set(id, record);

    const period = row.period as string | undefined;
    const kind = row.period_kind as PeriodKind;
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

    if (row.derived === true) {
      if (row.note === undefined) issue(record, "note", "derived-needs-note");
    } else if (row.quote === undefined) {
      issue(record, "quote", "missing-value", "cột “quote” (bắt buộc với số liệu lấy từ nguồn)");
    }

    const slug = String(row.source);
    const source = sources(slug);
    if (!source.exists) {
      unknownSources.set(record, []);
      continue;
    }
    const doubt = periodWarning(row, source);
    if (doubt) context.warn(record, "period", doubt.key, doubt.detail);
    if (row.quote === undefined || row.derived === true) continue;
    const quote = String(row.quote);
    // The figure check only asks that the number is somewhere in the quote; a long quote holding
    // other numbers (2.053 … 66.024) would let a wrong figure through, so quotes stay short.
    const facts = quoteFacts(quote);
    const { length } = facts;
    if (length > MAX_QUOTE_LENGTH) {
      issue(record, "quote", "quote-too-long", `${length} ký tự, tối đa ${MAX_QUOTE_LENGTH}`);
    }
    let inSource = quoteFound.get(slug);
    if (!inSource) quoteFound.set(slug, (inSource = new Map()));
    let found = inSource.get(quote);
    if (found === undefined) {
      found = source.text.includes(normaliseText(quote));
      inSource.set(quote, found);
    }
    if (!found) {
      issue(record, "quote", "quote-not-found", `${quoted(quote)} không có trong bài ${slug}`);
      continue;
    }
    const inQuote = facts.numbers;
    for (const column of numeric) {
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

  for (const record of records) {
    const quote = record.row.quote;
    if (typeof quote !== "string" || record.row.derived === true) continue;
    for (const p of droppedQualifier(record.row, quote, columns)) {
      issue(record, p.column, "qualifier-dropped", p.detail);
    }
  }

  if (names.has("part_of")) checkParts(records, ids, context, writtenIds, unknownSources);
  for (const [record, followOn] of unknownSources) {
    const slug = String(record.row.source);
    const nearest = options.articles ? nearestName(slug, options.articles) : undefined;
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

/** Rows sharing a quote whose figures look swapped (see swaps.ts): both rows are reported. */
function checkSwaps(
  records: RowRecord[],
  label: Column,
  columns: Column[],
  { issue }: RowCheckContext,
) {
  const fromQuotes = records.filter((r) => r.row.quote !== undefined && r.row.derived !== true);
  const labelOf = (r: RowRecord) => {
    const value = String(r.row[label.name] ?? "");
    return label.meta.labels?.[value] ?? value;
  };
  for (const column of columns.filter((c) => c.meta.kind === "count")) {
    const rows = fromQuotes.filter((r) => typeof r.row[column.name] === "number");
    const figures = rows.map((r) => ({
      source: String(r.row.source),
      quote: String(r.row.quote),
      label: labelOf(r),
      value: r.row[column.name] as number,
    }));
    const says = (r: RowRecord) => `“${labelOf(r)}” = ${quoted(r.raw(column.name).trim())}`;
    for (const [i, j] of swappedFigures(figures)) {
      const [row, other] = [rows[i]!, rows[j]!];
      issue(
        row,
        column.name,
        "figure-swapped",
        `${says(row)}, còn dòng ${other.line} ghi ${says(other)}`,
      );
    }
  }
}

/** A cell's value in a message; an empty cell says so. */
const shown = (value: unknown): string =>
  value === undefined || value === "" ? "ô trống" : quoted(String(value));

/** Columns a part shares with its total (part_of). */
const PART_MUST_MATCH = ["unit", "period", "period_kind", "source"] as const;

/** Parts name their total with part_of; parts of one breakdown must not add up to more than it. */
function checkParts(
  records: RowRecord[],
  ids: Map<string, RowRecord>,
  context: RowCheckContext,
  writtenIds: Set<string>,
  unknownSources: Map<RowRecord, number[]>,
) {
  const groups = new Map<string, { total: RowRecord; split: string; parts: RowRecord[] }>();
  for (const record of records) {
    const parent = record.row.part_of as string | undefined;
    if (parent === undefined) continue;
    const total = ids.get(parent);
    if (!total) {
      if (!writtenIds.has(parent))
        context.issue(record, "part_of", "unknown-parent", quoted(parent));
      continue;
    }
    // Walk up: a row must not be (indirectly) part of itself.
    let cursor: RowRecord | undefined = total;
    for (let steps = 0; cursor && steps <= records.length; steps++) {
      if (cursor === record) {
        context.issue(record, "part_of", "part-cycle", quoted(parent));
        break;
      }
      const up = cursor.row.part_of as string | undefined;
      cursor = up === undefined ? undefined : ids.get(up);
    }
    // A part is a share of the same unit's figure, at the same time, from the same article.
    const differs = PART_MUST_MATCH.find((column) => record.row[column] !== total.row[column]);
    // A source that names no article is one mistake, reported once on its own row.
    const misnamed = [record, total].find((r) => unknownSources.has(r));
    if (differs === "source" && misnamed) {
      const other = misnamed === record ? total : record;
      unknownSources.get(misnamed)!.push(other.line);
    } else if (differs) {
      context.issue(
        record,
        "part_of",
        "part-mismatch",
        `dòng ${total.line} ghi ${shown(total.row[differs])} ở cột ${quoted(differs)}, dòng này ghi ${shown(record.row[differs])}`,
      );
    }
    const split = (record.row.split as string | undefined) ?? "";
    const key = `${parent}\u0000${split}`;
    const group = groups.get(key) ?? { total, split, parts: [] };
    group.parts.push(record);
    groups.set(key, group);
  }
  for (const { total, split, parts } of groups.values()) {
    const sum = parts.reduce((s, p) => s + Number(p.row.count), 0);
    const totalCount = Number(total.row.count);
    if (sum > totalCount) {
      const lines = parts.map((p) => p.line).join(", ");
      context.issue(
        total,
        "count",
        "parts-exceed-total",
        `các phần${split ? ` theo ${quoted(split)}` : ""} (dòng ${lines}) cộng lại ${formatNumber(sum)}, tổng ghi ${formatNumber(totalCount)}`,
      );
    }
  }
}
