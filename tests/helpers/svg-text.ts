// The text lines of a chart SVG with their estimated boxes (metrics.ts textWidth), to check that
// nothing runs out of the viewBox and that no two labels overlap.
import { FONT, textWidth } from "../../src/lib/charts/metrics.ts";

export type TextBox = {
  text: string;
  className: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
};

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function unescape(text: string): string {
  return text
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The viewBox width of an SVG. */
export function viewBoxWidth(svg: string): number {
  return Number(/viewBox="0 0 ([\d.]+) [\d.]+"/.exec(svg)![1]);
}

/** One box per line of every <text>: its extent by anchor, a line from ascent to descent. */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  for (const match of svg.matchAll(/(<text\b[^>]*>)(.*?)<\/text>/g)) {
    const [, open, inner] = match as unknown as [string, string, string];
    const size =
      FONT * (attr(open, "font-size")?.endsWith("em") ? parseFloat(attr(open, "font-size")!) : 1);
    const anchor = attr(open, "text-anchor") ?? "start";
    const className = attr(open, "class") ?? "";
    const starts = [...inner.matchAll(/<tspan x="([^"]+)" y="([^"]+)">/g)];
    const lines =
      starts.length === 0
        ? [{ x: Number(attr(open, "x")), y: Number(attr(open, "y")), body: inner }]
        : starts.map((s, i) => ({
            x: Number(s[1]),
            y: Number(s[2]),
            body: inner.slice(s.index! + s[0].length, starts[i + 1]?.index ?? inner.length),
          }));
    for (const line of lines) {
      const text = unescape(line.body);
      const w = (textWidth(text) * size) / FONT;
      const left = anchor === "middle" ? line.x - w / 2 : anchor === "end" ? line.x - w : line.x;
      boxes.push({
        text,
        className,
        left,
        right: left + w,
        top: line.y - size * 0.8,
        bottom: line.y + size * 0.2,
      });
    }
  }
  return boxes;
}

/** Whether two boxes share any area. */
export function overlap(a: TextBox, b: TextBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
