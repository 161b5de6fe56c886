// One CSV file -> typed rows and every problem found, with real line and column numbers. The checks
// themselves live in check/: cells, ragged rows, labels, rows, parts.
import type { z } from "zod";
import { decodeCsv, parseCsvText, type CsvTable } from "./csv.ts";
import type { DataIssue, IssueKey } from "./issues.ts";
import { isHeaderOptional } from "./qualifiers.ts";
import { columnVerdict, isProblem, parseCell, zodDetail } from "./check/cells.ts";
import { checkLabelVariants, checkSwaps } from "./check/labels.ts";
import { raggedDetail } from "./check/ragged.ts";
import {
  quoted,
  RowRecord,
  schemaColumns,
  type Column,
  type FileOptions,
  type ParsedFile,
  type Row,
  type RowCheckContext,
  type Value,
} from "./check/record.ts";
import { checkRows } from "./check/rows.ts";

export type { FileOptions, ParsedFile, Row, RowCheckContext, Value };
export { MAX_QUOTE_LENGTH } from "./check/rows.ts";
export { RowRecord, schemaColumns };

type Fail = (line: number, column: number, key: IssueKey, detail?: string) => void;

/** The header holds every schema column exactly once, nothing else: where each column sits. */
function readHeader(
  header: readonly string[],
  headerLine: number,
  byName: ReadonlyMap<string, Column>,
  fail: Fail,
): Map<string, number> {
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
  for (const column of byName.values()) {
    if (!seen.has(column.name) && !isHeaderOptional(column.meta))
      fail(headerLine, 1, "missing-column", quoted(column.name));
  }
  return seen;
}

type Verdicts = Map<Value, z.ZodSafeParseResult<unknown>>[];

/** One row's cells read and checked column by column; undefined when a cell has a problem. */
function readRecord(
  record: RowRecord,
  columns: readonly Column[],
  verdicts: Verdicts,
  fail: Fail,
): RowRecord | undefined {
  const { row } = record;
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
    else (schemaProblems ??= []).push(...checked.error.issues.map((issue) => ({ column, issue })));
  }
  // A cell that does not read as its kind is the one problem to fix; schema problems wait for it.
  if (cellProblems) return undefined;
  if (!schemaProblems) return record;
  for (const { column, issue } of schemaProblems) {
    const pos = record.at(column.name);
    const { key, detail } = zodDetail(column, record.raw(column.name), issue);
    fail(pos.line, pos.column, key, detail);
  }
  return undefined;
}

/** Every row of the table that reads cleanly, as a record; each problem reported through `fail`. */
function readRecords(table: CsvTable, columns: readonly Column[], fail: Fail) {
  const { header, headerLine, rows: tableRows } = table;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const errorsBefore = { count: 0 };
  const counting: Fail = (...args) => {
    errorsBefore.count++;
    fail(...args);
  };
  const seen = readHeader(header, headerLine, byName, counting);
  if (errorsBefore.count > 0) return undefined;
  if (tableRows.length === 0) {
    fail(headerLine, 1, "no-data-rows");
    return undefined;
  }
  const records: RowRecord[] = [];
  const verdicts: Verdicts = columns.map(() => new Map());
  // Ids of every row, valid or not, so a part of a broken total is not also called an orphan.
  const idIndex = seen.get("id")! - 1;
  const writtenIds = new Set(tableRows.map((r) => (r.cells[idIndex] ?? "").trim()));
  for (const { cells, cellLines, line } of tableRows) {
    if (cells.length !== header.length) {
      const ragged = raggedDetail(cells, header, byName, table.delimiter);
      fail(line, ragged.column, "ragged-row", ragged.detail);
      continue;
    }
    const row: Row = {};
    const record = new RowRecord(row, line, cells, cellLines, seen);
    if (readRecord(record, columns, verdicts, fail)) records.push(record);
  }
  return { records, writtenIds, byName };
}

export function validateCsv(
  schema: z.ZodObject,
  bytes: Uint8Array,
  options: FileOptions,
): ParsedFile {
  const { file } = options;
  const issues: DataIssue[] = [];
  const fail: Fail = (line, column, key, detail) =>
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
  const columns = schemaColumns(schema);
  const read = readRecords(parsed.table, columns, fail);
  if (!read) return empty;
  const { records, writtenIds, byName } = read;

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
