// CSV of the plotted rows for spreadsheets: UTF-8 with BOM, CRLF, formula-like cells neutralised.
import { neutraliseCell } from "../data/download.ts";

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const plain = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  // Only text can run as a formula in a spreadsheet; numbers stay numbers.
  const text = typeof value === "string" ? neutraliseCell(plain) : plain;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const lines = [
    columns.join(","),
    ...rows.map((row) => columns.map((c) => cell(row[c])).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
