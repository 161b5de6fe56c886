// Wide layout of admissions against target: unit labels in a column beside the bars, the count
// admitted under its bar, the stated percentage and the source's target word at the end of the
// track, the legend and the percent axis above the plot and aligned with it.
import type { Mark } from "./frame.ts";
import { legend, type LegendItem } from "./legend.ts";
import { BAR_HEIGHT, FONT, LINE_HEIGHT, PAD, charsThatFit, textWidth } from "./metrics.ts";
import { RULE_COLOUR, TRACK_COLOUR, seriesColour } from "./palette.ts";
import { percentOfTargetScale } from "./scale.ts";
import { formatPercentPoints } from "../format.ts";
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import type { BulletRow } from "./types.ts";
import { textLines, wrapText } from "./wrap.ts";
import type { ScaleLinear } from "d3-scale";

/** A row's words, made once (bullet.ts) from the same inputs as the table and text alternative. */
export type BulletWords = {
  /** "Đảng bộ huyện Thanh Bình, năm 2022". */
  label: string;
  /** "Kết nạp 218 đảng viên" with the count's qualifier. */
  admitted: string;
  /** "đạt 100%"; absent when the source states no target. */
  reached?: string;
  /** The source's target word ("kế hoạch đề ra"), or "không nêu chỉ tiêu". */
  target: string;
  tip: string;
  /** The narrow layout's one-line note: "Kết nạp … · đạt …". */
  note: string;
};

/** The key of both layouts: the bar's colour and the 100% rule. */
export function bulletLegend(colour: string): LegendItem[] {
  return [
    { key: "admitted", label: "Tỉ lệ đạt", fill: colour },
    { key: "target", label: "Vạch đứng: đạt 100%", fill: "currentColor", shape: "line" },
  ];
}

/** Share of the width the label column takes. */
const LABEL_COLUMN = 0.4;
const SMALL_EM = 0.9;
const TICK_EM = 0.85;
/** The end text's widest line is capped at this share of the width (longer target words wrap). */
const END_COLUMN = 0.3;
const END_GAP = 8;

/** Percent ticks whose labels stay apart: three round ticks (0, 50, 100%) or two where those touch. */
export function fittingTicks(x: ScaleLinear<number, number>): number[] {
  const [, max] = x.domain() as [number, number];
  for (const count of [3, 2]) {
    const ticks = x.ticks(count).filter((t) => t <= max);
    const widths = ticks.map((t) => textWidth(formatPercentPoints(t)) * TICK_EM);
    // Centred labels (the first starts at its tick): half of each neighbour plus a gap.
    const clear = ticks.every(
      (t, i) =>
        i === 0 ||
        x(t) - x(ticks[i - 1]!) >=
          widths[i]! / 2 + (i === 1 ? widths[0]! : widths[i - 1]! / 2) + 10,
    );
    if (clear) return ticks;
  }
  return [0, 100].filter((t) => t <= max);
}

