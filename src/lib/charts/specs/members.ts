// "How many party members does each unit have?" Totals, split into official and probationary
// only where the source does so. A unit with figures for several periods gets its own group: the
// dated figures in time order (the newest marked), then any undated one apart, labelled undated.
import type { MemberRow } from "../../data/schemas.ts";
import { inTimeOrder, latestFigure } from "../../data/latest.ts";
import { formatNumber } from "../../format.ts";
import type { TitleOf } from "../../content/titles.ts";
import { barChart } from "../bars.ts";
import { barValue, describeBars } from "../describe.ts";
import { periodText } from "../period.ts";
import type { Bar, BarGroup } from "../types.ts";
import { NOT_SPLIT, type BuiltChart } from "./types.ts";

const SERIES = [
  { key: "chinh-thuc", label: "Chính thức" },
  { key: "du-bi", label: "Dự bị" },
];

export const NEWEST_MARK = "mới nhất";

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/**
 * Labels for one unit's figures: the period ("Năm 2020", "Không ghi thời điểm"), the newest dated
 * one marked, and the source article added wherever two figures would otherwise share a label.
 */
function seriesLabels(
  figures: readonly MemberRow[],
  newest: MemberRow | undefined,
  titleOf: TitleOf,
): Map<MemberRow, string> {
  const base = new Map(figures.map((f) => [f, upperFirst(periodText(f))]));
  const counts = new Map<string, number>();
  for (const label of base.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
  return new Map(
    figures.map((f) => {
      let label = base.get(f)!;
      if (counts.get(label)! > 1) label += ` (bài “${titleOf(f.source)}”)`;
      if (f === newest) label += ` — ${NEWEST_MARK}`;
      return [f, label];
    }),
  );
}

export function memberCharts(
  rows: readonly MemberRow[],
  suffix = "",
  titleOf: TitleOf = (slug) => slug,
): BuiltChart<MemberRow>[] {
  const totals = rows.filter((r) => r.status === "tong-so");
  if (totals.length === 0) return [];
  const partsOf = (total: MemberRow) => rows.filter((r) => r.part_of === total.id);
  const toBar = (t: MemberRow, label: string): Bar => {
    const parts = partsOf(t);
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
  };
  const units = [...new Set(totals.map((t) => t.unit))];
  const single = units.filter((u) => totals.filter((t) => t.unit === u).length === 1);
  const several = units.filter((u) => !single.includes(u));
  const singles = totals.filter((t) => single.includes(t.unit)).sort((a, b) => b.count - a.count);
  const groups: BarGroup[] = [];
  if (singles.length > 0) {
    groups.push({
      key: "all",
      bars: singles.map((t) => toBar(t, `${t.unit} (${periodText(t)})`)),
    });
  }
  // Row order in the table and downloads follows the chart's.
  const ordered: MemberRow[] = [...singles];
  for (const unit of several) {
    const own = totals.filter((t) => t.unit === unit);
    const dated = inTimeOrder(own);
    const undated = own.filter((t) => t.period === undefined);
    const labels = seriesLabels([...dated, ...undated], dated.at(-1), titleOf);
    if (dated.length > 0) {
      groups.push({
        key: `${unit}-theo-thoi-gian`,
        label: dated.length > 1 ? `${unit}: theo thời gian` : unit,
        bars: dated.map((t) => toBar(t, labels.get(t)!)),
      });
    }
    if (undated.length > 0) {
      groups.push({
        key: `${unit}-khong-ghi-thoi-diem`,
        label: `${unit}: số không ghi thời điểm`,
        bars: undated.map((t) => toBar(t, labels.get(t)!)),
      });
    }
    ordered.push(...dated, ...undated);
  }
  const split = totals.filter((t) => partsOf(t).length > 0);
  // The takeaway states each unit's headline figure (latest dated), never an older one.
  const heads = units.map((u) => latestFigure(totals.filter((t) => t.unit === u))!);
  const largest = [...heads].sort((a, b) => b.count - a.count)[0]!;
  const changes = several
    .map((u) => inTimeOrder(totals.filter((t) => t.unit === u)))
    .filter((d) => d.length > 1)
    .map(
      (d) =>
        `${d[0]!.unit}: ${barValue({ value: d[0]!.count, qualifier: d[0]!.qualifier })} (${periodText(d[0]!)}) → ${barValue({ value: d.at(-1)!.count, qualifier: d.at(-1)!.qualifier })} (${periodText(d.at(-1)!)}).`,
    );
  const takeaway =
    `${largest.unit} có ${barValue({ value: largest.count, qualifier: largest.qualifier })} đảng viên (${periodText(largest)}). ` +
    (changes.length > 0 ? `${changes.join(" ")} ` : "") +
    (split.length === 0
      ? "Các nguồn chỉ nêu tổng số, không tách đảng viên chính thức và dự bị."
      : `Chỉ ${[...new Set(split.map((t) => t.unit))].join(", ")} tách đảng viên chính thức và dự bị; nơi khác nguồn chỉ nêu tổng số.`);
  const cell = (t: MemberRow, status: string) => {
    const part = partsOf(t).find((p) => p.status === status);
    return part ? formatNumber(part.count) : NOT_SPLIT;
  };
  const id = `so-dang-vien${suffix}`;
  const title = "Số đảng viên theo đảng bộ";
  const description = describeBars(groups, "đảng viên", SERIES);
  return [
    {
      id,
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
    },
  ];
}
