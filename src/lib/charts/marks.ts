// Drawing primitives the charts' marks share. A layout pass decides where each piece goes; these
// only turn a placed piece into SVG, so the same piece looks the same in every chart.
import { escapeHtml } from "../html.ts";
import { FONT, SMALL_EM, SPACE } from "./metrics.ts";
import { PAPER, UNKNOWN_COLOUR } from "./palette.ts";
import { el } from "./svg.ts";
import { textLines } from "./wrap.ts";

/** Attributes of a text element beyond its place: what it is (class), its weight and size. */
export type TextStyle = Readonly<Record<string, string | number | undefined>>;

/** The kinds of chart text, each with its class (the page's CSS and the tests key on it). */
export const TEXT = {
  heading: { "font-weight": 700, class: "chart-group" },
  label: { class: "chart-label" },
  strongLabel: { class: "chart-label", "font-weight": 700 },
  note: { class: "chart-note" },
  smallNote: { class: "chart-note", "font-size": `${SMALL_EM}em` },
} as const satisfies Record<string, TextStyle>;

/** Wrapped lines with their first baseline at (x, y); a `strong` tail of the last line is bold. */
export type TextBlock = {
  lines: readonly string[];
  x: number;
  y: number;
  style: TextStyle;
  strong?: string | undefined;
};

export function textBlock({ lines, x, y, style, strong }: TextBlock): string {
  return textLines(lines, x, y, style, strong);
}

/** A figure in bold on one line, e.g. at a bar's end. */
export type ValueText = { x: number; y: number; text: string };

export function valueText({ x, y, text }: ValueText): string {
  return el(
    "text",
    { x, y, fill: "currentColor", "font-weight": 700, class: "chart-value" },
    escapeHtml(text),
  );
}

/** A vertical rule across a bar from `top` to `bottom`, reaching a little past both. */
export function rule(x: number, top: number, bottom: number, stroke: string, width?: number) {
  return el("line", {
    x1: x,
    x2: x,
    y1: top - SPACE.tick,
    y2: bottom + SPACE.tick,
    stroke,
    "stroke-width": width,
  });
}

/** One segment of a bar; an unknown remainder (hatched) gets a grey edge, the rest a white gap. */
export type SegmentRect = {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  unknown: boolean;
  /** Lighter, for a "trong đó" subset drawn under its total. */
  faint?: boolean;
};

export function segmentRect(s: SegmentRect, edge: number): string {
  return el("rect", {
    x: s.x,
    y: s.y,
    width: s.width,
    height: s.height,
    fill: s.fill,
    "fill-opacity": s.faint ? FAINT_OPACITY : undefined,
    stroke: s.unknown ? UNKNOWN_COLOUR : PAPER,
    "stroke-width": s.unknown ? 1 : edge,
  });
}

const FAINT_OPACITY = 0.6;

/** Side of the colour square before a note that names a part. */
export const SWATCH = (FONT * 5) / 8;

export function swatch(x: number, y: number, fill: string): string {
  return el("rect", { x, y, width: SWATCH, height: SWATCH, fill });
}
