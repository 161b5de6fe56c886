// "How much inspection and supervision, and what discipline?" Per unit: one chart of inspections
// and supervision, one of complaints and discipline.
import { INSPECTION_ACTIVITIES, type InspectionRow } from "../../data/schemas.ts";
import { formatNumber } from "../../format.ts";
import { subsetLabel, treeGroups } from "../adapters/tree.ts";
import { barChart } from "../bars.ts";
import { describeBars, lowerFirst } from "../describe.ts";
import { periodText } from "../../data/period.ts";
import { unitSlug } from "../unit-name.ts";
import type { BuiltChart } from "./types.ts";
import { treeTable } from "./tree-table.ts";

type Activity = InspectionRow["activity"];

const KINDS: { key: string; title: string; activities: Activity[] }[] = [
  { key: "kiem-tra-giam-sat", title: "Kiểm tra, giám sát", activities: ["kiem-tra", "giam-sat"] },
  { key: "goi-y-kiem-diem", title: "Gợi ý kiểm điểm", activities: ["goi-y-kiem-diem"] },
  { key: "ky-luat-don-thu", title: "Đơn thư và kỷ luật", activities: ["don-thu", "ky-luat"] },
];

function label(r: InspectionRow): string {
  const by = r.performed_by ? ` (${r.performed_by})` : "";
  return r.part_of === undefined
    ? `${INSPECTION_ACTIVITIES[r.activity]}: ${r.subject}${by}`
    : r.subject;
}

function takeawayOf(own: readonly InspectionRow[], kind: string): string {
  const discipline = own.find((r) => r.activity === "ky-luat" && r.part_of === undefined);
  if (kind === "ky-luat-don-thu" && discipline) {
    const forms = own.filter((r) => r.part_of === discipline.id);
    return `Thi hành kỷ luật ${formatNumber(discipline.count)} đảng viên: ${forms.map((f) => `${f.subject.toLowerCase()} ${formatNumber(f.count)}`).join(", ")}.`;
  }
  return summaryOf(own);
}

/**
 * Each stated figure by activity, in source order — never a ranking, since organisations and
 * members are not comparable: "Kiểm tra: 100 tổ chức đảng …; 228 đảng viên … (trong đó 56 …)."
 */
export function summaryOf(own: readonly InspectionRow[]): string {
  const top = own.filter((r) => r.part_of === undefined);
  const activities = [...new Set(top.map((r) => r.activity))];
  return activities
    .map((activity) => {
      const items = top
        .filter((r) => r.activity === activity)
        .map((r) => {
          const subsets = own
            .filter((k) => k.part_of === r.id && k.split === undefined)
            .map((k) => ` (${lowerFirst(subsetLabel(k.subject))}: ${formatNumber(k.count)})`);
          return `${formatNumber(r.count)} ${lowerFirst(r.subject)}${subsets.join("")}`;
        });
      return `${INSPECTION_ACTIVITIES[activity]}: ${items.join("; ")}.`;
    })
    .join(" ");
}

export function inspectionCharts(
  rows: readonly InspectionRow[],
  suffix = "",
): BuiltChart<InspectionRow>[] {
  const units = [...new Set(rows.map((r) => `${r.unit}|${r.period ?? ""}`))];
  return units.flatMap((key) =>
    KINDS.flatMap((kind) => {
      const own = rows.filter(
        (r) => `${r.unit}|${r.period ?? ""}` === key && kind.activities.includes(r.activity),
      );
      if (own.length === 0) return [];
      const first = own[0]!;
      const groups = treeGroups(own.map((r) => ({ ...r, label: label(r), groupLabel: r.subject })));
      const id = `${kind.key}-${unitSlug(first.unit)}${first.period ? `-${first.period}` : ""}${suffix}`;
      const title = `${kind.title} ${periodText(first)}: ${first.unit}`;
      const description = describeBars(groups, "");
      return [
        {
          id,
          title,
          takeaway: takeawayOf(own, kind.key),
          description,
          draw: (layout) => barChart({ id, title, description, groups, unit: "" }, layout),
          table: treeTable(groups, "Nội dung"),
          rows: own,
        },
      ];
    }),
  );
}
