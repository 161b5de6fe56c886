import { describe, expect, it } from "vitest";
import {
  MAX_STEPS,
  parseSearchRequest,
  searchQueryString,
} from "../../../src/lib/search/request.ts";

const parse = (query: string) => parseSearchRequest(new URLSearchParams(query));

describe("search request", () => {
  it("parseSearchRequest(params) reads the words, the filters and the number of steps", () => {
    expect(parse("q=+kết+nạp+&tinh=Đồng+Tháp&chu-de=Công+tác+cán+bộ&nam=2023&trang=2")).toEqual({
      q: "kết nạp",
      tinh: "Đồng Tháp",
      "chu-de": "Công tác cán bộ",
      nam: "2023",
      trang: 2,
    });
  });

  it("parseSearchRequest(params) falls back to all for anything missing or malformed", () => {
    const all = { q: "", tinh: "", "chu-de": "", nam: "", trang: 1 };
    expect(parse("")).toEqual(all);
    expect(parse("nam=20x3&trang=-1")).toEqual(all);
    expect(parse("trang=abc&__proto__=1&constructor=x")).toEqual(all);
    expect(parse(`trang=${MAX_STEPS + 1}`).trang).toBe(1);
  });

  it("parseSearchRequest(params) cuts words over 200 characters to their start, and says it did", () => {
    // Issue 19, item 9: such a query used to be dropped (empty results, emptied box).
    const long = parse(`q=${"a".repeat(500)}`);
    expect(long.q).toBe("a".repeat(200));
    expect(long.cut).toBe(true);
    // Not in the middle of a word when a space comes before it.
    const words = `${"kết nạp ".repeat(30)}`.trim();
    const cut = parse(new URLSearchParams({ q: words }).toString());
    expect(cut.q.length).toBeLessThanOrEqual(200);
    expect(words.startsWith(cut.q)).toBe(true);
    expect(cut.q).toMatch(/(kết|nạp)$/);
    expect(parse("q=kết nạp").cut).toBeUndefined();
  });

  it("searchQueryString(request) leaves out what is empty or default, and can ask for more", () => {
    const request = parse("q=ket nap&tinh=&nam=2013");
    expect(searchQueryString(request)).toBe("?q=ket+nap&nam=2013");
    expect(searchQueryString(request, 3)).toBe("?q=ket+nap&nam=2013&trang=3");
    expect(searchQueryString(parse(""))).toBe("");
  });
});
