// Rating distributions as 100% stacked bars, layout pass. Labels sit above each bar with every
// part's figure on a line below it (narrow), or in a column beside the bars with each figure
// inside its segment where it fits, else under the bar, and the legend over the plot (wide).
import { MUTED_TEXT } from "../contrast.ts";
import { legendLayout, type LegendBox } from "../legend.ts";
import { SWATCH, type SegmentRect } from "../marks.ts";
import {
  BAR_HEIGHT,
  FONT,
  LINE_HEIGHT,
  PAD,
  SMALL_EM,
  SPACE,
  centredBaseline,
  charsThatFit,
  fullLineChars,
  textWidth,
  type Space,
} from "../metrics.ts";
import { TEXT, textBelow, type TextBlock } from "../text.ts";
import { wrapText } from "../wrap.ts";
import { ambiguousKeys, shareLegend, type SharePartRow, type ShareRow } from "./rows.ts";

/** A part's segment; `figure` when its figure is printed inside it. */
export type ShareSegment = {
  rect: SegmentRect;
  key: string;
  tip: string;
  figure?: { x: number; y: number; text: string; fill: string };
};

/** A part's figure on a line of its own, after a swatch of its colour. */
export type SwatchNote = { x: number; y: number; fill: string; text: TextBlock };

export type ShareGroupBox = { labels: TextBlock[]; segments: ShareSegment[]; notes: SwatchNote[] };

export type SharesLayout = { height: number; legend: LegendBox; groups: ShareGroupBox[] };

/** Share of the width the label column takes when labels are beside the bars. */
const LABEL_COLUMN = 0.36;
/** Bars beside their labels are tall enough to hold a line of figures. */
const WIDE_BAR = (FONT * 3) / 2;
/** Room kept between a figure and its segment's edges. */
const INSET = SPACE.xs;
const GROUP_GAP = LINE_HEIGHT * 0.8;

const smallChars = (room: number) => charsThatFit(room / SMALL_EM);

function segmentOf(part: SharePartRow, left: number, span: number, top: number, height: number) {
  const rect = {
    x: left + part.start * span,
    y: top,
    width: part.share * span,
    height,
    fill: part.fill,
    unknown: part.unknown,
  };
  return { rect, key: part.key, tip: part.tip };
}

/** Narrow: "Label (total)" above the bar, every part's figure on a line of its own below it. */
function labelsAbove(groups: readonly ShareRow[], width: number): SharesLayout {
  const maxChars = fullLineChars(width);
  const span = width - 2 * PAD;
  let y = PAD;
  const boxes = groups.map((group): ShareGroupBox => {
    const heading = `${group.label} (${group.totalText})`;
    const label = textBelow(heading, maxChars, PAD, y, TEXT.strongLabel);
    y += label.height + SPACE.s;
    const top = y;
    const segments = group.parts.map((part) => segmentOf(part, PAD, span, top, BAR_HEIGHT));
    y += BAR_HEIGHT + SPACE.m;
    const notes = group.parts.map((part): SwatchNote => {
      const words = `${part.label}: ${part.text}`;
      const text = textBelow(words, maxChars - 2, PAD + SWATCH + SPACE.s, y, TEXT.note);
      const note = { x: PAD, y: y + SPACE.xs, fill: part.fill, text: text.block };
      y += text.height;
      return note;
    });
    y += GROUP_GAP;
    return { labels: [label.block], segments, notes };
  });
  return { height: y + PAD, legend: { entries: [], height: 0 }, groups: boxes };
}

/** Whether a part's figure fits inside its segment (never over the hatched remainder). */
export function fitsInside(part: SharePartRow, span: number, ambiguous: ReadonlySet<string>) {
  const room = part.share * span - 2 * INSET;
  return !part.unknown && !ambiguous.has(part.key) && textWidth(part.text) * SMALL_EM <= room;
}

type Place = { top: number; left: number; right: number; span: number };

/**
 * Figures too wide for their segment go under the bar, each from its segment's start with a
 * swatch of its colour, left to right without overlapping; one that would run past the right
 * edge starts a new line. Returns the notes and the bottom of the last line.
 */
