// A row as read from a CSV file, with where each cell sits, and what row checks are given.
import type { z } from "zod";
import { columnMeta, type ColumnMeta } from "../columns.ts";
import type { DataIssue, IssueKey } from "../issues.ts";
import type { Value } from "../row.ts";
import type { SourceReader } from "../sources.ts";

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

export type Column = { name: string; meta: ColumnMeta; schema: z.ZodType };

export function schemaColumns(schema: z.ZodObject): Column[] {
  return Object.entries(schema.shape).map(([name, s]) => ({
    name,
    schema: s as z.ZodType,
    meta: columnMeta(s as z.ZodType),
  }));
}

export const quoted = (text: string) => `“${text}”`;

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
