import { describe, expect, it } from "vitest";
import {
  describeAdmission,
  describeBars,
  describeShares,
  lowerFirst,
} from "../../../src/lib/charts/describe.ts";
import { treeGroups } from "../../../src/lib/charts/adapters/tree.ts";

describe("describeAdmission", () => {
  it("describeAdmission(row) says the year, count and the stated percent of plan", () => {
    expect(
      describeAdmission({
        key: "tb",
        label: "Đảng bộ huyện Thanh Bình",
        year: 2022,
        count: 218,
        percentOfTarget: 100,
        targetWord: "kế hoạch",
      }),
    ).toBe("Năm 2022, Đảng bộ huyện Thanh Bình kết nạp 218 đảng viên, đạt 100% kế hoạch.");
  });

  it("describeAdmission(row) writes thousands with a dot and defaults to 'chỉ tiêu'", () => {
    expect(
      describeAdmission({
        key: "ls",
        label: "Đảng bộ tỉnh Lạng Sơn",
        year: 2020,
        count: 2053,
        percentOfTarget: 102,
      }),
    ).toBe("Năm 2020, Đảng bộ tỉnh Lạng Sơn kết nạp 2.053 đảng viên, đạt 102% chỉ tiêu.");
  });

  it("describeAdmission(row) says no target was stated instead of inventing one", () => {
    expect(describeAdmission({ key: "k", label: "Đảng bộ Khối", year: 2014, count: 246 })).toBe(
      "Năm 2014, Đảng bộ Khối kết nạp 246 đảng viên, không nêu chỉ tiêu.",
    );
  });
});

describe("describeBars", () => {
  it("describeBars(groups) lists totals and the parts of split totals", () => {
    expect(
      describeBars(
        [
          {
            key: "g",
            bars: [
              { key: "a", label: "Đảng bộ huyện Tuyên Hóa", value: 6001 },
              {
                key: "b",
                label: "Đảng bộ Khối",
                value: 3912,
                parts: [
                  { key: "ct", label: "Chính thức", value: 3618 },
                  { key: "db", label: "Dự bị", value: 294 },
                ],
              },
            ],
          },
        ],
        "đảng viên",
      ),
    ).toBe(
      "Đảng bộ huyện Tuyên Hóa: 6.001 đảng viên; Đảng bộ Khối: 3.912 đảng viên (3.618 chính thức, 294 dự bị).",
    );
  });

  it("describeBars(groups) names the unexplained remainder of a split as unknown", () => {
    expect(
      describeBars(
        [
          {
            key: "g",
            label: "73 cơ sở trực thuộc",
            bars: [
              {
                key: "x",
                label: "Tổng",
                value: 73,
                parts: [
                  { key: "db", label: "Đảng bộ", value: 31 },
                  { key: "cb", label: "Chi bộ", value: 41 },
                ],
              },
            ],
          },
        ],
        "tổ chức",
      ),
    ).toBe(
      "73 cơ sở trực thuộc — Tổng: 73 tổ chức (31 đảng bộ, 41 chi bộ, 1 không rõ (nguồn không nêu)).",
    );
  });
});

describe("describeBars of part_of trees", () => {
  it("describeBars(treeGroups(rows)) reads a total's parts as one Vietnamese sentence", () => {
    const groups = treeGroups([
      { id: "xa", label: "Chi bộ trực thuộc đảng ủy các xã, thị trấn", count: 241 },
      { id: "a", label: "Chi bộ thôn, bản, tiểu khu", count: 130, part_of: "xa", split: "loại" },
      { id: "b", label: "Chi bộ trường học", count: 67, part_of: "xa", split: "loại" },
      { id: "c", label: "Chi bộ trạm y tế", count: 39, part_of: "xa", split: "loại" },
    ]);
    expect(describeBars(groups, "")).toBe(
      "Trong 241 chi bộ trực thuộc đảng ủy các xã, thị trấn có 130 chi bộ thôn, bản, tiểu khu, 67 chi bộ trường học, 39 chi bộ trạm y tế; 5 không rõ (nguồn không nêu).",
    );
  });

  it("describeBars(treeGroups(rows)) says 'trong đó' once, after the total it belongs to", () => {
    const groups = treeGroups([
      { id: "tc", label: "Tổ chức đảng được kiểm tra", count: 100 },
      { id: "dv", label: "Đảng viên được kiểm tra", count: 228 },
      { id: "cu", label: "Trong đó: cấp ủy viên", count: 56, part_of: "dv" },
    ]);
    const text = describeBars(groups, "");
    expect(text).toBe(
      "Tổ chức đảng được kiểm tra: 100; Đảng viên được kiểm tra: 228 (trong đó cấp ủy viên: 56).",
    );
    expect(text.match(/trong đó/gi)).toHaveLength(1);
  });

  it("describeBars(treeGroups(rows)) names the split when a total has several", () => {
    const groups = treeGroups([
      { id: "d", label: "Đơn thư tiếp nhận", count: 7 },
      { id: "t", label: "Đơn tố cáo", count: 6, part_of: "d", split: "loại đơn" },
      { id: "k", label: "Đơn khiếu nại", count: 1, part_of: "d", split: "loại đơn" },
      { id: "l", label: "Đơn lưu", count: 4, part_of: "d", split: "cách xử lý" },
      { id: "c", label: "Đơn chuyển", count: 3, part_of: "d", split: "cách xử lý" },
    ]);
    expect(describeBars(groups, "")).toBe(
      "Theo loại đơn, trong 7 đơn thư tiếp nhận có 6 đơn tố cáo, 1 đơn khiếu nại. Theo cách xử lý, trong 7 đơn thư tiếp nhận có 4 đơn lưu, 3 đơn chuyển.",
    );
  });
});

describe("describeShares", () => {
  it("describeShares(groups) keeps the source's stated percentages as written", () => {
    expect(
      describeShares(
        [
          {
            key: "cb",
            label: "Chi bộ, đảng bộ cơ sở",
            total: 30,
            parts: [
              { key: "xs", label: "Hoàn thành xuất sắc nhiệm vụ", count: 5, statedPercent: 16.7 },
              { key: "t", label: "Hoàn thành tốt nhiệm vụ", count: 25, statedPercent: 83.33 },
            ],
          },
        ],
        "tổ chức",
      ),
    ).toBe(
      "Chi bộ, đảng bộ cơ sở (30 tổ chức): hoàn thành xuất sắc nhiệm vụ 5/30 (16,7%), hoàn thành tốt nhiệm vụ 25/30 (83,33%).",
    );
  });

  it("describeShares(groups) computes a share only where the source states none", () => {
    expect(
      describeShares(
        [{ key: "g", label: "Nhóm", total: 3, parts: [{ key: "a", label: "A", count: 1 }] }],
        "người",
      ),
    ).toBe("Nhóm (3 người): a 1/3 (33,3%), không rõ (nguồn không nêu) 2/3 (66,7%).");
  });
});

describe("lowerFirst", () => {
  it("lowerFirst(text) lower-cases only the first letter, Vietnamese-aware", () => {
    expect(lowerFirst("Đảng bộ Lạng Sơn")).toBe("đảng bộ Lạng Sơn");
  });
});