function placeOutside(
  parts: readonly SharePartRow[],
  ambiguous: ReadonlySet<string>,
  { top, left, right, span }: Place,
): { notes: SwatchNote[]; bottom: number } {
  if (parts.length === 0) return { notes: [], bottom: top - SPACE.s };
  let cursor = left;
  let line = top;
  const notes = parts.map((part): SwatchNote => {
    // The legend names the colour; a colour standing for two labels names its own.
    const text = ambiguous.has(part.key) ? `${part.label}: ${part.text}` : part.text;
    const room = right - left - SWATCH - SPACE.xs;
    const lines = wrapText(text, charsThatFit(room / SMALL_EM));
    const w = SWATCH + SPACE.xs + Math.max(...lines.map((l) => textWidth(l) * SMALL_EM));
    let x = Math.max(cursor, Math.min(left + part.start * span, right - w));
    if (x + w > right) {
      line += LINE_HEIGHT;
      x = left;
    }
    const block = { lines, x: x + SWATCH + SPACE.xs, y: line + FONT * SMALL_EM };
    const note = {
      x,
      y: line + SPACE.tick,
      fill: part.fill,
      text: { ...block, style: TEXT.smallNote },
    };
    // A wrapped figure ends its line: the next one starts below it.
    cursor = lines.length > 1 ? right : x + w + SPACE.l;
    line += (lines.length - 1) * LINE_HEIGHT;
    return note;
  });
  return { notes, bottom: line + LINE_HEIGHT };
}

/** A group's label in the column left of its bar, with its total in small muted text under it. */
function sideLabels(group: ShareRow, baseline: number, plotLeft: number) {
  const lines = wrapText(group.label, charsThatFit(plotLeft - 2 * PAD));
  // Regular weight, as the side labels of bar charts.
  const label = { lines, x: PAD, y: baseline, style: TEXT.label };
  const totalLines = wrapText(group.totalText, smallChars(plotLeft - 2 * PAD));
  const style = { ...TEXT.note, fill: MUTED_TEXT, "font-size": `${SMALL_EM}em` };
  const total = { lines: totalLines, x: PAD, y: baseline + lines.length * LINE_HEIGHT, style };
  const bottom = baseline - FONT + (lines.length + totalLines.length) * LINE_HEIGHT;
  return { labels: [label, total], bottom };
}

/** Wide: labels beside the bars, figures inside their segments where they fit, else under the bar. */
function labelsBeside(groups: readonly ShareRow[], width: number): SharesLayout {
  const plotLeft = PAD + Math.round(width * LABEL_COLUMN);
  const span = width - PAD - plotLeft;
  const items = shareLegend(groups);
  const ambiguous = ambiguousKeys(items);
  let y = PAD;
  const legend = legendLayout(items, y, width, plotLeft);
  y += legend.height + LINE_HEIGHT / 2;
  const boxes = groups.map((group): ShareGroupBox => {
    const top = y;
    // The label's first line is centred on the bar; the group's total follows it.
    const { labels, bottom } = sideLabels(group, centredBaseline(top + WIDE_BAR / 2), plotLeft);
    const figureY = centredBaseline(top + WIDE_BAR / 2, SMALL_EM);
    const segments = group.parts.map((part): ShareSegment => {
      const segment = segmentOf(part, plotLeft, span, top, WIDE_BAR);
      if (!fitsInside(part, span, ambiguous)) return segment;
      const x = segment.rect.x + segment.rect.width / 2;
      return { ...segment, figure: { x, y: figureY, text: part.text, fill: part.fill } };
    });
    const outside = group.parts.filter((part) => !fitsInside(part, span, ambiguous));
    const place = { top: top + WIDE_BAR + SPACE.s, left: plotLeft, right: width - PAD, span };
    const placed = placeOutside(outside, ambiguous, place);
    y = Math.max(bottom, placed.bottom, top + WIDE_BAR) + GROUP_GAP;
    return { labels, segments, notes: placed.notes };
  });
  return { height: y - GROUP_GAP + PAD + SPACE.xs, legend, groups: boxes };
}

export function sharesLayout(groups: readonly ShareRow[], { width, labels }: Space) {
  return labels === "beside" ? labelsBeside(groups, width) : labelsAbove(groups, width);
}
