// Horizontal bars, marks: each piece drawn into the box the layout gave it, in reading order.
import type { Mark } from "../frame.ts";
import { legendMarks } from "../legend.ts";
import { rule, segmentRect } from "../marks.ts";
import { textBlock, valueText } from "../text.ts";
import type { BarRow, BarsLayout } from "./layout.ts";

/** The white gap between a bar's parts. */
const SEGMENT_EDGE = 0.75;

function rowMarks(row: BarRow, zero: number, mark: Mark): string {
  const segments = row.segments.map((s) => {
    const rect = segmentRect(
      {
        x: s.x0,
        y: row.top,
        width: Math.max(0, s.x1 - s.x0),
        height: row.height,
        fill: s.fill,
        unknown: s.unknown,
        faint: row.subset,
      },
      SEGMENT_EDGE,
    );
    return mark(s.tip, s.key, rect);
  });
  return (
    textBlock(row.label) +
    segments.join("") +
    rule(zero, row.top, row.top + row.height, "currentColor") +
    (row.value ? valueText(row.value) : "") +
    (row.note ? textBlock(row.note) : "")
  );
}

export function barsMarks(layout: BarsLayout, mark: Mark): string {
  const groups = layout.groups.map(
    (group) =>
      (group.heading ? textBlock(group.heading) : "") +
      group.rows.map((row) => rowMarks(row, layout.zero, mark)).join(""),
  );
  return legendMarks(layout.legend) + groups.join("");
}

/** Whether any bar has an unknown part, i.e. the chart needs its hatch pattern. */
export function usesHatch(layout: BarsLayout): boolean {
  return layout.groups.some((g) => g.rows.some((r) => r.segments.some((s) => s.unknown)));
}
