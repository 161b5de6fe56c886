// The preview cards' text as glyph outlines (src/lib/previews/outline.ts): every card of the site
// is drawn with no <text> left, and looks as resvg draws the text itself (the same glyphs in the
// same places: a handful of antialiased pixels may differ by rounding); what the outliner does
// not understand is left to resvg untouched.
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { usePreviewFonts } from "../helpers/preview-fonts.ts";
import { readArticles } from "../../src/lib/content/article-files.ts";
import { previewImages } from "../../src/lib/previews/images.ts";
import { outlineText } from "../../src/lib/previews/outline.ts";
import { renderOptions } from "../../src/lib/previews/render.ts";

const preview = usePreviewFonts();

const pixels = (svg: string) => new Resvg(svg, renderOptions(preview.files)).render().pixels;

/** How many samples differ between the two drawings, and by how much at most. */
function difference(a: Uint8Array, b: Uint8Array) {
  let [count, max] = [0, 0];
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 0) count++;
    max = Math.max(max, d);
  }
  return { count, max };
}

/** Drawn as outlines, the SVG looks as resvg draws its text: at most a few pixels, half-toned. */
function expectDrawnAlike(svg: string, outlined: string) {
  const { count, max } = difference(pixels(svg), pixels(outlined));
  // 1200 × 630 × 4 samples: a glyph in the wrong place or font would differ by thousands.
  expect(count).toBeLessThan(200);
  expect(max).toBeLessThan(96);
}

const svgOf = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;

describe("preview text as outlines", () => {
  it("draws every card of the site without a <text>, as resvg draws the text", () => {
    const images = previewImages(readArticles());
    expect(images.some((i) => i.svg.includes('text-anchor="middle"'))).toBe(true);
    for (const { svg } of images) {
      const outlined = outlineText(svg, preview.fonts);
      expect(outlined).not.toMatch(/<text\b/);
      expectDrawnAlike(svg, outlined);
    }
  });

  it("places anchored, inherited, em-sized, tspan and escaped text as resvg does", () => {
    const svg = svgOf(
      `<g font-family="Be Vietnam Pro" font-size="40" fill="#222">` +
        `<text x="600" y="80" text-anchor="middle" font-weight="700">Kết nạp 6.001 đảng viên</text>` +
        `<text x="1150" y="160" text-anchor="end" font-size="0.75em">Trên 16,7% &amp; “khoảng” &lt;5&gt;</text>` +
        `<text x="40" y="240" font-weight="bold"><tspan x="40" y="240">Chi bộ trực thuộc</tspan><tspan x="40" y="300">đảng ủy các xã</tspan></text>` +
        `<text x="40" y="400">  Hai   khoảng
	trắng  </text>` +
        `<svg x="600" y="400" width="300" height="150" viewBox="0 0 150 75" color="#9b1c1c">` +
        `<text x="75" y="40" text-anchor="middle" fill="currentColor" font-size="20">28/02/2023</text></svg>` +
        `</g>`,
    );
    const outlined = outlineText(svg, preview.fonts);
    expect(outlined).not.toMatch(/<text\b/);
    expectDrawnAlike(svg, outlined);
  });

  it("leaves to resvg, untouched, the text it does not fully understand", () => {
    const cases = [
      // An attribute beyond it, a family the site does not have, a glyph its fonts lack,
      // mixed content, a unit it does not read.
      `<text x="10" y="50" dx="4" font-family="Be Vietnam Pro">Đảng</text>`,
      `<text x="10" y="50" font-family="Comic Sans">Đảng</text>`,
      `<text x="10" y="50" font-family="Be Vietnam Pro">党</text>`,
      `<text x="10" y="50" font-family="Be Vietnam Pro">Một <tspan font-weight="700">hai</tspan></text>`,
      `<text x="10" y="50" font-family="Be Vietnam Pro" font-size="2rem">Ba</text>`,
    ];
    for (const text of cases) expect(outlineText(svgOf(text), preview.fonts)).toBe(svgOf(text));
    // Beside text it can draw: that one is outlined, this one kept as it was.
    const both = outlineText(
      svgOf(`${cases[0]}<text x="9" y="9" font-family="Be Vietnam Pro">Bốn</text>`),
      preview.fonts,
    );
    expect(both).toContain(cases[0]);
    expect(both.match(/<text\b/g)).toHaveLength(1);
  });

  it("makes each text one path, the same glyph the same outline wherever it stands", () => {
    const outlined = outlineText(
      svgOf(`<text x="0" y="50" font-family="Be Vietnam Pro" fill="#222">aa a</text>`),
      preview.fonts,
    );
    expect(outlined.match(/<path /g)).toHaveLength(1);
    const glyphs = /d="([^"]*)"/.exec(outlined)![1]!.split("M").filter(Boolean);
    expect(glyphs).toHaveLength(3);
    const rest = glyphs.map((g) => g.replace(/^[\d.-]+ [\d.-]+/, ""));
    expect(new Set(rest).size).toBe(1);
    expect(outlined).toContain('fill="#222"');
  });
});
