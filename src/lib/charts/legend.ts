// A legend that wraps onto new rows instead of running off a phone screen.
import { el } from "./svg.ts";
import { FONT, LINE_HEIGHT, PAD, charsThatFit, textWidth } from "./metrics.ts";
import { textLines, wrapText } from "./wrap.ts";

export type LegendItem = {
  key: string;
  label: string;
  fill: string;
  /** "line" for a mark drawn as a rule (the 100% target), so the key looks like it. */
  shape?: "line";
};

const SWATCH = 12;
const GAP = 5;
const SPACING = 14;

/**
 * Legend rows starting at `top` in a chart `width` wide, from `left` (wide layouts align it with
 * the plot); returns the markup and the height used.
 */
export function legend(
  items: readonly LegendItem[],
  top: number,
  width: number,
  left: number = PAD,
): { svg: string; height: number } {
  if (items.length === 0) return { svg: "", height: 0 };
  let x = left;
  let row = 0;
  const parts: string[] = [];
  // A label too long for one row of a narrow layout wraps beside its swatch.
  const labelRoom = width - left - PAD - SWATCH - GAP;
  let rowLines = 1;
  for (const item of items) {
    const lines = wrapText(item.label, charsThatFit(labelRoom));
    const itemWidth = SWATCH + GAP + Math.max(...lines.map(textWidth));
    if (x > left && x + itemWidth > width - PAD) {
      x = left;
      row += rowLines;
      rowLines = 1;
    }
    rowLines = Math.max(rowLines, lines.length);
    const y = top + row * LINE_HEIGHT;
    const swatch =
      item.shape === "line"
        ? el("line", {
            x1: x + SWATCH / 2,
            x2: x + SWATCH / 2,
            y1: y,
            y2: y + SWATCH + 4,
            stroke: item.fill,
            "stroke-width": 2.5,
          })
        : el("rect", {
            x,
            y: y + 2,
            width: SWATCH,
            height: SWATCH,
            fill: item.fill,
            stroke: item.fill,
          });
    parts.push(swatch + textLines(lines, x + SWATCH + GAP, y + FONT * 0.95));
    x += itemWidth + SPACING;
  }
  return {
    svg: el("g", { class: "chart-legend" }, parts.join("")),
    height: (row + rowLines) * LINE_HEIGHT,
  };
}
