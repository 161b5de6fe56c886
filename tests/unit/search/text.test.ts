import { describe, expect, it } from "vitest";
import {
  fold,
  MAX_QUERY_WORDS,
  isCompletable,
  placedWords,
  queryWords,
  startsAsTyped,
  textWords,
} from "../../../src/lib/search/text.ts";

describe("search text", () => {
  it("fold(word) drops tones and writes đ as d, in lower case", () => {
    expect(fold("Đảng")).toBe("dang");
    expect(fold("Quảng Bình")).toBe("quang binh");
    expect(fold("nghiệp")).toBe("nghiep");
    expect(fold("Hóa".normalize("NFD"))).toBe("hoa");
    expect(fold("ĐỒNG")).toBe("dong");
  });

  it("queryWords(query) lower-cases, splits on punctuation, keeps numbers whole and drops repeats", () => {
    expect(queryWords("  Kết  nạp, KẾT nạp 2.053 đảng ")).toEqual([
      { typed: "kết", folded: "ket" },
      { typed: "nạp", folded: "nap" },
      { typed: "2.053", folded: "2.053" },
      { typed: "đảng", folded: "dang" },
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

  it("placedWords(text) gives each word's place in the text", () => {
    const text = "Xây dựng, chỉnh đốn Đảng.";
    const words = placedWords(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual([
      "Xây",
      "dựng",
      "chỉnh",
      "đốn",
      "Đảng",
    ]);
    expect(words.map((w) => w.folded)).toEqual(["xay", "dung", "chinh", "don", "dang"]);
  });

  it("textWords(text) reads a decomposed text as its precomposed form", () => {
    expect(textWords("Tuyên Hóa".normalize("NFD"))).toEqual(textWords("Tuyên Hóa"));
  });

  it("startsAsTyped(word, start) follows the tones where they were typed, d for đ either way", () => {
    expect(startsAsTyped("hóa", "hó")).toBe(true);
    expect(startsAsTyped("họp", "hó")).toBe(false);
    expect(startsAsTyped("họp", "ho")).toBe(true);
    expect(startsAsTyped("đồng", "dồ")).toBe(true);
    expect(startsAsTyped("đồng", "do")).toBe(true);
    expect(startsAsTyped("đồng", "đô")).toBe(false);
    expect(startsAsTyped("ngày", "ngà")).toBe(true);
  });

  it("isCompletable(word) is true only for words of letters", () => {
    expect(isCompletable({ typed: "hó", folded: "ho" })).toBe(true);
    expect(isCompletable({ typed: "2.0", folded: "2.0" })).toBe(false);
    expect(isCompletable({ typed: "xi2", folded: "xi2" })).toBe(false);
  });
});
