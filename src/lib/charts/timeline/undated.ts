// Figures a source gives without a date: listed under the plot with a diamond each, never given a
// place in time.
import { barValue, withUnit } from "../describe.ts";
import type { Mark } from "../frame.ts";
import { SWATCH } from "../marks.ts";
import { FONT, PAD, SPACE, charsThatFit, fullLineChars } from "../metrics.ts";
import { PAPER } from "../palette.ts";
import { el } from "../svg.ts";
import { TEXT, textBelow, textBlock, type TextBlock } from "../text.ts";
import type { TimelineSeries } from "../types.ts";
import { MARKER_CENTRE, MARKER_TEXT } from "./line.ts";

/** Heading of the figures a source gives without a date. */
export const UNDATED_HEADING = "Số không ghi thời điểm (không đặt trên trục thời gian):";

/** An undated figure: its diamond's centre on the first line of its words. */
type UndatedItem = { cy: number; tip: string; text: TextBlock };

export type UndatedList = { heading: TextBlock; items: UndatedItem[] };

/** The diamond sits on the first line, this far (in em) below its top. */
const DIAMOND_CENTRE_EM = 0.65;
const DIAMOND_STROKE = 2;
const HEADING = { class: "chart-label chart-label--undated-heading" };

export function undatedLayout(series: TimelineSeries, unit: string, top: number, width: number) {
  let y = top + SPACE.xs;
  const heading = textBelow(UNDATED_HEADING, fullLineChars(width), PAD, y, HEADING);
  y += heading.height + SPACE.hair;
  const items = series.undated.map((u): UndatedItem => {
    // One undated figure needs no label under its heading; several name their articles.
    const words = series.undated.length > 1 ? `${u.article}: ${barValue(u)}` : barValue(u);
    const chars = charsThatFit(width - 2 * PAD - MARKER_TEXT);
    const text = textBelow(words, chars, PAD + MARKER_TEXT, y, TEXT.label);
    const tip = `${series.label} — ${u.label}: ${withUnit(u.value, unit, u.qualifier)}`;
    const item = {
      cy: y + FONT * DIAMOND_CENTRE_EM,
      tip,
      text: { ...text.block, strong: barValue(u) },
    };
    y += text.height + SPACE.xs;
    return item;
  });
  return { list: { heading: heading.block, items } satisfies UndatedList, bottom: y };
}

export function undatedMarks(list: UndatedList, colour: string, mark: Mark): string {
  const cx = PAD + MARKER_CENTRE;
  const items = list.items.map(({ cy, tip, text }) => {
    const diamond = el("rect", {
      x: cx - SWATCH / 2,
      y: cy - SWATCH / 2,
      width: SWATCH,
      height: SWATCH,
      fill: PAPER,
      stroke: colour,
      "stroke-width": DIAMOND_STROKE,
      transform: `rotate(45 ${cx} ${cy})`,
    });
    return mark(tip, "undated", diamond) + textBlock(text);
  });
  return textBlock(list.heading) + items.join("");
}
