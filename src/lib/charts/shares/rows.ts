// Rating distributions before placing: each group's parts (with any unknown remainder) stacked to
// shares of 1 with d3's expand offset, with their colours and words, and the legend they need.
import { formatNumber } from "../../format.ts";
import type { LegendItem } from "../legend.ts";
import { seriesColour } from "../palette.ts";
import { UNKNOWN_KEY, withRemainder } from "../remainder.ts";
import { stackShares } from "../stack.ts";
import type { ShareChartInput } from "../types.ts";
import { partText } from "./words.ts";

/** One part of a group as drawn: its words (from the same inputs as the table) and its place. */
export type SharePartRow = {
  key: string;
  label: string;
  /** "8/40 (20%)". */
  text: string;
  tip: string;
  fill: string;
  unknown: boolean;
  /** Position in [0, 1] of the bar. */
  start: number;
  share: number;
};

export type ShareRow = { label: string; totalText: string; parts: SharePartRow[] };

/** Each group's parts (with any unknown remainder) as drawn: colour, place in [0, 1], words. */
export function shareRows(input: ShareChartInput, hatch: string): ShareRow[] {
  const seriesKeys = [...new Set(input.groups.flatMap((g) => g.parts.map((p) => p.key)))];
  const colourOf = (key: string) =>
    key === UNKNOWN_KEY ? hatch : seriesColour(seriesKeys.indexOf(key));
  const groups = input.groups.map((g) => ({
    ...g,
    parts: withRemainder(
      g.total,
      g.parts.map((p) => ({ ...p, value: p.count })),
    ),
  }));
  const stacked = stackShares(
    groups.map((g) => ({
      key: g.key,
      parts: g.parts.map((p) => ({ key: p.key, count: p.value })),
    })),
  );
  return groups.map((group, j) => ({
    label: group.label,
    totalText: `${formatNumber(group.total)} ${group.unit ?? input.unit}`,
    parts: group.parts.map((part, i) => {
      const s = stacked[j]![i]!;
      const count = {
        count: part.value,
        statedPercent: "statedPercent" in part ? part.statedPercent : undefined,
      };
      const text = partText(count, group.total);
      return {
        key: part.key,
        label: part.label,
        text,
        tip: `${group.label} — ${part.label}: ${text}`,
        fill: colourOf(part.key),
        unknown: part.key === UNKNOWN_KEY,
        start: s.start,
        share: s.share,
      };
    }),
  }));
}

/** Legend entries in first-seen order; a key shown under two labels gets one entry per label. */
export function shareLegend(groups: readonly ShareRow[]): LegendItem[] {
  const seen = new Map<string, LegendItem>();
  for (const part of groups.flatMap((g) => g.parts)) {
    const id = `${part.key}\u0000${part.label}`;
    if (!seen.has(id)) seen.set(id, { key: part.key, label: part.label, fill: part.fill });
  }
  return [...seen.values()];
}

/** Keys whose colour stands for more than one label: their figures always carry the label. */
export function ambiguousKeys(items: readonly LegendItem[]): Set<string> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([key]) => key));
}
