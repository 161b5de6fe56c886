// One SVG that fills the width it is given (issue 25): the layout pass runs once at a nominal
// width with labels above the bars, then the drawing is split into two layers. Bars, tracks and
// rules go in a plot layer stretched across the whole width (preserveAspectRatio="none", strokes
// kept thin with non-scaling-stroke); text, keys and swatches go in a text layer scaled only with
// the text (its viewBox is as tall as the drawing and a hair wide, so "meet" scales by height).
// Axis ticks are placed in % of the width, so they follow their bars. The svg is as tall as the
// layout in em, so it grows with A-/A/A+ exactly like text. Wider layouts only change wrapping.
import { chartSvg, type FrameInput } from "./frame.ts";
import { FONT, PAD, TICK_EM, type Layout } from "./metrics.ts";
import { el, round } from "./svg.ts";

/** A nominal layout for pages: drawn once, stretched to its container. */
export type FluidLayout = Layout & { fluid: true };

/**
 * Layouts pages inline, each shown from its own width up (ChartFigure's container queries), so its
 * words always fit: they differ only in where labels wrap. Two, not three: a third wrapping for
 * roomy columns cost ~50 elements a chart for lines that only get longer.
 */
export const FLUID_LAYOUTS: readonly FluidLayout[] = [
  { name: "hep", em: 12, fluid: true },
  { name: "vua", em: 20, fluid: true },
  { name: "rong", em: 30, fluid: true },
];

export function isFluid(layout: Layout): layout is FluidLayout {
  return (layout as Partial<FluidLayout>).fluid === true;
}

/** Where the value axis runs in the layout's user units: it becomes 0–100% of the width. */
export type PlotSpan = { left: number; right: number };

type Layers = { plot: string[]; text: string[]; ticks: string[] };

/** The top-level elements of drawn marks (our own well-formed markup), in order. */
function topLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of body.matchAll(/<(\/?)[a-zA-Z][^>]*?(\/?)>/g)) {
    const [tag, closing, selfClosing] = match;
    if (depth === 0 && !closing) start = match.index;
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0) out.push(body.slice(start, match.index + tag.length));
  }
  return out;
}

/** Text, keys and swatches keep their shape; bars, tracks and rules stretch; ticks move in %. */
function layersOf(body: string): Layers {
  const layers: Layers = { plot: [], text: [], ticks: [] };
  for (const piece of topLevel(body)) {
    if (piece.includes('class="chart-tick"')) layers.ticks.push(piece);
    else if (/^<(text|g class="chart-legend"|rect[^>]*class="chart-swatch")/.test(piece)) {
      layers.text.push(piece);
    } else layers.plot.push(piece);
  }
  return layers;
}

const number = (piece: string, name: string) =>
  Number(piece.match(new RegExp(` ${name}="([-\\d.]+)"`))?.[1] ?? 0);

/** A tick at its share of the axis; the last one ends at the edge instead of running past it. */
function fluidTick(piece: string, span: PlotSpan): string {
  const share = (number(piece, "x") - span.left) / (span.right - span.left);
  const anchor = share <= 0.005 ? "start" : share >= 0.995 ? "end" : "middle";
  const text = piece.replace(/^<text[^>]*>/, "").replace(/<\/text>$/, "");
  const bold = piece.includes('font-weight="700"');
  return el(
    "text",
    {
      x: `${round(share * 100)}%`,
      // In the tick's own em: its font size is TICK_EM of the chart's.
      y: `${round(number(piece, "y") / FONT / TICK_EM)}em`,
      "text-anchor": anchor,
      fill: "currentColor",
      "font-size": `${TICK_EM}em`,
      "font-weight": bold ? 700 : undefined,
      class: "chart-tick",
    },
    text,
  );
}

/** Strokes in the stretched layer stay as thin as drawn. */
const unstretched = (markup: string) =>
  markup.replace(/<(rect|line)\b/g, '<$1 vector-effect="non-scaling-stroke"');

/**
 * The copies a page needs: the narrow one, and a wider one only where its words wrap
 * differently from the last copy kept (otherwise that one serves the wider widths too). A renderer without a fluid form
 * (the timeline) keeps its fixed layouts, `fixed`.
 */
export function pageCopies<T extends { layout: Layout; svg: string }>(
  fluid: readonly T[],
  fixed: readonly T[],
): T[] {
  const [narrow, ...wider] = fluid;
  if (!narrow?.svg.includes("chart-svg--fluid")) return [...fixed];
  const words = (svg: string) =>
    [
      ...svg.matchAll(
        /<svg class="chart-text-layer"[^>]*>([\s\S]*?)<\/svg>|<text[^>]*class="chart-tick"[^>]*>[^<]*<\/text>/g,
      ),
    ]
      .map((m) => m[0])
      .join("");
  const kept = [narrow];
  for (const copy of wider) if (words(copy.svg) !== words(kept.at(-1)!.svg)) kept.push(copy);
  return kept;
}

/** The page's SVG of a chart: full width, as tall as its layout in em, one copy for every width. */
export function fluidFrame(input: FrameInput & { plot: PlotSpan }): string {
  const { layout, height, body, plot } = input;
  const h = Math.ceil(height);
  const layers = layersOf(body);
  const layer = (viewBox: string, aspect: string, cls: string, children: string) =>
    el(
      "svg",
      {
        class: cls,
        width: "100%",
        height: "100%",
        viewBox,
        preserveAspectRatio: aspect,
        overflow: "visible",
      },
      children,
    );
  return chartSvg(
    input,
    `chart-svg chart-svg--${layout.name} chart-svg--fluid`,
    { width: "100%", height: `${round(h / FONT)}em`, overflow: "visible" },
    layer(
      `${round(plot.left)} 0 ${round(plot.right - plot.left)} ${h}`,
      "none",
      "chart-plot-layer",
      unstretched(layers.plot.join("")),
    ) +
      layer(
        `${PAD} 0 1 ${h}`,
        "xMinYMin meet",
        "chart-text-layer",
        el("g", { "font-size": FONT }, layers.text.join("")),
      ) +
      layers.ticks.map((t) => fluidTick(t, plot)).join(""),
  );
}
