// Which dated figure is the newest, and which share a moment: the chart, its tooltips and its text
// alternative all say it the same way.
import type { TimelinePoint } from "../types.ts";

/** Said after the newest dated figure, in the chart, its tooltip and its text alternative. */
export const NEWEST_MARK = "mới nhất";

/**
 * The newest dated figure: the last, unless another figure shares its moment (two articles giving
 * one period different figures: neither is newer).
 */
export function newestOf<P extends { at: number }>(points: readonly P[]): P | undefined {
  const last = points.at(-1);
  if (!last || points.length < 2) return undefined;
  return points.filter((p) => p.at === last.at).length === 1 ? last : undefined;
}

/** Groups of points that share one moment: the axis cannot tell them apart, a note must. */
export function sameMoment(points: readonly TimelinePoint[]): TimelinePoint[][] {
  const byMoment = new Map<number, TimelinePoint[]>();
  for (const p of points) byMoment.set(p.at, [...(byMoment.get(p.at) ?? []), p]);
  return [...byMoment.values()].filter((g) => g.length > 1);
}

/** The moments more than one figure shares. */
export function sharedMoments(points: readonly TimelinePoint[]): Set<number> {
  return new Set(sameMoment(points).map((g) => g[0]!.at));
}
