// The preview cards' text as glyph outlines before resvg sees the SVG. resvg-js 2.6 takes fonts
// as files and rereads one for every glyph it shapes (about 200 reads an image): the same runs
// are shaped here by HarfBuzz (the shaper resvg ports) over fonts held in memory, and each <text>
// becomes one <path> of its glyphs, as resvg itself would fill it. A <text> this module does not
// fully understand (an attribute it does not know, a glyph the fonts lack) is left as it is, for
// resvg to draw as before.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import * as hb from "harfbuzzjs";
import { placedGlyph, type PlacedGlyph } from "./glyph-path.ts";

/** Part of every image's cache key: a change here draws every image again. */
export const OUTLINER = `outline-1/harfbuzz-${hb.versionString()}`;

export type OutlineFont = { font: hb.Font; scale: number; placed: Map<string, PlacedGlyph> };
/** The site's faces by family and weight ("be vietnam pro/700"). */
export type OutlineFonts = Map<string, OutlineFont>;

/** The TrueType files of fonts.ts, named `<family-slug>-<weight>.ttf`. */
export function loadOutlineFonts(fontFiles: readonly string[]): OutlineFonts {
  const fonts: OutlineFonts = new Map();
  for (const file of fontFiles) {
    const match = /^(.+)-(\d{3})\.ttf$/.exec(basename(file));
    if (!match) continue;
    const face = new hb.Face(new hb.Blob(readFileSync(file)));
    const font = { font: new hb.Font(face), scale: 1 / face.upem, placed: new Map() };
    fonts.set(`${match[1]!.replaceAll("-", " ")}/${match[2]}`, font);
  }
  return fonts;
}

/** What a <text> inherits from its ancestors (only what decides its glyphs and their place). */
export type TextStyle = { family: string; size: number; weight: number; anchor: string };
export const INITIAL: TextStyle = { family: "", size: 12, weight: 400, anchor: "start" };
const INHERITED = new Set(["font-family", "font-size", "font-weight", "text-anchor"]);
/** A <text>'s attributes this module draws, or carries over to its path. */
const TEXT_ATTRS = new Set([
  ...INHERITED,
  "x",
  "y",
  "fill",
  "fill-opacity",
  "opacity",
  "class",
  "pointer-events",
]);

export type Attrs = Map<string, string>;
const ATTR = /([\w:-]+)="([^"]*)"/g;
export const parseAttrs = (source: string): Attrs =>
  new Map([...source.matchAll(ATTR)].map((m) => [m[1]!, m[2]!]));

function weightOf(value: string): number | undefined {
  if (value === "normal") return 400;
  if (value === "bold") return 700;
  return /^\d{3}$/.test(value) ? Number(value) : undefined;
}

