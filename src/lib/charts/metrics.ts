// Layout constants in viewBox units. The viewBox is phone-sized so text stays legible at 360 px.
// Text is sized in em (the page's A-/A/A+ control scales it; ChartFigure caps chart text at
// 17.6 viewBox units, i.e. FONT), so wrapping and line spacing budget for the largest size.

/** viewBox width. */
export const WIDTH = 360;
export const PAD = 8;
/** The largest text size the layout must hold, in viewBox units (ChartFigure's cap). */
export const FONT = 17.6;
/** The svg root's font-size, in em of the surrounding text (14 px on a 16 px page). */
export const ROOT_FONT_SIZE = "0.875em";
/** Average advance of a Vietnamese character in Be Vietnam Pro, in em, with room for bold. */
export const CHAR_EM = 0.58;
export const LINE_HEIGHT = 1.35 * FONT;
export const BAR_HEIGHT = 16;

/** Characters that fit in `width` viewBox units at the largest text size. */
export function charsThatFit(width: number): number {
  return Math.max(8, Math.floor(width / (FONT * CHAR_EM)));
}

/** Approximate width of a one-line label at the largest text size. */
export function textWidth(text: string): number {
  return text.normalize("NFC").length * FONT * CHAR_EM;
}
