// One CSV file -> typed rows and every problem found, with real line and column numbers.
import type { z } from "zod";
import { isCalendarMoment } from "../calendar.ts";
import { formatNumber } from "../format.ts";
import { columnMeta, type ColumnMeta } from "./columns.ts";
import { decodeCsv, parseCsvText } from "./csv.ts";
import type { DataIssue, IssueKey } from "./issues.ts";
import { numberSpans, numbersInText, parseCount, parseDecimal } from "./numbers.ts";
import { droppedQualifier, isHeaderOptional } from "./qualifiers.ts";
import { normaliseText, type SourceReader } from "./sources.ts";
import { swappedFigures } from "./swaps.ts";

export type Value = string | number | boolean | undefined;
export type Row = Record<string, Value>;

/** A row as read, with where each cell sits in the file, for checks that point back at it. */
export type RowRecord = {
  row: Row;
  line: number;
  raw: Record<string, string>;
  /** Line and 1-based column of a cell. */
  at: (column: string) => { line: number; column: number };
};

export type RowCheckContext = {
  file: string;
  issue: (record: RowRecord, column: string, key: IssueKey, detail?: string) => void;
};

export type ParsedFile = { rows: Row[]; lines: number[]; issues: DataIssue[] };

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
  if (problem === "ambiguous-number")
    return "; viết không dấu phân cách (6001) hoặc với dấu chấm (6.001)";
  // Excel set to English reads "3.280" as 3.28 and writes it back without the trailing zero.
  if (problem === "fractional-count" && /^\d{1,3}\.\d{1,2}$/.test(text)) {
    const [whole, fraction] = text.split(".") as [string, string];
    return `; có thể Excel đã đổi ${whole}.${fraction.padEnd(3, "0")} thành ${text}: định dạng cột là Văn bản (Text) rồi gõ lại số`;
  }
  return "";
}

