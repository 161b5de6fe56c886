// Downloads of a dataset: CSV for spreadsheets (UTF-8 BOM, formulas neutralised), the same for
// Excel in Vietnamese (`;`, decimal comma), and JSON.
import type { z } from "zod";
import type { Gap } from "./gaps.ts";
import { columnsOf } from "./present.ts";
import type { Row } from "./validate.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A spreadsheet would run "=…", "+…", "-…", "@…" as a formula: a leading apostrophe keeps it text. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = neutraliseCell(typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM, CRLF line ends, plain machine numbers (6001, 16.7) and every column of the schema. */
export function toCsv(schema: z.ZodObject, rows: readonly Row[]): string {
  const names = Object.keys(schema.shape);
  const lines = [names.join(",")];
  for (const row of rows) lines.push(names.map((name) => csvCell(row[name])).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** A cell for Excel set to Vietnamese: decimal comma, `;` between cells. */
function excelCell(kind: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && (kind === "decimal" || kind === "percent")) {
    return String(value).replace(".", ",");
  }
  const text = neutraliseCell(typeof value === "boolean" ? (value ? "1" : "0") : String(value));
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Excel with Vietnamese regional settings (list separator `;`, decimal `,`): BOM, CRLF,
 * `16,7`. No "sep=;" line: with it Excel ignores the BOM and garbles the Vietnamese text.
 */
export function toExcelCsv(schema: z.ZodObject, rows: readonly Record<string, unknown>[]): string {
  const columns = columnsOf(schema);
  const lines = [columns.map((c) => c.name).join(";")];
  for (const row of rows) lines.push(columns.map((c) => excelCell(c.kind, row[c.name])).join(";"));
  return `\ufeff${lines.join("\r\n")}\r\n`;
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
