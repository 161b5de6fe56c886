// SVG → PNG for the preview images, with resvg (a Rust rasterizer shipped in its npm package) and
// only the site's fonts: no system font can stand in for a missing Vietnamese glyph unnoticed.
import { Resvg } from "@resvg/resvg-js";
import { previewFontFiles } from "./fonts.ts";
import { PREVIEW_WIDTH } from "./card.ts";

export async function renderPng(svg: string): Promise<Buffer> {
  const fontFiles = await previewFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: PREVIEW_WIDTH },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Be Vietnam Pro" },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
