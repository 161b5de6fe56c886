// "How many party members does each unit have?" Each unit's headline figure (its latest dated
// one; an undated one only where there is no dated one), totals split into official and
// probationary only where the source does so. Units with more than one figure also get a chart of
// their figures over time: the dated ones along a time axis, the newest marked, undated ones apart.
import type { MemberRow } from "../../data/schemas.ts";
import { inTimeOrder, latestFigure } from "../../data/latest.ts";
import { periodKey, periodMoment, periodText } from "../../data/period.ts";
import { formatNumber } from "../../format.ts";
import type { TitleOf } from "../../content/titles.ts";
import { barChart } from "../bars.ts";
import type { NumberFigure } from "../definition.ts";
import { barValue, describeBars } from "../describe.ts";
import { NEWEST_MARK, newestOf } from "../timeline.ts";
import type { Bar, BarGroup } from "../types.ts";
import { panelNaming, panelsOf, type PanelNaming } from "../panels.ts";
import { historyChart } from "./over-time.ts";

const periodMomentOf = (row: MemberRow) => ({ at: periodMoment(row)! });
import { NOT_SPLIT, type BuiltChart } from "./types.ts";

const SERIES = [
  { key: "chinh-thuc", label: "Chính thức" },
  { key: "du-bi", label: "Dự bị" },
];

export function memberCharts(
  rows: readonly MemberRow[],
  suffix = "",
  titleOf: TitleOf = (slug) => slug,
): BuiltChart<MemberRow>[] {
  const totals = rows.filter((r) => r.status === "tong-so");
  if (totals.length === 0) return [];
  const partsOf = (total: MemberRow) => rows.filter((r) => r.part_of === total.id);
  const units = [...new Set(totals.map((t) => t.unit))];
  const heads = units.map((u) => latestFigure(totals.filter((t) => t.unit === u))!);
  const several = units.filter((u) => totals.filter((t) => t.unit === u).length > 1);
  // Another figure of the same unit and moment (another article): the label names the article.
  const sharesMoment = (t: MemberRow) =>
    t.period !== undefined &&
    totals.some((o) => o !== t && o.unit === t.unit && periodKey(o) === periodKey(t));
  const hasClearNewest = (unit: string) =>
    several.includes(unit) &&
    newestOf(inTimeOrder(totals.filter((t) => t.unit === unit)).map(periodMomentOf)) !== undefined;
  const changes = several
    .map((u) => inTimeOrder(totals.filter((t) => t.unit === u)))
    // A change needs two moments; two articles on one period are not a change.
    .filter((d) => d.length > 1 && periodKey(d[0]!) !== periodKey(d.at(-1)!))
    .map(
      (d) =>
        `${d[0]!.unit}: ${barValue({ value: d[0]!.count, qualifier: d[0]!.qualifier })} (${periodText(d[0]!)}) → ${barValue({ value: d.at(-1)!.count, qualifier: d.at(-1)!.qualifier })} (${periodText(d.at(-1)!)}).`,
    );
  const ordered = [...heads].sort((a, b) => b.count - a.count);
  const panels = panelsOf(ordered);
  const base = { id: "so-dang-vien", title: "Số đảng viên theo đảng bộ", suffix };
  const label = (t: MemberRow) =>
    `${t.unit} (${periodText(t)}${hasClearNewest(t.unit) ? `, số ${NEWEST_MARK}` : ""}${sharesMoment(t) ? `, bài “${titleOf(t.source)}”` : ""})`;
  return [
    ...panels.map((panel) =>
      headlineChart(panel.rows, panelNaming(panels, panel, base), { partsOf, label, changes }),
    ),
    ...historyChart({
      rows: totals,
      id: `so-dang-vien-theo-thoi-gian${suffix}`,
      title: "Số đảng viên theo thời gian",
      unit: "đảng viên",
      titleOf,
      undatedApart: true,
      table: {
        columns: ["Đảng bộ", "Thời điểm", "Tổng số", "Nguồn"],
        numeric: [false, false, true, false],
        cells: (t) => [
          t.unit,
          periodText(t),
          barValue({ value: t.count, qualifier: t.qualifier }),
          titleOf(t.source),
        ],
      },
    }),
  ];
}

