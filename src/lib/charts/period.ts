// When a row's figure holds, in the words readers expect; never more precise than the source.
import type { Dated } from "../data/row.ts";
import { formatDate } from "../format.ts";

/**
 * "năm 2014", "hết năm 2020", "ngày 12/08/2022", "theo bài đăng ngày 28/02/2023" (a figure the
 * article gives as "hiện có": never read as measured that day), or "không ghi thời điểm".
 */
export function periodText(row: Dated): string {
  const { period, period_kind } = row;
  if (period === undefined) return "không ghi thời điểm";
  const day = () => formatDate(new Date(`${period}T00:00:00+07:00`));
  if (period_kind === "as_reported") return `theo bài đăng ngày ${day()}`;
  if (period.length > 4) return `ngày ${day()}`;
  return period_kind === "end_of_year" ? `hết năm ${period}` : `năm ${period}`;
}

/** The year of a dated row, or undefined when the source gives none. */
export function yearOf(row: Dated): number | undefined {
  return row.period === undefined ? undefined : Number(row.period.slice(0, 4));
}
