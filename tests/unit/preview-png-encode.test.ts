// Our PNG encoder for the preview images (src/lib/previews/png-encode.ts): every card decodes to
// exactly the pixels of resvg's own PNG; an image of more than 256 colours is written as RGB, one
// with a pixel not fully opaque is left to resvg.
import { Resvg } from "@resvg/resvg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { publishedCharts } from "../../src/lib/chart-pages/pages.ts";
import { DATASET_IDS } from "../../src/lib/data/datasets.ts";
import { readArticles } from "../../src/lib/content/article-files.ts";
import { previewSvg } from "../../src/lib/previews/card.ts";
import { chartCard, datasetCard } from "../../src/lib/previews/cards.ts";
import { previewFontFiles } from "../../src/lib/previews/fonts.ts";
import { previewImages } from "../../src/lib/previews/images.ts";
import { loadOutlineFonts, outlineText } from "../../src/lib/previews/outline.ts";
import { encodePng } from "../../src/lib/previews/png-encode.ts";
import { drawPng, renderOptions } from "../../src/lib/previews/render.ts";

const decoded = (png: Buffer) => PNG.sync.read(png);
/** The colour type byte of the PNG's header: 2 RGB, 3 indexed. */
const colourType = (png: Buffer) => png[25];

describe("preview PNG encoder", () => {
  const cards = [
    // A chart, a key figure, a text card, a dataset: each kind of card the site draws.
    ...previewImages(readArticles()).map((i) => i.svg),
    previewSvg(chartCard(publishedCharts()[0]!)),
    previewSvg(datasetCard(DATASET_IDS[0]!)),
    previewSvg({
      kicker: "Bài viết",
      title: "Kết nạp 6.001 đảng viên",
      lines: ["Trên 16,7%"],
      footer: "Lạng Sơn",
    }),
  ];

  it("gives exactly resvg's pixels for every card, as an indexed image", async () => {
    const options = renderOptions(await previewFontFiles());
    for (const svg of cards) {
      const image = new Resvg(svg, options).render();
      const ours = encodePng(image.pixels, image.width, image.height)!;
      const theirs = decoded(image.asPng());
      const mine = decoded(ours);
      expect([mine.width, mine.height]).toEqual([1200, 630]);
      expect(mine.data.equals(theirs.data)).toBe(true);
      expect(colourType(ours)).toBe(3);
      expect(ours.length).toBeLessThan(image.asPng().length);
    }
    // What the build stores: the card with its text as outlines, drawn by resvg, in our PNG.
    const fontFiles = await previewFontFiles();
    const outlined = outlineText(cards[0]!, loadOutlineFonts(fontFiles));
    expect(
      drawPng(cards[0]!, fontFiles).equals(
        encodePng(new Resvg(outlined, options).render().pixels, 1200, 630)!,
      ),
    ).toBe(true);
  });

  it("writes more than 256 colours as RGB, the same pixels", () => {
    const [width, height] = [40, 30];
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([i % 256, (i >> 8) * 40, 7, 255], i * 4);
    const png = encodePng(rgba, width, height)!;
    expect(colourType(png)).toBe(2);
    expect(decoded(png).data.equals(rgba)).toBe(true);
  });

  it("keeps a palette's colours in order of first use (the same image, the same bytes)", () => {
    const rgba = Buffer.from([255, 255, 255, 255, 9, 8, 7, 255, 255, 255, 255, 255, 9, 8, 7, 255]);
    const png = encodePng(rgba, 2, 2)!;
    expect(decoded(png).data.equals(rgba)).toBe(true);
    expect(encodePng(Buffer.from(rgba), 2, 2)!.equals(png)).toBe(true);
  });

  it("leaves an image with a pixel not fully opaque to resvg (its pixels are premultiplied)", () => {
    const rgba = Buffer.from([255, 255, 255, 255, 10, 10, 10, 128]);
    expect(encodePng(rgba, 2, 1)).toBeUndefined();
    const many = Buffer.alloc(300 * 4);
    for (let i = 0; i < 300; i++) many.set([i % 256, i >> 8, 0, i === 299 ? 0 : 255], i * 4);
    expect(encodePng(many, 300, 1)).toBeUndefined();
  });
});
