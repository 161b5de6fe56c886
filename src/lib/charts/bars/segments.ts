// What each bar is made of and how its colours read: a total, parts in series colours, or an
// unknown remainder (hatched); the legend keys only the colours some bar uses.
import { withUnit } from "../describe.ts";
import type { LegendItem } from "../legend.ts";
import { TOTAL_COLOUR, seriesColour } from "../palette.ts";
import { UNKNOWN_KEY, UNKNOWN_LABEL, remainderOf } from "../remainder.ts";
import type { Bar, BarChartInput } from "../types.ts";

type Segment = { key: string; label: string; value: number; fill: string; unknown: boolean };

/** A segment placed along its bar, with its tooltip. */
export type PlacedSegment = Segment & { x0: number; x1: number; tip: string };

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

/** The bar's segments end to end from zero on the scale `x`. */
export function placeSegments(
  bar: Bar,
  input: BarChartInput,
  hatch: string,
  x: (value: number) => number,
): PlacedSegment[] {
  let offset = 0;
  return segmentsOf(bar, input, hatch).map((s) => {
    const x0 = x(offset);
    const x1 = x(offset + s.value);
    offset += s.value;
    const whole = s.key === "total" || bar.unknown;
    const tip = `${bar.label}${whole ? "" : ` — ${s.label}`}: ${withUnit(s.value, input.unit, whole ? bar.qualifier : undefined)}`;
    return { ...s, x0, x1, tip };
  });
}

export function barLegend(input: BarChartInput, hatch: string): LegendItem[] {
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
