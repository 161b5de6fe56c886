// Reading-size levels for the A-/A/A+ control; pure, so tests and the browser share them.
// Keep in step with the inline script in BaseLayout and the [data-font-size] rules in src/styles/base.css.

export const FONT_SIZE_KEY = "font-size";
export const MIN_LEVEL = -1;
export const MAX_LEVEL = 2;

/** The level for a stored or attribute value; anything unexpected means the default, 0. */
export function parseLevel(value: string | null | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= MIN_LEVEL && n <= MAX_LEVEL && value !== "" ? n : 0;
}

/** The level after pressing a button. */
export function nextLevel(level: number, action: string | undefined): number {
  if (action === "decrease") return Math.max(MIN_LEVEL, level - 1);
  if (action === "increase") return Math.min(MAX_LEVEL, level + 1);
  return 0;
}
