import { describe, expect, it } from "vitest";
import {
  describeAdmission,
  describeBars,
  describeShares,
  lowerFirst,
} from "../../../src/lib/charts/describe.ts";

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