/** One panel's headline figures (one level, one period), as bars. */
function headlineChart(
  ordered: MemberRow[],
  naming: PanelNaming,
  { partsOf, label, changes: all }: Headline,
): BuiltChart<MemberRow> {
  const changes = all.filter((c) => ordered.some((t) => c.startsWith(`${t.unit}:`)));
  // Row order in the table and downloads follows the chart's.
  const groups: BarGroup[] = [
    { key: "all", bars: ordered.map((t) => headlineBar(t, partsOf(t), label(t))) },
  ];
  const takeaway = headlineTakeaway(ordered, partsOf, changes);
  const cell = (t: MemberRow, status: string) => {
    const part = partsOf(t).find((p) => p.status === status);
    return part ? formatNumber(part.count) : NOT_SPLIT;
  };
  const { id, title, family } = naming;
  const description = describeBars(groups, "đảng viên", SERIES);
  return {
    id,
    ...(family && { family }),
    title,
    takeaway,
    description,
    draw: (layout) =>
      barChart(
        {
          id,
          title,
          description,
          groups,
          unit: "đảng viên",
          series: SERIES,
          totalLabel: `Tổng số (${NOT_SPLIT})`,
        },
        layout,
      ),
    table: {
      columns: ["Đảng bộ", "Thời điểm", "Tổng số", "Chính thức", "Dự bị"],
      numeric: [false, false, true, true, true],
      rows: ordered.map((t) => [
        t.unit,
        periodText(t),
        barValue({ value: t.count, qualifier: t.qualifier }),
        cell(t, "chinh-thuc"),
        cell(t, "du-bi"),
      ]),
    },
    rows: ordered.flatMap((t) => [t, ...partsOf(t)]),
    ...(ordered.length === 1 && { single: memberFigure(ordered[0]!, partsOf(ordered[0]!)) }),
  };
}

/** A unit's headline figure as a bar, split into official and probationary where the source is. */
function headlineBar(t: MemberRow, parts: readonly MemberRow[], label: string): Bar {
  return {
    key: t.id,
    label,
    value: t.count,
    qualifier: t.qualifier,
    ...(parts.length > 0 && {
      parts: parts.map((p) => ({
        key: p.status,
        label: SERIES.find((s) => s.key === p.status)?.label ?? p.status,
        value: p.count,
      })),
    }),
  };
}

/** The largest unit's headline figure (latest dated, never an older one), changes, and the split. */
function headlineTakeaway(
  ordered: readonly MemberRow[],
  partsOf: Headline["partsOf"],
  changes: readonly string[],
): string {
  const split = ordered.filter((t) => partsOf(t).length > 0);
  const largest = ordered[0]!;
  return (
    `${largest.unit} có ${barValue({ value: largest.count, qualifier: largest.qualifier })} đảng viên (${periodText(largest)}). ` +
    (changes.length > 0 ? `${changes.join(" ")} ` : "") +
    (split.length === 0
      ? "Các nguồn chỉ nêu tổng số, không tách đảng viên chính thức và dự bị."
      : `Chỉ ${[...new Set(split.map((t) => t.unit))].join(", ")} tách đảng viên chính thức và dự bị; nơi khác nguồn chỉ nêu tổng số.`)
  );
}

type Headline = {
  partsOf: (total: MemberRow) => MemberRow[];
  label: (total: MemberRow) => string;
  changes: readonly string[];
};

/** One unit's figure as a number, its split (where the source gives one) beside it. */
function memberFigure(t: MemberRow, parts: readonly MemberRow[]): NumberFigure {
  const split = parts
    .map(
      (p) =>
        `${SERIES.find((s) => s.key === p.status)?.label ?? p.status} ${formatNumber(p.count)}`,
    )
    .join(" · ");
  return {
    value: barValue({ value: t.count, qualifier: t.qualifier }),
    unit: "đảng viên",
    label: t.unit,
    period: periodText(t),
    ...(split && { detail: split }),
    rowId: t.id,
  };
}
