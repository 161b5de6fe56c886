// Order and date wording of articles, shared by every page that lists or shows them.
import { formatDate, formatDateTime } from "../format.ts";
import type { ArticleData } from "./article-schema.ts";

/** Shown instead of a date when the source gives none (we never invent one). */
export const UNDATED_TEXT = "Không ghi ngày đăng";

/** Sources print Vietnam local time; Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET = "+07:00";

type Dated = Pick<ArticleData, "published">;
type Described = Pick<ArticleData, "published" | "publishedLabel" | "period">;

/**
 * `<time datetime>` value as precise as the source: "2023-02-28T05:40:48+07:00" for a moment,
 * "2022-08-12" for a day (no invented midnight); undefined when undated.
 */
export function datetimeAttribute(data: Dated): string | undefined {
  const { published } = data;
  if (published === undefined) return undefined;
  return published.includes("T") ? `${published}${VIETNAM_OFFSET}` : published;
}

/** The moment the source gives, read as Vietnam local time (a bare day as its start); undefined when undated. */
export function articleDate(data: Dated): Date | undefined {
  const { published } = data;
  if (published === undefined) return undefined;
  return new Date(`${published.includes("T") ? published : `${published}T00:00`}${VIETNAM_OFFSET}`);
}

/** Formatted dates by source value: an article's date is shown on many pages of a build. */
const formattedPublished = new Map<string, string>();

/** "28/02/2023 05:40:48" as precise as the source ("12/08/2022" for a day); undefined when undated. */
export function formatPublished(data: Dated): string | undefined {
  const { published } = data;
  if (published === undefined) return undefined;
  let text = formattedPublished.get(published);
  if (text === undefined) {
    const date = articleDate(data)!;
    const time = published.split("T")[1];
    text =
      time === undefined ? formatDate(date) : formatDateTime(date, time.split(":").length === 3);
    formattedPublished.set(published, text);
  }
  return text;
}

/** "Số liệu đến hết năm 2020" when the article states the period its figures describe. */
export function articleFiguresPeriod(data: Pick<ArticleData, "period">): string | undefined {
  return data.period === undefined ? undefined : `Số liệu ${data.period}`;
}

/**
 * One line for readers: "Cập nhật ngày: 28/02/2023 05:40", "Không ghi ngày đăng",
 * followed by " · Số liệu đến hết năm 2020" when the article states a period.
 */
export function describeDate(data: Described): string {
  const formatted = formatPublished(data);
  const when =
    formatted === undefined
      ? UNDATED_TEXT
      : data.publishedLabel === undefined
        ? formatted
        : `${data.publishedLabel}: ${formatted}`;
  const period = articleFiguresPeriod(data);
  return period === undefined ? when : `${when} · ${period}`;
}

const titleOrder = new Intl.Collator("vi").compare;

/**
 * Dated articles newest first; undated ones after them, by `periodYear` (newest first, none last),
 * then by title, then by id (so the order never depends on the order entries were loaded in).
 * Returns a new array; works on collection entries or anything with `data`.
 */
export function sortArticles<T extends { data: ArticleData; id?: string }>(
  entries: readonly T[],
): T[] {
  // Keys computed once per entry: lists of thousands of articles are sorted on every list page.
  const keyed = entries.map((entry) => ({
    entry,
    time: articleDate(entry.data)?.getTime(),
    year: entry.data.periodYear ?? -Infinity,
  }));
  keyed.sort((a, b) => {
    if (a.time !== undefined || b.time !== undefined) {
      if (a.time === undefined) return 1;
      if (b.time === undefined) return -1;
      if (a.time !== b.time) return b.time - a.time;
    } else if (a.year !== b.year) {
      return b.year - a.year;
    }
    const byTitle = titleOrder(a.entry.data.title, b.entry.data.title);
    if (byTitle !== 0) return byTitle;
    const [x, y] = [a.entry.id ?? "", b.entry.id ?? ""];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return keyed.map((k) => k.entry);
}
