// Admissions against target, layout pass. Sources state the percentage, never the target itself,
// so the plot is "% of target" and no target number is ever computed. Labels sit above each bar
// with the row's words in a note under it (narrow), or in a column beside the bars with the
// percentage and the source's target word past the track's end and the count under the bar (wide).
import type { ScaleLinear } from "d3-scale";
import { formatPercentPoints } from "../../format.ts";
import { legendLayout, type LegendBox } from "../legend.ts";
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
import { seriesColour } from "../palette.ts";
import { fittingTicks, percentOfTargetScale } from "../scale.ts";
import { TEXT, textBelow, type TextBlock, type ValueText } from "../text.ts";
import type { BulletChartInput, BulletRow } from "../types.ts";
import { wrapText } from "../wrap.ts";
import { bulletLegend, bulletWords, type BulletWords } from "./words.ts";

/** A row's bar: the track to the scale's end, the bar to the stated percentage, the 100% rule. */
export type BulletBar = {
  top: number;
  left: number;
  /** x of the track's end, of the stated percentage and of 100%. */
  end: number;
  reached: number;
  target: number;
  tip: string;
};

export type BulletRowBox = {
  label: TextBlock;
  /** Absent when the source states no target. */
  bar?: BulletBar;
  /** The stated percentage, past the track's end (labels beside). */
  value?: ValueText;
  notes: TextBlock[];
};

export type PercentTick = { x: number; y: number; text: string; start: boolean; bold: boolean };

export type BulletLayout = {
  height: number;
  colour: string;
  legend: LegendBox;
  ticks: PercentTick[];
  rows: BulletRowBox[];
};

type Row = { row: BulletRow; words: BulletWords };

/** What differs across the width between the two label placements. */
type Arrangement = {
  plotLeft: number;
  trackEnd: number;
  /** Whether the 100% tick is bold, like its rule. */
  boldTarget: boolean;
  place: (row: Row, index: number, y: number, c: Context) => { box: BulletRowBox; next: number };
  /** The drawing's height once the last row ends at `y`. */
  height: (y: number) => number;
};

type Context = { width: number; x: ScaleLinear<number, number>; plotLeft: number; end: number };

/** Room right of a narrow track for the last tick's label. */
const TICK_ROOM = FONT + SPACE.hair;
/** Share of the width the label column takes when labels are beside the bars. */
const LABEL_COLUMN = 0.4;
/** The end text's widest line is capped at this share of the width (longer target words wrap). */
const END_COLUMN = 0.3;
const END_GAP = SPACE.m;
const ROW_GAP = LINE_HEIGHT * 0.7;

const smallChars = (room: number) => charsThatFit(room / SMALL_EM);

function barOf(row: Row, top: number, c: Context): BulletBar | undefined {
  const percent = row.row.percentOfTarget;
  if (percent === undefined) return undefined;
  const { x, plotLeft: left, end } = c;
  return { top, left, end, reached: x(percent), target: x(100), tip: row.words.tip };
}

function labelsAbove(width: number): Arrangement {
  const maxChars = fullLineChars(width);
  return {
    plotLeft: PAD,
    trackEnd: width - PAD - TICK_ROOM,
    boldTarget: false,
    place: (row, _, y, c) => {
      const label = textBelow(row.words.label, maxChars, PAD, y, TEXT.strongLabel);
      let next = y + (label.height + SPACE.s);
      const bar = barOf(row, next, c);
      if (bar) next += BAR_HEIGHT + SPACE.hair;
      const note = textBelow(row.words.note, maxChars, PAD, next + SPACE.xs, TEXT.note);
      next += note.height + SPACE.xs + ROW_GAP;
      return { box: { label: label.block, ...(bar && { bar }), notes: [note.block] }, next };
    },
    height: (y) => y + PAD,
  };
}

/** "đạt 102%" and the target word under it, past the end of each track. */
function endLinesOf(rows: readonly Row[], width: number): string[][] {
  const endCap = width * END_COLUMN;
  return rows.map(({ words }) =>
    words.reached === undefined
      ? []
      : [words.reached, ...wrapText(words.target, smallChars(endCap))],
  );
}

