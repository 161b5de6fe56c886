// The search form and results as HTML strings: the page at build time, the script and the
// server all render through these, so the three show the same thing.
import { formatNumber } from "../format.ts";
import { escapeHtml } from "../html.ts";
import type { FilterCounts, SearchHit, SearchOutcome } from "./engine.ts";
import {
  FILTER_KEYS,
  FILTER_LABELS,
  RESULTS_PER_STEP,
  searchQueryString,
  type FilterKey,
  type SearchRequest,
} from "./request.ts";
import { MAX_QUERY_LENGTH } from "./text.ts";

export const SEARCH_PATH = "/tim-kiem/";
/** The server replaces what lies between these markers in the built page. */
export const LIVE_START = "<!--search-live-->";
export const LIVE_END = "<!--/search-live-->";

export type FilterOptions = Record<FilterKey, string[]>;

const byName = new Intl.Collator("vi").compare;

/** Filter values in the order the form lists them: names alphabetically, years newest first. */
export function sortFilterOptions(values: Partial<Record<string, string[]>>): FilterOptions {
  const list = (key: FilterKey) => [...new Set(values[key] ?? [])];
  return {
    tinh: list("tinh").sort(byName),
    "chu-de": list("chu-de").sort(byName),
    nam: list("nam").sort((a, b) => b.localeCompare(a)),
  };
}

/** A filter value as listed; after a search, with how many results choosing it would leave. */
export function optionLabel(value: string, counts: Record<string, number> | undefined): string {
  // Own properties only: a value like "constructor" must not read Object.prototype.
  const count = counts && Object.hasOwn(counts, value) ? counts[value] : undefined;
  return counts === undefined ? value : `${value} (${formatNumber(count ?? 0)})`;
}

function select(
  key: FilterKey,
  options: string[],
  chosen: string,
  counts: Record<string, number> | undefined,
): string {
  const label = (value: string) => optionLabel(value, counts);
  const items = [`<option value="">Tất cả</option>`]
    .concat(
      options.map(
        (value) =>
          `<option value="${escapeHtml(value)}"${value === chosen ? " selected" : ""}>${escapeHtml(label(value))}</option>`,
      ),
    )
    .join("");
  return (
    `<div class="search-filter"><label for="search-${key}">${FILTER_LABELS[key]}</label>` +
    `<select id="search-${key}" name="${key}">${items}</select></div>`
  );
}

/** The GET form of /tim-kiem/ with the request's values filled in (and counts, after a search). */
export function renderSearchForm(
  options: FilterOptions,
  request: SearchRequest,
  counts?: FilterCounts,
): string {
  const filters = FILTER_KEYS.map((key) =>
    select(key, options[key], request[key], counts?.[key]),
  ).join("");
  return (
    `<form class="search-form" action="${SEARCH_PATH}" method="get" role="search">` +
    `<label for="search-q">Tìm bài viết và dữ liệu (gõ có dấu hoặc không dấu)</label>` +
    `<div class="search-form__row"><input id="search-q" name="q" type="search" autocomplete="off" ` +
    `spellcheck="false" value="${escapeHtml(request.q)}" />` +
    `<button class="button" type="submit">Tìm</button></div>` +
    `<fieldset class="search-filters"><legend>Lọc kết quả</legend>${filters}</fieldset></form>`
  );
}

/** An excerpt with nothing but text and <mark> kept as markup (engine.ts escapes; this makes sure). */
export function safeExcerpt(excerpt: string): string {
  return excerpt.replace(/<(?!\/?mark>)/g, "&lt;");
}

/** One result; under the heading of the words apart, its title is a level lower. */
function hitHtml(hit: SearchHit, position: number, level: 2 | 3): string {
  const meta = hit.kind === "du-lieu" ? "Trang dữ liệu" : (hit.date ?? "");
  return (
    `<li class="search-hit" id="kq-${position}"><h${level} class="search-hit__title">` +
    `<a href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a></h${level}>` +
    `<p class="meta">${escapeHtml(meta)}</p>` +
    `<p class="search-hit__excerpt">${safeExcerpt(hit.excerpt)}</p></li>`
  );
}

