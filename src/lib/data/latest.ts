// Figures over time: which of a unit's figures for one measure is the newest, by rule (not by id).
import { periodKey } from "./period.ts";
import type { Dated } from "./row.ts";

/** Dated rows in time order (oldest first); rows of one period keep their order in the CSV. */
export function inTimeOrder<R extends Dated>(rows: readonly R[]): R[] {
  return rows
    .filter((r) => periodKey(r) !== undefined)
    .map((row, i) => ({ row, i, key: periodKey(row)! }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((x) => x.row);
}

/**
 * The headline of one unit's figures for one measure: the latest dated figure (the last row in the
 * CSV when two share the newest period); an undated figure only when the unit has no dated one.
 */
export function latestFigure<R extends Dated>(rows: readonly R[]): R | undefined {
  const dated = inTimeOrder(rows);
  return dated.length > 0 ? dated.at(-1) : rows.at(-1);
}

/** `latestFigure` for every unit (in first-seen order), given how to tell units apart. */
export function latestPerUnit<R extends Dated>(
  rows: readonly R[],
  unitOf: (row: R) => string,
): R[] {
  const units = [...new Set(rows.map(unitOf))];
  return units.map((unit) => latestFigure(rows.filter((r) => unitOf(r) === unit))!);
}
