// Paginated lists: page 1 is the section itself (/tin-tuc/), page n lives at <section>trang/n/.
// Pages stay put as articles are published: every later page holds exactly `perPage` items,
// counted from the end of the list (the oldest), and the first page takes the rest (perPage to
// 2·perPage − 1 items). One more article then changes a list's first page only, instead of
// shifting every page by one (a rebuild rendered all ~600 list pages at 3,000 articles), and
// renumbers the later pages once every `perPage` articles; a bookmarked page keeps its articles.

export const LIST_BASE = "/tin-tuc/";

/** Address of page `page` of the list at `base` (a path ending in "/"). */
export function pageHref(page: number, base: string = LIST_BASE): string {
  return page <= 1 ? base : `${base}trang/${page}/`;
}

/** Whole later pages plus the first: at least one page, so an empty list still has its first. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.floor(total / perPage));
}

/** The items on 1-based `page`: the first page the newest rest, every later page `perPage`. */
export function pageItems<T>(items: readonly T[], page: number, perPage: number): T[] {
  const first = items.length - (pageCount(items.length, perPage) - 1) * perPage;
  if (page <= 1) return items.slice(0, first);
  return items.slice(first + (page - 2) * perPage, first + (page - 1) * perPage);
}

export type ListPage<T> = { page: number; last: number; base: string; items: T[] };

/** Every page of a list, first page included. */
export function paginate<T>(items: readonly T[], base: string, perPage: number): ListPage<T>[] {
  const last = pageCount(items.length, perPage);
  return Array.from({ length: last }, (_, i) => ({
    page: i + 1,
    last,
    base,
    items: pageItems(items, i + 1, perPage),
  }));
}

/**
 * Page numbers to link, with "gap" where numbers are left out: always the first and last
 * pages and `radius` pages either side of the current one; a gap never hides a single page.
 * 1 2 [3] 4 5 … 40
 */
export function pageWindow(current: number, last: number, radius = 2): (number | "gap")[] {
  const shown = (p: number) => p === 1 || p === last || Math.abs(p - current) <= radius;
  const out: (number | "gap")[] = [];
  for (let p = 1; p <= last; p++) {
    if (shown(p) || (shown(p - 1) && shown(p + 1))) out.push(p);
    else if (out[out.length - 1] !== "gap") out.push("gap");
  }
  return out;
}
