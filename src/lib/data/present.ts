// Pure helpers for showing dataset rows to readers: periods, cells, coverage, column reference.
import type { z } from "zod";
import { formatDate, formatNumber } from "../format.ts";
import type { ColumnKind, ColumnMeta } from "./columns.ts";
import type { Gap } from "./gaps.ts";
import type { Dated } from "./row.ts";
import { schemaColumns, type Row, type Value } from "./validate.ts";

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

/** "Năm 2022", "Đến hết năm 2020", "Ngày 12/08/2022", "Theo bài đăng ngày 28/02/2023", "Không ghi thời điểm". */
export function describePeriod(row: Dated): string {
  switch (row.period_kind) {
    case "year":
      return `Năm ${row.period}`;
    case "end_of_year":
      return `Đến hết năm ${row.period}`;
    case "as_of_date": {
      const [y, m, d] = (row.period ?? "").split("-");
      return `Ngày ${d}/${m}/${y}`;
    }
    case "as_reported": {
      const [y, m, d] = (row.period ?? "").split("-");
      return `Theo bài đăng ngày ${d}/${m}/${y}`;
    }
    default:
      return "Không ghi thời điểm";
  }
}

/**
 * "2014, 2020, 2022", "2020", plus "; theo bài đăng năm 2023" for figures known only from an
 * article's date, and "; có số không ghi thời điểm" when some rows are undated.
 */
export function periodCoverage(rows: readonly Dated[]): string {
  const yearsOf = (kept: readonly Dated[]) => {
    const years = kept.flatMap((r) => (r.period ? [Number(r.period.slice(0, 4))] : []));
    return [...new Set(years)].sort((a, b) => a - b).join(", ");
  };
  const years = yearsOf(rows.filter((r) => r.period_kind !== "as_reported"));
  const reported = yearsOf(rows.filter((r) => r.period_kind === "as_reported"));
  const undated = rows.some((r) => r.period_kind === "as_of_undated");
  const parts: string[] = [];
  // The years that have figures, not a span: 2014 and 2022 do not mean every year between.
  if (years !== "") parts.push(years);
  if (reported !== "") parts.push(`theo bài đăng năm ${reported}`);
  if (undated) parts.push(parts.length > 0 ? "có số không ghi thời điểm" : "không ghi thời điểm");
  return parts.join("; ");
}

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

export function isNumeric(column: ColumnInfo): boolean {
  return column.kind === "count" || column.kind === "decimal" || column.kind === "percent";
}

/** Distinct source slugs in first-seen order. */
export function sourcesOf(rows: readonly Row[] | readonly { source: string }[]): string[] {
  return [...new Set(rows.map((r) => String(r.source)))];
}

/** "Không rõ: 5 (nguồn không nêu; 241 − 236 = 5, số suy ra)". */
export function describeGap(gap: Gap): string {
  return `Không rõ: ${formatNumber(gap.missing)} (nguồn không nêu; ${formatNumber(gap.total)} − ${formatNumber(gap.partsSum)} = ${formatNumber(gap.missing)}, số suy ra)`;
}

/** Date a dataset last changed, as "dd/mm/yyyy", with how it was found. */
export function describeLastChanged(changed: { date: Date; from: "git" | "mtime" }): string {
  const how = changed.from === "git" ? "theo lịch sử git" : "theo thời điểm sửa tệp";
  return `${formatDate(changed.date)} (${how})`;
}
