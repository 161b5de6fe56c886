// The "Bảng số liệu" of a part_of tree: every plotted bar, with the derived remainder marked.
import { formatNumber } from "../../format.ts";
import type { ChartTable } from "../definition.ts";
import type { BarGroup } from "../types.ts";

export function treeTable(groups: readonly BarGroup[], firstColumn: string): ChartTable {
  return {
    columns: [firstColumn, "Thuộc nhóm", "Số lượng"],
    numeric: [false, false, true],
    rows: groups.flatMap((g) =>
      g.bars.map((b) => [
        b.unknown ? `${b.label} — tính bằng tổng trừ các phần nguồn nêu` : b.label,
        g.label ?? "—",
        formatNumber(b.value),
      ]),
    ),
  };
}
