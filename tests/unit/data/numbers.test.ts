import { describe, expect, it } from "vitest";
import { numbersInText, parseCount, parseDecimal } from "../../../src/lib/data/numbers.ts";

describe("parseCount", () => {
  it.each([
    ["6001", 6001],
    ["6.001", 6001],
    ["66.024", 66024],
    ["6.264.685", 6264685],
    ["6 001", 6001],
    ["6\u00a0001", 6001],
    ["01", 1],
    ["0", 0],
    [" 47 ", 47],
  ])("parseCount(%j) reads %d", (raw, value) => {
    expect(parseCount(raw)).toEqual({ ok: true, value, decimals: 0 });
  });

  it.each([
    ["6,001", "ambiguous-number"],
    ["1,234,567", "ambiguous-number"],
    ["-3", "negative-count"],
    ["- 3", "negative-count"],
    ["16,7", "fractional-count"],
    ["16.7", "fractional-count"],
    ["6.0011", "fractional-count"],
    ["sáu", "not-a-number"],
    ["12%", "not-a-number"],
    ["6.00", "fractional-count"],
    ["1e3", "not-a-number"],
    ["+5", "not-a-number"],
    ["6..001", "not-a-number"],
  ])("parseCount(%j) refuses: %s", (raw, problem) => {
    expect(parseCount(raw)).toEqual({ ok: false, problem });
  });
});

describe("parseDecimal", () => {
  it.each([
    ["16,7", false, 16.7, 1],
    ["16.7", false, 16.7, 1],
    ["83,33", false, 83.33, 2],
    ["83,33%", true, 83.33, 2],
    ["83,33 %", true, 83.33, 2],
    ["100", true, 100, 0],
    ["102%", true, 102, 0],
    ["1.234,5", false, 1234.5, 1],
    ["1.234.567", false, 1234567, 0],
    ["0,5", false, 0.5, 1],
    ["1,234", false, 1.234, 3],
  ])("parseDecimal(%j, percent=%s) reads %d with %i decimals", (raw, percent, value, decimals) => {
    expect(parseDecimal(raw, { percent })).toEqual({ ok: true, value, decimals });
  });

  it.each([
    ["1.234", false, "ambiguous-number"],
    ["16.700", true, "ambiguous-number"],
    ["1,234.5", false, "ambiguous-number"],
    ["83,33%", false, "not-a-number"],
    ["-5", true, "not-a-number"],
    ["abc", false, "not-a-number"],
    ["", false, "not-a-number"],
  ])("parseDecimal(%j, percent=%s) refuses: %s", (raw, percent, problem) => {
    expect(parseDecimal(raw, { percent })).toEqual({ ok: false, problem });
  });
});

describe("numbersInText", () => {
  it("reads numbers the Vietnamese way", () => {
    expect(numbersInText("có 6.001 đảng viên, 01 chi bộ, đạt 16,7% và 83,33%; 8/40")).toEqual([
      6001, 1, 16.7, 83.33, 8, 40,
    ]);
  });
});
