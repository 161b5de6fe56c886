// Scales for bars: always from zero, so lengths compare honestly.
import { scaleLinear, type ScaleLinear } from "d3-scale";

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
