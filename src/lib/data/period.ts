// When a row's figure holds: where it sorts and sits on a time axis, and its words for readers,
// never more precise than the source. The one place period kinds are read (see columns.ts).
import { formatDate } from "../format.ts";
import type { PeriodKind } from "./columns.ts";
import type { Dated } from "./row.ts";

/** Period kinds whose period is a day (yyyy-mm-dd); the others hold a year, or nothing. */
export const DAY_KINDS: ReadonlySet<PeriodKind> = new Set(["as_of_date", "as_reported"]);

/** "2023-02-28" → "28/02/2023". */
export const dayText = (iso: string): string => formatDate(new Date(`${iso}T00:00:00+07:00`));

/**
 * A sortable key for when a figure holds: "2020" (a year) and "2020" (end of year) both run to the
 * year's end; a day is itself (as_reported: the article's day). Undated rows have none: they are
 * never placed among dated ones.
 */
export function periodKey(row: Dated): string | undefined {
  const { period } = row;
  if (period === undefined) return undefined;
  return period.length === 4 ? `${period}-12-31` : period;
}

/** Where a dated row sits on the time axis (ms); a year, like "hết năm", runs to its last day. */
export function periodMoment(row: Dated): number | undefined {
  const key = periodKey(row);
  return key === undefined ? undefined : Date.parse(`${key}T00:00:00+07:00`);
}

/** The year of a dated row, or undefined when the source gives none. */
export function yearOf(row: Dated): number | undefined {
  return row.period === undefined ? undefined : Number(row.period.slice(0, 4));
}

/**
 * "năm 2014", "hết năm 2020", "ngày 12/08/2022", "theo bài đăng ngày 28/02/2023" (a figure the
 * article gives as "hiện có": never read as measured that day), or "không ghi thời điểm".
 */
export function periodText(row: Dated): string {
  const { period, period_kind } = row;
  if (period === undefined) return "không ghi thời điểm";
  if (period_kind === "as_reported") return `theo bài đăng ngày ${dayText(period)}`;
  if (period.length > 4) return `ngày ${dayText(period)}`;
  return period_kind === "end_of_year" ? `hết năm ${period}` : `năm ${period}`;
}

/** `periodText` starting a line or a cell: "Năm 2022", "Hết năm 2020", "Theo bài đăng ngày …". */
export function describePeriod(row: Dated): string {
  const text = periodText(row);
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** The moment under the time axis: "2019", "hết 2021", "12/08/2022", "bài đăng 28/02/2023". */
export function periodTick(row: Dated): string {
  const { period, period_kind } = row;
  if (period === undefined) return "";
  // Placed by the article's date, and said to be only that: never a measurement day.
  if (period_kind === "as_reported") return `bài đăng ${dayText(period)}`;
  if (period.length > 4) return dayText(period);
  return period_kind === "end_of_year" ? `hết ${period}` : period;
}

/**
 * "2014, 2020, 2022", "2020", plus "; theo bài đăng năm 2023" for figures known only from an
 * article's date, and "; có số không ghi thời điểm" when some rows are undated.
 */
export function periodCoverage(rows: readonly Dated[]): string {
  const yearsOf = (kept: readonly Dated[]) => {
    const years = kept.flatMap((r) => yearOf(r) ?? []);
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
