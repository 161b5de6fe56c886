import { describe, expect, it } from "vitest";
import {
  markStroke,
  markStrokeInHtml,
  MAX_QUERY_WORDS,
  queryWords,
  unmarkStroke,
} from "../../../src/lib/search/text.ts";

describe("search text", () => {
  it("markStroke(text) writes đ/Đ as d/D plus a combining stroke that folding removes", () => {
    const marked = markStroke("Đảng bộ đơn vị");
    expect(marked).toBe("D\u0335ảng bộ d\u0335ơn vị");
    expect(marked.normalize("NFD").replace(/\p{M}/gu, "")).toBe("Dang bo don vi");
  });

  it("unmarkStroke(markStroke(text)) is the text", () => {
    const text = "Đồng Tháp, đảng viên, ĐTO, dảng";
    expect(unmarkStroke(markStroke(text))).toBe(text);
  });

  it("markStrokeInHtml(html) changes text between tags only, never attributes", () => {
    expect(markStrokeInHtml('<a title="Đảng" href="/đ/">Đảng đoàn</a>')).toBe(
      '<a title="Đảng" href="/đ/">D\u0335ảng d\u0335oàn</a>',
    );
  });

  it("queryWords(query) lower-cases, splits on punctuation, keeps numbers whole and drops repeats", () => {
    expect(queryWords("  Kết  nạp, KẾT nạp 2.053 đảng ")).toEqual([
      "kết",
      "nạp",
      "2.053",
      "d\u0335ảng",
    ]);
    expect(queryWords(' ,."" ')).toEqual([]);
  });

  it("queryWords(query) treats decomposed and precomposed tones alike", () => {
    expect(queryWords("Hóa".normalize("NFD"))).toEqual(queryWords("Hóa"));
  });

  it("queryWords(query) keeps at most MAX_QUERY_WORDS words", () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    expect(queryWords(many)).toHaveLength(MAX_QUERY_WORDS);
  });
});
