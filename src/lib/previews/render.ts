// SVG → PNG for the preview images, with resvg (a Rust rasterizer shipped in its npm package) and
// only the site's fonts: no system font can stand in for a missing Vietnamese glyph unnoticed.
// renderAsync draws on libuv's thread pool, so Astro's concurrent pages render side by side
// instead of each image blocking the build's one JavaScript thread.
import { renderAsync } from "@resvg/resvg-js";
import { PREVIEW_WIDTH } from "./card.ts";
import { previewFontFiles } from "./fonts.ts";

export async function renderPng(svg: string): Promise<Buffer> {
  const fontFiles = await previewFontFiles();
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: PREVIEW_WIDTH },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Be Vietnam Pro" },
    background: "#ffffff",
  });
  return image.asPng();
}
