// The line through a unit's dated figures and a dot on each, the newest filled and larger.
import { line } from "d3-shape";
import { withUnit } from "../describe.ts";
import type { Mark } from "../frame.ts";
import { BOLD_STROKE, SPACE } from "../metrics.ts";
import { PAPER } from "../palette.ts";
import { el } from "../svg.ts";
import type { TimelinePoint, TimelineSeries } from "../types.ts";
import type { Plot } from "./axis.ts";
import { NEWEST_MARK, sharedMoments } from "./points.ts";

export const RADIUS = 4;
export const NEWEST_RADIUS = 6;
const DOT_STROKE = 2;
/** Markers in a list (the key, undated figures) are centred this far right of the list's left… */
export const MARKER_CENTRE = NEWEST_RADIUS;
/** …and their words start this far. */
export const MARKER_TEXT = 2 * NEWEST_RADIUS + SPACE.s;

export type Dot = { cx: number; cy: number; newest: boolean; tip: string };

/** The path through the points, when there are two or more. */
export function linePath(points: readonly TimelinePoint[], plot: Plot): string | undefined {
  if (points.length < 2) return undefined;
  const path = line<TimelinePoint>()
    .x((p) => plot.x(p.at))
    .y((p) => plot.y(p.value))(points);
  return path ?? undefined;
}

export function dotsOf(series: TimelineSeries, unit: string, plot: Plot, newest?: TimelinePoint) {
  const shared = sharedMoments(series.points);
  return series.points.map((p): Dot => {
    const isNewest = p === newest;
    const tip = `${series.label} — ${p.label}${isNewest ? ` (${NEWEST_MARK})` : ""}${shared.has(p.at) ? ` (${p.source})` : ""}: ${withUnit(p.value, unit, p.qualifier)}`;
    return { cx: plot.x(p.at), cy: plot.y(p.value), newest: isNewest, tip };
  });
}

export function lineMark(path: string, colour: string): string {
  return el("path", { d: path, fill: "none", stroke: colour, "stroke-width": BOLD_STROKE });
}

/** A figure's dot: filled for the newest, hollow for the earlier ones (also their key). */
export function dot(cx: number, cy: number, newest: boolean, colour: string): string {
  return el("circle", {
    cx,
    cy,
    r: newest ? NEWEST_RADIUS : RADIUS,
    fill: newest ? colour : PAPER,
    stroke: colour,
    "stroke-width": DOT_STROKE,
  });
}

export function dotMark(d: Dot, colour: string, mark: Mark): string {
  return mark(d.tip, "dated", dot(d.cx, d.cy, d.newest, colour));
}
