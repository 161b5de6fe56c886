// Whether a well-formed local date or date-time exists on the calendar ("2023-02-30" does not).

/**
 * True for "yyyy-mm-dd" or "yyyy-mm-ddThh:mm[:ss]" naming a real day and time. The caller checks
 * the shape; this catches what a pattern lets through and Date would roll into another day.
 */
export function isCalendarMoment(value: string): boolean {
  const [y, mo, d, h = 0, mi = 0, s = 0] = value.split(/[-T:]/).map(Number) as number[];
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo! - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}
