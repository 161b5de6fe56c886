// Pure helpers for showing dataset rows to readers: periods, cells, coverage, column reference.
import type { z } from "zod";
import { formatDate, formatNumber } from "../format.ts";
import type { ColumnKind, ColumnMeta } from "./columns.ts";
import { isQualifierMeta, qualified } from "./qualifiers.ts";
import { schemaColumns, type Row, type Value } from "./check/record.ts";

export type ColumnInfo = { name: string } & ColumnMeta;

export function columnsOf(schema: z.ZodObject): ColumnInfo[] {
  return schemaColumns(schema).map(({ name, meta }) => ({ name, ...meta }));
}

/** How each column kind is explained in the column reference. */
export const KIND_LABELS: Record<ColumnKind, string> = {
  id: "mã",
  ref: "mã dòng khác",
  text: "chữ",
  choice: "một trong danh sách",
  count: "số đếm (số nguyên ≥ 0; 6001 hoặc 6.001)",
  decimal: "số thập phân (16,7 hoặc 16.7)",
  percent: "phần trăm (16,7 hoặc 16,7%)",
  flag: "0 hoặc 1",
  period: "năm hoặc ngày",
  "period-kind": "một trong danh sách",
  source: "tên bài (slug)",
};

/** A cell as readers see it: Vietnamese numbers, labels for coded values, "" for empty. */
export function formatCell(column: ColumnInfo, value: Value): string {
  if (value === undefined || value === null) return "";
  switch (column.kind) {
    case "count":
      return formatNumber(Number(value));
    case "decimal":
      return formatNumber(Number(value), 4);
    case "percent":
      return `${formatNumber(Number(value), 4)}%`;
    case "flag":
      return value ? "Có" : "Không";
    case "choice":
    case "period-kind":
      return column.labels?.[String(value)] ?? String(value);
    default:
      return String(value);
  }
}

/**
 * A cell with its qualifier where a qualifier column names its column: "Hoàn thành tốt nhiệm vụ
 * trở lên", "trên 17.985", "80% trở lên" — never the level or figure alone (issue 22).
 */
export function qualifiedCell(
  columns: readonly ColumnInfo[],
  column: ColumnInfo,
  row: Readonly<Record<string, Value>>,
): string {
  const text = formatCell(column, row[column.name]);
  const qualifier = columns.find((c) => isQualifierMeta(c) && c.qualifies === column.name);
  const words = qualifier && row[qualifier.name];
  return text !== "" && typeof words === "string" ? qualified(text, words) : text;
}

/** Qualifier columns are shown inside the cell they qualify (qualifiedCell), not as columns. */
export const isQualifierColumn = (column: ColumnInfo): boolean => isQualifierMeta(column);

export function isNumeric(column: ColumnInfo): boolean {
  return column.kind === "count" || column.kind === "decimal" || column.kind === "percent";
}

/** Distinct source slugs in first-seen order. */
export function sourcesOf(rows: readonly Row[] | readonly { source: string }[]): string[] {
  return [...new Set(rows.map((r) => String(r.source)))];
}

/** Date a dataset last changed, as "dd/mm/yyyy", with how it was found. */
export function describeLastChanged(changed: { date: Date; from: "git" | "mtime" }): string {
  const how = changed.from === "git" ? "theo lịch sử git" : "theo thời điểm sửa tệp";
  return `${formatDate(changed.date)} (${how})`;
}
