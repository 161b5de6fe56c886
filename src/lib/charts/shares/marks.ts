// Rating distributions, marks: the key, then each group's labels, segments (with the figures
// that fit inside them) and the figures set under the bar.
import { escapeHtml } from "../../html.ts";
import { textColourOn } from "../contrast.ts";
import type { Mark } from "../frame.ts";
import { legendMarks } from "../legend.ts";
import { segmentRect, swatch } from "../marks.ts";
import { textBlock } from "../text.ts";
import { SMALL_EM } from "../metrics.ts";
import { el } from "../svg.ts";
import type { ShareGroupBox, ShareSegment, SharesLayout, SwatchNote } from "./layout.ts";

/** The white gap between parts. */
const SEGMENT_EDGE = 1.5;

function segmentMarks({ rect, key, tip, figure }: ShareSegment, mark: Mark): string {
  const drawn = mark(tip, key, segmentRect(rect, SEGMENT_EDGE));
  if (!figure) return drawn;
  const text = el(
    "text",
    {
      x: figure.x,
      y: figure.y,
      "text-anchor": "middle",
      fill: textColourOn(figure.fill),
      "font-size": `${SMALL_EM}em`,
      "font-weight": 700,
      class: "chart-value",
      // Outside the mark (whose focus ring strokes its children) yet never in the way of its hover.
      "pointer-events": "none",
    },
    escapeHtml(figure.text),
  );
  return drawn + text;
}

function noteMarks(note: SwatchNote): string {
  return swatch(note.x, note.y, note.fill) + textBlock(note.text);
}

function groupMarks(group: ShareGroupBox, mark: Mark): string {
  return (
    group.labels.map(textBlock).join("") +
    group.segments.map((s) => segmentMarks(s, mark)).join("") +
    group.notes.map(noteMarks).join("")
  );
}

export function sharesMarks(layout: SharesLayout, mark: Mark): string {
  return legendMarks(layout.legend) + layout.groups.map((g) => groupMarks(g, mark)).join("");
}

/** Whether any segment is an unknown remainder, i.e. the chart needs its hatch pattern. */
export function usesHatch(layout: SharesLayout): boolean {
  return layout.groups.some((g) => g.segments.some((s) => s.rect.unknown));
}
