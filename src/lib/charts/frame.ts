// The outer <svg>: role="img", labelled by its <title> and <desc>, sized by viewBox only.
import { el, escapeXml } from "./svg.ts";
import { ROOT_FONT_SIZE, WIDTH } from "./metrics.ts";

export type FrameInput = {
  id: string;
  title: string;
  description: string;
  height: number;
  body: string;
  defs?: string;
};

/** A complete standalone-valid SVG document; no fixed pixel size, so it fills its container. */
export function chartFrame({ id, title, description, height, body, defs }: FrameInput): string {
  // One Tab stop per chart (roving tabindex): arrow keys move between marks (chart-tooltip.ts).
  let first = true;
  const marks = body.replace(/ tabindex="0"/g, (stop) => {
    if (!first) return ' tabindex="-1"';
    first = false;
    return stop;
  });
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      class: "chart-svg",
      id: `${id}-svg`,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      viewBox: `0 0 ${WIDTH} ${Math.ceil(height)}`,
      "font-size": ROOT_FONT_SIZE,
      "font-family": "'Be Vietnam Pro', Arial, sans-serif",
      "data-chart": id,
    },
    el("title", { id: `${id}-title` }, escapeXml(title)) +
      el("desc", { id: `${id}-desc` }, escapeXml(description)) +
      (defs ? `<defs>${defs}</defs>` : "") +
      marks,
  );
}

/** A focusable mark: the tooltip script reads `data-tip`, highlighting uses `data-series`. */
export function mark(tip: string, series: string, children: string): string {
  return el(
    "g",
    { class: "chart-mark", tabindex: 0, "data-tip": tip, "data-series": series },
    children,
  );
}
