import { describe, expect, it } from "vitest";
import { treeGroups } from "../../../src/lib/charts/adapters/tree.ts";

const structure = [
  { id: "all", label: "Chi bộ trực thuộc xã", count: 241 },
  { id: "a", label: "Chi bộ thôn", count: 130, part_of: "all", split: "loại chi bộ" },
  { id: "b", label: "Chi bộ trường học", count: 67, part_of: "all", split: "loại chi bộ" },
  { id: "c", label: "Chi bộ thương mại", count: 1, part_of: "all", split: "loại chi bộ" },
];

describe("treeGroups", () => {
  it("treeGroups(rows) shows a split's shortfall as a hatched unknown remainder", () => {
    const [group] = treeGroups(structure);
    expect(group!.label).toBe("241 chi bộ trực thuộc xã");
    expect(group!.bars.at(-1)).toEqual({
      key: "all-khong-ro",
      label: "Không rõ (nguồn không nêu)",
      value: 43,
      unknown: true,
    });
  });

  it("treeGroups(rows) adds no remainder when the parts add up", () => {
    const [group] = treeGroups([
      { id: "t", label: "Kỷ luật", count: 19 },
      { id: "x", label: "Khiển trách", count: 16, part_of: "t", split: "hình thức" },
      { id: "y", label: "Cảnh cáo", count: 2, part_of: "t", split: "hình thức" },
      { id: "z", label: "Khai trừ", count: 1, part_of: "t", split: "hình thức" },
    ]);
    expect(group!.bars.map((b) => b.value)).toEqual([16, 2, 1]);
  });

  it("treeGroups(rows) keeps a total with a 'trong đó' subset as a bar among its peers, the subset beneath it", () => {
    const groups = treeGroups([
      { id: "tc", label: "Tổ chức đảng được kiểm tra", count: 100 },
      { id: "dv", label: "Đảng viên được kiểm tra", count: 228 },
      { id: "cu", label: "Trong đó: cấp ủy viên", count: 56, part_of: "dv" },
      { id: "gs", label: "Đảng viên được giám sát", count: 297 },
    ]);
    expect(groups).toEqual([
      {
        key: "tong",
        bars: [
          { key: "tc", label: "Tổ chức đảng được kiểm tra", value: 100 },
          { key: "dv", label: "Đảng viên được kiểm tra", value: 228 },
          { key: "cu", label: "Trong đó cấp ủy viên", value: 56, subsetOf: "dv" },
          { key: "gs", label: "Đảng viên được giám sát", value: 297 },
        ],
      },
    ]);
  });

  it("treeGroups(rows) draws every figure of the Thanh Bình 'gợi ý kiểm điểm' rows, including the 6", () => {
    const groups = treeGroups([
      { id: "tt", label: "Tập thể được gợi ý kiểm điểm", count: 4 },
      { id: "cn", label: "Cá nhân được gợi ý kiểm điểm", count: 6 },
      { id: "rt", label: "Trong đó: cá nhân làm rõ trách nhiệm", count: 2, part_of: "cn" },
    ]);
    expect(groups.flatMap((g) => g.bars.map((b) => [b.label, b.value]))).toEqual([
      ["Tập thể được gợi ý kiểm điểm", 4],
      ["Cá nhân được gợi ý kiểm điểm", 6],
      ["Trong đó cá nhân làm rõ trách nhiệm", 2],
    ]);
  });

  it("treeGroups(rows) gives one group per split of the same total", () => {
    const groups = treeGroups([
      { id: "d", label: "Đơn thư", count: 7 },
      { id: "t", label: "Tố cáo", count: 6, part_of: "d", split: "loại đơn" },
      { id: "k", label: "Khiếu nại", count: 1, part_of: "d", split: "loại đơn" },
      { id: "l", label: "Lưu", count: 4, part_of: "d", split: "cách xử lý" },
      { id: "c", label: "Chuyển", count: 3, part_of: "d", split: "cách xử lý" },
    ]);
    expect(groups.map((g) => g.label)).toEqual([
      "7 đơn thư, theo loại đơn",
      "7 đơn thư, theo cách xử lý",
    ]);
  });

  it("treeGroups(rows) collects rows outside any hierarchy into a leading group", () => {
    const groups = treeGroups([
      { id: "a", label: "A", count: 1 },
      { id: "b", label: "B", count: 2 },
    ]);
    expect(groups).toEqual([
      {
        key: "tong",
        bars: [
          { key: "a", label: "A", value: 1 },
          { key: "b", label: "B", value: 2 },
        ],
      },
    ]);
  });
});
