// Horizontal bars, layout pass: where every label, bar, value and note goes at a given width.
// Labels sit above their bar (narrow: long Vietnamese names wrap instead of colliding) or in a
// column beside the bars with the value at the bar's end (wide); that is the `labels` option,
// chosen once, and only the placement of a row's label depends on it.
import { formatNumber } from "../../format.ts";
import { barValue } from "../describe.ts";
import { legendLayout, type LegendBox } from "../legend.ts";
import {
  BAR_HEIGHT,
  LINE_HEIGHT,
  PAD,
  SPACE,
  centredBaseline,
  charsThatFit,
  fullLineChars,
  textWidth,
  type Space,
} from "../metrics.ts";
import { zeroBasedScale } from "../scale.ts";
import { TEXT, textBelow, type TextBlock, type TextStyle, type ValueText } from "../text.ts";
import type { Bar, BarChartInput } from "../types.ts";
import { NO_BREAK } from "../wrap.ts";
import { barLegend, placeSegments, type PlacedSegment } from "./segments.ts";

export type BarsOptions = Space & {
  /** Fill of unknown remainders (the chart's hatch pattern). */
  hatch: string;
};

export type BarRow = {
  label: TextBlock;
  /** The bar's box. */
  top: number;
  height: number;
  /** A "trong đó" subset, drawn lighter under its total. */
  subset: boolean;
  segments: PlacedSegment[];
  /** The value at the bar's end (labels beside). */
  value?: ValueText;
  /** A split bar's parts in words: "Chính thức 3.618 · Dự bị 294". */
  note?: TextBlock;
};

export type BarGroupBox = { heading?: TextBlock; rows: BarRow[] };

export type BarsLayout = {
  height: number;
  legend: LegendBox;
  /** x of the zero line every bar starts from. */
  zero: number;
  groups: BarGroupBox[];
};

/** Share of the width the label column takes when labels are beside the bars. */
const LABEL_COLUMN = 0.5;
/** After each bar (and its note), and after each group. */
const ROW_GAP = LINE_HEIGHT * 0.6;
const GROUP_GAP = LINE_HEIGHT * 0.4;

/** How a bar is drawn: a "trong đó" subset is indented, thinner and lighter than its total. */
type RowLook = { indent: number; chars: number; height: number; style: TextStyle };
const PLAIN: RowLook = { indent: 0, chars: 0, height: BAR_HEIGHT, style: TEXT.label };
const SUBSET: RowLook = {
  indent: SPACE.xl,
  // The indent, in characters a label line gives up.
  chars: 2,
  height: BAR_HEIGHT * 0.625,
  style: { class: "chart-label chart-label--subset" },
};

/** A row's label and bar box: `next` is where what follows may start, `noteTop` where its note goes. */
type RowPlace = { label: TextBlock; top: number; value?: ValueText; noteTop: number; next: number };

type PlaceRow = (
  bar: Bar,
  y: number,
  look: RowLook,
  columns: Columns,
  x: (value: number) => number,
) => RowPlace;

/** Where labels, bars and notes go across the width, and how a label sits by its bar. */
type Columns = {
  /** Characters of a line as wide as the chart (group headings). */
  fullChars: number;
  labelChars: number;
  /** Bars run from `left` (zero) to at most `right`. */
  plot: { left: number; right: number };
  note: { left: number; chars: number };
  place: PlaceRow;
};

/** "Label: value" above the bar, the value in bold. */
const rowAbove: PlaceRow = (bar, y, look, columns) => {
  const value = barValue(bar);
  const chars = columns.labelChars - look.chars;
  const text = textBelow(`${bar.label}: ${value}`, chars, PAD + look.indent, y, look.style);
  const top = y + (text.height + SPACE.s);
  const label = { ...text.block, strong: value };
  return { label, top, noteTop: top + look.height, next: top + look.height };
};

