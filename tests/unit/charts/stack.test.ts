import { describe, expect, it } from "vitest";
import { partKeys, stackShares } from "../../../src/lib/charts/stack.ts";

const sum = (xs: { share: number }[]) => xs.reduce((s, x) => s + x.share, 0);

describe("stackShares", () => {
  it("stackShares(rows) gives each row shares that sum to 1", () => {
    const [a, b] = stackShares([
      {
        key: "a",
        parts: [
          { key: "x", count: 8 },
          { key: "y", count: 32 },
        ],
      },
      {
        key: "b",
        parts: [
          { key: "x", count: 5 },
          { key: "y", count: 25 },
        ],
      },
    ]);
    expect(sum(a!)).toBeCloseTo(1, 12);
    expect(sum(b!)).toBeCloseTo(1, 12);
    expect(a![0]!.share).toBeCloseTo(8 / 40, 12);
    expect(b![1]!.share).toBeCloseTo(25 / 30, 12);
  });

  it("stackShares(rows) places segments end to end from 0 to 1", () => {
    const [row] = stackShares([
      {
        key: "a",
        parts: [
          { key: "x", count: 1 },
          { key: "y", count: 2 },
          { key: "z", count: 1 },
        ],
      },
    ]);
    expect(row!.map((s) => [s.start, s.end])).toEqual([
      [0, 1 / 4],
      [1 / 4, 3 / 4],
      [3 / 4, 1],
    ]);
  });

  it("stackShares(rows) treats a zero total as empty, never NaN", () => {
    const [row] = stackShares([
      {
        key: "a",
        parts: [
          { key: "x", count: 0 },
          { key: "y", count: 0 },
        ],
      },
    ]);
    for (const s of row!) {
      expect(s).toMatchObject({ start: 0, end: 0, share: 0, count: 0 });
    }
  });

  it("stackShares(rows) treats missing, NaN and negative counts as zero", () => {
    const [row] = stackShares([
      {
        key: "a",
        parts: [
          { key: "x", count: undefined },
          { key: "y", count: Number.NaN },
          { key: "z", count: -3 },
          { key: "w", count: 2 },
        ],
      },
    ]);
    expect(row!.map((s) => s.share)).toEqual([0, 0, 0, 1]);
    expect(sum(row!)).toBe(1);
  });

  it("stackShares(rows) handles rows that lack some parts of other rows", () => {
    const [a, b] = stackShares([
      {
        key: "a",
        parts: [
          { key: "x", count: 3 },
          { key: "y", count: 1 },
        ],
      },
      { key: "b", parts: [{ key: "y", count: 2 }] },
    ]);
    expect(a!.map((s) => s.share)).toEqual([3 / 4, 1 / 4]);
    expect(b).toEqual([{ part: "y", count: 2, start: 0, end: 1, share: 1 }]);
  });

  it("partKeys(rows) lists part keys in first-seen order", () => {
    expect(
      partKeys([
        { key: "a", parts: [{ key: "y", count: 1 }] },
        {
          key: "b",
          parts: [
            { key: "x", count: 1 },
            { key: "y", count: 1 },
          ],
        },
      ]),
    ).toEqual(["y", "x"]);
  });
});
