// "Did units admit as many members as planned?" In % of target, as the sources state it.
import type { TitleOf } from "../../content/titles.ts";
import type { AdmissionRow } from "../../data/schemas.ts";
import { qualified } from "../../data/qualifiers.ts";
import { formatNumber, formatPercentPoints } from "../../format.ts";
import { bulletChart } from "../bullet.ts";
import type { NumberFigure } from "../definition.ts";
import { describeAdmission } from "../describe.ts";
import { periodText, yearOf } from "../../data/period.ts";
import type { BulletRow } from "../types.ts";
import { panelNaming, panelsOf, type PanelNaming } from "../panels.ts";
import { historyChart } from "./over-time.ts";
import type { BuiltChart } from "./types.ts";

function bulletRow(r: AdmissionRow): BulletRow {
  const year = yearOf(r);
  return {
    key: r.id,
    label: r.unit,
    count: r.count,
    qualifier: r.qualifier,
    ...(year !== undefined && { year }),
    ...(r.percent_of_target !== undefined && { percentOfTarget: r.percent_of_target }),
    ...(r.target_label !== undefined && { targetWord: r.target_label }),
  };
}

/** One unit's admissions as a number, with the share of its target the source states. */
function admissionFigure(r: AdmissionRow): NumberFigure {
  return {
    value: qualified(formatNumber(r.count), r.qualifier),
    unit: "đảng viên được kết nạp",
    label: r.unit,
    period: periodText(r),
    detail:
      r.percent_of_target === undefined
        ? "nguồn không nêu chỉ tiêu"
        : `đạt ${formatPercentPoints(r.percent_of_target)} ${r.target_label ?? "chỉ tiêu"}`,
    rowId: r.id,
  };
}

/** One panel's admissions against target (one level, one period). */
function targetChart(plotted: AdmissionRow[], naming: PanelNaming): BuiltChart<AdmissionRow> {
  const bullets = plotted.map(bulletRow);
  const stated = plotted.filter((r) => r.percent_of_target !== undefined);
  const takeaway =
    stated.length === 0
      ? "Các nguồn không nêu chỉ tiêu kết nạp."
      : `${stated.map((r) => `${r.unit} đạt ${formatPercentPoints(r.percent_of_target!)}`).join(", ")}. ` +
        "Nguồn chỉ nêu tỉ lệ đạt, không nêu con số chỉ tiêu, nên biểu đồ đo theo % chỉ tiêu.";
  const { id, title, family } = naming;
  const description = bullets.map((b) => describeAdmission(b)).join(" ");
  return {
    id,
    ...(family && { family }),
    title,
    takeaway,
    description,
    draw: (layout) =>
      bulletChart({ id, title, description, rows: bullets, unit: "đảng viên" }, layout),
    table: {
      columns: ["Đảng bộ", "Năm", "Kết nạp", "Đạt", "So với"],
      numeric: [false, false, true, true, false],
      rows: plotted.map((r) => [
        r.unit,
        // A year as itself; a day (or "theo bài đăng ngày …") in words, never as yyyy-mm-dd.
        r.period === undefined ? "không ghi" : r.period.length === 4 ? r.period : periodText(r),
        qualified(formatNumber(r.count), r.qualifier),
        r.percent_of_target === undefined ? "—" : formatPercentPoints(r.percent_of_target),
        r.target_label ?? "không nêu chỉ tiêu",
      ]),
    },
    rows: plotted,
    ...(plotted.length === 1 && { single: admissionFigure(plotted[0]!) }),
  };
}

export function admissionCharts(
  rows: readonly AdmissionRow[],
  suffix = "",
  titleOf: TitleOf = (slug) => slug,
): BuiltChart<AdmissionRow>[] {
  const plotted = rows
    .filter((r) => r.measure === "ket-nap")
    .sort((a, b) => (yearOf(b) ?? 0) - (yearOf(a) ?? 0));
  if (plotted.length === 0) return [];
  const panels = panelsOf(plotted);
  const base = { id: "ket-nap", title: "Kết nạp đảng viên so với chỉ tiêu", suffix };
  return [
    ...panels.map((panel) => targetChart(panel.rows, panelNaming(panels, panel, base))),
    // Admissions of each unit with figures for more than one year, along a time axis.
    ...historyChart({
      rows: plotted,
      id: `ket-nap-theo-thoi-gian${suffix}`,
      title: "Kết nạp đảng viên qua các năm",
      unit: "đảng viên",
      titleOf,
      table: {
        columns: ["Đảng bộ", "Thời điểm", "Kết nạp", "Đạt"],
        numeric: [false, false, true, true],
        cells: (r) => [
          r.unit,
          periodText(r),
          qualified(formatNumber(r.count), r.qualifier),
          r.percent_of_target === undefined ? "—" : formatPercentPoints(r.percent_of_target),
        ],
      },
    }),
  ];
}
