// Layout constants in SVG user units, where FONT user units are one chart em.
//
// How charts are sized like text (issue 10). Three options were weighed against the widths (288 px
// column at 320 px with A+ = 27 px text, up to 1,184 px at 1280) and sizes: (a) one layout with Plot-style width/height/viewBox and max-width: 100% (never
// magnifies, but one layout narrow enough for a phone at A+ leaves desktop charts a narrow strip,
// and a wide one shrinks its text to ~0.6× body on a phone); (b) HTML rows with SVG marks as
// Datawrapper draws bars (text always exact, but the downloadable SVG and PNG then need a second
// renderer, and stacked shares and bullets need their own HTML); (c) each chart laid out at a few
// widths measured in em, the svg sized in em (width = layout em, so it grows with A-/A/A+ and zoom
// exactly as text does) and CSS container queries showing the widest layout that fits its column.
// We use (c): one renderer, one SVG per layout that is also the download, text at CHART_TEXT_EM of
// the body at every width and reading size (a layout is never magnified, and shrinks below 1 only
// when a column is narrower than the narrowest layout; tests/e2e/chart-sizing.test.ts measures it).

/** A build-time layout: `em` is its width in chart em; the container query picks the widest that fits. */
export type Layout = { name: "hep" | "vua" | "rong"; em: number };

/** Narrow (phones, A+), medium (article columns, dashboard grid cells), wide (roomy columns). */
export const LAYOUTS: readonly Layout[] = [
  { name: "hep", em: 12 },
  { name: "vua", em: 20 },
  { name: "rong", em: 30 },
];

/** The layout a renderer uses when given none (unit tests): the medium one. */
export const STANDARD_LAYOUT: Layout = LAYOUTS[1]!;

/** The layout published as the SVG download: the widest. */
export const DOWNLOAD_LAYOUT: Layout = LAYOUTS[LAYOUTS.length - 1]!;

/** Chart text size relative to the surrounding body text (issue 10: 0.8–1.0). */
export const CHART_TEXT_EM = 0.9;

/** One chart em, in user units. */
export const FONT = 16;

/**
 * The spacing scale: every gap in a chart is one of these steps, each a fraction of one chart em,
 * so spacing keeps its proportion to the text (never a bare `+ 6`).
 */
export const SPACE = {
  /** 2: a hair, e.g. a heading to the list under it. */
  hair: FONT / 8,
  /** 3: how far a rule reaches past the bar it marks. */
  tick: (FONT * 3) / 16,
  /** 4: text to the mark it belongs to. */
  xs: FONT / 4,
  /** 6: a label to its bar. */
  s: (FONT * 3) / 8,
  /** 8: the chart's margin. */
  m: FONT / 2,
  /** 12: between items of a row. */
  l: (FONT * 3) / 4,
  /** 16: an indent. */
  xl: FONT,
} as const;

/** Margin around the drawing. */
export const PAD = SPACE.m;
/** Average advance of a Vietnamese character in Be Vietnam Pro, in em, with room for bold. */
export const CHAR_EM = 0.58;
export const LINE_HEIGHT = 1.35 * FONT;
export const BAR_HEIGHT = FONT;
/** Strokes that carry meaning: the 100% target rule (and its key), a line through figures. */
export const BOLD_STROKE = 2.5;
/** Secondary text (notes, figures inside segments), in chart em. */
export const SMALL_EM = 0.9;
/** Axis tick labels, in chart em. */
export const TICK_EM = 0.85;
/** A line of text is centred on a point when its baseline is this many of its em below it. */
const CENTRE_BASELINE_EM = 0.35;
/** Wide layouts put labels beside bars from this width (in chart em) up. */
export const SIDE_LABELS_FROM_EM = 26;

/** What a chart's layout pass is told of its space: the width, and where labels go. */
export type Space = {
  /** Width of the drawing, in user units. */
  width: number;
  /** "above": each label over what it names; "beside": labels in a column left of the plot. */
  labels: "above" | "beside";
};

/** The space of a layout: labels beside the plot from SIDE_LABELS_FROM_EM up. */
export function spaceOf(layout: Layout): Space {
  return {
    width: widthOf(layout),
    // Fluid page layouts (fluid.ts) always put labels above: only the plot stretches.
    labels: layout.em >= SIDE_LABELS_FROM_EM && !("fluid" in layout) ? "beside" : "above",
  };
}

/** Characters of a line as wide as the chart inside its margins. */
export function fullLineChars(width: number): number {
  return charsThatFit(width - 2 * PAD);
}

/** The baseline that centres a line of text of `em` chart em on `centre`. */
export function centredBaseline(centre: number, em = 1): number {
  return centre + FONT * em * CENTRE_BASELINE_EM;
}

/** The layout's width in user units. */
export function widthOf(layout: Layout): number {
  return layout.em * FONT;
}

/** Characters that fit in `width` user units. */
export function charsThatFit(width: number): number {
  return Math.max(8, Math.floor(width / (FONT * CHAR_EM)));
}

/** Approximate width of a one-line label. */
export function textWidth(text: string): number {
  return text.normalize("NFC").length * FONT * CHAR_EM;
}
