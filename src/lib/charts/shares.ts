// Rating distributions as 100% stacked bars, one per group rated, every part labelled below it.
import { formatNumber, formatPercentPoints, formatShare } from "../format.ts";
import { chartFrame, markMaker, svgIdOf } from "./frame.ts";
import {
  BAR_HEIGHT,
  FONT,
  LINE_HEIGHT,
  PAD,
  STANDARD_LAYOUT,
  charsThatFit,
  widthOf,
  type Layout,
} from "./metrics.ts";
import { hatchId, hatchPattern, seriesColour } from "./palette.ts";
import { UNKNOWN_KEY, withRemainder } from "./remainder.ts";
import { stackShares } from "./stack.ts";
import { el } from "./svg.ts";
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
  const maxChars = charsThatFit(WIDTH - 2 * PAD);
  const span = WIDTH - 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  groups.forEach((group, j) => {
    const lines = wrapText(
      `${group.label} (${formatNumber(group.total)} ${group.unit ?? input.unit})`,
      maxChars,
    );
    out.push(textLines(lines, PAD, y + FONT, { class: "chart-label", "font-weight": 700 }));
    y += lines.length * LINE_HEIGHT + 6;
    const segments = stacked[j]!;
    group.parts.forEach((part, i) => {
      const s = segments[i]!;
      const count = {
        count: part.value,
        statedPercent: "statedPercent" in part ? part.statedPercent : undefined,
      };
      const rect = el("rect", {
        x: PAD + s.start * span,
        y,
        width: s.share * span,
        height: BAR_HEIGHT,
        fill: colourOf(part.key),
        stroke: part.key === UNKNOWN_KEY ? "#767676" : "#fff",
        "stroke-width": part.key === UNKNOWN_KEY ? 1 : 1.5,
      });
      out.push(
        mark(`${group.label} — ${part.label}: ${partText(count, group.total)}`, part.key, rect),
      );
    });
    y += BAR_HEIGHT + 8;
    group.parts.forEach((part) => {
      const count = {
        count: part.value,
        statedPercent: "statedPercent" in part ? part.statedPercent : undefined,
      };
      const noteLines = wrapText(`${part.label}: ${partText(count, group.total)}`, maxChars - 2);
      out.push(el("rect", { x: PAD, y: y + 4, width: 10, height: 10, fill: colourOf(part.key) }));
      out.push(textLines(noteLines, PAD + 16, y + FONT, { class: "chart-note" }));
      y += noteLines.length * LINE_HEIGHT;
    });
    y += LINE_HEIGHT * 0.8;
  });
  const body = out.join("");
  return chartFrame({
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: y + PAD,
    body,
    defs: body.includes(hatch) ? hatchPattern(prefix) : undefined,
  });
}
