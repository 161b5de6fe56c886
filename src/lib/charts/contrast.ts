// Text drawn on a coloured mark: white or near-black, whichever contrasts more (WCAG ratio).

export const DARK_TEXT = "#000000";
export const LIGHT_TEXT = "#FFFFFF";
/** Secondary words beside a label (a group's total): 7:1 on white, still clearly text. */
export const MUTED_TEXT = "#595959";

/** WCAG relative luminance of a `#RRGGBB` colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio between two `#RRGGBB` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour with the higher contrast on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(LIGHT_TEXT, fill) >= contrastRatio(DARK_TEXT, fill) ? LIGHT_TEXT : DARK_TEXT;
}
