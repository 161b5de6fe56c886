// "How many members received party badges, by years of membership?"
import type { BadgeRow } from "../../data/schemas.ts";
import { qualified } from "../../data/qualifiers.ts";
import { formatNumber } from "../../format.ts";
import type { NumberFigure } from "../definition.ts";
import { panelNaming, panelsOf, type PanelNaming } from "../panels.ts";
import { treeGroups } from "../adapters/tree.ts";
import { barChart } from "../bars.ts";
import { describeBars } from "../describe.ts";
import { periodText } from "../../data/period.ts";
import type { BuiltChart } from "./types.ts";
import { treeTable } from "./tree-table.ts";

const ACTIONS: Record<BadgeRow["action"], string> = {
  "de-nghi-tang": "đề nghị tặng",
  "trao-tang": "trao tặng",
};

// Short labels: the title says "Huy hiệu Đảng theo số năm tuổi Đảng", so a part is "30 năm".
function label(r: BadgeRow, isPart: boolean): string {
  if (isPart && r.years !== undefined) return `${r.years} năm`;
  const what = r.years === undefined ? "Huy hiệu Đảng" : `Huy hiệu ${r.years} năm tuổi Đảng`;
  return `${what}, ${ACTIONS[r.action]} — ${r.unit}, ${periodText(r)}`;
}

/** One figure of badges as a number: which badge and what was done with it, whose and when. */
function badgeFigure(r: BadgeRow): NumberFigure {
  const what = r.years === undefined ? "Huy hiệu Đảng" : `Huy hiệu ${r.years} năm tuổi Đảng`;
  return {
    value: qualified(formatNumber(r.count), r.qualifier),
    unit: `đồng chí được ${ACTIONS[r.action]} ${what}`,
    label: r.unit,
    period: periodText(r),
    rowId: r.id,
  };
}

/** One chart per level and period: a district's proposals are not set against a bloc's awards. */
export function badgeCharts(rows: readonly BadgeRow[], suffix = ""): BuiltChart<BadgeRow>[] {
  const panels = panelsOf(rows);
  const base = { id: "huy-hieu", title: "Huy hiệu Đảng theo số năm tuổi Đảng", suffix };
  return panels.map((panel) => badgeChart(panel.rows, panelNaming(panels, panel, base)));
}

function badgeChart(
  rows: readonly BadgeRow[],
  { id, title, family }: PanelNaming,
): BuiltChart<BadgeRow> {
  const ids = new Set(rows.map((r) => r.id));
  const groups = treeGroups(
    rows.map((r) => ({
      ...r,
      label: label(r, r.part_of !== undefined && ids.has(r.part_of)),
      groupLabel: `đồng chí được ${ACTIONS[r.action]} Huy hiệu Đảng (${r.unit}, ${periodText(r)})`,
    })),
  );
  const description = describeBars(groups, "đồng chí");
  // One clause per unit and action: a unit's proposals are not comparable with another's awards.
  const totals = rows.filter((r) => r.part_of === undefined || !ids.has(r.part_of));
  const takeaway = totals
    .map((t) => {
      const what = t.years === undefined ? "Huy hiệu Đảng" : `Huy hiệu ${t.years} năm tuổi Đảng`;
      const parts = rows
        .filter((r) => r.part_of === t.id && r.years !== undefined)
        .sort((a, b) => b.count - a.count);
      const most = parts[0]
        ? `, nhiều nhất Huy hiệu ${parts[0].years} năm tuổi Đảng (${formatNumber(parts[0].count)})`
        : "";
      return `${t.unit} ${ACTIONS[t.action]} ${what} cho ${formatNumber(t.count)} đồng chí (${periodText(t)})${most}`;
    })
    .join("; ");
  return {
    id,
    ...(family && { family }),
    title,
    takeaway: `${takeaway}.`,
    description,
    draw: (layout) => barChart({ id, title, description, groups, unit: "đồng chí" }, layout),
    table: treeTable(groups, "Huy hiệu"),
    rows: [...rows],
    ...(rows.length === 1 && { single: badgeFigure(rows[0]!) }),
  };
}
