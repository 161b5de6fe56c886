// Downloads of a dataset: CSV for spreadsheets (UTF-8 BOM, formulas neutralised), the same for
// Excel in Vietnamese (`;`, decimal comma), and JSON.
import type { z } from "zod";
import { derivedRows } from "./derived.ts";
import type { DatasetId } from "./datasets.ts";
import type { Gap } from "./gaps.ts";
import type { DataRow } from "./row.ts";
import { columnsOf } from "./present.ts";
import type { Row } from "./check/record.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet would run "=…", "+…", "-…", "@…" as a formula: a leading apostrophe keeps it text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * What a dataset download holds: its rows, then every value they imply but the source does not
 * state (data/derived.ts), each marked derived = 1 with how it was computed in `note`.
 */
export function downloadRows(id: DatasetId, rows: readonly DataRow[]): DataRow[] {
  return [...rows, ...derivedRows(id, rows).map((d) => d.row)];
}

/** A column as the CSV writer needs it: its name, and its kind where numbers are written per locale. */
export type CsvColumn = { name: string; kind?: string };

/** Plain CSV (`,`, 16.7) or CSV for Excel set to Vietnamese (`;` between cells, 16,7). */
type CsvDialect = { delimiter: "," | ";"; decimalComma: boolean };
const PLAIN: CsvDialect = { delimiter: ",", decimalComma: false };
const EXCEL_VI: CsvDialect = { delimiter: ";", decimalComma: true };

function csvCell(kind: string | undefined, value: unknown, dialect: CsvDialect): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    const decimal = dialect.decimalComma && (kind === "decimal" || kind === "percent");
    // Only text can run as a formula in a spreadsheet; numbers stay numbers.
    return decimal ? String(value).replace(".", ",") : String(value);
  }
  const text = typeof value === "boolean" ? (value ? "1" : "0") : neutraliseCell(String(value));
  const special = text.includes(dialect.delimiter) || /["\n\r]/.test(text);
  return special ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The one CSV writer (dataset and chart downloads): BOM, CRLF, formula-like text neutralised. */
export function writeCsv(
  columns: readonly CsvColumn[],
  rows: readonly Readonly<Record<string, unknown>>[],
  dialect: CsvDialect = PLAIN,
): string {
  const { delimiter } = dialect;
  const lines = [columns.map((c) => c.name).join(delimiter)];
  for (const row of rows) {
    lines.push(columns.map((c) => csvCell(c.kind, row[c.name], dialect)).join(delimiter));
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** CSV with a BOM, CRLF line ends, plain machine numbers (6001, 16.7) and every column of the schema. */
export function toCsv(schema: z.ZodObject, rows: readonly Readonly<Record<string, unknown>>[]) {
  return writeCsv(columnsOf(schema), rows);
}

/**
 * CSV for Excel with Vietnamese regional settings (list separator `;`, decimal `,`): BOM, CRLF,
 * `16,7`. No "sep=;" line: with it Excel ignores the BOM and garbles the Vietnamese text.
 */
export function toExcelCsv(
  schema: z.ZodObject,
  rows: readonly Readonly<Record<string, unknown>>[],
) {
  return writeCsv(columnsOf(schema), rows, EXCEL_VI);
}

export type JsonDownload = {
  dataset: string;
  title: string;
  description: string;
  columns: { name: string; title: string; description: string; kind: string; required: boolean }[];
  rows: Record<string, string | number | boolean | null>[];
  gaps: Gap[];
};

/** JSON with every column present in every row (null where empty). */
export function toJson(
  dataset: { id: string; title: string; description: string },
  schema: z.ZodObject,
  rows: readonly Row[],
  gaps: readonly Gap[],
): string {
  const columns = columnsOf(schema);
  const body: JsonDownload = {
    dataset: dataset.id,
    title: dataset.title,
    description: dataset.description,
    columns: columns.map(({ name, title, description, kind, required }) => ({
      name,
      title,
      description,
      kind,
      required,
    })),
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null]))),
    gaps: [...gaps],
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