function parseCell(
  column: Column,
  raw: string,
): { value: Value } | { key: IssueKey; detail: string } {
  const text = raw.trim();
  const where = `cột ${quoted(column.name)} = ${quoted(text)}`;
  if (text === "") {
    if (column.meta.kind === "flag") return { value: false };
    if (column.meta.required) return { key: "missing-value", detail: `cột ${quoted(column.name)}` };
    return { value: undefined };
  }
  switch (column.meta.kind) {
    case "count": {
      const parsed = parseCount(text);
      if (parsed.ok) return { value: parsed.value };
      return { key: parsed.problem, detail: `${where}${countHint(parsed.problem, text)}` };
    }
    case "decimal":
    case "percent": {
      const parsed = parseDecimal(text, { percent: column.meta.kind === "percent" });
      if (parsed.ok) return { value: parsed.value };
      const hint =
        parsed.problem === "ambiguous-number"
          ? "; số thập phân viết bằng dấu phẩy (16,7), số nghìn viết liền (1234)"
          : "";
      return { key: parsed.problem, detail: `${where}${hint}` };
    }
    case "flag":
      if (text === "0" || text === "1") return { value: text === "1" };
      return { key: "invalid-value", detail: `${where}; chỉ ghi 0 hoặc 1` };
    default:
      return { value: text };
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

export type FileOptions = {
  /** Path shown in messages, e.g. "data/dang-vien.csv". */
  file: string;
  sources: SourceReader;
  /** Checks particular to a dataset (percentages against counts, …). */
  checks?: (records: RowRecord[], context: RowCheckContext) => void;
  /** The column that names what a row counts, for telling swapped figures of one quote apart. */
  labelColumn?: string;
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
  const empty = { rows: [], lines: [], issues };

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
  // Ids of every row, valid or not, so a part of a broken total is not also called an orphan.
  const idIndex = seen.get("id")! - 1;
  const writtenIds = new Set(tableRows.map((r) => (r.cells[idIndex] ?? "").trim()));
  for (const tableRow of tableRows) {
    const { cells, cellLines, line } = tableRow;
    if (cells.length !== header.length) {
      fail(
        line,
        Math.min(cells.length, header.length) + 1,
        "ragged-row",
        `dòng có ${cells.length} ô, tiêu đề có ${header.length} cột`,
      );
      continue;
    }
    const at = (name: string) => {
      // A column left out of the header (see qualifiers.ts) is reported at the quote.
      const index = (seen.get(name) ?? seen.get("quote")!) - 1;
      return { line: cellLines[index] ?? line, column: index + 1 };
    };
    const raw: Record<string, string> = {};
    const row: Row = {};
    let cellProblems = false;
    for (const column of columns) {
      const index = seen.get(column.name);
      const text = index === undefined ? "" : cells[index - 1]!;
      raw[column.name] = text;
      const result = parseCell(column, text);
      if ("key" in result) {
        const pos = at(column.name);
        fail(pos.line, pos.column, result.key, result.detail);
        cellProblems = true;
      } else row[column.name] = result.value;
    }
    if (cellProblems) continue;
    const checked = schema.safeParse(row);
    if (!checked.success) {
      for (const zIssue of checked.error.issues) {
        const name = String(zIssue.path[0] ?? "id");
        const column = byName.get(name)!;
        const pos = at(name);
        const { key, detail } = zodDetail(column, raw[name] ?? "", zIssue);
        fail(pos.line, pos.column, key, detail);
      }
      continue;
    }
    records.push({ row: checked.data as Row, line, raw, at });
  }

  const context: RowCheckContext = {
    file,
    issue: (record, column, key, detail) => {
      const pos = record.at(column);
      fail(pos.line, pos.column, key, detail);
    },
  };
  checkRows(records, columns, options.sources, context, writtenIds);
  const label = options.labelColumn === undefined ? undefined : byName.get(options.labelColumn);
  if (label) checkSwaps(records, label, columns, context);
  options.checks?.(records, context);
  return { rows: records.map((r) => r.row), lines: records.map((r) => r.line), issues };
}

/** Longest quote accepted: a phrase around the figure, not a paragraph (the longest real one is ~100). */
export const MAX_QUOTE_LENGTH = 150;

const numbersCache = new Map<string, number[]>();
function quoteNumbers(quote: string): number[] {
  let found = numbersCache.get(quote);
  if (!found) {
    found = numbersInText(quote);
    numbersCache.set(quote, found);
  }
  return found;
}

/** Checks every dataset gets: period, provenance, unique ids, parts against totals. */
function checkRows(
  records: RowRecord[],
  columns: Column[],
  sources: SourceReader,
  context: RowCheckContext,
  writtenIds: Set<string>,
) {
  const { issue } = context;
  const names = new Set(columns.map((c) => c.name));
  const numeric = columns.filter(
    (c) =>
      (c.meta.kind === "count" || c.meta.kind === "percent" || c.meta.kind === "decimal") &&
      c.meta.inQuote !== false,
  );
  const ids = new Map<string, RowRecord>();
  const quoteFound = new Map<string, boolean>();

  for (const record of records) {
    const { row } = record;
    const id = String(row.id);
    const first = ids.get(id);
    if (first) issue(record, "id", "duplicate-key", `${quoted(id)} đã dùng ở dòng ${first.line}`);
    else ids.set(id, record);

    const period = row.period as string | undefined;
    const kind = row.period_kind as string;
    if (kind === "as_of_undated" && period !== undefined) {
      issue(record, "period", "period-mismatch", `loại kỳ as_of_undated thì để trống cột “period”`);
    } else if ((kind === "year" || kind === "end_of_year") && !/^\d{4}$/.test(period ?? "")) {
      issue(record, "period", "period-mismatch", `loại kỳ ${kind} cần năm (vd. 2014)`);
    } else if (kind === "as_of_date" && !/^\d{4}-\d{2}-\d{2}$/.test(period ?? "")) {
      issue(record, "period", "period-mismatch", `loại kỳ as_of_date cần ngày yyyy-mm-dd`);
    } else if (kind === "as_of_date" && !isCalendarMoment(period!)) {
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
      issue(record, "source", "unknown-source", `không có content/news/${slug}.mdx`);
      continue;
    }
    if (row.quote === undefined || row.derived === true) continue;
    const quote = String(row.quote);
    // The figure check only asks that the number is somewhere in the quote; a long quote holding
    // other numbers (2.053 … 66.024) would let a wrong figure through, so quotes stay short.
    const length = [...quote.normalize("NFC")].length;
    if (length > MAX_QUOTE_LENGTH) {
      issue(record, "quote", "quote-too-long", `${length} ký tự, tối đa ${MAX_QUOTE_LENGTH}`);
    }
    const cacheKey = `${slug}\u0000${quote}`;
    let found = quoteFound.get(cacheKey);
    if (found === undefined) {
      found = source.text.includes(normaliseText(quote));
      quoteFound.set(cacheKey, found);
    }
    if (!found) {
      issue(record, "quote", "quote-not-found", `${quoted(quote)} không có trong bài ${slug}`);
      continue;
    }
    const inQuote = quoteNumbers(quote);
    for (const column of numeric) {
      const value = row[column.name];
      if (typeof value !== "number") continue;
      if (!inQuote.some((n) => Math.abs(n - value) < 1e-9)) {
        issue(
          record,
          column.name,
          "figure-not-in-quote",
          `cột ${quoted(column.name)} = ${quoted(record.raw[column.name]!.trim())}`,
        );
      }
    }
  }

  for (const record of records) {
    const quote = record.row.quote;
    if (typeof quote !== "string" || record.row.derived === true) continue;
    for (const p of droppedQualifier(record.row, quote, numberSpans(quote), columns)) {
      issue(record, p.column, "qualifier-dropped", p.detail);
    }
  }

  if (names.has("part_of")) checkParts(records, ids, context, writtenIds);
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
    const says = (r: RowRecord) => `“${labelOf(r)}” = ${quoted(r.raw[column.name]!.trim())}`;
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
    if (differs) {
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
