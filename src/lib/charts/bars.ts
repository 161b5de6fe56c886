// Horizontal bars. Narrow layouts put each label above its bar (long Vietnamese names wrap instead
// of colliding); wide ones put labels in a column beside the bars and the value at the bar's end.
import { formatNumber } from "../format.ts";
import { barValue, withUnit } from "./describe.ts";
import { chartFrame, markMaker, svgIdOf } from "./frame.ts";
import { legend, type LegendItem } from "./legend.ts";
import {
  BAR_HEIGHT,
  FONT,
  LINE_HEIGHT,
  PAD,
  STANDARD_LAYOUT,
  SIDE_LABELS_FROM_EM,
  charsThatFit,
  textWidth,
  widthOf,
  type Layout,
} from "./metrics.ts";
import { TOTAL_COLOUR, hatchId, hatchPattern, seriesColour } from "./palette.ts";
import { UNKNOWN_KEY, UNKNOWN_LABEL, remainderOf } from "./remainder.ts";
import { zeroBasedScale } from "./scale.ts";
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import type { Bar, BarChartInput } from "./types.ts";
import { NO_BREAK, textLines, wrapText } from "./wrap.ts";

/** How far a "trong đó" label sits right of its total's label. */
const SUBSET_INDENT = 16;

type Segment = { key: string; label: string; value: number; fill: string; unknown: boolean };

function segmentsOf(bar: Bar, input: BarChartInput, hatch: string): Segment[] {
  if (bar.unknown) {
    return [{ key: UNKNOWN_KEY, label: bar.label, value: bar.value, fill: hatch, unknown: true }];
  }
  if (!bar.parts || bar.parts.length === 0) {
    const fill = input.series?.length ? TOTAL_COLOUR : seriesColour(0);
    return [{ key: "total", label: bar.label, value: bar.value, fill, unknown: false }];
  }
  const keys = (input.series ?? []).map((s) => s.key);
  const parts: Segment[] = bar.parts.map((p) => ({
    ...p,
    fill: seriesColour(Math.max(0, keys.indexOf(p.key))),
    unknown: false,
  }));
  const rest = remainderOf(bar.value, bar.parts);
  if (rest !== undefined) {
    parts.push({ key: UNKNOWN_KEY, label: UNKNOWN_LABEL, value: rest, fill: hatch, unknown: true });
  }
  return parts;
}

function legendItems(input: BarChartInput, hatch: string): LegendItem[] {
  const bars = input.groups.flatMap((g) => g.bars);
  // Series colours only when some bar is split: a key to colours not drawn is noise.
  const split = bars.some((b) => b.parts?.length);
  const items: LegendItem[] = split
    ? (input.series ?? []).map((s, i) => ({ ...s, fill: seriesColour(i) }))
    : [];
  if (items.length > 0 && input.totalLabel && bars.some((b) => !b.parts?.length && !b.unknown)) {
    items.push({ key: "total", label: input.totalLabel, fill: TOTAL_COLOUR });
  }
  const hasUnknown = bars.some((b) => b.unknown || (b.parts && remainderOf(b.value, b.parts)));
  if (items.length > 0 && hasUnknown)
    items.push({ key: UNKNOWN_KEY, label: UNKNOWN_LABEL, fill: hatch });
  return items;
}

/** Share of the width the label column takes in side-label layouts. */
const LABEL_COLUMN = 0.5;

