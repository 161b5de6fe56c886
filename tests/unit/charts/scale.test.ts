import { describe, expect, it } from "vitest";
import {
  percentOfTargetScale,
  percentTicks,
  zeroBasedScale,
} from "../../../src/lib/charts/scale.ts";

describe("zeroBasedScale", () => {
  it("zeroBasedScale(values, start, end) maps 0 to start and the largest value to end", () => {
    const x = zeroBasedScale([6001, 66024, 3912], 8, 300);
    expect(x(0)).toBe(8);
    expect(x(66024)).toBe(300);
    expect(x(33012)).toBe(154);
  });

  it("zeroBasedScale(values, start, end) keeps a zero baseline even when all values are large", () => {
    const x = zeroBasedScale([100, 101], 0, 100);
    expect(x.domain()[0]).toBe(0);
    expect(x(100)).toBeCloseTo((100 / 101) * 100, 10);
  });

  it("zeroBasedScale(values, start, end) maps everything to start for empty or all-zero input", () => {
    expect(zeroBasedScale([], 10, 50)(0)).toBe(10);
    expect(zeroBasedScale([0, 0], 10, 50)(0)).toBe(10);
    expect(Number.isNaN(zeroBasedScale([Number.NaN], 10, 50)(0))).toBe(false);
  });
});

describe("percentOfTargetScale", () => {
  it("percentOfTargetScale(percents) always reaches the 100% target line", () => {
    const x = percentOfTargetScale([60], 0, 200);
    expect(x.domain()).toEqual([0, 100]);
    expect(x(100)).toBe(200);
  });

  it("percentOfTargetScale(percents) extends to the next ten above an exceeded target", () => {
    expect(percentOfTargetScale([102, 100], 0, 110).domain()).toEqual([0, 110]);
  });

  it("percentOfTargetScale([]) still has a domain from 0 to 100", () => {
    expect(percentOfTargetScale([], 0, 1).domain()).toEqual([0, 100]);
  });

  it("percentTicks(scale) gives round ticks from 0 within the domain", () => {
    expect(percentTicks(percentOfTargetScale([102], 0, 1))).toEqual([0, 20, 40, 60, 80, 100]);
  });
});
