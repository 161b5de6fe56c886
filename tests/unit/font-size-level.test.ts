import { describe, expect, it } from "vitest";
import { nextLevel, parseLevel } from "../../src/scripts/font-size-level.ts";

describe("font size levels", () => {
  it("parseLevel(value) accepts -1…2 and falls back to 0", () => {
    expect(parseLevel("-1")).toBe(-1);
    expect(parseLevel("0")).toBe(0);
    expect(parseLevel("2")).toBe(2);
    for (const bad of [null, undefined, "", "3", "-2", "1.5", "abc", " "]) {
      expect(parseLevel(bad)).toBe(0);
    }
  });

  it("nextLevel(level, action) steps within -1…2 and resets to 0", () => {
    expect(nextLevel(0, "increase")).toBe(1);
    expect(nextLevel(2, "increase")).toBe(2);
    expect(nextLevel(0, "decrease")).toBe(-1);
    expect(nextLevel(-1, "decrease")).toBe(-1);
    expect(nextLevel(2, "reset")).toBe(0);
  });
});
