// One cell: read as its column's kind (count, percent, flag…), then checked by the column's schema;
// a problem names the column and the value, with a hint where the mistake has a known cause.
import type { z } from "zod";
import { ID_PATTERN } from "../columns.ts";
import { excelDate } from "../excel.ts";
import { strayCharacterHint } from "../hints.ts";
import type { IssueKey } from "../issues.ts";
import { parseCount, parseDecimal } from "../numbers.ts";
import { quoted, type Column, type Value } from "./record.ts";

function countHint(problem: string, text: string): string {
  if (problem === "not-a-number") return strayHint(text);
  if (problem === "ambiguous-number")
    return "; viết không dấu phân cách (6001) hoặc với dấu chấm (6.001)";
  // Excel set to English reads "3.280" as 3.28 and writes it back without the trailing zero.
  if (problem === "fractional-count" && /^\d{1,3}\.\d{1,2}$/.test(text)) {
    const [whole, fraction] = text.split(".") as [string, string];
    return `; có thể Excel đã đổi ${whole}.${fraction.padEnd(3, "0")} thành ${text}: định dạng cột là Văn bản (Text) rồi gõ lại số`;
  }
  return "";
}

function strayHint(text: string): string {
  const hint = strayCharacterHint(text);
  return hint === undefined ? "" : `: ${hint}`;
}

// Conservative: anything that might be white space (all of U+2000 and up) goes through trim().
const isSpace = (code: number) => code <= 32 || code === 0xa0 || code === 0x1680 || code >= 0x2000;

/** raw.trim(), without the call for the usual cell that has nothing to trim. */
function trimmed(raw: string): string {
  if (raw === "") return raw;
  return isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1)) ? raw.trim() : raw;
}

// Called only for a problem: parseCell runs for every cell of every row.
const cellWhere = (name: string, text: string) => `cột ${quoted(name)} = ${quoted(text)}`;

/** A cell that does not read as its column's kind. */
export type CellProblem = { key: IssueKey; detail: string };

/** Values are never objects, so a problem is told apart without wrapping every value read. */
export const isProblem = (result: Value | CellProblem): result is CellProblem =>
  typeof result === "object";

export function parseCell(column: Column, raw: string): Value | CellProblem {
  const text = trimmed(raw);
  if (text === "") {
    if (column.meta.kind === "flag") return false;
    if (column.meta.required) return { key: "missing-value", detail: `cột ${quoted(column.name)}` };
    return undefined;
  }
  switch (column.meta.kind) {
    case "count": {
      const parsed = parseCount(text);
      if (parsed.ok) return parsed.value;
      return {
        key: parsed.problem,
        detail: `${cellWhere(column.name, text)}${countHint(parsed.problem, text)}`,
      };
    }
    case "decimal":
    case "percent": {
      const parsed = parseDecimal(text, { percent: column.meta.kind === "percent" });
      if (parsed.ok) return parsed.value;
      const hint =
        parsed.problem === "ambiguous-number"
          ? "; số thập phân viết bằng dấu phẩy (16,7), số nghìn viết liền (1234)"
          : parsed.problem === "not-a-number"
            ? strayHint(text)
            : "";
      return { key: parsed.problem, detail: `${cellWhere(column.name, text)}${hint}` };
    }
    case "flag":
      if (text === "0" || text === "1") return text === "1";
      return { key: "invalid-value", detail: `${cellWhere(column.name, text)}; chỉ ghi 0 hoặc 1` };
    default:
      return text;
  }
}

export function zodDetail(
  column: Column,
  raw: string,
  issue: z.core.$ZodIssue,
): { key: IssueKey; detail: string } {
  const where = `cột ${quoted(column.name)} = ${quoted(raw.trim())}`;
  if (column.meta.labels) {
    return {
      key: "not-in-list",
      detail: `${where}; cho phép: ${Object.keys(column.meta.labels).join(", ")}`,
    };
  }
  if (column.meta.kind === "source") {
    // Staff paste the file name or the page address; say what to keep and suggest it.
    const slug = raw
      .trim()
      .replace(/\.mdx$/i, "")
      .split("/")
      .filter((part) => part !== "")
      .pop();
    const suggestion = slug && slug !== raw.trim() ? ` (ở đây: ${quoted(slug)})` : "";
    return {
      key: "invalid-value",
      detail: `${where}; ghi tên bài (phần cuối địa chỉ /tin-tuc/…/), không có đuôi .mdx hay /tin-tuc/${suggestion}`,
    };
  }
  if (column.meta.kind === "id" || column.meta.kind === "ref") {
    return {
      key: "invalid-value",
      detail: `${where}; chỉ dùng chữ thường không dấu, số và dấu gạch nối`,
    };
  }
  if (column.meta.kind === "period") {
    // A vi-VN spreadsheet saves 2024-01-15 as 15/01/2024: say so, and how to bring it back.
    const iso = excelDate(raw);
    const excel = iso
      ? `; có vẻ Excel đã đổi ${iso} thành ${raw.trim()}: chạy npm run data:format để đổi lại, hoặc định dạng cột là Văn bản (Text) rồi gõ ${iso}`
      : "";
    return {
      key: "invalid-value",
      detail: `${where}; ghi năm (2014) hoặc ngày yyyy-mm-dd${excel}`,
    };
  }
  if (issue.code === "too_big")
    return { key: "invalid-value", detail: `${where}; vượt quá ${String(issue.maximum)}` };
  return { key: "invalid-value", detail: `${where}; ${issue.message}` };
}

/**
 * The column's schema on one value. The schema has no cross-column rules, so checking column by
 * column is checking the row; a value seen before in the column (labels, sources, levels repeat
 * on every row) reuses its verdict. Ids are unique, so they are not kept.
 */
export function columnVerdict(
  column: Column,
  cache: Map<Value, z.ZodSafeParseResult<unknown>>,
  value: Value,
): z.ZodSafeParseResult<unknown> {
  if (column.meta.kind === "id") {
    // Ids are unique, so no verdict is reused; idColumn is z.string().regex(ID_PATTERN), and the
    // pattern alone is ~10x cheaper than the schema call. A failing id still gets zod's issue.
    if (typeof value === "string" && ID_PATTERN.test(value)) return { success: true, data: value };
    return column.schema.safeParse(value);
  }
  let verdict = cache.get(value);
  if (!verdict) {
    verdict = column.schema.safeParse(value);
    cache.set(value, verdict);
  }
  return verdict;
}
