// Drawing primitives the charts' marks share (text has its own, text.ts). A layout pass decides
// where each piece goes; these only turn a placed piece into SVG, so it looks the same everywhere.
import { FONT, SPACE } from "./metrics.ts";
import { PAPER, UNKNOWN_COLOUR } from "./palette.ts";
import { el } from "./svg.ts";

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

const FAINT_OPACITY = 0.6;

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

/** Side of the colour square before a note that names a part. */
export const SWATCH = (FONT * 5) / 8;

export function swatch(x: number, y: number, fill: string): string {
  // Its class keeps it square when the plot stretches (fluid.ts).
  return el("rect", { x, y, width: SWATCH, height: SWATCH, fill, class: "chart-swatch" });
}
