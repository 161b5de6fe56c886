// SVG → PNG for the preview images, with resvg (a Rust rasterizer shipped in its npm package) and
// only the site's fonts: no system font can stand in for a missing Vietnamese glyph unnoticed.
// Drawn synchronously: the build step runs it on worker threads, one image at a time each. Text
// reaches resvg as glyph outlines (outline.ts).
// The PNG is ours (png-encode.ts): the same pixels as resvg's asPng(), in 60% of its CPU time
// (the pixels copied out included) and half its size.
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { PREVIEW_WIDTH } from "./card.ts";
import { previewFontFiles } from "./fonts.ts";
import { loadOutlineFonts, outlineText, type OutlineFonts } from "./outline.ts";
import { encodePng } from "./png-encode.ts";

// resvg-js 2.6 takes fonts as files only (no buffers) and reads a file again each time text uses
// it (about 200 reads an image, strace): the text it gets is only what outline.ts leaves.
export function renderOptions(fontFiles: string[]): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: PREVIEW_WIDTH },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Be Vietnam Pro" },
    background: "#ffffff",
  };
}

// The fonts in HarfBuzz, loaded once per thread for the list of files it draws with.
let outlineFonts: { files: string; fonts: OutlineFonts } | undefined;
function fontsFor(fontFiles: string[]): OutlineFonts {
  const files = fontFiles.join("\n");
  if (outlineFonts?.files !== files) outlineFonts = { files, fonts: loadOutlineFonts(fontFiles) };
  return outlineFonts.fonts;
}

/** The card's PNG; resvg's own encoding where ours does not apply (a pixel not opaque). */
export function drawPng(svg: string, fontFiles: string[]): Buffer {
  const outlined = outlineText(svg, fontsFor(fontFiles));
  const image = new Resvg(outlined, renderOptions(fontFiles)).render();
  return encodePng(image.pixels, image.width, image.height) ?? image.asPng();
}

export async function renderPng(svg: string): Promise<Buffer> {
  return drawPng(svg, await previewFontFiles());
}
