// Paginated lists: page 1 is the section itself (/tin-tuc/), page n lives at <section>trang/n/.

export const LIST_BASE = "/tin-tuc/";

/** Address of page `page` of the list at `base` (a path ending in "/"). */
export function pageHref(page: number, base: string = LIST_BASE): string {
  return page <= 1 ? base : `${base}trang/${page}/`;
}

/** At least one page, so an empty list still has its first page. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The items on 1-based `page`. */
export function pageItems<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
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
