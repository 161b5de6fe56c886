// Cards of rectangles and text drawn glyph by glyph (src/lib/previews/flat-card.ts): they look as
// resvg draws them (the same glyphs in the same places, within a quarter pixel: only antialiased
// edges differ, by a few levels), and every other card is left to resvg.
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { usePreviewFonts } from "../helpers/preview-fonts.ts";
import { readArticles } from "../../src/lib/content/article-files.ts";
import { drawFlatCard } from "../../src/lib/previews/flat-card.ts";
import { previewImages } from "../../src/lib/previews/images.ts";
import { outlineText } from "../../src/lib/previews/outline.ts";
import { drawCard, renderOptions } from "../../src/lib/previews/render.ts";

const preview = usePreviewFonts();

const resvgPixels = (svg: string) =>
  new Resvg(outlineText(svg, preview.fonts), renderOptions(preview.files)).render().pixels;

/** Samples that differ by more than a quarter of their range, and the mean difference. */
function difference(a: Uint8Array, b: Uint8Array) {
  let [large, sum] = [0, 0];
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 64) large++;
    sum += d;
  }
  return { large, mean: sum / a.length };
}

const svgOf = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
const TEXT = `<text x="56" y="170" font-family="Be Vietnam Pro" font-size="48" font-weight="700" fill="#1c1b19">Đảng viên mới</text>`;

describe("flat preview cards", () => {
  it("draws every card of rectangles and text as resvg draws it, and leaves the charts' to resvg", () => {
    const images = previewImages(readArticles());
    const flat = images.filter((i) => !i.svg.includes("<svg", 1));
    expect(flat.length).toBeGreaterThan(0);
    expect(flat.length).toBeLessThan(images.length);
    for (const { svg } of images) {
      const drawn = drawFlatCard(svg, preview.fonts, "#ffffff");
      if (!flat.some((f) => f.svg === svg)) {
        expect(drawn).toBeUndefined();
        continue;
      }
      expect(drawn).toBeDefined();
      const { large, mean } = difference(resvgPixels(svg), drawn!.rgba);
      // 1200 × 630 × 4 samples: a glyph a pixel off, or in another font, differs by thousands.
      expect(large).toBeLessThan(60);
      expect(mean).toBeLessThan(0.6);
    }
  });

  it("places text at fractional positions, over coloured bands, as resvg does", () => {
    const svg = svgOf(
      `<rect y="574" width="100%" height="56" fill="#f6f2ea"/><rect width="100%" height="76" fill="#9b1c1c"/>` +
        `<text x="56.3" y="50.7" font-family="Be Vietnam Pro" font-size="30" font-weight="700" fill="#ffffff">Xây dựng Đảng — Tin tức</text>` +
        `<text x="56" y="610" font-family="Be Vietnam Pro" font-size="22" font-weight="400" fill="#5a5650">Lạng Sơn · 12/08/2022</text>`,
    );
    const drawn = drawFlatCard(svg, preview.fonts, "#ffffff")!;
    const { large, mean } = difference(resvgPixels(svg), drawn.rgba);
    expect(large).toBeLessThan(20);
    expect(mean).toBeLessThan(0.2);
  });

  it("leaves to resvg any SVG with more than flat rectangles and text it draws", () => {
    const others = [
      `<rect x="10.5" y="10" width="20" height="20" fill="#000"/>`,
      `<rect width="20" height="20" fill="url(#g)"/>`,
      `<rect width="20" height="20" fill="#000" opacity="0.5"/>`,
      `<line x1="0" y1="0" x2="10" y2="10" stroke="#000"/>`,
      `<g>${TEXT}</g>`,
      TEXT.replace('fill="#1c1b19"', 'fill="#1c1b19" opacity="0.5"'),
      TEXT.replace("Be Vietnam Pro", "Arial"),
      TEXT.replace("Đảng viên mới", "漢字"),
    ];
    expect(drawFlatCard(svgOf(TEXT), preview.fonts, "#ffffff")).toBeDefined();
    for (const body of others)
      expect(drawFlatCard(svgOf(body), preview.fonts, "#ffffff")).toBeUndefined();
    const scaled = svgOf(TEXT).replace('viewBox="0 0 1200 630"', 'viewBox="0 0 600 315"');
    expect(drawFlatCard(scaled, preview.fonts, "#ffffff")).toBeUndefined();
    // resvg still draws them: one is a card with a chart's line.
    const { png, resvg } = drawCard(svgOf(others[3]!), preview.files);
    expect(resvg).toBe(true);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("gives the same PNG for the same card, drawn first or after others", () => {
    const a = svgOf(TEXT);
    const b = svgOf(TEXT.replace("Đảng viên mới", "Chi bộ cơ sở"));
    const first = drawCard(a, preview.files);
    drawCard(b, preview.files);
    expect(first.resvg).toBe(false);
    expect(drawCard(a, preview.files).png.equals(first.png)).toBe(true);
  });
});