function labelsBeside(rows: readonly Row[], width: number): Arrangement {
  const plotLeft = PAD + Math.round(width * LABEL_COLUMN);
  const labelChars = charsThatFit(plotLeft - 2 * PAD);
  const endLines = endLinesOf(rows, width);
  const endWidth = Math.max(
    0,
    ...endLines.map((lines) =>
      Math.max(0, ...lines.map((l, i) => textWidth(l) * (i === 0 ? 1 : SMALL_EM))),
    ),
  );
  return {
    plotLeft,
    trackEnd: width - PAD - (endWidth > 0 ? endWidth + END_GAP : 0),
    boldTarget: true,
    place: (row, i, y, c) => {
      const baseline = centredBaseline(y + BAR_HEIGHT / 2);
      const lines = wrapText(row.words.label, labelChars);
      // Regular weight, as the side labels of bar charts.
      const label = { lines, x: PAD, y: baseline, style: TEXT.label };
      const labelBottom = baseline - FONT + lines.length * LINE_HEIGHT;
      const plot = besidePlot(row, endLines[i]!, y, baseline, c);
      const next = Math.max(labelBottom, plot.bottom) + ROW_GAP;
      return { box: { label, ...plot.box }, next };
    },
    height: (y) => y - ROW_GAP + PAD + SPACE.xs,
  };
}

/** Right of a side label: the bar with its words around it, or the words alone where the bar would be. */
function besidePlot(row: Row, endLines: string[], top: number, baseline: number, c: Context) {
  const { words } = row;
  const bar = barOf(row, top, c);
  if (!bar) {
    const room = smallChars(c.width - c.plotLeft - PAD);
    const said = [...wrapText(words.admitted, room), ...wrapText(words.target, room)];
    const note = { lines: said, x: c.plotLeft, y: baseline, style: TEXT.smallNote };
    return { box: { notes: [note] }, bottom: baseline - FONT + said.length * LINE_HEIGHT };
  }
  // Past the track's end, so the words never cross the bar or the 100% rule.
  const [reached, ...target] = endLines;
  const endX = c.end + END_GAP;
  const below = baseline + LINE_HEIGHT;
  // The count under its bar, wrapped short of the end text so the two never meet.
  const admitted = wrapText(words.admitted, smallChars(c.end - c.plotLeft - END_GAP));
  const notes = [
    { lines: target, x: endX, y: below, style: TEXT.smallNote },
    { lines: admitted, x: c.plotLeft, y: below, style: TEXT.smallNote },
  ];
  const lines = 1 + Math.max(target.length, admitted.length);
  return {
    box: { bar, value: { x: endX, y: baseline, text: reached! }, notes },
    bottom: baseline - FONT + lines * LINE_HEIGHT,
  };
}

function ticksOf(a: Arrangement, x: ScaleLinear<number, number>, y: number): PercentTick[] {
  return fittingTicks(x).map((t) => ({
    x: x(t),
    y: y + FONT,
    text: formatPercentPoints(t),
    start: t === 0,
    bold: a.boldTarget && t === 100,
  }));
}

export function bulletLayout(input: BulletChartInput, { width, labels }: Space) {
  const rows = input.rows.map((row) => ({ row, words: bulletWords(row, input.unit) }));
  const a = labels === "beside" ? labelsBeside(rows, width) : labelsAbove(width);
  const stated = input.rows.flatMap((r) =>
    r.percentOfTarget === undefined ? [] : [r.percentOfTarget],
  );
  const x = percentOfTargetScale(stated, a.plotLeft, a.trackEnd);
  const [, domainMax] = x.domain() as [number, number];
  const context: Context = { width, x, plotLeft: a.plotLeft, end: x(domainMax) };
  const colour = seriesColour(0);
  let y = PAD;
  const legend = legendLayout(bulletLegend(colour), y, width, a.plotLeft);
  y += legend.height + SPACE.xs;
  const ticks = stated.length > 0 ? ticksOf(a, x, y) : [];
  if (stated.length > 0) y += LINE_HEIGHT + SPACE.xs;
  const boxes = rows.map((row, i) => {
    const { box, next } = a.place(row, i, y, context);
    y = next;
    return box;
  });
  return { height: a.height(y), colour, legend, ticks, rows: boxes } satisfies BulletLayout;
}
