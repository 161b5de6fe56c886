// Greedy word wrap for labels: Vietnamese words are short syllables, so spaces are good breaks.
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import { LINE_HEIGHT } from "./metrics.ts";

/** Holds the words on either side on one line (wrapText gives it back as a plain space). */
export const NO_BREAK = "\u00a0";

/** Splits `text` into lines of at most `maxChars` characters; a longer word keeps its own line. */
export function wrapText(text: string, maxChars: number): string[] {
  const words = text
    .normalize("NFC")
    .trim()
    .split(/[^\S\u00a0]+/)
    .filter(Boolean)
    .map((word) => word.replaceAll(NO_BREAK, " "));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * A `<text>` with one `<tspan>` per line; `y` is the first baseline. A `strong` tail (a number)
 * that ends the last line is set in bold.
 */
export function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  extra: Record<string, string | number | undefined> = {},
  strong?: string,
): string {
  const spans = lines
    .map((line, i) => {
      const last = i === lines.length - 1;
      const body =
        last && strong && line.endsWith(strong)
          ? escapeHtml(line.slice(0, -strong.length)) +
            el("tspan", { "font-weight": 700 }, escapeHtml(strong))
          : escapeHtml(line);
      return el("tspan", { x, y: y + i * LINE_HEIGHT }, body);
    })
    .join("");
  return el("text", { x, y, fill: "currentColor", ...extra }, spans);
}
