// The Excel round trip (issue 22): a vi-VN spreadsheet's save turns 2024-01-15 into 15/01/2024;
// data:check says Excel did it and data:format brings it back; a column added to the header only
// is given empty cells in every old row by data:format, and the file is then valid.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalCsv } from "../../../src/lib/data/canonical.ts";
import { excelDate } from "../../../src/lib/data/excel.ts";
import { checkDatasetBytes, DATASETS, issueMessage } from "../../../src/lib/data/index.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const committed = readFileSync(resolve(ROOT, "data/dang-vien.csv"), "utf8");
const schema = DATASETS["dang-vien"].schema;
// The committed file with its first row dated 2024-01-15 (canonical form).
const lines = committed.split("\n");
lines[1] = lines[1]!.replace(",,as_of_undated,", ",2024-01-15,as_of_date,");
const dated = lines.join("\n");

describe("excelDate", () => {
  it.each([
    ["15/01/2024", "2024-01-15"],
    ["15/1/2024", "2024-01-15"],
    ["5/1/2024 0:00", "2024-01-05"],
    ["15/01/2024 08:30:00", "2024-01-15"],
    ["31/02/2024", undefined],
    ["2024-01-15", undefined],
    ["2014", undefined],
  ])("%j → %j", (text, iso) => {
    expect(excelDate(text)).toBe(iso);
  });
});

describe("Excel date round trip", () => {
  // What Excel (vi-VN) writes back: BOM, CRLF, and the date in the spreadsheet's form.
  const saved = `\uFEFF${dated.replace(",2024-01-15,", ",15/01/2024,").replaceAll("\n", "\r\n")}`;

  it("data:check names Excel and the way back, at the cell", () => {
    const result = checkDatasetBytes("dang-vien", Buffer.from(saved));
    expect(result.issues.map((i) => `${i.line}:${i.column} ${issueMessage(i)}`)).toEqual([
      "2:5 Giá trị không hợp lệ: cột “period” = “15/01/2024”; ghi năm (2014) hoặc ngày yyyy-mm-dd; có vẻ Excel đã đổi 2024-01-15 thành 15/01/2024: chạy npm run data:format để đổi lại, hoặc định dạng cột là Văn bản (Text) rồi gõ 2024-01-15 (invalid-value)",
    ]);
  });

  it("data:format writes the committed bytes back, naming the line it changed", () => {
    const result = canonicalCsv(schema, Buffer.from(saved));
    expect(result.ok && result.text).toBe(dated);
    expect(result.ok && result.dates).toEqual([2]);
    expect(checkDatasetBytes("dang-vien", Buffer.from(dated)).issues).toEqual([]);
  });

  it("leaves a date in a text column alone", () => {
    const noted = dated.replace(/,\n/, ",Bài ghi 15/01/2024\n");
    expect(noted).not.toBe(dated);
    const result = canonicalCsv(schema, Buffer.from(noted));
    expect(result.ok && result.text).toBe(noted);
    expect(result.ok && result.dates).toEqual([]);
  });
});

describe("a column added to the header only", () => {
  const [header, ...rest] = committed.split("\n");
  const added = [`${header},qualifier`, ...rest].join("\n");

  it("is ragged for data:check until formatted", () => {
    const keys = checkDatasetBytes("dang-vien", Buffer.from(added)).issues.map((i) => i.key);
    expect(new Set(keys)).toEqual(new Set(["ragged-row"]));
  });

  it("data:format gives every old row an empty cell, and the file is valid with the same rows", () => {
    const result = canonicalCsv(schema, Buffer.from(added));
    if (!result.ok) throw new Error("not formatted");
    const rows = committed.trimEnd().split("\n").length - 1;
    expect(result.padded).toHaveLength(rows);
    expect(result.text.split("\n")[1]).toBe(`${committed.split("\n")[1]},`);
    const formatted = checkDatasetBytes("dang-vien", Buffer.from(result.text));
    expect(formatted.issues).toEqual([]);
    expect(formatted.rows).toEqual(checkDatasetBytes("dang-vien", Buffer.from(committed)).rows);
  });

  it("pads no row whose missing cell is in the middle (the check still reports it)", () => {
    const broken = added.replace(",tong-so,6.001,", ",tong-so,");
    const result = canonicalCsv(schema, Buffer.from(broken));
    expect(result.ok && result.padded).not.toContain(2);
  });
});
