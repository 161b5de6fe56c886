import { describe, expect, it } from "vitest";
import { excerptHtml } from "../../../src/lib/search/excerpt.ts";
import { queryWords } from "../../../src/lib/search/text.ts";

const words = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `từ${from + i}`).join(" ");

describe("excerptHtml", () => {
  it("marks every query word, found folded, and escapes the text", () => {
    expect(excerptHtml("Đảng bộ <b>huyện</b> & Đảng ủy.", queryWords("dang"))).toBe(
      "<mark>Đảng</mark> bộ &lt;b&gt;huyện&lt;/b&gt; &amp; <mark>Đảng</mark> ủy.",
    );
  });

  it("cuts around the match with an ellipsis on each side that was cut", () => {
    const text = `${words(50)} kết nạp ${words(50, 50)}`;
    const html = excerptHtml(text, queryWords("ket nap"));
    expect(html.startsWith("… ")).toBe(true);
    expect(html.endsWith(" …")).toBe(true);
    expect(html).toContain("từ42 từ43 từ44 từ45 từ46 từ47 từ48 từ49 <mark>kết nạp</mark> từ50");
    expect(html.split(" ").filter((w) => w !== "…")).toHaveLength(30);
  });

  it("goes to the phrase as typed before a folded one or the words apart", () => {
    const text = `kết ${words(40)} kẹt nắp ${words(40, 40)} kết nạp cuối`;
    expect(excerptHtml(text, queryWords("kết nạp"))).toMatch(/<mark>kết nạp<\/mark> cuối$/);
    expect(excerptHtml(text, queryWords("ket nap"))).toContain("<mark>kẹt nắp</mark>");
  });

  it("without the phrase, goes where most of the words are close together", () => {
    const text = `nạp ${words(40)} kết ${words(3, 40)} nạp ${words(40, 43)}`;
    const html = excerptHtml(text, queryWords("kết nạp"));
    expect(html).toContain("<mark>kết</mark> từ40 từ41 từ42 <mark>nạp</mark>");
  });

  it("words side by side are one highlight; words apart, or apart by punctuation, are not", () => {
    expect(excerptHtml("xây dựng, chỉnh đốn và xây dựng chỉnh", queryWords("dựng chỉnh"))).toBe(
      "xây <mark>dựng</mark>, <mark>chỉnh</mark> đốn và xây <mark>dựng chỉnh</mark>",
    );
  });

  it("a short text is shown whole; an empty one gives nothing", () => {
    expect(excerptHtml("Hai từ.", queryWords("từ"))).toBe("Hai <mark>từ</mark>.");
    expect(excerptHtml("", queryWords("từ"))).toBe("");
  });
});
