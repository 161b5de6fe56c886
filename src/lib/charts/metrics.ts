// Layout constants in viewBox units. The viewBox is phone-sized so text stays legible at 360 px;
// text is sized in em, so the page's font-size control still scales it.

/** viewBox width. */
export const WIDTH = 360;
export const PAD = 8;
/** Text size the layout assumes (0.875em of a 16 px page). */
export const FONT = 14;
/** The svg root's font-size, in em of the surrounding text. */
export const ROOT_FONT_SIZE = "0.875em";
/** Average advance of a Vietnamese character, in em; generous so A+ still fits. */
export const CHAR_EM = 0.6;
export const LINE_HEIGHT = 1.3 * FONT;
export const BAR_HEIGHT = 16;

/** Characters that fit in `width` viewBox units at the assumed text size. */
export function charsThatFit(width: number): number {
  return Math.max(8, Math.floor(width / (FONT * CHAR_EM)));
}

/** Approximate width of a one-line label. */
export function textWidth(text: string): number {
  return text.normalize("NFC").length * FONT * CHAR_EM;
}
