import { describe, expect, it } from "vitest";
import {
  oneAtATime,
  pagefindFilters,
  toHit,
  type PagefindApi,
} from "../../../src/lib/search/engine.ts";
import { parseSearchRequest } from "../../../src/lib/search/request.ts";

describe("search engine", () => {
  it("oneAtATime(api) starts a search only after the previous one has finished", async () => {
    const log: string[] = [];
    const api: PagefindApi = {
      async search(term) {
        log.push(`start ${term}`);
        await new Promise((r) => setTimeout(r, term === "a" ? 30 : 1));
        log.push(`end ${term}`);
        return { results: [] };
      },
      filters: async () => ({}),
    };
    const serial = oneAtATime(api);
    await Promise.all([serial.search("a"), serial.search("b")]);
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("oneAtATime(api) goes on after a failed search", async () => {
    let calls = 0;
    const serial = oneAtATime({
      search: async () => {
        if (calls++ === 0) throw new Error("offline");
        return { results: [] };
      },
      filters: async () => ({}),
    });
    await expect(serial.search("a")).rejects.toThrow("offline");
    await expect(serial.search("b")).resolves.toEqual({ results: [] });
  });

  it("pagefindFilters(request) names the chosen filters with đ as the index holds it", () => {
    const request = parseSearchRequest(new URLSearchParams("q=x&tinh=Đồng Tháp&nam=2013"));
    expect(pagefindFilters(request)).toEqual({ tinh: "D\u0335ồng Tháp", nam: "2013" });
  });

  it("toHit(fragment) puts đ back and keeps a date only for articles", () => {
    expect(
      toHit({
        url: "/tin-tuc/a/",
        excerpt: "<mark>D\u0335ảng</mark> bộ",
        meta: { title: "D\u0335ảng", kind: "bai-viet", date: "Không ghi ngày d\u0335ăng" },
      }),
    ).toEqual({
      url: "/tin-tuc/a/",
      title: "Đảng",
      kind: "bai-viet",
      date: "Không ghi ngày đăng",
      excerpt: "<mark>Đảng</mark> bộ",
    });
    expect(
      toHit({ url: "/du-lieu/x/", excerpt: "", meta: { title: "X", kind: "du-lieu" } }).date,
    ).toBe(undefined);
  });
});
