// One CSV file -> typed rows and every problem found, with real line and column numbers.
import type { z } from "zod";
import { isCalendarMoment } from "../calendar.ts";
import { formatNumber } from "../format.ts";
import { columnMeta, type ColumnMeta } from "./columns.ts";
import { decodeCsv, parseCsvText } from "./csv.ts";
import type { DataIssue, IssueKey } from "./issues.ts";
import { foldLabel, nearestName, strayCharacterHint, strayDelimiterCells } from "./hints.ts";
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
          : parsed.problem === "not-a-number"
            ? strayHint(text)
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
      const ragged = raggedDetail(cells, header, byName, parsed.table.delimiter);
      fail(line, ragged.column, "ragged-row", ragged.detail);
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
  checkRows(records, columns, options, context, writtenIds);
  checkLabelVariants(records, columns, context);
  const label = options.labelColumn === undefined ? undefined : byName.get(options.labelColumn);
  if (label) checkSwaps(records, label, columns, context);
  options.checks?.(records, context);
  return { rows: records.map((r) => r.row), lines: records.map((r) => r.line), issues };
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
    if ("key" in result) return;
    if (column.schema.safeParse(result.value).success) good++;
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
      unknownSources.set(record, []);
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
