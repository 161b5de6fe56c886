// Figures over time: which of a unit's figures for one measure is the newest, by rule (not by id).
import type { Dated } from "./row.ts";

/**
 * A sortable key for when a figure holds: "2020" (a year) and "2020" (end of year) both run to the
 * year's end; a date is itself. Undated rows have none: they are never placed among dated ones.
 */
export function periodKey(row: Dated): string | undefined {
  const { period } = row;
  if (period === undefined) return undefined;
  return period.length === 4 ? `${period}-12-31` : period;
}

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
