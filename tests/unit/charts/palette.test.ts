import { describe, expect, it } from "vitest";
import { SERIES_COLOURS, TOTAL_COLOUR, UNKNOWN_COLOUR } from "../../../src/lib/charts/palette.ts";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("palette", () => {
  it.each([...SERIES_COLOURS, TOTAL_COLOUR, UNKNOWN_COLOUR])(
    "%s has at least 3:1 contrast on white (WCAG 1.4.11 graphics)",
    (colour) => {
      expect(contrast(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
    },
  );

  it("series colours stay away from the brand red (hue not within 20° of red)", () => {
    for (const colour of SERIES_COLOURS) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      const redDominant = r! > 150 && g! < 80 && b! < 80;
      expect(redDominant, colour).toBe(false);
    }
  });
});
