// Admissions against target, marks: the key, the percent axis, then each row's label, bar and words.
import { escapeHtml } from "../../html.ts";
import type { Mark } from "../frame.ts";
import { legendMarks } from "../legend.ts";
import { rule } from "../marks.ts";
import { textBlock, valueText } from "../text.ts";
import { BAR_HEIGHT, BOLD_STROKE, TICK_EM } from "../metrics.ts";
import { RULE_COLOUR, TRACK_COLOUR } from "../palette.ts";
import { el } from "../svg.ts";
import type { BulletBar, BulletLayout, BulletRowBox, PercentTick } from "./layout.ts";

/** Height of the bar inside its track, as a share of the track's. */
const INNER = 0.6;

function tickMark(tick: PercentTick): string {
  return el(
    "text",
    {
      x: tick.x,
      y: tick.y,
      "text-anchor": tick.start ? "start" : "middle",
      fill: "currentColor",
      "font-size": `${TICK_EM}em`,
      // The target's tick is bold, like its rule.
      "font-weight": tick.bold ? 700 : undefined,
      class: "chart-tick",
    },
    escapeHtml(tick.text),
  );
}

function barMarks(bar: BulletBar, colour: string, mark: Mark): string {
  const inner = BAR_HEIGHT * INNER;
  const track = el("rect", {
    x: bar.left,
    y: bar.top,
    width: bar.end - bar.left,
    height: BAR_HEIGHT,
    fill: TRACK_COLOUR,
  });
  const reached = el("rect", {
    x: bar.left,
    y: bar.top + (BAR_HEIGHT - inner) / 2,
    width: bar.reached - bar.left,
    height: inner,
    fill: colour,
  });
  const bottom = bar.top + BAR_HEIGHT;
  return (
    track +
    mark(bar.tip, "admitted", reached) +
    rule(bar.target, bar.top, bottom, "currentColor", BOLD_STROKE) +
    rule(bar.left, bar.top, bottom, RULE_COLOUR)
  );
}

function rowMarks(row: BulletRowBox, colour: string, mark: Mark): string {
  return (
    textBlock(row.label) +
    (row.bar ? barMarks(row.bar, colour, mark) : "") +
    (row.value ? valueText(row.value) : "") +
    row.notes.map(textBlock).join("")
  );
}

export function bulletMarks(layout: BulletLayout, mark: Mark): string {
  return (
    legendMarks(layout.legend) +
    layout.ticks.map(tickMark).join("") +
    layout.rows.map((row) => rowMarks(row, layout.colour, mark)).join("")
  );
}
