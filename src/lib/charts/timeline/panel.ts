// One unit's panel, layout then marks: its heading, the plot of its dated figures (axes, line,
// dots, value labels, key, notes for figures of one moment) and the list of undated ones.
import type { Mark } from "../frame.ts";
import { PAD, SPACE, fullLineChars } from "../metrics.ts";
import { seriesColour } from "../palette.ts";
import { el } from "../svg.ts";
import { TEXT, textBelow, textBlock, type TextBlock } from "../text.ts";
import type { TimelineSeries } from "../types.ts";
import {
  plotOf,
  timeAxis,
  timeAxisMarks,
  valueAxisMarks,
  type Plot,
  type TimeTick,
} from "./axis.ts";
import { dotMark, dotsOf, lineMark, linePath, type Dot } from "./line.ts";
import {
  keyLayout,
  keyMarks,
  sameMomentNotes,
  valueLabelMark,
  valueLabels,
  type KeyEntry,
  type ValueLabel,
} from "./labels.ts";
import { newestOf } from "./points.ts";
import { undatedLayout, undatedMarks, type UndatedList } from "./undated.ts";

export type PanelOptions = {
  /** Width of the drawing, in user units. */
  width: number;
  /** Height of the plot, in user units. */
  plotHeight: number;
  /** Unit after each number in tooltips. */
  unit: string;
};

type DatedBox = {
  plot: Plot;
  path?: string | undefined;
  dots: Dot[];
  labels: ValueLabel[];
  ticks: TimeTick[];
  key?: KeyEntry[];
  notes: TextBlock[];
};

export type PanelBox = { heading: TextBlock; dated?: DatedBox; undated?: UndatedList };

/** After the time axis, before the key. */
const AXIS_GAP = SPACE.s;

function datedLayout(series: TimelineSeries, top: number, options: PanelOptions) {
  const { points } = series;
  const newest = newestOf(points);
  const plot = plotOf(points, options.width, top, options.plotHeight);
  const axis = timeAxis(points, plot, newest);
  let y = axis.bottom + AXIS_GAP;
  const box: DatedBox = {
    plot,
    path: linePath(points, plot),
    dots: dotsOf(series, options.unit, plot, newest),
    labels: valueLabels(points, plot, newest),
    ticks: axis.ticks,
    notes: [],
  };
  if (newest) {
    const key = keyLayout(y, options.width);
    box.key = key.entries;
    y = key.bottom;
  }
  const same = sameMomentNotes(points, y, options.width);
  box.notes = same.notes;
  return { box, bottom: same.bottom };
}

/** The panel's pieces from `top` down; `height` is how much it takes. */
export function panelLayout(series: TimelineSeries, top: number, options: PanelOptions) {
  let y = top;
  const heading = textBelow(series.label, fullLineChars(options.width), PAD, y, TEXT.heading);
  const panel: PanelBox = { heading: heading.block };
  y += heading.height + SPACE.xs;
  if (series.points.length > 0) {
    const dated = datedLayout(series, y, options);
    panel.dated = dated.box;
    y = dated.bottom;
  }
  if (series.undated.length > 0) {
    const undated = undatedLayout(series, options.unit, y, options.width);
    panel.undated = undated.list;
    y = undated.bottom;
  }
  return { panel, height: y - top };
}

function datedMarks(box: DatedBox, colour: string, mark: Mark): string {
  return (
    valueAxisMarks(box.plot) +
    (box.path ? lineMark(box.path, colour) : "") +
    box.dots.map((d, i) => dotMark(d, colour, mark) + valueLabelMark(box.labels[i]!)).join("") +
    timeAxisMarks(box.ticks, box.plot) +
    (box.key ? keyMarks(box.key, colour) : "") +
    box.notes.map(textBlock).join("")
  );
}

export function panelMarks(panel: PanelBox, mark: Mark): string {
  const colour = seriesColour(0);
  return el(
    "g",
    { class: "chart-panel" },
    textBlock(panel.heading) +
      (panel.dated ? datedMarks(panel.dated, colour, mark) : "") +
      (panel.undated ? undatedMarks(panel.undated, colour, mark) : ""),
  );
}
