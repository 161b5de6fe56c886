// The outer <svg>: role="img", labelled by its <title> and <desc>, sized in em like text.
import { escapeHtml } from "../html.ts";
import { el } from "./svg.ts";
import { FONT, widthOf, type Layout } from "./metrics.ts";

export type FrameInput = {
  /** The chart's id (`data-chart`); ids inside are prefixed with `svgIdOf(id, layout)`. */
  id: string;
  layout: Layout;
  title: string;
  description: string;
  height: number;
  body: string;
  defs?: string;
};

/** Prefix of every id inside one layout of a chart, so the layouts of one page never share ids. */
export function svgIdOf(chartId: string, layout: Layout): string {
  return `${chartId}-${layout.name}`;
}

/**
 * A complete standalone-valid SVG document. Width and height are in em with the viewBox in user
 * units of FONT per em, so the drawing scales with the text around it and is never stretched to
 * its column (max-width: 100% may only shrink it); standalone, 1em is 16 px.
 */
export function chartFrame(input: FrameInput): string {
  const { layout, height, body } = input;
  const h = Math.ceil(height);
  return chartSvg(
    input,
    `chart-svg chart-svg--${layout.name}`,
    {
      width: `${layout.em}em`,
      height: `${Math.round((h / FONT) * 1000) / 1000}em`,
      viewBox: `0 0 ${widthOf(layout)} ${h}`,
    },
    // Text in user units: FONT is one chart em whatever the page's size.
    el("g", { "font-size": FONT }, body),
  );
}

/**
 * The outer <svg> of every chart, fixed or fluid (fluid.ts): its accessible name (<title> and
 * <desc>), font and data keys, with the size and drawing each form gives.
 */
export function chartSvg(
  { id, layout, title, description, defs }: Omit<FrameInput, "height" | "body">,
  className: string,
  size: Record<string, string>,
  drawing: string,
): string {
  const prefix = svgIdOf(id, layout);
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      class: className,
      id: `${prefix}-svg`,
      role: "img",
      "aria-labelledby": `${prefix}-title ${prefix}-desc`,
      ...size,
      "font-family": "'Be Vietnam Pro', Arial, sans-serif",
      "data-chart": id,
      "data-layout": layout.name,
    },
    el("title", { id: `${prefix}-title` }, escapeHtml(title)) +
      el("desc", { id: `${prefix}-desc` }, escapeHtml(description)) +
      (defs ? `<defs>${defs}</defs>` : "") +
      drawing,
  );
}

/** Wraps a drawn mark in a focusable group with its tooltip text and series. */
export type Mark = (tip: string, series: string, children: string) => string;

/**
 * Focusable marks with one Tab stop per chart (roving tabindex): the first mark made is in the Tab
 * order, the rest are reached with arrow keys (chart-tooltip.ts). The tooltip script reads
 * `data-tip`, highlighting uses `data-series`.
 */
export function markMaker(): Mark {
  let first = true;
  return (tip, series, children) => {
    const tabindex = first ? 0 : -1;
    first = false;
    return el(
      "g",
      { class: "chart-mark", tabindex, "data-tip": tip, "data-series": series },
      children,
    );
  };
}
