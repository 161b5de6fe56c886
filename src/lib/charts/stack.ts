// "100% stacked" as a transform: d3's stack with the expand offset, robust to gaps and zeros.
import { stack, stackOffsetExpand } from "d3-shape";

export type ShareInput = {
  key: string;
  parts: ReadonlyArray<{ key: string; count: number | undefined }>;
};

export type ShareSegment = {
  part: string;
  count: number;
  /** Position of the segment in [0, 1]. */
  start: number;
  end: number;
  share: number;
};

/** Part keys in first-seen order across rows. */
export function partKeys(rows: readonly ShareInput[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const part of row.parts) keys.add(part.key);
  return [...keys];
}

/**
 * One list of segments per row, each row's shares summing to 1. Missing or invalid counts count
 * as zero; a row whose parts are all zero gets zero-width segments (never NaN).
 */
export function stackShares(rows: readonly ShareInput[]): ShareSegment[][] {
  const keys = partKeys(rows);
  const counts = rows.map((row) => {
    const byKey = new Map<string, number>();
    for (const part of row.parts) {
      const n = part.count;
      byKey.set(part.key, n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);
    }
    return byKey;
  });
  const series = stack<Map<string, number>>()
    .keys(keys)
    .value((d, key) => d.get(key) ?? 0)
    .offset(stackOffsetExpand)(counts);
  return rows.map((row, j) =>
    row.parts.map((part) => {
      const point = series[keys.indexOf(part.key)]![j]!;
      const [start, end] = [point[0] || 0, point[1] || 0];
      return { part: part.key, count: counts[j]!.get(part.key)!, start, end, share: end - start };
    }),
  );
}
