// Scales for bars: always from zero, so lengths compare honestly; ticks that fit their axis.
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { formatPercentPoints } from "../format.ts";
import { FONT, TICK_EM, textWidth } from "./metrics.ts";

/** Linear scale from 0 to max(values) onto [start, end]; an empty or all-zero input maps 0 to start. */
export function zeroBasedScale(
  values: readonly number[],
  start: number,
  end: number,
): ScaleLinear<number, number> {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  const max = finite.length === 0 ? 1 : Math.max(...finite);
  return scaleLinear().domain([0, max]).range([start, end]);
}

/** Scale for "percent of target": 0 to at least 100 (the target line), further when exceeded. */
export function percentOfTargetScale(
  percents: readonly number[],
  start: number,
  end: number,
): ScaleLinear<number, number> {
  const finite = percents.filter((v) => Number.isFinite(v));
  const max = Math.max(100, ...finite);
  return scaleLinear()
    .domain([0, Math.ceil(max / 10) * 10])
    .range([start, end]);
}

/** Round ticks for a percent axis, formatted by the caller. */
export function percentTicks(scale: ScaleLinear<number, number>): number[] {
  const [, max] = scale.domain() as [number, number];
  return scale.ticks(4).filter((t) => t <= max);
}

/** Least room between two neighbouring tick labels. */
const TICK_CLEARANCE = (FONT * 5) / 8;

/**
 * Percent ticks whose labels stay apart, as many as the axis has room for: every 20% where they
 * fit, else 0, 50 and 100%, else two.
 */
export function fittingTicks(x: ScaleLinear<number, number>): number[] {
  const [, max] = x.domain() as [number, number];
  for (const count of [5, 3, 2]) {
    const ticks = x.ticks(count).filter((t) => t <= max);
    const widths = ticks.map((t) => textWidth(formatPercentPoints(t)) * TICK_EM);
    // Centred labels (the first starts at its tick): half of each neighbour plus a gap.
    const clear = ticks.every(
      (t, i) =>
        i === 0 ||
        x(t) - x(ticks[i - 1]!) >=
          widths[i]! / 2 + (i === 1 ? widths[0]! : widths[i - 1]! / 2) + TICK_CLEARANCE,
    );
    if (clear) return ticks;
  }
  return [0, 100].filter((t) => t <= max);
}
