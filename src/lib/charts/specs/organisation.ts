// "How is each unit's party organised?" Organisations by kind, one chart per unit, with parts the
// source leaves unexplained shown as their own hatched bar.
import type { TitleOf } from "../../content/titles.ts";
import { latestFigure } from "../../data/latest.ts";
import type { OrganisationRow } from "../../data/schemas.ts";
import { formatNumber } from "../../format.ts";
import { treeGroups } from "../adapters/tree.ts";
import { barChart } from "../bars.ts";
import { describeBars } from "../describe.ts";
import { periodText } from "../../data/period.ts";
import { unitSlug } from "../unit-name.ts";
import type { BuiltChart } from "./types.ts";
import { historyChart } from "./over-time.ts";
import { treeTable } from "./tree-table.ts";

/** "chi bộ" of "241 chi bộ trực thuộc …": the noun the leftover is counted in, when recognisable. */
function unknownNoun(groupLabel: string | undefined): string {
  const match = /^[\d.]+\s+(chi bộ|đảng bộ|tổ chức(?: đảng)?|cơ sở(?: đảng)?)/i.exec(
    groupLabel ?? "",
  );
  return match ? match[1]!.toLocaleLowerCase("vi") : "tổ chức";
}

function takeawayOf(rows: readonly OrganisationRow[], unit: string, gaps: string[]): string {
  const top = rows.filter((r) => r.part_of === undefined);
  const head = `${unit} (${periodText(rows[0]!)}): ${top.map((r) => `${formatNumber(r.count)} ${r.kind.toLowerCase()}`).join(", ")}.`;
  return gaps.length === 0 ? head : `${head} ${gaps.join(" ")}`;
}

export function organisationCharts(
  rows: readonly OrganisationRow[],
  suffix = "",
  titleOf: TitleOf = (slug) => slug,
): BuiltChart<OrganisationRow>[] {
  const units = [...new Set(rows.map((r) => r.unit))];
  return units.flatMap((unit) => {
    const own = rows.filter((r) => r.unit === unit);
    // One chart per period the unit reports: the newest keeps the unit's id (articles embed it),
    // older ones add their period; figures of two periods are never mixed in one tree.
    const periods = [...new Set(own.map(periodOf))];
    const newest = periodOf(latestFigure(own)!);
    const charts = periods.map((period) =>
      structureChart(
        own.filter((r) => periodOf(r) === period),
        unit,
        period === newest || periods.length === 1
          ? suffix
          : `-${period === "" ? "khong-ghi-thoi-diem" : period}${suffix}`,
      ),
    );
    return [...charts, ...kindsOverTime(own, unit, suffix, titleOf)];
  });
}

const periodOf = (r: OrganisationRow) => r.period ?? "";

function structureChart(
  own: readonly OrganisationRow[],
  unit: string,
  suffix: string,
): BuiltChart<OrganisationRow> {
  const groups = treeGroups(own.map((r) => ({ ...r, label: r.kind })));
  const gaps = groups.flatMap((g) => {
    const unknown = g.bars.find((b) => b.unknown);
    if (!unknown) return [];
    const total = g.bars.reduce((s, b) => s + b.value, 0);
    return [
      `Nguồn nêu tổng ${formatNumber(total)} nhưng chỉ kể ra ${formatNumber(total - unknown.value)}; ${formatNumber(unknown.value)} ${unknownNoun(g.label)} còn lại không rõ loại.`,
    ];
  });
  const id = `to-chuc-${unitSlug(unit)}${suffix}`;
  const title = `Tổ chức đảng: ${unit}`;
  const description = describeBars(groups, "");
  return {
    id,
    title,
    takeaway: takeawayOf(own, unit, gaps),
    description,
    draw: (layout) => barChart({ id, title, description, groups, unit: "" }, layout),
    table: treeTable(groups, "Loại tổ chức"),
    rows: [...own],
  };
}

/** Each top-level kind the unit reports for more than one period, along a time axis. */
function kindsOverTime(
  own: readonly OrganisationRow[],
  unit: string,
  suffix: string,
  titleOf: TitleOf,
): BuiltChart<OrganisationRow>[] {
  const top = own.filter((r) => r.part_of === undefined);
  // One series per kind: series are per unit, so the kind goes into the series' name.
  const byId = new Map(top.map((r) => [r.id, r]));
  return historyChart({
    rows: top.map((r) => ({ ...r, unit: `${r.kind} (${unit})` })),
    id: `to-chuc-${unitSlug(unit)}-theo-thoi-gian${suffix}`,
    title: `Tổ chức đảng qua các thời điểm: ${unit}`,
    unit: "",
    titleOf,
    table: {
      columns: ["Loại tổ chức", "Thời điểm", "Số"],
      numeric: [false, false, true],
      cells: (r) => [r.kind, periodText(r), formatNumber(r.count)],
    },
  }).map((chart) => ({ ...chart, rows: chart.rows.map((r) => byId.get(r.id)!) }));
}
