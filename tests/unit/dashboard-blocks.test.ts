// The dashboard's blocks: charts of one measure for one unit each sit side by side; others alone.
import { describe, expect, it } from "vitest";
import type { ChartDefinition } from "../../src/lib/charts/definition.ts";
import { blocks } from "../../src/lib/dashboard/blocks.ts";

const chart = (id: string, title: string, units: string[]) =>
  ({ id, title, units }) as unknown as ChartDefinition;

describe("blocks(charts)", () => {
  it("groups neighbouring charts of one measure, one unit each, and leaves the rest alone", () => {
    const list = [
      chart("a", "Tổ chức đảng: Đảng bộ tỉnh Lạng Sơn", ["Đảng bộ tỉnh Lạng Sơn"]),
      chart("b", "Tổ chức đảng: Đảng bộ huyện Tuyên Hóa", ["Đảng bộ huyện Tuyên Hóa"]),
      chart("c", "Số đảng viên theo đảng bộ", ["A", "B"]),
      chart("d", "Xếp loại: Đảng bộ huyện Thanh Bình", ["Đảng bộ huyện Thanh Bình"]),
    ];
    expect(blocks(list).map((b) => [b.measure, b.charts.map((c) => c.id)])).toEqual([
      ["Tổ chức đảng", ["a", "b"]],
      [undefined, ["c"]],
      // One chart of a measure is not a set of small multiples.
      [undefined, ["d"]],
    ]);
  });
});
