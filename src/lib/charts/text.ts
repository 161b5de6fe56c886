// Chart text as blocks: wrapped to the room a layout gives it, placed by its first baseline, then
// drawn. The style says what the text is (its class, which the page's CSS and the tests key on).
import { escapeHtml } from "../html.ts";
import { FONT, LINE_HEIGHT, SMALL_EM } from "./metrics.ts";
import { el } from "./svg.ts";
import { textLines, wrapText } from "./wrap.ts";

/** Attributes of a text element beyond its place: its class, weight and size. */
export type TextStyle = Readonly<Record<string, string | number | undefined>>;

export const TEXT = {
  heading: { "font-weight": 700, class: "chart-group" },
  label: { class: "chart-label" },
  strongLabel: { class: "chart-label", "font-weight": 700 },
  note: { class: "chart-note" },
  smallNote: { class: "chart-note", "font-size": `${SMALL_EM}em` },
} as const satisfies Record<string, TextStyle>;

/** Wrapped lines with their first baseline at (x, y); a `strong` tail of the last line is bold. */
export type TextBlock = {
  lines: readonly string[];
  x: number;
  y: number;
  style: TextStyle;
  strong?: string | undefined;
};

/** `text` wrapped to `chars` per line with its top at `top`: the block and the height of its lines. */
export function textBelow(
  text: string,
  chars: number,
  x: number,
  top: number,
  style: TextStyle,
): { block: TextBlock; height: number } {
  const lines = wrapText(text, chars);
  return { block: { lines, x, y: top + FONT, style }, height: lines.length * LINE_HEIGHT };
}

export function textBlock({ lines, x, y, style, strong }: TextBlock): string {
  return textLines(lines, x, y, style, strong);
}

/** A figure in bold on one line, e.g. at a bar's end. */
export type ValueText = { x: number; y: number; text: string };

export function valueText({ x, y, text }: ValueText): string {
  return el(
    "text",
    { x, y, fill: "currentColor", "font-weight": 700, class: "chart-value" },
    escapeHtml(text),
  );
}
