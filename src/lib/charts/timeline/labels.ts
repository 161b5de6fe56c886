// The words around a unit's line: each figure over its dot (moved up or below where two would
// touch), the key to the two kinds of dot, and notes naming figures the axis cannot tell apart.
import { escapeHtml } from "../../html.ts";
import { barValue } from "../describe.ts";
import {
  FONT,
  LINE_HEIGHT,
  PAD,
  SPACE,
  centredBaseline,
  fullLineChars,
  textWidth,
} from "../metrics.ts";
import { centredWithin, placeLabels, type Box } from "../place.ts";
import { el } from "../svg.ts";
import { textBelow, type TextBlock } from "../text.ts";
import type { TimelinePoint } from "../types.ts";
import type { Plot } from "./axis.ts";
import { MARKER_CENTRE, MARKER_TEXT, NEWEST_RADIUS, dot } from "./line.ts";
import { NEWEST_MARK, sameMoment } from "./points.ts";

export type ValueLabel = { x: number; y: number; text: string; bold: boolean };

/** Each figure over its dot, moved up a line or below the dot where it would touch another. */
export function valueLabels(points: readonly TimelinePoint[], plot: Plot, newest?: TimelinePoint) {
  const wanted = points.map((p): Box => {
    const across = centredWithin(plot.x(p.at), textWidth(barValue(p)), plot.left, plot.right);
    const base = plot.y(p.value) - NEWEST_RADIUS - SPACE.xs;
    return { ...across, top: base - FONT, bottom: base };
  });
  const below = FONT + 2 * NEWEST_RADIUS + SPACE.m;
  const boxes = placeLabels(wanted, [0, -LINE_HEIGHT, below]);
  return points.map((p, i): ValueLabel => ({
    x: (boxes[i]!.left + boxes[i]!.right) / 2,
    y: boxes[i]!.bottom - SPACE.tick,
    text: barValue(p),
    bold: p === newest,
  }));
}

export function valueLabelMark(label: ValueLabel): string {
  return el(
    "text",
    {
      x: label.x,
      y: label.y,
      "text-anchor": "middle",
      fill: "currentColor",
      "font-weight": label.bold ? 700 : 400,
      class: "chart-value",
    },
    escapeHtml(label.text),
  );
}

/** A key entry: its dot's centre (newest or earlier) and its words. */
export type KeyEntry = { x: number; cy: number; newest: boolean; text: string };

const EARLIER = "Số trước đó";
/** The key's dots sit on its first line, this far (in em) below its top. */
const KEY_CENTRE_EM = 0.6;

/** What the two kinds of dot mean, side by side where they fit, else one under the other. */
export function keyLayout(top: number, width: number) {
  const cy = top + FONT * KEY_CENTRE_EM;
  const newest = `Số ${NEWEST_MARK}`;
  const second = PAD + MARKER_TEXT + textWidth(newest) + SPACE.xl;
  const fits = second + MARKER_TEXT + textWidth(EARLIER) <= width - PAD;
  const entries: KeyEntry[] = [
    { x: PAD, cy, newest: true, text: newest },
    { x: fits ? second : PAD, cy: fits ? cy : cy + LINE_HEIGHT, newest: false, text: EARLIER },
  ];
  return { entries, bottom: top + ((fits ? 1 : 2) * LINE_HEIGHT + SPACE.xs) };
}

export function keyMarks(entries: readonly KeyEntry[], colour: string): string {
  const drawn = entries.map(({ x, cy, newest, text }) => {
    const cx = x + MARKER_CENTRE;
    // The key's newest dot needs no outline: nothing is drawn under it.
    const marker = newest
      ? el("circle", { cx, cy, r: NEWEST_RADIUS, fill: colour })
      : dot(cx, cy, false, colour);
    const words = el(
      "text",
      { x: x + MARKER_TEXT, y: centredBaseline(cy), fill: "currentColor", class: "chart-label" },
      escapeHtml(text),
    );
    return marker + words;
  });
  return el("g", { class: "chart-legend" }, drawn.join(""));
}

const SAME_MOMENT = { class: "chart-label chart-label--same-time" };

/** "Năm 2020: 5.100 (bài …); 5.200 (bài …)" for each moment two figures share. */
export function sameMomentNotes(points: readonly TimelinePoint[], top: number, width: number) {
  let y = top;
  const notes = sameMoment(points).map((group): TextBlock => {
    const note = `${group[0]!.label}: ${group.map((p) => `${barValue(p)} (${p.source})`).join("; ")}`;
    const text = textBelow(note, fullLineChars(width), PAD, y, SAME_MOMENT);
    y += text.height + SPACE.xs;
    return text.block;
  });
  return { notes, bottom: y };
}
