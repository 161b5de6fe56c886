// Figures over time (issue 10): which units have more than one figure for a measure, and those
// figures as timeline series, from any dataset whose rows say when they hold.
import type { TitleOf } from "../../content/titles.ts";
import { inTimeOrder } from "../../data/latest.ts";
import { periodMoment, periodText, periodTick } from "../../data/period.ts";
import { qualified } from "../../data/qualifiers.ts";
import { formatNumber } from "../../format.ts";
import type { BaseRow, FigureRow } from "../../data/row.ts";
import { describeTimeline, sameMoment, timelineChart } from "../timeline.ts";
import type { BuiltChart } from "./types.ts";
import type { TimelinePoint, TimelineSeries } from "../types.ts";

/** A row placed on a time axis: any dataset row, with the qualifier of its figure if it has one. */
type TimedRow = BaseRow & Pick<FigureRow, "qualifier">;

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** Units, in first-seen order, with more than one figure among `rows` (one measure). */
export function unitsWithHistory<R extends TimedRow>(rows: readonly R[]): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.unit, (count.get(r.unit) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([unit]) => unit);
}

/**
 * One series per unit with history: its dated figures in time order, its undated ones apart. An
 * undated figure's label names its article when the unit has two of them.
 */
export function timelineSeries<R extends TimedRow>(
  rows: readonly R[],
  valueOf: (row: R) => number,
  titleOf: TitleOf,
): { series: TimelineSeries[]; ordered: R[] } {
  const series: TimelineSeries[] = [];
  const ordered: R[] = [];
  for (const unit of unitsWithHistory(rows)) {
    const own = rows.filter((r) => r.unit === unit);
    const dated = inTimeOrder(own);
    const undated = own.filter((r) => r.period === undefined);
    const article = (r: R) => `bài “${titleOf(r.source)}”`;
    series.push({
      key: unit,
      label: unit,
      points: dated.map((r) => ({
        key: r.id,
        label: upperFirst(periodText(r)),
        tick: periodTick(r),
        at: periodMoment(r)!,
        value: valueOf(r),
        qualifier: r.qualifier,
        source: article(r),
      })),
      undated: undated.map((r) => ({
        key: r.id,
        label: undated.length > 1 ? `Không ghi thời điểm (${article(r)})` : "Không ghi thời điểm",
        article: article(r),
        value: valueOf(r),
        qualifier: r.qualifier,
      })),
    });
    ordered.push(...dated, ...undated);
  }
  return { series, ordered };
}

/**
 * The takeaway of a history chart: each series' change from its first to its last moment, and
 * each moment two articles give different figures for (never read as a change).
 */
export function historyTakeaway(
  series: readonly TimelineSeries[],
  options: { undatedApart?: boolean } = {},
): string {
  const value = (p: TimelinePoint) => qualified(formatNumber(p.value), p.qualifier);
  const lower = (text: string) => text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
  const changes = series.flatMap((s) => {
    const [first, last] = [s.points[0], s.points.at(-1)];
    if (!first || !last || first.at === last.at) return [];
    return [
      `${s.label}: ${value(first)} (${lower(first.label)}) → ${value(last)} (${lower(last.label)}).`,
    ];
  });
  const disagreements = series.flatMap((s) =>
    sameMoment(s.points).map(
      (group) =>
        `${s.label}, ${lower(group[0]!.label)}: ${group.length} bài nêu ${group.map(value).join(" và ")}.`,
    ),
  );
  // Said where readers may look for an undated figure on the axis (members' totals).
  const undated = series.filter((s) => s.undated.length > 0).map((s) => s.label);
  const apart =
    options.undatedApart && undated.length > 0
      ? [
          `Số không ghi thời điểm của ${undated.join(", ")} được nêu riêng, không đặt trên trục thời gian.`,
        ]
      : [];
  const sentences = [...changes, ...disagreements, ...apart];
  return sentences.length > 0
    ? sentences.join(" ")
    : `${series.map((s) => s.label).join(", ")}: các số nguồn nêu, kể cả số không ghi thời điểm.`;
}

/**
 * The history chart of a spec: every unit with more than one figure among `rows`, on a time axis,
 * with the shared takeaway; the spec gives its words and table columns. None when no unit has one.
 */
export function historyChart<R extends FigureRow>(spec: {
  rows: readonly R[];
  id: string;
  title: string;
  /** After each number in tooltips and the text alternative ("đảng viên"), or "". */
  unit: string;
  titleOf: TitleOf;
  table: { columns: string[]; numeric: boolean[]; cells: (row: R) => string[] };
  /** The takeaway says that undated figures are listed apart from the axis. */
  undatedApart?: boolean;
}): BuiltChart<R>[] {
  const { id, title, unit, table } = spec;
  const { series, ordered } = timelineSeries(spec.rows, (r) => r.count, spec.titleOf);
  if (series.length === 0) return [];
  const description = describeTimeline(series, unit);
  return [
    {
      id,
      title,
      takeaway: historyTakeaway(series, { undatedApart: spec.undatedApart }),
      description,
      draw: (layout) => timelineChart({ id, title, description, series, unit }, layout),
      table: { columns: table.columns, numeric: table.numeric, rows: ordered.map(table.cells) },
      rows: ordered,
    },
  ];
}
