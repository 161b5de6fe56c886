// A legend that wraps onto new rows instead of running off a phone screen: laid out first (where
// each key goes, and the height it takes), then drawn.
import { el } from "./svg.ts";
import { BOLD_STROKE, FONT, LINE_HEIGHT, PAD, SPACE, charsThatFit, textWidth } from "./metrics.ts";
import { textLines, wrapText } from "./wrap.ts";

export type LegendItem = {
  key: string;
  label: string;
  fill: string;
  /** "line" for a mark drawn as a rule (the 100% target), so the key looks like it. */
  shape?: "line";
};

/** One key placed: its swatch's top-left corner and its label's lines. */
type LegendEntry = { item: LegendItem; x: number; y: number; lines: string[] };

export type LegendBox = { entries: LegendEntry[]; height: number };

const SWATCH = SPACE.l;
/** Swatch to label. */
const GAP = (FONT * 5) / 16;
/** One key to the next on a row. */
const SPACING = (FONT * 7) / 8;
/** How far a line key reaches below its row's swatch square. */
const LINE_KEY_REACH = SPACE.xs;
/** Where a label's baseline sits under its row's top. */
const BASELINE_EM = 0.95;

/**
 * Legend rows starting at `top` in a chart `width` wide, from `left` (wide layouts align it with
 * the plot); an empty legend takes no height.
 */
export function legendLayout(
  items: readonly LegendItem[],
  top: number,
  width: number,
  left: number = PAD,
): LegendBox {
  if (items.length === 0) return { entries: [], height: 0 };
  let x = left;
  let row = 0;
  const entries: LegendEntry[] = [];
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
    entries.push({ item, x, y: top + row * LINE_HEIGHT, lines });
    x += itemWidth + SPACING;
  }
  return { entries, height: (row + rowLines) * LINE_HEIGHT };
}

export function legendMarks({ entries }: LegendBox): string {
  if (entries.length === 0) return "";
  return el("g", { class: "chart-legend" }, entries.map(entryMark).join(""));
}

function entryMark({ item, x, y, lines }: LegendEntry): string {
  const key =
    item.shape === "line"
      ? el("line", {
          x1: x + SWATCH / 2,
          x2: x + SWATCH / 2,
          y1: y,
          y2: y + SWATCH + LINE_KEY_REACH,
          stroke: item.fill,
          "stroke-width": BOLD_STROKE,
        })
      : el("rect", {
          x,
          y: y + SPACE.hair,
          width: SWATCH,
          height: SWATCH,
          fill: item.fill,
          stroke: item.fill,
        });
  return key + textLines(lines, x + SWATCH + GAP, y + FONT * BASELINE_EM);
}

/** The legend laid out and drawn at once: its markup and the height it takes. */
export function legend(
  items: readonly LegendItem[],
  top: number,
  width: number,
  left: number = PAD,
): { svg: string; height: number } {
  const box = legendLayout(items, top, width, left);
  return { svg: legendMarks(box), height: box.height };
}
