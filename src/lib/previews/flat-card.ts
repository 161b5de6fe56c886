// A card of flat rectangles and text only (every article and dataset card) drawn without resvg's
// fill of its text, which was four fifths of such a card's drawing: each glyph is drawn once by
// resvg, alone, at each quarter-pixel offset it stands at (glyph-mask.ts), and its coverage laid
// on the pixels as resvg lays a fill. Anything else in the SVG (a chart, a gradient, a text the
// outliner leaves alone) and the card goes to resvg whole, as before.
import { glyphMask, type GlyphMask } from "./glyph-mask.ts";
import {
  INITIAL,
  parseAttrs,
  TAG_SOURCE,
  textRuns,
  type Attrs,
  type OutlineFonts,
} from "./outline.ts";

export type Pixels = { rgba: Uint8Array; width: number; height: number };

type Colour = [number, number, number];
const only = (attrs: Attrs, allowed: readonly string[]) =>
  [...attrs.keys()].every((name) => allowed.includes(name));

/** "#rrggbb" or "#rgb"; undefined for anything else. */
export function parseColour(value: string | undefined): Colour | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(value ?? "")?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Colour;
}

/** A whole number of pixels, or a percentage of `whole` that is one; else undefined. */
function length(value: string | undefined, whole: number, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  const n = percent
    ? (Number(percent[1]) * whole) / 100
    : /^-?\d+$/.test(value)
      ? Number(value)
      : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** Fills a pixel-aligned rectangle (clipped to the canvas), a row at a time as 32-bit words. */
function fillRect(canvas: Pixels, x: number, y: number, w: number, h: number, c: Colour): void {
  const [x0, y0] = [Math.max(0, x), Math.max(0, y)];
  const [x1, y1] = [Math.min(canvas.width, x + w), Math.min(canvas.height, y + h)];
  if (x1 <= x0 || y1 <= y0) return;
  const { rgba, width } = canvas;
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
  const word = new Uint32Array(new Uint8Array([c[0], c[1], c[2], 255]).buffer)[0]!;
  for (let row = y0; row < y1; row++) words.fill(word, row * width + x0, row * width + x1);
}

/** The glyph's coverage over the pixels at (x, y), blended as source-over on opaque pixels. */
function blend(canvas: Pixels, mask: GlyphMask, x: number, y: number, c: Colour): void {
  const { rgba, width, height } = canvas;
  for (let my = 0; my < mask.height; my++) {
    const row = y + my;
    if (row < 0 || row >= height) continue;
    for (let mx = 0; mx < mask.width; mx++) {
      const a = mask.alpha[my * mask.width + mx]!;
      const col = x + mx;
      if (a === 0 || col < 0 || col >= width) continue;
      const i = (row * width + col) * 4;
      const rest = 255 - a;
      rgba[i] = (c[0] * a + rgba[i]! * rest + 127) / 255;
      rgba[i + 1] = (c[1] * a + rgba[i + 1]! * rest + 127) / 255;
      rgba[i + 2] = (c[2] * a + rgba[i + 2]! * rest + 127) / 255;
    }
  }
}

/** A <text> drawn glyph by glyph; false when it is not one this module draws. */
function drawText(canvas: Pixels, fonts: OutlineFonts, attrSource: string, inner: string): boolean {
  const text = textRuns(fonts, INITIAL, attrSource, inner);
  const kept = new Map(text?.kept ?? []);
  const colour = parseColour(kept.get("fill"));
  if (!text || !colour || !only(kept, ["fill", "class"])) return false;
  for (const run of text.runs)
    for (const g of run.glyphs) {
      const placed = glyphMask(run, g.gid, g.x, g.y);
      if (placed) blend(canvas, placed.mask, placed.x, placed.y, colour);
    }
  return true;
}

/** A <rect> of whole pixels filled with one colour; false otherwise. */
function drawRect(canvas: Pixels, attrSource: string): boolean {
  const attrs = parseAttrs(attrSource);
  const colour = parseColour(attrs.get("fill"));
  const x = length(attrs.get("x"), canvas.width, 0);
  const y = length(attrs.get("y"), canvas.height, 0);
  const w = length(attrs.get("width"), canvas.width);
  const h = length(attrs.get("height"), canvas.height);
  if (!only(attrs, ["x", "y", "width", "height", "fill"]) || !colour) return false;
  if (x === undefined || y === undefined || w === undefined || h === undefined) return false;
  fillRect(canvas, x, y, w, h, colour);
  return true;
}

/** The root <svg>: drawn at its own size (its viewBox the same), or undefined. */
function canvasOf(attrSource: string, background: Colour): Pixels | undefined {
  const attrs = parseAttrs(attrSource);
  const [width, height] = [Number(attrs.get("width")), Number(attrs.get("height"))];
  if (!only(attrs, ["xmlns", "width", "height", "viewBox"])) return undefined;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return;
  if (attrs.get("viewBox") !== `0 0 ${width} ${height}`) return undefined;
  if (scratch.length < width * height * 4) scratch = new Uint8Array(width * height * 4);
  const canvas = { rgba: scratch.subarray(0, width * height * 4), width, height };
  fillRect(canvas, 0, 0, width, height, background);
  return canvas;
}

/**
 * One canvas a thread, drawn over card after card: a fresh 3 MB a card, freed and taken again
 * beside resvg's own, cost more in page faults than drawing the card.
 */
let scratch = new Uint8Array(0);

const TAG = new RegExp(TAG_SOURCE, "g");

type Part = { name: "rect" | "text"; attrs: string; inner: string };

/** The root's attributes and its rects and texts in order, or undefined for any other SVG. */
function flatParts(svg: string): { root: string; parts: Part[] } | undefined {
  const parts: Part[] = [];
  let root: string | undefined;
  let end = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(svg); m; m = TAG.exec(svg)) {
    const [, closing, name, attrs, selfClosing] = m;
    if (svg.slice(end, m.index).trim() !== "") return undefined;
    end = TAG.lastIndex;
    if (root === undefined) {
      if (name !== "svg" || closing || selfClosing) return undefined;
      root = attrs!;
    } else if (closing) {
      return name === "svg" && svg.slice(end).trim() === "" ? { root, parts } : undefined;
    } else if (name === "rect" && selfClosing) parts.push({ name, attrs: attrs!, inner: "" });
    else if (name === "text" && !selfClosing) {
      const close = svg.indexOf("</text>", end);
      if (close < 0) return undefined;
      parts.push({ name, attrs: attrs!, inner: svg.slice(end, close) });
      end = TAG.lastIndex = close + 7;
    } else return undefined;
  }
  return undefined;
}

/**
 * The card's opaque RGBA pixels over `background` (valid until the next card), or undefined when
 * the SVG holds anything but flat rectangles and text (then resvg draws it). The SVG is read whole
 * before anything is drawn: a chart's card costs a scan, not a drawing thrown away.
 */
export function drawFlatCard(
  svg: string,
  fonts: OutlineFonts,
  background: string,
): Pixels | undefined {
  const ground = parseColour(background);
  const flat = ground && flatParts(svg);
  const canvas = flat && canvasOf(flat.root, ground);
  if (!canvas) return undefined;
  for (const { name, attrs, inner } of flat.parts) {
    const drawn = name === "rect" ? drawRect(canvas, attrs) : drawText(canvas, fonts, attrs, inner);
    if (!drawn) return undefined;
  }
  return canvas;
}
