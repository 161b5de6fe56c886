// The "Bảng số liệu" of a part_of tree: every plotted figure — each total before its parts, the
// parts, "trong đó" subsets and the derived remainder (marked) — once each.
import { formatNumber } from "../../format.ts";
import type { ChartTable } from "../definition.ts";
import { barValue } from "../describe.ts";
import type { BarGroup } from "../types.ts";

export function treeTable(groups: readonly BarGroup[], firstColumn: string): ChartTable {
  const labels = new Map(groups.flatMap((g) => g.bars.map((b) => [b.key, b.label] as const)));
  const shown = new Set<string>();
  const rows: string[][] = [];
  for (const g of groups) {
    // A total drawn as a bar elsewhere (241 chi bộ of the 290) is already in the table.
    if (g.total && !shown.has(g.total.key) && !labels.has(g.total.key)) {
      shown.add(g.total.key);
      rows.push([g.total.label, "—", formatNumber(g.total.value)]);
    }
    for (const b of g.bars) {
      const of = b.subsetOf === undefined ? undefined : labels.get(b.subsetOf);
      rows.push([
        b.unknown ? `${b.label} — tính bằng tổng trừ các phần nguồn nêu` : b.label,
        of ?? g.label ?? "—",
        barValue(b),
      ]);
    }
  }
  return { columns: [firstColumn, "Thuộc nhóm", "Số lượng"], numeric: [false, false, true], rows };
}