/** The label in its column, the bar on the label's first line, the value at the bar's end. */
const rowBeside: PlaceRow = (bar, y, look, columns, x) => {
  const chars = columns.labelChars - look.chars;
  const { block: label, height } = textBelow(bar.label, chars, PAD + look.indent, y, look.style);
  const top = y + (LINE_HEIGHT - look.height) / 2 + SPACE.hair;
  // A long label makes the row taller.
  const next = y + Math.max(height, look.height + SPACE.s);
  const value = {
    x: x(bar.value) + SPACE.xs,
    y: centredBaseline(top + look.height / 2),
    text: barValue(bar),
  };
  return { label, top, value, noteTop: Math.max(next - LINE_HEIGHT, top + look.height), next };
};

function columnsOf(bars: readonly Bar[], { width, labels }: BarsOptions): Columns {
  const fullChars = fullLineChars(width);
  if (labels === "above") {
    const plot = { left: PAD, right: width - PAD };
    const note = { left: PAD, chars: fullChars };
    return { fullChars, labelChars: fullChars, plot, note, place: rowAbove };
  }
  // The value follows the bar's end, so the plot leaves room for the longest value.
  const valueRoom = Math.max(...bars.map((b) => textWidth(barValue(b)))) + SPACE.s;
  const left = PAD + width * LABEL_COLUMN;
  return {
    fullChars,
    labelChars: charsThatFit(left - 2 * PAD),
    plot: { left, right: width - PAD - valueRoom },
    note: { left, chars: charsThatFit(width - left - PAD) },
    place: rowBeside,
  };
}

/** A split bar's parts in words under it, each label kept with its number where it fits. */
function noteOf(segments: readonly PlacedSegment[], top: number, { note }: Columns) {
  const text = segments
    .map((s) => `${s.label} ${formatNumber(s.value)}`)
    .map((part) => (part.length <= note.chars ? part.replaceAll(" ", NO_BREAK) : part))
    .join(" · ");
  const { block, height } = textBelow(text, note.chars, note.left, top + SPACE.xs, TEXT.smallNote);
  return { block, next: top + height + SPACE.xs };
}

type RowContext = {
  input: BarChartInput;
  hatch: string;
  columns: Columns;
  x: (value: number) => number;
};

function barRow(bar: Bar, y: number, c: RowContext): { row: BarRow; next: number } {
  const subset = bar.subsetOf !== undefined;
  const look = subset ? SUBSET : PLAIN;
  const placed = c.columns.place(bar, y, look, c.columns, c.x);
  const segments = placeSegments(bar, c.input, c.hatch, c.x);
  const row: BarRow = {
    label: placed.label,
    top: placed.top,
    height: look.height,
    subset,
    segments,
  };
  if (placed.value) row.value = placed.value;
  if (segments.length <= 1) return { row, next: placed.next };
  const note = noteOf(segments, placed.noteTop, c.columns);
  row.note = note.block;
  return { row, next: note.next };
}

/** Bars grouped under optional headings, the legend above them. */
export function barsLayout(input: BarChartInput, options: BarsOptions): BarsLayout {
  const bars = input.groups.flatMap((g) => g.bars);
  const columns = columnsOf(bars, options);
  const x = zeroBasedScale(
    bars.map((b) => b.value),
    columns.plot.left,
    columns.plot.right,
  );
  const context: RowContext = { input, hatch: options.hatch, columns, x };
  let y = PAD;
  const legend = legendLayout(barLegend(input, options.hatch), y, options.width);
  y += legend.height + (legend.height ? LINE_HEIGHT / 2 : 0);
  const groups = input.groups.map((group): BarGroupBox => {
    const box: BarGroupBox = { rows: [] };
    if (group.label) {
      const heading = textBelow(group.label, columns.fullChars, PAD, y, TEXT.heading);
      box.heading = heading.block;
      y += heading.height + SPACE.xs;
    }
    for (const bar of group.bars) {
      const { row, next } = barRow(bar, y, context);
      box.rows.push(row);
      y = next + ROW_GAP;
    }
    y += GROUP_GAP;
    return box;
  });
  return { height: y + PAD, legend, zero: columns.plot.left, groups };
}
