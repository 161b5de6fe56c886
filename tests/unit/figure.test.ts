// The build-time guard of <DataFigure>: the number the prose writes must be the linked row's value.
import { describe, expect, it } from "vitest";
import { DATASET_IDS, DATASETS, loadAllDatasets } from "../../src/lib/data/index.ts";
import { figureMismatch, rowNumbers } from "../../src/lib/data/figure.ts";
import { memberSchema, ratingSchema } from "../../src/lib/data/schemas.ts";

const { datasets } = loadAllDatasets();
const members = datasets["dang-vien"].rows as Record<string, unknown>[];
const ratings = datasets["xep-loai"].rows as Record<string, unknown>[];
const memberRow = members.find((r) => r.id === "th-dang-vien")!;
const ratingRow = ratings.find((r) => r.id === "tb-2022-co-so-xuat-sac")!;

describe("rowNumbers", () => {
  it("reads the count, decimal and percent columns, not the year or the quote", () => {
    expect(rowNumbers(memberSchema, memberRow)).toEqual([6001]);
    expect(rowNumbers(ratingSchema, ratingRow)).toEqual([5, 30, 16.7]);
  });

  it("knows the column kind of every column of every dataset", () => {
    for (const id of DATASET_IDS)
      for (const row of datasets[id].rows)
        expect(() => rowNumbers(DATASETS[id].schema, row as Record<string, unknown>)).not.toThrow();
  });
});

describe("figureMismatch", () => {
  it.each([["6.001"], ["6001"], ["6.001 đảng viên"]])(
    "accepts %j for th-dang-vien (6001)",
    (text) => {
      expect(
        figureMismatch("dang-vien#th-dang-vien", text, memberSchema, memberRow),
      ).toBeUndefined();
    },
  );

  it.each([["16,7%"], ["5/30"], ["5"], ["30"], ["16,7"]])(
    "accepts %j for tb-2022-co-so-xuat-sac (5, 30, 16,7)",
    (text) => {
      expect(
        figureMismatch("xep-loai#tb-2022-co-so-xuat-sac", text, ratingSchema, ratingRow),
      ).toBeUndefined();
    },
  );

  it.each([["47"], ["6"], ["001"], ["6.01"], ["6,001"], ["6.001 và 47"]])(
    "refuses %j for th-dang-vien, naming the row and the figure",
    (text) => {
      const message = figureMismatch("dang-vien#th-dang-vien", text, memberSchema, memberRow);
      expect(message).toContain('row="dang-vien#th-dang-vien"');
      expect(message).toContain(`"${text}"`);
      expect(message).toContain('dòng "th-dang-vien" (các số của dòng: 6001)');
    },
  );

  it.each([["16,8%"], ["16%"], ["7"], ["2022"]])(
    "refuses %j for tb-2022-co-so-xuat-sac",
    (text) => {
      expect(
        figureMismatch("xep-loai#tb-2022-co-so-xuat-sac", text, ratingSchema, ratingRow),
      ).toMatch(/không khớp dòng "tb-2022-co-so-xuat-sac" \(các số của dòng: 5, 30, 16.7\)/);
    },
  );

  it("refuses a figure with no number", () => {
    expect(figureMismatch("dang-vien#th-dang-vien", "sáu nghìn", memberSchema, memberRow)).toBe(
      '<DataFigure row="dang-vien#th-dang-vien">: con số "sáu nghìn" không có chữ số nào. Cần: chữ trong thẻ là con số của dòng đó, viết như trong bài. Ví dụ: <DataFigure row="dang-vien#th-dang-vien">6.001</DataFigure>',
    );
  });
});