/** The style an element passes on; undefined where a value is beyond this module. */
function styled(parent: TextStyle, attrs: Attrs): TextStyle | undefined {
  const style = { ...parent };
  const family = attrs.get("font-family");
  if (family !== undefined)
    style.family = family
      .split(",")[0]!
      .trim()
      .replace(/^['"]|['"]$/g, "");
  const size = attrs.get("font-size");
  if (size !== undefined) {
    const match = /^(\d+(?:\.\d+)?)(px|em)?$/.exec(size);
    if (!match) return undefined;
    // "0.9em": of the size the element inherits.
    style.size = Number(match[1]) * (match[2] === "em" ? parent.size : 1);
  }
  const weight = attrs.get("font-weight");
  if (weight !== undefined) {
    const w = weightOf(weight);
    if (w === undefined) return undefined;
    style.weight = w;
  }
  const anchor = attrs.get("text-anchor");
  if (anchor !== undefined) {
    if (!["start", "middle", "end"].includes(anchor)) return undefined;
    style.anchor = anchor;
  }
  return style;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character data as SVG reads it by default (xml:space="default"); undefined if unknown. */
function characters(source: string): string | undefined {
  if (source.includes("<")) return undefined;
  let unknown = false;
  const text = source.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (_, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    if (!Object.hasOwn(ENTITIES, name)) unknown = true;
    return ENTITIES[name] ?? "";
  });
  if (unknown) return undefined;
  return text.replace(/\n/g, "").replace(/\t/g, " ").trim().replace(/ {2,}/g, " ");
}

// One buffer, emptied before each run: HarfBuzz's memory is freed only when V8 collects a wrapper.
const buffer = new hb.Buffer();

/** The run's glyphs and their pen positions (font units), or undefined if the font lacks one. */
function shape(face: OutlineFont, text: string) {
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(face.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const glyphs: { gid: number; x: number; y: number }[] = [];
  let pen = 0;
  for (let i = 0; i < infos.length; i++) {
    const { codepoint: gid } = infos[i]!;
    const p = positions[i]!;
    // A character the font lacks: resvg draws this text, as it did before.
    if (gid === 0) return undefined;
    glyphs.push({ gid, x: pen + p.xOffset, y: p.yOffset });
    pen += p.xAdvance;
  }
  return { glyphs, advance: pen };
}

/** The glyph's outline at this scale, made once per face, glyph and scale. */
export function glyphAt(face: OutlineFont, gid: number, k: number): PlacedGlyph {
  const key = `${gid}@${k}`;
  let glyph = face.placed.get(key);
  if (!glyph) face.placed.set(key, (glyph = placedGlyph(face.font.glyphToPath(gid), k)));
  return glyph;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A shaped run: its face, scale (px per font unit) and glyphs' origins in px. */
export type PlacedRun = {
  face: OutlineFont;
  /** The face's key in OutlineFonts ("be vietnam pro/700"). */
  faceKey: string;
  k: number;
  glyphs: { gid: number; x: number; y: number }[];
};

/** A run placed at (x, y) as the text's style says; undefined where it cannot be. */
function placeRun(
  fonts: OutlineFonts,
  style: TextStyle,
  at: { x: string | undefined; y: string | undefined },
  text: string,
): PlacedRun | undefined {
  const faceKey = `${style.family.toLowerCase()}/${style.weight}`;
  const face = fonts.get(faceKey);
  const x = Number(at.x ?? "0");
  const y = Number(at.y ?? "0");
  if (!face || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  const k = style.size * face.scale;
  if (text === "") return { face, faceKey, k, glyphs: [] };
  const run = shape(face, text);
  if (!run) return undefined;
  const shift =
    style.anchor === "middle" ? run.advance / 2 : style.anchor === "end" ? run.advance : 0;
  const left = x - shift * k;
  const glyphs = run.glyphs.map((g) => ({ gid: g.gid, x: left + g.x * k, y: y - g.y * k }));
  return { face, faceKey, k, glyphs };
}

/** A run's path data: each glyph's outline from its origin. */
function runPath({ face, k, glyphs }: PlacedRun): string {
  const parts: string[] = [];
  for (const g of glyphs) {
    const glyph = glyphAt(face, g.gid, k);
    if (glyph.rest === "") continue;
    parts.push(`M${round(g.x + glyph.x)} ${round(g.y + glyph.y)}${glyph.rest}`);
  }
  return parts.join("");
}

const TSPAN = /<tspan((?:\s+[\w:-]+="[^"]*")*)\s*>([^<]*)<\/tspan>/g;

/** A <text> element understood: its runs, and the attributes its drawing keeps. */
export type TextRuns = { runs: PlacedRun[]; kept: [string, string][] };

/** A whole <text> element shaped, or undefined to leave it to resvg. */
export function textRuns(
  fonts: OutlineFonts,
  parent: TextStyle,
  attrSource: string,
  inner: string,
): TextRuns | undefined {
  const attrs = parseAttrs(attrSource);
  if ([...attrs.keys()].some((name) => !TEXT_ATTRS.has(name))) return undefined;
  const style = styled(parent, attrs);
  if (!style) return undefined;
  const chunks: { x: string | undefined; y: string | undefined; source: string }[] = [];
  if (!inner.includes("<")) chunks.push({ x: attrs.get("x"), y: attrs.get("y"), source: inner });
  else {
    // Only tspans that start a chunk of their own (x and y, nothing else), with nothing between.
    if (inner.replace(TSPAN, "").trim() !== "") return undefined;
    for (const [, tspanAttrs, source] of inner.matchAll(TSPAN)) {
      const own = parseAttrs(tspanAttrs!);
      if (own.size !== 2 || !own.has("x") || !own.has("y")) return undefined;
      chunks.push({ x: own.get("x"), y: own.get("y"), source: source! });
    }
  }
  const runs: PlacedRun[] = [];
  for (const chunk of chunks) {
    const text = characters(chunk.source);
    const run = text === undefined ? undefined : placeRun(fonts, style, chunk, text);
    if (run === undefined) return undefined;
    runs.push(run);
  }
  const kept = [...attrs].filter(([name]) => !INHERITED.has(name) && name !== "x" && name !== "y");
  return { runs, kept };
}

/** A whole <text> element as outlines, or undefined to leave it to resvg. */
function outlineElement(
  fonts: OutlineFonts,
  parent: TextStyle,
  attrSource: string,
  inner: string,
): string | undefined {
  const text = textRuns(fonts, parent, attrSource, inner);
  if (!text) return undefined;
  const paths = text.runs.map(runPath);
  if (paths.every((path) => path === "")) return "";
  const attrs = text.kept.map(([n, v]) => ` ${n}="${v}"`).join("");
  return `<path${attrs} d="${paths.join("")}"/>`;
}

/** An SVG tag: closing slash, name, attributes, self-closing slash (a new RegExp per module). */
export const TAG_SOURCE = String.raw`<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>`;
const TAG = new RegExp(TAG_SOURCE, "g");

/** The SVG's pieces, every <text> it can draw as a path of its glyphs' outlines. */
function outlinedParts(svg: string, fonts: OutlineFonts): string[] {
  const stack: TextStyle[] = [INITIAL];
  const out: string[] = [];
  let from = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(svg); m; m = TAG.exec(svg)) {
    const [, closing, name, attrSource, selfClosing] = m;
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const parent = stack.at(-1)!;
    if (name === "text") {
      const end = svg.indexOf("</text>", TAG.lastIndex);
      if (end < 0) break;
      const inner = svg.slice(TAG.lastIndex, end);
      const drawn = outlineElement(fonts, parent, attrSource!, inner);
      if (drawn !== undefined) out.push(svg.slice(from, m.index), drawn);
      else out.push(svg.slice(from, end + 7));
      from = TAG.lastIndex = end + 7;
      continue;
    }
    // An element whose font attributes are beyond this module: its texts are left to resvg.
    if (!selfClosing)
      stack.push(styled(parent, parseAttrs(attrSource!)) ?? { ...parent, family: "" });
  }
  out.push(svg.slice(from));
  return out;
}

/** The SVG with every <text> it can draw as a path of its glyphs' outlines. */
export const outlineText = (svg: string, fonts: OutlineFonts): string =>
  outlinedParts(svg, fonts).join("");

let scratch = Buffer.alloc(0);

/**
 * The same as UTF-8 bytes, written into a buffer kept for the next card (valid until then): one
 * string of 170 KB a card, two bytes a character once Vietnamese text joins the paths, cost page
 * faults and an encoding to UTF-8 that resvg then reads anyway.
 */
export function outlineBytes(svg: string, fonts: OutlineFonts): Buffer {
  const parts = outlinedParts(svg, fonts);
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length));
  let at = 0;
  for (const part of parts) at += scratch.write(part, at);
  return scratch.subarray(0, at);
}
