// The one CSV form the repository keeps, so a spreadsheet's save comes back to the committed bytes
// and a real edit shows in git as only the cells that changed.
import type { z } from "zod";
import { columnMeta } from "./columns.ts";
import { decodeCsv, parseCsvText, type CsvProblem } from "./csv.ts";
import { cellsReadingCorrectly } from "./check/ragged.ts";
import { schemaColumns } from "./check/record.ts";
import { excelDate } from "./excel.ts";
import { canonicalCount, canonicalDecimal } from "./numbers.ts";

export type CanonicalResult =
  | {
      ok: true;
      text: string;
      /** Lines of rows given empty cells for columns added at the end of the header. */
      padded: number[];
      /** Lines where a spreadsheet's date (15/01/2024) was written back as 2024-01-15. */
      dates: number[];
    }
  | { ok: false; problems: CsvProblem[] };

/** A cell as written in canonical CSV: quoted only when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A cell's canonical text for its column: numbers as data/README.md says, other text trimmed. */
function canonicalValue(kind: string | undefined, raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  if (kind === "count") return canonicalCount(text);
  if (kind === "period") return excelDate(text) ?? text;
  if (kind === "decimal" || kind === "percent")
    return canonicalDecimal(text, { percent: kind === "percent" });
  return text;
}

/**
 * For a row short of cells: the row with empty cells for the columns added at the end of the
 * header (data/README.md), or undefined when those columns are required, or when a cell then does
 * not read as its column (the missing cell is in the middle: the check reports the row).
 */
function padderFor(schema: z.ZodObject, header: readonly string[]) {
  const byName = new Map(schemaColumns(schema).map((c) => [c.name, c]));
  const known = header.filter((name) => byName.has(name)).length;
  return (cells: string[]): string[] | undefined => {
    const missing = header.length - cells.length;
    if (missing <= 0) return undefined;
    const added = header.slice(cells.length).map((name) => byName.get(name));
    if (!added.every((c) => c !== undefined && !c.meta.required)) return undefined;
    const filled = [...cells, ...Array<string>(missing).fill("")];
    return cellsReadingCorrectly(filled, [...header], byName, ",") === known ? filled : undefined;
  };
}

/**
 * Bytes of a CSV file (any encoding the checker accepts: BOM, `;`, CRLF, `sep=` line) -> canonical
 * text: UTF-8 without BOM, commas, LF after every row, no blank rows, numbers in their one form.
 * Dates a spreadsheet rewrote (15/01/2024) in a period column come back as 2024-01-15. A row short
 * of cells only for optional columns added at the end of the header gets empty cells for them;
 * other rows with the wrong number of cells are written back cell for cell (the check reports them).
 */
export function canonicalCsv(schema: z.ZodObject, bytes: Uint8Array): CanonicalResult {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { header, rows } = parsed.table;
  const kinds = header.map((name) =>
    Object.hasOwn(schema.shape, name)
      ? columnMeta(schema.shape[name] as z.ZodType).kind
      : undefined,
  );
  const padded = padderFor(schema, header);
  const lines = [header.map(csvCell).join(",")];
  const [paddedLines, dates]: [number[], number[]] = [[], []];
  for (const { cells, line } of rows) {
    const full = padded(cells) ?? cells;
    if (full !== cells) paddedLines.push(line);
    const values = full.map((cell, i) => canonicalValue(kinds[i], cell));
    if (values.some((v, i) => kinds[i] === "period" && v !== full[i]!.trim())) dates.push(line);
    lines.push(values.map(csvCell).join(","));
  }
  return { ok: true, text: `${lines.join("\n")}\n`, padded: paddedLines, dates };
}
