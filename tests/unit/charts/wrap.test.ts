import { describe, expect, it } from "vitest";
import { NO_BREAK, textLines, wrapText } from "../../../src/lib/charts/wrap.ts";

describe("wrapText", () => {
  it("wrapText(text, max) breaks a long Vietnamese label at spaces within the limit", () => {
    const lines = wrapText("241 chi bộ trực thuộc đảng ủy các xã, thị trấn", 20);
    expect(lines).toEqual(["241 chi bộ trực", "thuộc đảng ủy các", "xã, thị trấn"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
  });

  it("wrapText(text, max) keeps a short label on one line", () => {
    expect(wrapText("Chi bộ trường học", 40)).toEqual(["Chi bộ trường học"]);
  });

  it("wrapText(text, max) gives a word longer than the limit a line of its own", () => {
    expect(wrapText("a Nghĩa-Hành-Thái-Bình b", 5)).toEqual(["a", "Nghĩa-Hành-Thái-Bình", "b"]);
  });

  it("wrapText(text, max) counts composed characters, so decomposed diacritics do not wrap early", () => {
    const decomposed = "Tuyên Hóa".normalize("NFD");
    expect(wrapText(decomposed, 9)).toEqual(["Tuyên Hóa"]);
  });

  it("wrapText(text, max) never breaks at NO_BREAK, and gives it back as a plain space", () => {
    const text = `Chính thức 3.618 · Dự${NO_BREAK}bị${NO_BREAK}294`;
    expect(wrapText(text, 24)).toEqual(["Chính thức 3.618 ·", "Dự bị 294"]);
    expect(wrapText(text, 24).join("")).not.toContain(NO_BREAK);
  });

  it("wrapText('', max) gives no lines", () => {
    expect(wrapText("   ", 10)).toEqual([]);
  });
});

describe("textLines", () => {
  it("textLines(lines, x, y) puts each line in its own tspan and escapes text", () => {
    const svg = textLines(["A & B", "<c>"], 8, 20);
    expect(svg).toContain(">A &amp; B</tspan>");
    expect(svg).toContain(">&lt;c&gt;</tspan>");
    expect(svg.match(/<tspan/g)).toHaveLength(2);
  });
});
