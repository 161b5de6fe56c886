// Datasets record "A of which B, C" as rows pointing at their total (`part_of`). A child row with
// a `split` partitions its total (so a shortfall is an unexplained remainder); without one it is a
// "trong đó" subset and no remainder is implied.
import { formatNumber } from "../../format.ts";
import { lowerFirst } from "../describe.ts";
import { UNKNOWN_KEY, UNKNOWN_LABEL, remainderOf } from "../remainder.ts";
import type { PartRow } from "../../data/row.ts";
import type { Bar, BarGroup } from "../types.ts";

/** A dataset's part row (row.ts) with the label a chart shows for it. */
export type TreeRow = PartRow & {
  label: string;
  qualifier?: string | undefined;
  /** What the row counts, for the heading of its parts ("chi bộ trực thuộc …"); defaults to label. */
  groupLabel?: string;
};

/** "Trong đó: cấp ủy viên" → "Trong đó cấp ủy viên": one "trong đó" whatever the source row says. */
export function subsetLabel(label: string): string {
  const rest = label.replace(/^\s*trong đó\s*:?\s*/i, "");
  return `Trong đó ${lowerFirst(rest)}`;
}

/** "241 chi bộ trực thuộc đảng ủy các xã, thị trấn", ", theo loại đơn" when a total has several splits. */
function groupLabel(parent: TreeRow, split: string | undefined, splits: number): string {
  const base = `${formatNumber(parent.count)} ${lowerFirst(parent.groupLabel ?? parent.label)}`;
  if (split === undefined) return `${base}, trong đó`;
  return splits > 1 ? `${base}, theo ${split}` : base;
}

/** "Trong 241 chi bộ … có", "Theo loại đơn, trong 7 đơn thư tiếp nhận có". */
function introOf(parent: TreeRow, split: string | undefined, splits: number): string {
  const base = `${formatNumber(parent.count)} ${lowerFirst(parent.groupLabel ?? parent.label)}`;
  if (split === undefined) return `${base}, trong đó có`;
  return splits > 1 ? `Theo ${split}, trong ${base} có` : `Trong ${base} có`;
}

/**
 * One group per (total, split): its parts as bars plus, for a split that falls short, a hatched
 * "Không rõ (nguồn không nêu)" bar. Totals without a split and rows that are no parts form a
 * leading group, each total followed by its "trong đó" subsets (bars with `subsetOf`).
 */
export function treeGroups(rows: readonly TreeRow[]): BarGroup[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, TreeRow[]>();
  for (const row of rows) {
    if (row.part_of !== undefined && byId.has(row.part_of)) {
      children.set(row.part_of, [...(children.get(row.part_of) ?? []), row]);
    }
  }
  const isSplit = (id: string) => (children.get(id) ?? []).some((k) => k.split !== undefined);
  // A total is drawn as a bar unless a split turns it into the heading of its parts.
  const isBar = (r: TreeRow) => !isSplit(r.id) && !(r.part_of && byId.has(r.part_of));
  const groups: BarGroup[] = [];
  const loose = rows.filter(isBar).flatMap((r): Bar[] => [
    { key: r.id, label: r.label, value: r.count, qualifier: r.qualifier },
    ...(children.get(r.id) ?? []).map((k) => ({
      key: k.id,
      label: subsetLabel(k.label),
      value: k.count,
      qualifier: k.qualifier,
      subsetOf: r.id,
    })),
  ]);
  if (loose.length > 0) groups.push({ key: "tong", bars: loose });
  for (const parent of rows) {
    const kids = children.get(parent.id);
    if (!kids || isBar(parent)) continue;
    const splits = [...new Set(kids.map((k) => k.split))];
    for (const split of splits) {
      const parts = kids.filter((k) => k.split === split);
      const bars: Bar[] = parts.map((k) => ({
        key: k.id,
        label: k.label,
        value: k.count,
        qualifier: k.qualifier,
      }));
      const rest = split === undefined ? undefined : remainderOf(parent.count, bars);
      if (rest !== undefined) {
        bars.push({
          key: `${parent.id}-${UNKNOWN_KEY}`,
          label: UNKNOWN_LABEL,
          value: rest,
          unknown: true,
        });
      }
      groups.push({
        key: split === undefined ? parent.id : `${parent.id}-${split}`,
        label: groupLabel(parent, split, splits.length),
        bars,
        intro: introOf(parent, split, splits.length),
        total: { key: parent.id, label: parent.label, value: parent.count },
      });
    }
  }
  return groups;
}
