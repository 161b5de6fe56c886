// Bytes -> text -> rows of cells with their real line numbers; papaparse does the splitting.
import Papa from "papaparse";
import type { IssueKey } from "./issues.ts";

export type CsvProblem = { line: number; column: number; key: IssueKey; detail?: string };

export type CsvTable = {
  header: string[];
  /** The cell separator the file uses ("," or ";"). */
  delimiter: string;
  headerLine: number;
  /** Data rows (blank lines dropped), each with the file line it starts on. */
  rows: {
    line: number;
    cells: string[];
    /** Line each cell starts on, only when a cell holds a newline (else every cell is on `line`). */
    cellLines?: number[];
  }[];
};

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problems: CsvProblem[] };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Position of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const size =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (size === 0) return i;
    for (let k = 1; k < size; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += size;
  }
  return -1;
}

/** Decode UTF-8 (with or without BOM); anything else is refused with the position of the first bad byte. */
export function decodeCsv(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
  const bom16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Text never holds NUL; UTF-16 without a BOM is full of them (every ASCII letter is "x\0").
  if (bom16 || bytes.subarray(0, 1024).includes(0)) {
    return { ok: false, problem: { line: 1, column: 1, key: "utf16" } };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at));
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      problem: {
        line,
        column: 1,
        key: "not-utf8",
        detail: `byte 0x${byte} sau “${before.slice(-20)}”`,
      },
    };
  }
}

/** `;` when the header (first non-blank) line uses more semicolons than commas (Vietnamese-locale spreadsheets), else `,`. */
export function detectDelimiter(text: string): "," | ";" {
  // Blank lines, or lines of empty cells, before the header say nothing about the delimiter.
  const first = text.split("\n", 50).find((line) => !/^[\s,;]*$/.test(line)) ?? "";
  const semicolons = first.split(";").length - 1;
  const commas = first.split(",").length - 1;
  return semicolons > commas ? ";" : ",";
}

/** Excel's "sep=;" first line names the delimiter; blanked (not removed) so line numbers stay real. */
function takeSepLine(text: string): { text: string; delimiter?: string } {
  // Only the start can hold it; matching the prefix keeps a 30 MB file from being scanned for it.
  const match = /^(\s*\n)*[ \t]*sep=([^"\n])[ \t]*(?=\n|$)/i.exec(text.slice(0, 4096));
  if (!match) return { text };
  const start = match[0].length - match[0].trimStart().length;
  return { text: text.slice(0, start) + text.slice(match[0].length), delimiter: match[2]! };
}

function countNewlines(value: string): number {
  let n = 0;
  for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Where quotes go wrong, as line and cell number of the opening quote. A quoted cell whose closing
 * quote is followed by more text is `invalid-quote` when it stays on one line (`"Đảng bộ tỉnh" Lạng
 * Sơn`), and `unbalanced-quote` when it ran over a line end (a quote never closed swallows what follows).
 */
export function findQuoteProblems(text: string, delimiter: string): CsvProblem[] {
  const problems: CsvProblem[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < text.length) {
    // i is at the start of a cell.
    if (text[i] === '"') {
      const open = { line, column };
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          problems.push({ ...open, key: "unbalanced-quote" });
          return problems;
        }
        line += countNewlines(text.slice(j, close));
        if (text[close + 1] === '"') {
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      // Like papaparse, allow spaces between a closing quote and the delimiter.
      while (text[j] === " " || text[j] === "\t") j++;
      const next = text[j];
      if (next !== undefined && next !== delimiter && next !== "\n") {
        if (line !== open.line) {
          problems.push({ ...open, key: "unbalanced-quote" });
          return problems;
        }
        problems.push({ ...open, key: "invalid-quote" });
      }
      i = j;
    }
    // Rest of the cell (unquoted text, or what follows a misplaced closing quote).
    while (i < text.length && text[i] !== delimiter && text[i] !== "\n") i++;
    if (text[i] === delimiter) column++;
    else if (text[i] === "\n") {
      line++;
      column = 1;
    }
    i++;
  }
  return problems;
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== "") return false;
  return true;
}

/** Split decoded text into header and rows, tracking each row's real line number. */
export function parseCsvText(input: string): CsvResult {
  const sep = takeSepLine(input.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n"));
  const text = sep.text;
  if (text.trim() === "")
    return { ok: false, problems: [{ line: 1, column: 1, key: "empty-file" }] };
  const delimiter = sep.delimiter ?? detectDelimiter(text);
  // Every line becomes a row (no skipping), so line numbers can be counted exactly.
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const startLines: number[] = [];
  // Rows whose cells hold newlines (rare): only those need per-cell line numbers.
  const multiline = new Set<number>();
  // No cell holds a newline when the text has one per row break: row i is then on line i + 1.
  const anyInCells = countNewlines(text) > parsed.data.length - 1;
  let line = 1;
  parsed.data.forEach((row, index) => {
    startLines.push(line);
    let inner = 0;
    if (anyInCells) for (const cell of row) if (cell.includes("\n")) inner += countNewlines(cell);
    if (inner > 0) multiline.add(index);
    line += inner + 1;
  });
  if (parsed.errors.some((e) => e.type === "Quotes")) {
    const problems = findQuoteProblems(text, delimiter);
    if (problems.length === 0) {
      // Not expected: papaparse saw a quote problem the scan did not; point at its row.
      const row = parsed.errors.find((e) => e.type === "Quotes")?.row ?? 0;
      problems.push({ line: startLines[row] ?? 1, column: 1, key: "invalid-quote" });
    }
    return { ok: false, problems };
  }

  const rows: CsvTable["rows"] = [];
  let header: string[] | undefined;
  let headerLine = 1;
  parsed.data.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const rowLine = startLines[index]!;
    if (!header) {
      header = cells.map((cell) => cell.trim().toLowerCase());
      headerLine = rowLine;
      return;
    }
    if (!multiline.has(index)) {
      rows.push({ line: rowLine, cells });
      return;
    }
    const cellLines: number[] = [];
    let at = rowLine;
    for (const cell of cells) {
      cellLines.push(at);
      at += countNewlines(cell);
    }
    rows.push({ line: rowLine, cells, cellLines });
  });
  if (!header) return { ok: false, problems: [{ line: 1, column: 1, key: "empty-file" }] };
  return { ok: true, table: { header, delimiter, headerLine, rows } };
}
