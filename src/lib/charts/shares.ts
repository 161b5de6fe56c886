// Rating distributions as 100% stacked bars, one per group rated. Narrow layouts label every part
// below its bar; wide ones (shares-wide.ts) put group labels beside the bars and figures in them.
import { formatNumber, formatPercentPoints, formatShare } from "../format.ts";
import { chartFrame, markMaker, svgIdOf, type Mark } from "./frame.ts";
import {
  BAR_HEIGHT,
  FONT,
  LINE_HEIGHT,
  PAD,
  STANDARD_LAYOUT,
  SIDE_LABELS_FROM_EM,
  charsThatFit,
  widthOf,
  type Layout,
} from "./metrics.ts";
import { hatchId, hatchPattern, seriesColour } from "./palette.ts";
import { UNKNOWN_KEY, withRemainder } from "./remainder.ts";
import { stackShares } from "./stack.ts";
import { el } from "./svg.ts";
import { sharesWideBody, type ShareBody, type ShareRow } from "./shares-wide.ts";
import type { ShareChartInput, SharePart } from "./types.ts";
import { textLines, wrapText } from "./wrap.ts";

/** "83,33%" as the source prints it, else the share computed from the counts ("16,7%"). */
export function shareText(part: Pick<SharePart, "count" | "statedPercent">, total: number): string {
  if (part.statedPercent !== undefined) return formatPercentPoints(part.statedPercent);
  return total > 0 ? formatShare(part.count / total) : "—";
}

/** "8/40 (20%)". */
export function partText(part: Pick<SharePart, "count" | "statedPercent">, total: number): string {
  return `${formatNumber(part.count)}/${formatNumber(total)} (${shareText(part, total)})`;
}

export function sharesChart(input: ShareChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const prefix = svgIdOf(input.id, layout);
  const hatch = `url(#${hatchId(prefix)})`;
  const mark = markMaker();
  const WIDTH = widthOf(layout);
  const groups = shareRows(input, hatch);
  const drawn =
    layout.em >= SIDE_LABELS_FROM_EM
      ? sharesWideBody(groups, WIDTH, mark)
      : sharesStackedBody(groups, WIDTH, mark);
  return chartFrame({
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: drawn.height,
    body: drawn.body,
    defs: drawn.body.includes(hatch) ? hatchPattern(prefix) : undefined,
  });
}

/** Each group's parts (with any unknown remainder) as drawn: colour, place in [0, 1], words. */
function shareRows(input: ShareChartInput, hatch: string): ShareRow[] {
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

/** Narrow layouts: each group's label above its bar, every part's figure on a line below it. */
function sharesStackedBody(groups: readonly ShareRow[], WIDTH: number, mark: Mark): ShareBody {
  const maxChars = charsThatFit(WIDTH - 2 * PAD);
  const span = WIDTH - 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  for (const group of groups) {
    const lines = wrapText(`${group.label} (${group.totalText})`, maxChars);
    out.push(textLines(lines, PAD, y + FONT, { class: "chart-label", "font-weight": 700 }));
    y += lines.length * LINE_HEIGHT + 6;
    for (const part of group.parts) {
      const rect = el("rect", {
        x: PAD + part.start * span,
        y,
        width: part.share * span,
        height: BAR_HEIGHT,
        fill: part.fill,
        stroke: part.unknown ? "#767676" : "#fff",
        "stroke-width": part.unknown ? 1 : 1.5,
      });
      out.push(mark(part.tip, part.key, rect));
    }
    y += BAR_HEIGHT + 8;
    for (const part of group.parts) {
      const noteLines = wrapText(`${part.label}: ${part.text}`, maxChars - 2);
      out.push(el("rect", { x: PAD, y: y + 4, width: 10, height: 10, fill: part.fill }));
      out.push(textLines(noteLines, PAD + 16, y + FONT, { class: "chart-note" }));
      y += noteLines.length * LINE_HEIGHT;
    }
    y += LINE_HEIGHT * 0.8;
  }
  return { body: out.join(""), height: y + PAD };
}