/** Bars grouped under optional headings; each bar labelled with its number, parts stacked. */
export function barChart(input: BarChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const prefix = svgIdOf(input.id, layout);
  const hatch = `url(#${hatchId(prefix)})`;
  const mark = markMaker();
  const width = widthOf(layout);
  const bars = input.groups.flatMap((g) => g.bars);
  const side = layout.em >= SIDE_LABELS_FROM_EM;
  // Side labels: the value follows the bar's end, so the scale leaves room for the longest value.
  const valueRoom = side ? Math.max(...bars.map((b) => textWidth(barValue(b)))) + 6 : 0;
  const plotLeft = side ? PAD + width * LABEL_COLUMN : PAD;
  const x = zeroBasedScale(
    bars.map((b) => b.value),
    plotLeft,
    width - PAD - valueRoom,
  );
  const maxChars = charsThatFit(width - 2 * PAD);
  const labelChars = side ? charsThatFit(plotLeft - 2 * PAD) : maxChars;
  const out: string[] = [];
  let y = PAD;
  const key = legend(legendItems(input, hatch), y, width);
  out.push(key.svg);
  y += key.height + (key.height ? LINE_HEIGHT / 2 : 0);

  for (const group of input.groups) {
    if (group.label) {
      const lines = wrapText(group.label, maxChars);
      out.push(textLines(lines, PAD, y + FONT, { "font-weight": 700, class: "chart-group" }));
      y += lines.length * LINE_HEIGHT + 4;
    }
    for (const bar of group.bars) {
      const value = barValue(bar);
      // A "trong đó" subset: label indented, thinner bar on the same zero line as its total.
      const subset = bar.subsetOf !== undefined;
      const indent = subset ? SUBSET_INDENT : 0;
      const height = subset ? BAR_HEIGHT * 0.625 : BAR_HEIGHT;
      const labelClass = subset ? "chart-label chart-label--subset" : "chart-label";
      let barTop: number;
      if (side) {
        const lines = wrapText(bar.label, subset ? labelChars - 2 : labelChars);
        out.push(textLines(lines, PAD + indent, y + FONT, { class: labelClass }));
        // The bar sits on the label's first line; a long label makes the row taller.
        barTop = y + (LINE_HEIGHT - height) / 2 + 2;
        y += Math.max(lines.length * LINE_HEIGHT, height + 6);
      } else {
        const lines = wrapText(`${bar.label}: ${value}`, subset ? maxChars - 2 : maxChars);
        out.push(textLines(lines, PAD + indent, y + FONT, { class: labelClass }, value));
        y += lines.length * LINE_HEIGHT + 6;
        barTop = y;
        y += height;
      }
      const segments = segmentsOf(bar, input, hatch);
      let offset = 0;
      for (const s of segments) {
        const x0 = x(offset);
        const x1 = x(offset + s.value);
        offset += s.value;
        const whole = s.key === "total" || bar.unknown;
        const tip = `${bar.label}${whole ? "" : ` — ${s.label}`}: ${withUnit(s.value, input.unit, whole ? bar.qualifier : undefined)}`;
        const rect = el("rect", {
          x: x0,
          y: barTop,
          width: Math.max(0, x1 - x0),
          height,
          fill: s.fill,
          ...(subset ? { "fill-opacity": 0.6 } : {}),
          stroke: s.unknown ? "#767676" : "#fff",
          "stroke-width": s.unknown ? 1 : 0.75,
        });
        out.push(mark(tip, s.key, rect));
      }
      out.push(
        el("line", {
          x1: plotLeft,
          x2: plotLeft,
          y1: barTop - 3,
          y2: barTop + height + 3,
          stroke: "currentColor",
        }),
      );
      if (side) {
        out.push(
          el(
            "text",
            {
              x: x(bar.value) + 4,
              y: barTop + height / 2 + FONT * 0.35,
              fill: "currentColor",
              "font-weight": 700,
              class: "chart-value",
            },
            escapeHtml(value),
          ),
        );
      }
      if (segments.length > 1) {
        const noteLeft = side ? plotLeft : PAD;
        const noteChars = side ? charsThatFit(width - noteLeft - PAD) : maxChars;
        // A label stays with its number ("Dự bị 294"), unless it alone is wider than the line.
        const note = segments
          .map((s) => `${s.label} ${formatNumber(s.value)}`)
          .map((part) => (part.length <= noteChars ? part.replaceAll(" ", NO_BREAK) : part))
          .join(" · ");
        const noteLines = wrapText(note, noteChars);
        const top = side ? Math.max(y - LINE_HEIGHT, barTop + height) : y;
        out.push(
          textLines(noteLines, noteLeft, top + FONT + 4, {
            class: "chart-note",
            "font-size": "0.9em",
          }),
        );
        y = top + noteLines.length * LINE_HEIGHT + 4;
      }
      y += LINE_HEIGHT * 0.6;
    }
    y += LINE_HEIGHT * 0.4;
  }
  const usesHatch = out.some((s) => s.includes(hatch));
  return chartFrame({
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: y + PAD,
    body: out.join(""),
    defs: usesHatch ? hatchPattern(prefix) : undefined,
  });
}
