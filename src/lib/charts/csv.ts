// CSV of the plotted rows for spreadsheets: UTF-8 with BOM, CRLF, formula-like cells neutralised.

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  // A leading =, +, -, @ would run as a formula in a spreadsheet; numbers stay numbers.
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
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
