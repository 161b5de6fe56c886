// Different levels of unit (province, bloc, district) or different periods (a year, undated) are
// never put on one axis: a comparison chart's rows are split into panels of one level and one
// period, and each panel is a chart of its own (or a number, when it holds one value).
import { LEVELS, unitLevel } from "../data/levels.ts";
import { yearOf } from "../data/period.ts";
import type { Dated } from "../data/row.ts";

type Placed = Dated & { unit: string; district?: string | undefined };

export type Panel<R> = {
  /** Part of the chart id: "cap-tinh-nam-2020", "cap-huyen-khong-ghi-thoi-diem". */
  key: string;
  /** Said after the title when a chart has several panels: "cấp tỉnh, năm 2020". */
  label: string;
  rows: R[];
};

/** The rows by level and year, in the order they first appear (the spec's order). */
export function panelsOf<R extends Placed>(rows: readonly R[]): Panel<R>[] {
  const panels = new Map<string, Panel<R>>();
  for (const row of rows) {
    const level = unitLevel(row);
    const year = yearOf(row);
    const key = `cap-${level}-${year === undefined ? "khong-ghi-thoi-diem" : `nam-${year}`}`;
    const when = year === undefined ? "không ghi thời điểm" : `năm ${year}`;
    const label = `${LEVELS[level].toLowerCase()}, ${when}`;
    const panel = panels.get(key) ?? panels.set(key, { key, label, rows: [] }).get(key)!;
    panel.rows.push(row);
  }
  return [...panels.values()];
}

/**
 * A panel's id and title. The title always names the level and period (a chart of one panel in an
 * article draws exactly what the dashboard's does, so they share files); the id is the chart's own
 * when it is the only panel.
 */
export function panelNaming<R>(
  panels: readonly Panel<R>[],
  panel: Panel<R>,
  base: { id: string; title: string; suffix: string },
): PanelNaming {
  const title = `${base.title} (${panel.label})`;
  if (panels.length === 1) return { id: `${base.id}${base.suffix}`, title };
  return { id: `${base.id}-${panel.key}${base.suffix}`, title, family: base.id };
}

/** A panel chart's id and title, and its family when that is not the id before "--". */
export type PanelNaming = { id: string; title: string; family?: string };
