// SVG → PNG for the preview images, with resvg (a Rust rasterizer shipped in its npm package) and
// only the site's fonts: no system font can stand in for a missing Vietnamese glyph unnoticed.
// Drawn synchronously: the build step runs it on worker threads, one image at a time each. A card
// of rectangles and text only is drawn glyph by glyph (flat-card.ts); any other reaches resvg with
// its text as glyph outlines (outline.ts).
// The PNG is ours (png-encode.ts): the same pixels as resvg's asPng(), in 60% of its CPU time
// (the pixels copied out included) and half its size.
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { PREVIEW_WIDTH } from "./card.ts";
import { drawFlatCard } from "./flat-card.ts";
import { previewFontFiles } from "./fonts.ts";
import { loadOutlineFonts, outlineBytes, type OutlineFonts } from "./outline.ts";
import { encodePng } from "./png-encode.ts";

// resvg-js 2.6 takes fonts as files only (no buffers) and reads a file again each time text uses
// it (about 200 reads an image, strace): the text it gets is only what outline.ts leaves.
export function renderOptions(fontFiles: string[]): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: PREVIEW_WIDTH },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Be Vietnam Pro" },
    background: BACKGROUND,
  };
}

/** What shows where a card paints nothing. */
const BACKGROUND = "#ffffff";

/** Part of every image's cache key: which cards are drawn without resvg, and how. */
export const RENDERER = "flat-1";

// The fonts in HarfBuzz, loaded once per thread for the list of files it draws with.
let outlineFonts: { files: string; fonts: OutlineFonts } | undefined;
function fontsFor(fontFiles: string[]): OutlineFonts {
  const files = fontFiles.join("\n");
  if (outlineFonts?.files !== files) outlineFonts = { files, fonts: loadOutlineFonts(fontFiles) };
  return outlineFonts.fonts;
}

/**
 * The card's PNG, and whether resvg drew it (its pixels are freed only when V8 collects them);
 * resvg's own encoding where ours does not apply (a pixel not opaque).
 */
export function drawCard(svg: string, fontFiles: string[]): { png: Buffer; resvg: boolean } {
  const fonts = fontsFor(fontFiles);
  const flat = drawFlatCard(svg, fonts, BACKGROUND);
  const png = flat && encodePng(flat.rgba, flat.width, flat.height);
  if (png) return { png, resvg: false };
  const image = new Resvg(outlineBytes(svg, fonts), renderOptions(fontFiles)).render();
  return { png: encodePng(image.pixels, image.width, image.height) ?? image.asPng(), resvg: true };
}

export const drawPng = (svg: string, fontFiles: string[]): Buffer => drawCard(svg, fontFiles).png;

export async function renderPng(svg: string): Promise<Buffer> {
  return drawPng(svg, await previewFontFiles());
}
