import { describe, expect, it } from "vitest";
import {
  neutraliseCell,
  toCsv,
  toExcelCsv,
  toJson,
  writeCsv,
} from "../../../src/lib/data/download.ts";
import { computeGaps } from "../../../src/lib/data/gaps.ts";
import { describePeriod, periodCoverage } from "../../../src/lib/data/period.ts";
import { memberSchema, ratingSchema } from "../../../src/lib/data/schemas.ts";

const row = {
  id: "x",
  unit: '=HYPERLINK("http://evil")',
  province: "+Lạng Sơn",
  district: undefined,
  period: "2014",
  period_kind: "year",
  status: "tong-so",
  count: 6001,
  part_of: undefined,
  split: undefined,
  derived: false,
  source: "s",
  quote: '-1 đảng viên, "trích"',
  note: "@ghi chú\nhai dòng",
};

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+84", "'+84"],
    ["-3", "'-3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Đảng bộ", "Đảng bộ"],
    ["6001", "6001"],
  ])("neutraliseCell(%j) is %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});

describe("toCsv", () => {
  it("starts with a BOM, keeps every schema column, neutralises formulas and quotes cells", () => {
    const csv = toCsv(memberSchema, [row]);
    expect(csv.startsWith("\ufeffid,unit,province,district,period,period_kind,status,count,")).toBe(
      true,
    );
    expect(csv).toContain(
      `x,"'=HYPERLINK(""http://evil"")",'+Lạng Sơn,,2014,year,tong-so,6001,,,,0,s,"'-1 đảng viên, ""trích""","'@ghi chú\nhai dòng"\r\n`,
    );
  });
});

describe("toExcelCsv", () => {
  it("uses ; and decimal commas, keeps the BOM, neutralises formulas, and has no sep= line", () => {
    const csv = toExcelCsv(memberSchema, [{ ...row, unit: "Đảng bộ; huyện" }]);
    expect(csv.startsWith("\ufeffid;unit;province;district;period;period_kind;status;count;")).toBe(
      true,
    );
    expect(csv).not.toMatch(/sep=/i);
    expect(csv).toContain(
      `x;"Đảng bộ; huyện";'+Lạng Sơn;;2014;year;tong-so;6001;;;;0;s;"'-1 đảng viên, ""trích""";"'@ghi chú\nhai dòng"\r\n`,
    );
    const ratings = toExcelCsv(ratingSchema, [
      { id: "r", percent: 16.7, count: 5, rated: 30, derived: false },
    ]);
    expect(ratings.split("\r\n")[1]).toBe("r;;;;;;;;;5;30;16,7;0;;;");
  });
});

describe("toJson", () => {
  it("gives every column in every row, null where empty", () => {
    const json = JSON.parse(
      toJson({ id: "dang-vien", title: "T", description: "D" }, memberSchema, [row], []),
    );
    expect(Object.keys(json.rows[0])).toEqual(Object.keys(memberSchema.shape));
    expect(json.rows[0].district).toBeNull();
    expect(json.rows[0].count).toBe(6001);
    expect(json.columns[7]).toMatchObject({ name: "count", kind: "count", required: true });
  });
});

describe("computeGaps", () => {
  it("finds the remainder of a breakdown and ignores “trong đó” subsets and complete splits", () => {
    const gaps = computeGaps([
      { id: "t", count: 241 },
      { id: "a", count: 130, part_of: "t", split: "loại" },
      { id: "b", count: 106, part_of: "t", split: "loại" },
      { id: "c", count: 56, part_of: "t" },
      { id: "u", count: 7 },
      { id: "v", count: 6, part_of: "u", split: "loại đơn" },
      { id: "w", count: 1, part_of: "u", split: "loại đơn" },
    ]);
    expect(gaps).toEqual([
      { totalId: "t", split: "loại", total: 241, partsSum: 236, missing: 5, partIds: ["a", "b"] },
    ]);
  });
});

describe("periods", () => {
  it.each([
    [{ period: "2022", period_kind: "year" as const }, "Năm 2022"],
    [{ period: "2020", period_kind: "end_of_year" as const }, "Hết năm 2020"],
    [{ period: "2022-08-12", period_kind: "as_of_date" as const }, "Ngày 12/08/2022"],
    [{ period_kind: "as_of_undated" as const }, "Không ghi thời điểm"],
  ])("describePeriod(%j) is %j", (input, text) => {
    expect(describePeriod(input)).toBe(text);
  });

  it("periodCoverage lists the years that have figures (not a span) and says when some figures are undated", () => {
    expect(
      periodCoverage([
        { period: "2022", period_kind: "year" },
        { period: "2014", period_kind: "year" },
        { period_kind: "as_of_undated" },
      ]),
    ).toBe("2014, 2022; có số không ghi thời điểm");
    expect(
      periodCoverage([
        { period: "2022", period_kind: "year" },
        { period: "2014", period_kind: "year" },
        { period: "2020", period_kind: "end_of_year" },
        { period: "2022-08-12", period_kind: "as_of_date" },
      ]),
    ).toBe("2014, 2020, 2022");
    expect(periodCoverage([{ period_kind: "as_of_undated" }])).toBe("không ghi thời điểm");
  });
});

describe("the one CSV writer (dataset and chart downloads)", () => {
  it("neutralises formula-like text but leaves numbers, even negative ones, as numbers", () => {
    const columns = [{ name: "a" }, { name: "b" }, { name: "c" }];
    expect(writeCsv(columns, [{ a: "=1+1", b: -3, c: "x, y" }])).toBe(
      '\ufeffa,b,c\r\n\'=1+1,-3,"x, y"\r\n',
    );
  });
});