export function bulletWideBody(
  rows: readonly { row: BulletRow; words: BulletWords }[],
  width: number,
  mark: Mark,
): { body: string; height: number } {
  const plotLeft = PAD + Math.round(width * LABEL_COLUMN);
  const labelChars = charsThatFit(plotLeft - 2 * PAD);
  const smallChars = (room: number) => charsThatFit(room / SMALL_EM);
  const endCap = width * END_COLUMN;
  const endLines = rows.map(({ words }) =>
    words.reached === undefined
      ? []
      : [words.reached, ...wrapText(words.target, smallChars(endCap))],
  );
  const endWidth = Math.max(
    0,
    ...endLines.map((lines) =>
      Math.max(0, ...lines.map((l, i) => textWidth(l) * (i === 0 ? 1 : SMALL_EM))),
    ),
  );
  const trackEnd = width - PAD - (endWidth > 0 ? endWidth + END_GAP : 0);
  const stated = rows.flatMap(({ row }) =>
    row.percentOfTarget === undefined ? [] : [row.percentOfTarget],
  );
  const x = percentOfTargetScale(stated, plotLeft, trackEnd);
  const [, domainMax] = x.domain() as [number, number];
  const colour = seriesColour(0);
  const out: string[] = [];
  let y = PAD;
  const key = legend(bulletLegend(colour), y, width, plotLeft);
  out.push(key.svg);
  y += key.height + 4;
  if (stated.length > 0) {
    for (const t of fittingTicks(x)) {
      out.push(
        el(
          "text",
          {
            x: x(t),
            y: y + FONT,
            "text-anchor": t === 0 ? "start" : "middle",
            fill: "currentColor",
            "font-size": `${TICK_EM}em`,
            // The target's tick is bold, like its rule.
            "font-weight": t === 100 ? 700 : undefined,
            class: "chart-tick",
          },
          escapeHtml(formatPercentPoints(t)),
        ),
      );
    }
    y += LINE_HEIGHT + 4;
  }
  rows.forEach(({ row, words }, i) => {
    const barTop = y;
    const baseline = barTop + BAR_HEIGHT / 2 + FONT * 0.35;
    const lines = wrapText(words.label, labelChars);
    // Regular weight, as the side labels of bar charts.
    out.push(textLines(lines, PAD, baseline, { class: "chart-label" }));
    const labelBottom = baseline - FONT + lines.length * LINE_HEIGHT;
    let plotBottom: number;
    if (row.percentOfTarget === undefined) {
      // No bar: the count and "không nêu chỉ tiêu" where the bar would be.
      const room = smallChars(width - plotLeft - PAD);
      const said = [...wrapText(words.admitted, room), ...wrapText(words.target, room)];
      out.push(
        textLines(said, plotLeft, baseline, { class: "chart-note", "font-size": `${SMALL_EM}em` }),
      );
      plotBottom = baseline - FONT + said.length * LINE_HEIGHT;
    } else {
      const inner = BAR_HEIGHT * 0.6;
      out.push(
        el("rect", {
          x: plotLeft,
          y: barTop,
          width: x(domainMax) - plotLeft,
          height: BAR_HEIGHT,
          fill: TRACK_COLOUR,
        }),
      );
      out.push(
        mark(
          words.tip,
          "admitted",
          el("rect", {
            x: plotLeft,
            y: barTop + (BAR_HEIGHT - inner) / 2,
            width: x(row.percentOfTarget) - plotLeft,
            height: inner,
            fill: colour,
          }),
        ),
      );
      out.push(
        el("line", {
          x1: x(100),
          x2: x(100),
          y1: barTop - 3,
          y2: barTop + BAR_HEIGHT + 3,
          stroke: "currentColor",
          "stroke-width": 2.5,
        }),
      );
      out.push(
        el("line", {
          x1: plotLeft,
          x2: plotLeft,
          y1: barTop - 3,
          y2: barTop + BAR_HEIGHT + 3,
          stroke: RULE_COLOUR,
        }),
      );
      // Past the track's end, so the words never cross the bar or the 100% rule.
      const [reached, ...target] = endLines[i]!;
      const endX = x(domainMax) + END_GAP;
      out.push(
        el(
          "text",
          { x: endX, y: baseline, fill: "currentColor", "font-weight": 700, class: "chart-value" },
          escapeHtml(reached!),
        ),
      );
      out.push(
        textLines(target, endX, baseline + LINE_HEIGHT, {
          class: "chart-note",
          "font-size": `${SMALL_EM}em`,
        }),
      );
      // The count under its bar, wrapped short of the end text so the two never meet.
      const admitted = wrapText(words.admitted, smallChars(x(domainMax) - plotLeft - END_GAP));
      out.push(
        textLines(admitted, plotLeft, baseline + LINE_HEIGHT, {
          class: "chart-note",
          "font-size": `${SMALL_EM}em`,
        }),
      );
      plotBottom = baseline - FONT + (1 + Math.max(target.length, admitted.length)) * LINE_HEIGHT;
    }
    y = Math.max(labelBottom, plotBottom) + LINE_HEIGHT * 0.7;
  });
  return { body: out.join(""), height: y - LINE_HEIGHT * 0.7 + PAD + 4 };
}
