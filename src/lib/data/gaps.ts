// Where a source's parts add up to less than its stated total, the remainder is shown, never hidden.

import type { PartRow } from "./row.ts";

export type Gap = {
  /** Id of the total row. */
  totalId: string;
  /** The breakdown whose parts fall short (never empty: “trong đó” subsets have no gap). */
  split: string;
  total: number;
  partsSum: number;
  /** total − partsSum: derived, the source does not explain it. */
  missing: number;
  partIds: string[];
};

export function computeGaps(rows: readonly PartRow[]): Gap[] {
  const totals = new Map(rows.map((r) => [r.id, r]));
  const groups = new Map<string, Gap>();
  for (const row of rows) {
    if (!row.part_of || !row.split) continue;
    const total = totals.get(row.part_of);
    if (!total) continue;
    const key = `${row.part_of}\u0000${row.split}`;
    const gap = groups.get(key) ?? {
      totalId: total.id,
      split: row.split,
      total: total.count,
      partsSum: 0,
      missing: 0,
      partIds: [],
    };
    gap.partsSum += row.count;
    gap.partIds.push(row.id);
    groups.set(key, gap);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, missing: g.total - g.partsSum }))
    .filter((g) => g.missing > 0);
}
