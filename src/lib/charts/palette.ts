// Okabe-Ito hues, darkened where needed for 3:1 contrast on white; none near the brand red.

/** Colours for series, in order; each has at least 3:1 contrast against white. */
export const SERIES_COLOURS = ["#0072B2", "#B86E00", "#009E73", "#CC79A7", "#5F6B76"] as const;

/** A total the source does not split into parts. */
export const TOTAL_COLOUR = "#5F6B76";

/** Stroke of the hatched "unknown" remainder; the fill is a pattern of the same colour. */
export const UNKNOWN_COLOUR = "#767676";

/** The page behind the chart: the gap between stacked segments, the inside of a hollow dot. */
export const PAPER = "#fff";

/** Light track behind bullet bars and grid lines: decoration only. */
export const TRACK_COLOUR = "#E8E8E8";
export const RULE_COLOUR = "#8C8C8C";

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Id of the hatch pattern inside a chart; derived from the chart id so it stays stable. */
export function hatchId(chartId: string): string {
  return `${chartId}-hatch`;
}

/** Diagonal hatching for parts the source leaves unexplained. */
export function hatchPattern(chartId: string): string {
  return (
    `<pattern id="${hatchId(chartId)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#F2F2F2"/>` +
    `<line x1="0" y1="0" x2="0" y2="6" stroke="${UNKNOWN_COLOUR}" stroke-width="2"/></pattern>`
  );
}
