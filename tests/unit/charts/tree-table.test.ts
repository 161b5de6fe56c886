import { describe, expect, it } from "vitest";
import { treeGroups } from "../../../src/lib/charts/adapters/tree.ts";
import { treeTable } from "../../../src/lib/charts/specs/tree-table.ts";

describe("treeTable", () => {
  it("treeTable(groups) lists each total once, before its parts, with the derived remainder marked", () => {
    const groups = treeGroups([
      { id: "all", label: "Chi bộ trực thuộc đảng ủy cơ sở", count: 290 },
      { id: "cq", label: "Chi bộ khối cơ quan", count: 49, part_of: "all", split: "khối" },
      { id: "xa", label: "Chi bộ xã", count: 241, part_of: "all", split: "khối" },
      { id: "thon", label: "Chi bộ thôn", count: 130, part_of: "xa", split: "loại" },
      { id: "th", label: "Chi bộ trường học", count: 106, part_of: "xa", split: "loại" },
    ]);
    expect(treeTable(groups, "Loại").rows).toEqual([
      ["Chi bộ trực thuộc đảng ủy cơ sở", "—", "290"],
      ["Chi bộ khối cơ quan", "290 chi bộ trực thuộc đảng ủy cơ sở", "49"],
      ["Chi bộ xã", "290 chi bộ trực thuộc đảng ủy cơ sở", "241"],
      ["Chi bộ thôn", "241 chi bộ xã", "130"],
      ["Chi bộ trường học", "241 chi bộ xã", "106"],
      ["Không rõ (nguồn không nêu) — tính bằng tổng trừ các phần nguồn nêu", "241 chi bộ xã", "5"],
    ]);
  });

  it("treeTable(groups) names the total a 'trong đó' subset belongs to", () => {
    const groups = treeGroups([
      { id: "dv", label: "Đảng viên được kiểm tra", count: 228 },
      { id: "cu", label: "Trong đó: cấp ủy viên", count: 56, part_of: "dv" },
    ]);
    expect(treeTable(groups, "Nội dung").rows).toEqual([
      ["Đảng viên được kiểm tra", "—", "228"],
      ["Trong đó cấp ủy viên", "Đảng viên được kiểm tra", "56"],
    ]);
  });

  it("treeTable(groups) gives a total with two splits one row", () => {
    const groups = treeGroups([
      { id: "d", label: "Đơn thư", count: 7 },
      { id: "t", label: "Tố cáo", count: 6, part_of: "d", split: "loại đơn" },
      { id: "k", label: "Khiếu nại", count: 1, part_of: "d", split: "loại đơn" },
      { id: "l", label: "Lưu", count: 4, part_of: "d", split: "cách xử lý" },
      { id: "c", label: "Chuyển", count: 3, part_of: "d", split: "cách xử lý" },
    ]);
    expect(treeTable(groups, "Nội dung").rows.map((r) => r[0])).toEqual([
      "Đơn thư",
      "Tố cáo",
      "Khiếu nại",
      "Lưu",
      "Chuyển",
    ]);
  });
});
