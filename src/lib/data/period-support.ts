// Whether a row's period is what its quote or article says, or a guess (issue 22): a year the text
// never names, or a "measurement date" that is only the day the article was published.
import { dayText } from "./period.ts";
import type { SourceText } from "./sources.ts";

export type PeriodWarningKey = "period-unsupported" | "period-is-publication-date";
export type PeriodWarning = { key: PeriodWarningKey; detail: string };

type PeriodRow = { period?: unknown; period_kind?: unknown; quote?: unknown; source?: unknown };

/** The year as a number on its own ("2020", not "12020" or "2.020"). */
const yearPattern = (year: string) => new RegExp(`(?<![\\d.,])${year}(?![\\d])`);

/** A day as Vietnamese text writes it: 28/02/2023, 28/2, 28-02-2023, ngày 28 tháng 2 năm 2023. */
function dayPattern(iso: string): RegExp {
  const [, m, d] = iso.split("-").map(Number) as [number, number, number];
  const [dd, mm] = [`0?${d}`, `0?${m}`];
  return new RegExp(
    `(?<!\\d)${dd}\\s*[/.-]\\s*${mm}(?!\\d)|ngày\\s+${dd}\\s+tháng\\s+${mm}(?!\\d)`,
    "iu",
  );
}

// A period is checked against each article once (data files repeat periods row after row).
const articleVerdicts = new WeakMap<SourceText, Map<string, boolean>>();

function inArticle(source: SourceText, key: string, test: (text: string) => boolean): boolean {
  let verdicts = articleVerdicts.get(source);
  if (!verdicts) articleVerdicts.set(source, (verdicts = new Map()));
  let found = verdicts.get(key);
  if (found === undefined) verdicts.set(key, (found = test(source.text)));
  return found;
}

/** The text names the year, and (for a day) the day and month, in any common form. */
function names(text: string, period: string): boolean {
  const year = period.slice(0, 4);
  if (!text.includes(year) || !yearPattern(year).test(text)) return false;
  return period.length === 4 || dayPattern(period).test(text);
}

/**
 * The warning for a row whose period neither its quote nor its article supports; undefined when
 * the text names it (or there is nothing to check: undated rows, a missing article).
 */
export function periodWarning(row: PeriodRow, source: SourceText): PeriodWarning | undefined {
  const { period, period_kind: kind } = row;
  if (typeof period !== "string" || !source.exists) return undefined;
  const slug = String(row.source);
  if (kind === "as_reported") {
    if (source.published === undefined || source.published === period) return undefined;
    return {
      key: "period-unsupported",
      detail: `loại kỳ as_reported ghi ngày đăng bài, bài ${slug} đăng ngày ${dayText(source.published)}, dòng này ghi ${dayText(period)}; sửa period thành ${source.published}`,
    };
  }
  const quote = typeof row.quote === "string" ? row.quote : "";
  if (names(quote, period) || inArticle(source, period, (text) => names(text, period))) {
    return undefined;
  }
  if (period.length === 4) {
    return {
      key: "period-unsupported",
      detail: `năm ${period} không có trong đoạn trích lẫn bài ${slug}; ghi năm mà chính câu này (hoặc bài) nêu; câu không nêu năm thì dùng as_reported (ngày đăng bài) hoặc as_of_undated`,
    };
  }
  if (period === source.published) {
    return {
      key: "period-is-publication-date",
      detail: `ngày ${dayText(period)} chỉ là ngày đăng bài ${slug}, nguồn không nói số đo vào ngày đó; bài viết “hiện có”, “đến nay”, “hiện nay”… thì ghi period_kind = as_reported (period giữ ${period})`,
    };
  }
  return {
    key: "period-unsupported",
    detail: `ngày ${dayText(period)} không có trong đoạn trích lẫn bài ${slug}; ghi ngày mà nguồn nêu, hoặc as_reported (ngày đăng bài) / as_of_undated nếu nguồn không nêu thời điểm`,
  };
}
