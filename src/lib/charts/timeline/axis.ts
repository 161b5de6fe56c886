// The panel's plot and its two axes: values up the side (grid lines for the eye; the numbers are
// on the points) and each figure's moment under its point, spaced by the time between them.
import { formatNumber } from "../../format.ts";
import { escapeHtml } from "../../html.ts";
import { barValue } from "../describe.ts";
import { FONT, LINE_HEIGHT, PAD, SPACE, centredBaseline, textWidth } from "../metrics.ts";
import { RULE_COLOUR, TRACK_COLOUR } from "../palette.ts";
import { centredWithin, placeLabels, type Box } from "../place.ts";
import { zeroBasedScale } from "../scale.ts";
import { el } from "../svg.ts";
import type { TimelinePoint } from "../types.ts";
import { textLines } from "../wrap.ts";

/** The plot's box, its value ticks and its two scales. */
export type Plot = {
  left: number;
  right: number;
  top: number;
  bottom: number;
  ticks: number[];
  x: (at: number) => number;
  y: (value: number) => number;
};

/** Room over the plot for value labels moved up out of each other's way. */
const LABEL_ROOM = 2 * LINE_HEIGHT;

/** Round value ticks from zero: at most about three, whole numbers only. */
function valueTicks(values: readonly number[]): number[] {
  return zeroBasedScale(values, 0, 1)
    .copy()
    .nice(3)
    .ticks(3)
    .filter((t) => Number.isInteger(t));
}

/** The plot of dated `points` under `top`, `height` user units tall, in a chart `width` wide. */
export function plotOf(
  points: readonly TimelinePoint[],
  width: number,
  top: number,
  height: number,
): Plot {
  const values = [...points.map((p) => p.value)];
  const ticks = valueTicks(values);
  const axisWidth = Math.max(...ticks.map((t) => textWidth(formatNumber(t)))) + SPACE.s;
  const left = PAD + axisWidth;
  // Room at both ends for half a value label, so the first and last labels stay inside.
  const edge = Math.max(...points.map((p) => textWidth(barValue(p)))) / 2 + SPACE.hair;
  const plotTop = top + LABEL_ROOM;
  const bottom = plotTop + height;
  const y = zeroBasedScale([Math.max(...values), ticks.at(-1) ?? 0], bottom, plotTop);
  const first = points[0]!.at;
  const span = points.at(-1)!.at - first;
  const xLeft = left + edge;
  const xRight = width - PAD - edge;
  const x = (at: number) =>
    span === 0 ? (xLeft + xRight) / 2 : xLeft + ((at - first) / span) * (xRight - xLeft);
  return { left, right: width - PAD, top: plotTop, bottom, ticks, x, y };
}

/** Grid lines with their values beside the plot; the zero line darker. */
export function valueAxisMarks(plot: Plot): string {
  return plot.ticks
    .map((t) => {
      const ty = plot.y(t);
      return (
        el("line", {
          x1: plot.left,
          x2: plot.right,
          y1: ty,
          y2: ty,
          stroke: t === 0 ? RULE_COLOUR : TRACK_COLOUR,
        }) +
        el(
          "text",
          {
            x: plot.left - SPACE.s,
            y: centredBaseline(ty),
            "text-anchor": "end",
            fill: "currentColor",
            class: "chart-axis",
          },
          escapeHtml(formatNumber(t)),
        )
      );
    })
    .join("");
}

/** A moment under the axis; `leader` (the point's x) when pushed down from its point. */
export type TimeTick = { x: number; top: number; text: string; bold: boolean; leader?: number };

/**
 * Each figure's moment under its point, moved down a line where it would touch its neighbour;
 * two figures of one moment share one tick. `bottom` is where the axis ends.
 */
export function timeAxis(points: readonly TimelinePoint[], plot: Plot, newest?: TimelinePoint) {
  const axisTop = plot.bottom + SPACE.xs;
  const boxes = placeLabels(
    points.map((p): Box => {
      const width = textWidth(p.tick) + SPACE.s;
      const across = centredWithin(plot.x(p.at), width, plot.left, plot.right);
      return { ...across, top: axisTop, bottom: axisTop + LINE_HEIGHT };
    }),
    [0, LINE_HEIGHT, 2 * LINE_HEIGHT, 3 * LINE_HEIGHT],
  );
  const written = new Set<number>();
  const ticks: TimeTick[] = [];
  points.forEach((p, i) => {
    if (written.has(p.at)) return;
    written.add(p.at);
    const box = boxes[i]!;
    const tick = { x: (box.left + box.right) / 2, top: box.top, text: p.tick, bold: p === newest };
    ticks.push(box.top > axisTop ? { ...tick, leader: plot.x(p.at) } : tick);
  });
  return { ticks, bottom: Math.max(...boxes.map((b) => b.bottom)) };
}

export function timeAxisMarks(ticks: readonly TimeTick[], plot: Plot): string {
  return ticks
    .map((tick) => {
      const leader =
        tick.leader === undefined
          ? ""
          : el("line", {
              x1: tick.leader,
              x2: tick.leader,
              y1: plot.bottom,
              y2: tick.top + SPACE.hair,
              stroke: RULE_COLOUR,
            });
      const label = textLines([tick.text], tick.x, tick.top + FONT, {
        "text-anchor": "middle",
        class: "chart-axis",
        "font-weight": tick.bold ? 700 : undefined,
      });
      return leader + label;
    })
    .join("");
}
