import { describe, expect, it } from "vitest";
import { queryWords, search, searchText, type SearchEntry } from "../../src/lib/search.ts";
import { foldVietnamese, slugify } from "../../src/lib/slug.ts";

const entry = (t: string, s: string, extra = ""): SearchEntry => ({
  u: `/tin-tuc/${slugify(t)}/`,
  t,
  s,
  d: "",
  x: searchText([t, s, extra]),
});

const entries = [
  entry(
    "Thi đua làm tốt công tác tổ chức xây dựng Đảng",
    "Năm 2020 kết nạp 2.053 đảng viên",
    "Lạng Sơn",
  ),
  entry(
    "Huyện Thanh Bình thực hiện công tác xây dựng Đảng",
    "Kết nạp 218 đảng viên mới",
    "Đồng Tháp",
  ),
  entry("Khi xây dựng Đảng là then chốt", "73 cơ sở trực thuộc", "Lạng Sơn"),
];

describe("search", () => {
  it("foldVietnamese(text) drops diacritics and đ but keeps spaces", () => {
    expect(foldVietnamese("Đảng bộ Tuyên Hóa")).toBe("dang bo tuyen hoa");
  });

  it("queryWords(query) folds and splits on anything but letters and digits", () => {
    expect(queryWords("  Tuyên   Hóa, 2.053 ")).toEqual(["tuyen", "hoa", "2", "053"]);
    expect(queryWords(" ,. ")).toEqual([]);
  });

  it("search(entries, query) matches without diacritics", () => {
    expect(search(entries, "ket nap").map((e) => e.t)).toEqual([
      "Thi đua làm tốt công tác tổ chức xây dựng Đảng",
      "Huyện Thanh Bình thực hiện công tác xây dựng Đảng",
    ]);
    expect(search(entries, "Lạng Sơn")).toHaveLength(2);
  });

  it("search(entries, query) needs every word, each at the start of a word", () => {
    expect(search(entries, "thanh binh ket nap")).toHaveLength(1);
    expect(search(entries, "anh")).toEqual([]);
  });

  it("search(entries, query) lists title matches first", () => {
    expect(search(entries, "then chot")[0]!.t).toBe("Khi xây dựng Đảng là then chốt");
    expect(search(entries, "xay dung dang").map((e) => e.t)).toHaveLength(3);
    expect(search(entries, "lang son")[0]!.t).toBe(
      "Thi đua làm tốt công tác tổ chức xây dựng Đảng",
    );
  });

  it("search(entries, query) finds nothing for an empty query", () => {
    expect(search(entries, "   ")).toEqual([]);
  });
});
