// "How many party members does each unit have?" Totals, split into official and probationary
// only where the source does so.
import type { MemberRow } from "../../data/schemas.ts";
import { formatNumber } from "../../format.ts";
import { barChart } from "../bars.ts";
import { barValue, describeBars } from "../describe.ts";
import { periodText } from "../period.ts";
import type { Bar } from "../types.ts";
import { NOT_SPLIT, type BuiltChart } from "./types.ts";

const SERIES = [
  { key: "chinh-thuc", label: "Chính thức" },
  { key: "du-bi", label: "Dự bị" },
];

export function memberCharts(rows: readonly MemberRow[], suffix = ""): BuiltChart<MemberRow>[] {
  const totals = rows.filter((r) => r.status === "tong-so").sort((a, b) => b.count - a.count);
  if (totals.length === 0) return [];
  const partsOf = (total: MemberRow) => rows.filter((r) => r.part_of === total.id);
  const bars: Bar[] = totals.map((t) => {
    const parts = partsOf(t);
    return {
      key: t.id,
      label: `${t.unit} (${periodText(t)})`,
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
  });
  const groups = [{ key: "all", bars }];
  const split = totals.filter((t) => partsOf(t).length > 0);
  const largest = totals[0]!;
  const takeaway =
    `${largest.unit} có ${formatNumber(largest.count)} đảng viên (${periodText(largest)}). ` +
    (split.length === 0
      ? "Các nguồn chỉ nêu tổng số, không tách đảng viên chính thức và dự bị."
      : `Chỉ ${split.map((t) => t.unit).join(", ")} tách đảng viên chính thức và dự bị; nơi khác nguồn chỉ nêu tổng số.`);
  const cell = (t: MemberRow, status: string) => {
    const part = partsOf(t).find((p) => p.status === status);
    return part ? formatNumber(part.count) : NOT_SPLIT;
  };
  return [
    {
      id: `so-dang-vien${suffix}`,
      theme: "dang-vien",
      title: "Số đảng viên theo đảng bộ",
      takeaway,
      description: describeBars(groups, "đảng viên", SERIES),
      draw: (layout) =>
        barChart(
          {
            id: `so-dang-vien${suffix}`,
            title: "Số đảng viên theo đảng bộ",
            description: describeBars(groups, "đảng viên", SERIES),
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
        rows: totals.map((t) => [
          t.unit,
          periodText(t),
          barValue({ value: t.count, qualifier: t.qualifier }),
          cell(t, "chinh-thuc"),
          cell(t, "du-bi"),
        ]),
      },
      rows: [...totals.flatMap((t) => [t, ...partsOf(t)])],
    },
  ];
}
