// Greedy word wrap for labels: Vietnamese words are short syllables, so spaces are good breaks.
import { el, escapeXml } from "./svg.ts";
import { LINE_HEIGHT } from "./metrics.ts";

/** Splits `text` into lines of at most `maxChars` characters; a longer word keeps its own line. */
export function wrapText(text: string, maxChars: number): string[] {
  const words = text.normalize("NFC").trim().split(/\s+/).filter(Boolean);
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

/** A `<text>` with one `<tspan>` per line; `y` is the first baseline. */
export function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  extra: Record<string, string | number | undefined> = {},
): string {
  const spans = lines
    .map((line, i) => el("tspan", { x, y: y + i * LINE_HEIGHT }, escapeXml(line)))
    .join("");
  return el("text", { x, y, fill: "currentColor", ...extra }, spans);
}