/** The sentence above the results. */
export function statusText(outcome: SearchOutcome): string {
  const { request, total } = outcome;
  const filtered = FILTER_KEYS.some((key) => request[key]) ? " (đã lọc)" : "";
  // A half-typed last word: say that words it starts were counted.
  const started = outcome.completed ? `, kể cả các từ bắt đầu bằng “${outcome.completed}”` : "";
  // Words cut to the longest query: say what was searched.
  const cut = request.cut
    ? ` Từ khóa dài quá ${formatNumber(MAX_QUERY_LENGTH)} ký tự nên chỉ tìm theo phần đầu của nó.`
    : "";
  return total === 0
    ? `Không tìm thấy kết quả nào cho “${request.q}”${filtered}.${cut}`
    : `Tìm thấy ${formatNumber(total)} kết quả cho “${request.q}”${started}${filtered}.${cut}`;
}

/** Heading and note above the results that hold the words only apart. */
function apartHeading(outcome: SearchOutcome): string {
  const q = escapeHtml(outcome.request.q);
  const none = outcome.phrased === 0 ? `Không trang nào có cụm “${q}”. ` : "";
  return (
    `<h2 class="search-group">Kết quả có các từ rời nhau</h2>` +
    `<p class="search-group__note">${none}Các trang dưới đây có đủ các từ bạn gõ, ` +
    `nhưng không đứng liền nhau thành cụm “${q}”.</p>`
  );
}

/** The hits: those holding the phrase, then, under a heading, those holding the words apart. */
function hitLists(outcome: SearchOutcome): string {
  const { hits, phrased } = outcome;
  const split = phrased ?? hits.length;
  const list = (from: number, to: number, level: 2 | 3) => {
    const items = hits.slice(from, to).map((hit, i) => hitHtml(hit, from + i + 1, level));
    const start = from > 0 ? ` start="${from + 1}"` : "";
    return `<ol class="search-results"${start}>${items.join("")}</ol>`;
  };
  if (split >= hits.length) return list(0, hits.length, 2);
  return `${split > 0 ? list(0, split, 2) : ""}${apartHeading(outcome)}${list(split, hits.length, 3)}`;
}

/** Status line, the hits of the steps asked for, and a link for more when there are more. */
export function renderResults(outcome: SearchOutcome): string {
  const { request, total, hits } = outcome;
  if (!request.q) return `<p class="search-status" role="status"></p>`;
  const next = request.trang + 1;
  const more =
    total > hits.length
      ? `<p><a class="button search-more" href="${SEARCH_PATH}${escapeHtml(searchQueryString(request, next))}#kq-${hits.length + 1}">` +
        `Xem thêm kết quả (${formatNumber(Math.min(RESULTS_PER_STEP, total - hits.length))} tiếp theo)</a></p>`
      : "";
  return (
    `<p class="search-status" role="status">${escapeHtml(statusText(outcome))}</p>` +
    (total === 0 ? nothingFoundHint(request) : "") +
    `${hitLists(outcome)}${more}`
  );
}

/** What to try when nothing was found; with filters chosen, the same words without them. */
function nothingFoundHint(request: SearchRequest): string {
  const filtered = FILTER_KEYS.some((key) => request[key]);
  const unfiltered = searchQueryString({ ...request, tinh: "", "chu-de": "", nam: "", trang: 1 });
  return (
    `<p class="search-hint">Thử kiểm tra chính tả, bớt một vài từ, hoặc gõ không dấu.` +
    (filtered ? ` <a href="${SEARCH_PATH}${escapeHtml(unfiltered)}">Tìm lại không lọc</a>.` : "") +
    `</p>`
  );
}
