// Admissions against target in "% of target" space: sources state the percentage, never the
// target itself, so no target number is ever computed or drawn. Narrow layouts stack label, bar and
// note; wide ones (bullet-wide.ts) put labels beside the bars and the percentage at the bar's end.
import { formatNumber, formatPercentPoints } from "../format.ts";
import { qualified } from "../data/qualifiers.ts";
import { chartFrame, markMaker } from "./frame.ts";
import { legend } from "./legend.ts";
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
import { RULE_COLOUR, TRACK_COLOUR, seriesColour } from "./palette.ts";
import { percentOfTargetScale, percentTicks } from "./scale.ts";
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import { bulletLegend, bulletWideBody, type BulletWords } from "./bullet-wide.ts";
import type { BulletChartInput, BulletRow } from "./types.ts";
import { textLines, wrapText } from "./wrap.ts";

export const NO_TARGET_TEXT = "không nêu chỉ tiêu";

/** "Kết nạp 2.053 đảng viên · đạt 102% chỉ tiêu" or "… · không nêu chỉ tiêu". */
export function bulletNote(row: BulletRow, unit: string): string {
  const admitted = admittedText(row, unit);
  return row.percentOfTarget === undefined
    ? `${admitted} · ${NO_TARGET_TEXT}`
    : `${admitted} · đạt ${formatPercentPoints(row.percentOfTarget)} ${row.targetWord ?? "chỉ tiêu"}`;
}

/** "Kết nạp hơn 200 đảng viên": the count with its qualifier. */
function admittedText(row: BulletRow, unit: string): string {
  return `Kết nạp ${qualified(formatNumber(row.count), row.qualifier)} ${unit}`;
}

/** "Đảng bộ huyện Thanh Bình, năm 2022". */
export function bulletLabel(row: BulletRow): string {
  return row.year === undefined ? row.label : `${row.label}, năm ${row.year}`;
}

/** The words of one row, shared by both layouts and its tooltip. */
function bulletWords(row: BulletRow, unit: string): BulletWords {
  const note = bulletNote(row, unit);
  return {
    label: bulletLabel(row),
    admitted: admittedText(row, unit),
    ...(row.percentOfTarget !== undefined && {
      reached: `đạt ${formatPercentPoints(row.percentOfTarget)}`,
    }),
    target: row.percentOfTarget === undefined ? NO_TARGET_TEXT : (row.targetWord ?? "chỉ tiêu"),
    tip: `${bulletLabel(row)}: ${note.charAt(0).toLowerCase()}${note.slice(1).replace(" · ", ", ")}`,
    note,
  };
}

export function bulletChart(input: BulletChartInput, layout: Layout = STANDARD_LAYOUT): string {
  const mark = markMaker();
  const WIDTH = widthOf(layout);
  if (layout.em >= SIDE_LABELS_FROM_EM) {
    const rows = input.rows.map((row) => ({ row, words: bulletWords(row, input.unit) }));
    const drawn = bulletWideBody(rows, WIDTH, mark);
    return chartFrame({
      id: input.id,
      layout,
      title: input.title,
      description: input.description,
      height: drawn.height,
      body: drawn.body,
    });
  }
  const stated = input.rows.flatMap((r) =>
    r.percentOfTarget === undefined ? [] : [r.percentOfTarget],
  );
  const right = WIDTH - PAD - 18;
  const x = percentOfTargetScale(stated, PAD, right);
  const maxChars = charsThatFit(WIDTH - 2 * PAD);
  const colour = seriesColour(0);
  const out: string[] = [];
  let y = PAD;
  const key = legend(bulletLegend(colour), y, WIDTH);
  out.push(key.svg);
  y += key.height + 4;
  if (stated.length > 0) {
    for (const t of percentTicks(x)) {
      out.push(
        el(
          "text",
          {
            x: x(t),
            y: y + FONT,
            "text-anchor": t === 0 ? "start" : "middle",
            fill: "currentColor",
            "font-size": "0.85em",
            class: "chart-tick",
          },
          escapeHtml(formatPercentPoints(t)),
        ),
      );
    }
    y += LINE_HEIGHT + 4;
  }
  for (const row of input.rows) {
    const lines = wrapText(bulletLabel(row), maxChars);
    out.push(textLines(lines, PAD, y + FONT, { class: "chart-label", "font-weight": 700 }));
    y += lines.length * LINE_HEIGHT + 6;
    const { note, tip } = bulletWords(row, input.unit);
    if (row.percentOfTarget !== undefined) {
      const inner = BAR_HEIGHT * 0.6;
      const [, domainMax] = x.domain() as [number, number];
      out.push(
        el("rect", {
          x: PAD,
          y,
          width: x(domainMax) - PAD,
          height: BAR_HEIGHT,
          fill: TRACK_COLOUR,
        }),
      );
      out.push(
        mark(
          tip,
          "admitted",
          el("rect", {
            x: PAD,
            y: y + (BAR_HEIGHT - inner) / 2,
            width: x(row.percentOfTarget) - PAD,
            height: inner,
            fill: colour,
          }),
        ),
      );
      out.push(
        el("line", {
          x1: x(100),
          x2: x(100),
          y1: y - 3,
          y2: y + BAR_HEIGHT + 3,
          stroke: "currentColor",
          "stroke-width": 2.5,
        }),
      );
      out.push(
        el("line", { x1: PAD, x2: PAD, y1: y - 3, y2: y + BAR_HEIGHT + 3, stroke: RULE_COLOUR }),
      );
      y += BAR_HEIGHT + 2;
    }
    const noteLines = wrapText(note, maxChars);
    out.push(textLines(noteLines, PAD, y + FONT + 4, { class: "chart-note" }));
    y += noteLines.length * LINE_HEIGHT + 4 + LINE_HEIGHT * 0.7;
  }
  return chartFrame({
    id: input.id,
    layout,
    title: input.title,
    description: input.description,
    height: y + PAD,
    body: out.join(""),
  });
}
