// Does a figure written in an article's prose match the dataset row it links to?
import type { z } from "zod";
import { columnMeta } from "./columns.ts";
import { numbersInText } from "./numbers.ts";

const NUMERIC_KINDS = new Set(["count", "decimal", "percent"]);

/** The row's values in its count, decimal and percent columns (empty cells left out). */
export function rowNumbers(schema: z.ZodObject, row: Record<string, unknown>): number[] {
  const values: number[] = [];
  for (const [name, column] of Object.entries(schema.shape)) {
    const value = row[name];
    if (NUMERIC_KINDS.has(columnMeta(column as z.ZodType).kind) && typeof value === "number")
      values.push(value);
  }
  return values;
}

// Parsed decimals ("16,7" and "16.7") compare equal; the tolerance only absorbs float noise.
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * Why the figure does not match the row, or undefined when it does: the figure must write at least
 * one number, and every number it writes must be one of the row's numeric values.
 */
export function figureMismatch(
  ref: string,
  text: string,
  schema: z.ZodObject,
  row: Record<string, unknown>,
): string | undefined {
  const written = numbersInText(text);
  const values = rowNumbers(schema, row);
  const shown = values.length ? values.join(", ") : "không có";
  const fix = `Cần: chữ trong thẻ là con số của dòng đó, viết như trong bài. Ví dụ: <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure>`;
  if (!written.length)
    return `<DataFigure row="${ref}">: con số "${text}" không có chữ số nào. ${fix}`;
  const stray = written.filter((n) => !values.some((v) => same(v, n)));
  if (stray.length)
    return `<DataFigure row="${ref}">: con số "${text}" (${written.join(", ")}) không khớp dòng "${String(row.id)}" (các số của dòng: ${shown}). ${fix}`;
  return undefined;
}
