// Wide layout of the 100% stacked bars: group labels in a column beside their bar, each part's
// figure inside its segment where it fits (else on a note line under the bar), the legend above
// the plot and aligned with it.
import { MUTED_TEXT, textColourOn } from "./contrast.ts";
import type { Mark } from "./frame.ts";
import { legend, type LegendItem } from "./legend.ts";
import { FONT, LINE_HEIGHT, PAD, charsThatFit, textWidth } from "./metrics.ts";
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import { textLines, wrapText } from "./wrap.ts";

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

export type ShareBody = { body: string; height: number };

/** Share of the width the label column takes. */
const LABEL_COLUMN = 0.36;
/** Bars tall enough to hold a line of figures. */
const WIDE_BAR = 24;
/** Size of figures inside segments and of note lines, in chart em. */
const SMALL_EM = 0.9;
/** Room kept between a figure and its segment's edges. */
const INSET = 4;
const SWATCH = 10;

/** Legend entries in first-seen order; a key shown under two labels gets one entry per label. */
function legendItemsOf(groups: readonly ShareRow[]): LegendItem[] {
  const seen = new Map<string, LegendItem>();
  for (const part of groups.flatMap((g) => g.parts)) {
    const id = `${part.key}\u0000${part.label}`;
    if (!seen.has(id)) seen.set(id, { key: part.key, label: part.label, fill: part.fill });
  }
  return [...seen.values()];
}

/** Keys whose colour stands for more than one label: their figures always carry the label. */
function ambiguousKeys(items: readonly LegendItem[]): Set<string> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.key, (counts.get(item.key) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([key]) => key));
}

/** Whether a part's figure fits inside its segment (never over the hatched remainder). */
export function fitsInside(part: SharePartRow, span: number, ambiguous: ReadonlySet<string>) {
  const room = part.share * span - 2 * INSET;
  return !part.unknown && !ambiguous.has(part.key) && textWidth(part.text) * SMALL_EM <= room;
}

export function sharesWideBody(groups: readonly ShareRow[], width: number, mark: Mark): ShareBody {
  const plotLeft = PAD + Math.round(width * LABEL_COLUMN);
  const span = width - PAD - plotLeft;
  const labelChars = charsThatFit(plotLeft - 2 * PAD);
  const smallChars = (room: number) => charsThatFit(room / SMALL_EM);
  const items = legendItemsOf(groups);
  const ambiguous = ambiguousKeys(items);
  const out: string[] = [];
  let y = PAD;
  const key = legend(items, y, width, plotLeft);
  out.push(key.svg);
  y += key.height + LINE_HEIGHT / 2;
  for (const group of groups) {
    const barTop = y;
    // The label's first line is centred on the bar; the group's total follows it.
    const baseline = barTop + WIDE_BAR / 2 + FONT * 0.35;
    const lines = wrapText(group.label, labelChars);
    // Regular weight, as the side labels of bar charts.
    out.push(textLines(lines, PAD, baseline, { class: "chart-label" }));
    const totalLines = wrapText(group.totalText, smallChars(plotLeft - 2 * PAD));
    out.push(
      textLines(totalLines, PAD, baseline + lines.length * LINE_HEIGHT, {
        class: "chart-note",
        fill: MUTED_TEXT,
        "font-size": `${SMALL_EM}em`,
      }),
    );
    const labelBottom = baseline - FONT + (lines.length + totalLines.length) * LINE_HEIGHT;
    const outside: SharePartRow[] = [];
    for (const part of group.parts) {
      const x0 = plotLeft + part.start * span;
      const w = part.share * span;
      const rect = el("rect", {
        x: x0,
        y: barTop,
        width: w,
        height: WIDE_BAR,
        fill: part.fill,
        stroke: part.unknown ? "#767676" : "#fff",
        "stroke-width": part.unknown ? 1 : 1.5,
      });
      const inside = fitsInside(part, span, ambiguous);
      if (!inside) outside.push(part);
      const figure = inside
        ? el(
            "text",
            {
              x: x0 + w / 2,
              y: barTop + WIDE_BAR / 2 + FONT * SMALL_EM * 0.35,
              "text-anchor": "middle",
              fill: textColourOn(part.fill),
              "font-size": `${SMALL_EM}em`,
              "font-weight": 700,
              class: "chart-value",
              // Outside the mark (whose focus ring strokes its children) yet never in the way of its hover.
              "pointer-events": "none",
            },
            escapeHtml(part.text),
          )
        : "";
      out.push(mark(part.tip, part.key, rect) + figure);
    }
    const noteBottom = placeOutside(outside, ambiguous, {
      top: barTop + WIDE_BAR + 6,
      left: plotLeft,
      right: width - PAD,
      span,
      out,
    });
    y = Math.max(labelBottom, noteBottom, barTop + WIDE_BAR) + LINE_HEIGHT * 0.8;
  }
  return { body: out.join(""), height: y - LINE_HEIGHT * 0.8 + PAD + 4 };
}

type Place = { top: number; left: number; right: number; span: number; out: string[] };

/**
 * Figures too wide for their segment go under the bar, each from its segment's start with a
 * swatch of its colour, left to right without overlapping; one that would run past the right
 * edge starts a new line. Returns the bottom of the last line.
 */
function placeOutside(
  parts: readonly SharePartRow[],
  ambiguous: ReadonlySet<string>,
  { top, left, right, span, out }: Place,
): number {
  if (parts.length === 0) return top - 6;
  let cursor = left;
  let line = top;
  for (const part of parts) {
    // The legend names the colour; a colour standing for two labels names its own.
    const text = ambiguous.has(part.key) ? `${part.label}: ${part.text}` : part.text;
    const room = right - left - SWATCH - 4;
    const lines = wrapText(text, charsThatFit(room / SMALL_EM));
    const w = SWATCH + 4 + Math.max(...lines.map((l) => textWidth(l) * SMALL_EM));
    let x = Math.max(cursor, Math.min(left + part.start * span, right - w));
    if (x + w > right) {
      line += LINE_HEIGHT;
      x = left;
    }
    out.push(el("rect", { x, y: line + 3, width: SWATCH, height: SWATCH, fill: part.fill }));
    out.push(
      textLines(lines, x + SWATCH + 4, line + FONT * SMALL_EM, {
        class: "chart-note",
        "font-size": `${SMALL_EM}em`,
      }),
    );
    // A wrapped figure ends its line: the next one starts below it.
    cursor = lines.length > 1 ? right : x + w + 12;
    line += (lines.length - 1) * LINE_HEIGHT;
  }
  return line + LINE_HEIGHT;
}
