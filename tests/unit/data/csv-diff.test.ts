// The upload check in memory: a committed file saved the way Excel vi-VN saves it changes nothing;
// one changed figure, one added and one removed row are exactly the diff; a bad cell is data:check's
// message at the uploaded file's line and column.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetDiff, isUnchanged } from "../../../src/lib/data/csv-diff.ts";
import { DATASET_IDS } from "../../../src/lib/data/datasets.ts";
import { dataDir } from "../../../src/lib/data/paths.ts";
import { checkUpload } from "../../../src/lib/data/upload-check.ts";
import { asExcelVi } from "../../helpers/excel-csv.ts";

const committed = readFileSync(join(dataDir(), "dang-vien.csv"), "utf8");
const lines = committed.trimEnd().split("\n");

/** One figure changed (6.001 → 47, a number its quote holds), one row added, one removed. */
function edited(): string {
  const rows = lines
    .map((l) => (l.startsWith("th-dang-vien,") ? l.replace(",6.001,", ",47,") : l))
    .filter((l) => !l.startsWith("ls-dang-vien,"));
  rows.push(lines[1]!.replace("th-dang-vien,", "th-dang-vien-moi,"));
  return `${rows.join("\n")}\n`;
}

describe("datasetDiff", () => {
  it("finds nothing between a file and itself", () => {
    expect(isUnchanged(datasetDiff("dang-vien", committed, committed))).toBe(true);
  });

  it("lists the added and removed rows by id and only the changed cells, titled as the page", () => {
    expect(datasetDiff("dang-vien", committed, edited())).toEqual({
      added: [{ id: "th-dang-vien-moi", label: "Tổng số đảng viên" }],
      removed: [{ id: "ls-dang-vien", label: "Tổng số đảng viên" }],
      changed: [
        {
          id: "th-dang-vien",
          label: "Tổng số đảng viên",
          cells: [{ column: "count", title: "Số đảng viên", from: "6.001", to: "47" }],
        },
      ],
    });
  });

  it("counts every row as added when nothing is committed yet", () => {
    const diff = datasetDiff("dang-vien", "", committed);
    expect(diff.added).toHaveLength(lines.length - 1);
    expect(diff.removed).toEqual([]);
  });
});

describe("checkUpload", () => {
  it("formats a spreadsheet's save (BOM, semicolons, CRLF, sep= line) back to no change", () => {
    const result = checkUpload("dang-vien", asExcelVi(committed, { sepLine: true }), "a.csv");
    expect(result.ok && isUnchanged(result.diff)).toBe(true);
  });

  it("brings every committed dataset back from Excel's save unchanged", () => {
    for (const id of DATASET_IDS) {
      const text = readFileSync(join(dataDir(), `${id}.csv`), "utf8");
      const result = checkUpload(id, asExcelVi(text), `${id}.csv`);
      expect(result.ok && isUnchanged(result.diff), id).toBe(true);
    }
  });

  it("reads a count Excel wrote without its thousands dot (6001) as the committed 6.001", () => {
    const result = checkUpload(
      "dang-vien",
      asExcelVi(committed.replace(",6.001,", ",6001,")),
      "b.csv",
    );
    expect(result.ok && isUnchanged(result.diff)).toBe(true);
  });

  it("reports data:check's message at the uploaded file's line and column, with its fix", () => {
    const bad = edited().replace(",47,", ",-3,");
    // The sep= line moves every row one line down in the uploaded file.
    const result = checkUpload("dang-vien", asExcelVi(bad, { sepLine: true }), "bang.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        text: "bang.csv:3:8 Số âm không hợp lệ cho số đếm: cột “count” = “-3” (negative-count)",
        fix: expect.stringContaining("Ví dụ:"),
      },
    ]);
  });

  it("maps the other rows a message names to the uploaded file's lines too", () => {
    // A total given a date its parts lack: part-mismatch names the total's line.
    const text = committed.replace(
      "kcq-dang-vien,Đảng bộ Khối các cơ quan tỉnh Lạng Sơn,Lạng Sơn,,,as_of_undated",
      "kcq-dang-vien,Đảng bộ Khối các cơ quan tỉnh Lạng Sơn,Lạng Sơn,,12/08/2022,as_reported",
    );
    const result = checkUpload("dang-vien", asExcelVi(text, { sepLine: true }), "c.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.text)).toEqual([
      "c.csv:6:9 Phần và tổng (part_of) không cùng đơn vị, kỳ hoặc bài nguồn: dòng 5 ghi “2022-08-12” ở cột “period”, dòng này ghi ô trống (part-mismatch)",
      "c.csv:7:9 Phần và tổng (part_of) không cùng đơn vị, kỳ hoặc bài nguồn: dòng 5 ghi “2022-08-12” ở cột “period”, dòng này ghi ô trống (part-mismatch)",
    ]);
  });

  it("names a file that is not UTF-8 as data:check does", () => {
    const result = checkUpload("dang-vien", Buffer.from([0x69, 0x64, 0xff, 0x0a]), "cu.csv");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.text).toMatch(/^cu\.csv:1:1 Tệp không phải UTF-8/);
  });
});
