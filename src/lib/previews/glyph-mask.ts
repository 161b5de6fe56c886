// One glyph's coverage, drawn once by resvg from the glyph's outline (glyph-path.ts) alone on a
// small transparent canvas, for each face, size and quarter-pixel offset it is placed at, and kept
// for every card after (a worker draws a thousand cards from a few thousand masks). Placed a
// quarter pixel at most an eighth of a pixel from where the outline would stand: invisible.
import { Resvg } from "@resvg/resvg-js";
import { glyphAt, type PlacedRun } from "./outline.ts";

export type GlyphMask = { width: number; height: number; alpha: Uint8Array };

/** Offsets a pixel is split into, each way. */
const STEPS = 4;
const masks = new Map<string, { dx: number; dy: number; mask: GlyphMask } | null>();

/** An offset as whole pixels and a step of a quarter pixel (0–3). */
function split(v: number): [number, number] {
  const quarters = Math.round(v * STEPS);
  const whole = Math.floor(quarters / STEPS);
  return [whole, quarters - whole * STEPS];
}

/** The glyph drawn at (fx, fy) quarters from a pixel's corner; null for one with no outline. */
function draw(run: PlacedRun, gid: number, fx: number, fy: number) {
  const extents = run.face.font.glyphExtents(gid);
  const glyph = glyphAt(run.face, gid, run.k);
  if (!extents || glyph.rest === "") return null;
  const k = run.k;
  // The glyph's box in pixels from its origin (y down), a pixel of margin each side.
  const left = Math.floor(extents.xBearing * k) - 1;
  const top = Math.floor(-extents.yBearing * k) - 1;
  const width = Math.ceil((extents.xBearing + extents.width) * k) + 3 - left;
  const height = Math.ceil(-(extents.yBearing + extents.height) * k) + 3 - top;
  const [ox, oy] = [fx / STEPS - left, fy / STEPS - top];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<path d="M${ox + glyph.x} ${oy + glyph.y}${glyph.rest}"/></svg>`;
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = pixels[i * 4 + 3]!;
  return { dx: left, dy: top, mask: { width, height, alpha } };
}

/** The glyph's mask and the pixel its top-left corner goes to, for a glyph origin at (x, y). */
export function glyphMask(run: PlacedRun, gid: number, x: number, y: number) {
  const [[ix, fx], [iy, fy]] = [split(x), split(y)];
  const key = `${run.faceKey}|${gid}|${run.k}|${fx}|${fy}`;
  let found = masks.get(key);
  if (found === undefined) masks.set(key, (found = draw(run, gid, fx, fy)));
  return found && { mask: found.mask, x: ix + found.dx, y: iy + found.dy };
}
