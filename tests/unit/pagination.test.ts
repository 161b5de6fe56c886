import { describe, expect, it } from "vitest";
import {
  pageCount,
  pageHref,
  pageItems,
  pageWindow,
  paginate,
} from "../../src/lib/content/pagination.ts";

describe("pagination", () => {
  it("pageHref(1) is the list itself, later pages live under trang/", () => {
    expect(pageHref(1)).toBe("/tin-tuc/");
    expect(pageHref(2)).toBe("/tin-tuc/trang/2/");
    expect(pageHref(31)).toBe("/tin-tuc/trang/31/");
  });

  it("pageHref(n, base) pages any list", () => {
    expect(pageHref(1, "/chu-de/dai-hoi-dang/")).toBe("/chu-de/dai-hoi-dang/");
    expect(pageHref(3, "/dia-phuong/lang-son/")).toBe("/dia-phuong/lang-son/trang/3/");
  });

  it("paginate(items, base, perPage) makes every page, the first taking the rest", () => {
    const pages = paginate([1, 2, 3, 4, 5], "/chu-de/x/", 2);
    expect(pages).toEqual([
      { page: 1, last: 2, base: "/chu-de/x/", items: [1, 2, 3] },
      { page: 2, last: 2, base: "/chu-de/x/", items: [4, 5] },
    ]);
    expect(paginate([], "/chu-de/x/", 2)).toEqual([
      { page: 1, last: 1, base: "/chu-de/x/", items: [] },
    ]);
  });

  it("pageCount(total, perPage) counts whole later pages plus the first, never 0", () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(5, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(19, 10)).toBe(1);
    expect(pageCount(20, 10)).toBe(2);
    expect(pageCount(3000, 10)).toBe(300);
  });

  it("pageItems(items, page, perPage): later pages hold perPage each, the first the rest", () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(pageItems(items, 1, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(pageItems(items, 2, 10)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    expect(pageItems(items, 3, 10)).toEqual([]);
  });

  it("one more item at the front changes the first page only, until a page fills", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => n - i); // newest first
    const later = (n: number) => paginate(list(n), "/x/", 10).slice(1);
    expect(later(24)).toEqual(later(23));
    expect(later(29)).toEqual(later(23));
    expect(paginate(list(29), "/x/", 10)[0]!.items).toHaveLength(19);
    // The 30th makes a new page: the list is cut again, once in ten.
    expect(paginate(list(30), "/x/", 10).map((p) => p.items.length)).toEqual([10, 10, 10]);
  });

  it("pageWindow(current, last) keeps ends and neighbours, with gaps between", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, "gap", 40]);
    expect(pageWindow(20, 40)).toEqual([1, "gap", 18, 19, 20, 21, 22, "gap", 40]);
    expect(pageWindow(39, 40)).toEqual([1, "gap", 37, 38, 39, 40]);
    expect(pageWindow(4, 40)).toEqual([1, 2, 3, 4, 5, 6, "gap", 40]);
  });
});
