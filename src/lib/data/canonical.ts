// The one CSV form the repository keeps, so a spreadsheet's save comes back to the committed bytes
// and a real edit shows in git as only the cells that changed.
import type { z } from "zod";
import { columnMeta } from "./columns.ts";
import { decodeCsv, parseCsvText, type CsvProblem } from "./csv.ts";
import { canonicalCount, canonicalDecimal } from "./numbers.ts";

export type CanonicalResult = { ok: true; text: string } | { ok: false; problems: CsvProblem[] };

/** A cell as written in canonical CSV: quoted only when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A cell's canonical text for its column: numbers as data/README.md says, other text trimmed. */
function canonicalValue(kind: string | undefined, raw: string): string {
  const text = raw.trim();
  if (text === "") return "";
  if (kind === "count") return canonicalCount(text);
  if (kind === "decimal" || kind === "percent")
    return canonicalDecimal(text, { percent: kind === "percent" });
  return text;
}

/**
 * Bytes of a CSV file (any encoding the checker accepts: BOM, `;`, CRLF, `sep=` line) -> canonical
 * text: UTF-8 without BOM, commas, LF after every row, no blank rows, numbers in their one form.
 * Rows with the wrong number of cells are written back cell for cell (the check reports them).
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
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(row.cells.map((cell, i) => csvCell(canonicalValue(kinds[i], cell))).join(","));
  }
  return { ok: true, text: `${lines.join("\n")}\n` };
}
