// One canonical CSV form in git: a Vietnamese-Excel save of every committed file formats back to its
// committed bytes, a real edit changes only its own line, and data:check warns about unformatted files.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import type { z } from "zod";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalCsv } from "../../../src/lib/data/canonical.ts";
import { columnMeta } from "../../../src/lib/data/columns.ts";
import { DATASET_IDS, DATASETS, type DatasetId } from "../../../src/lib/data/datasets.ts";
import { canonicalCount, canonicalDecimal } from "../../../src/lib/data/numbers.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const committed = (id: DatasetId) => readFileSync(resolve(ROOT, "data", `${id}.csv`));

/**
 * What Excel set to Vietnamese writes when the file is saved as CSV: a BOM, `;` between cells, CRLF,
 * decimal commas, and (with `plainCounts`) counts in the General format, without thousands dots.
 */
function excelVietnamese(id: DatasetId, options: { plainCounts?: boolean } = {}): Buffer {
  const rows = Papa.parse<string[]>(committed(id).toString("utf8").trimEnd(), {
    header: false,
  }).data;
  const shape: Record<string, z.ZodType> = DATASETS[id].schema.shape;
  const kinds = rows[0]!.map((name) => columnMeta(shape[name]!).kind);
  const cell = (value: string, i: number) => {
    let text = value;
    if (kinds[i] === "decimal" || kinds[i] === "percent") text = text.replace(".", ",");
    if (options.plainCounts && kinds[i] === "count") text = text.replaceAll(".", "");
    return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = rows.map((row, r) => row.map((v, i) => (r === 0 ? v : cell(v, i))).join(";"));
  return Buffer.from(
    `\ufeff${lines.join("\r\n").replaceAll("\n", "\r\n").replaceAll("\r\r", "\r")}\r\n`,
  );
}

describe("canonicalCsv", () => {
  it.each(DATASET_IDS)("data/%s.csv is canonical as committed", (id) => {
    const result = canonicalCsv(DATASETS[id].schema, committed(id));
    expect(result.ok && result.text).toBe(committed(id).toString("utf8"));
  });

  it.each(DATASET_IDS)(
    "a Vietnamese Excel save of data/%s.csv formats back byte for byte",
    (id) => {
      for (const plainCounts of [false, true]) {
        const excel = excelVietnamese(id, { plainCounts });
        expect(excel.equals(committed(id))).toBe(false);
        const result = canonicalCsv(DATASETS[id].schema, excel);
        expect(result.ok && Buffer.from(result.text).equals(committed(id))).toBe(true);
      }
    },
  );

  it("a real edit in Excel shows as the one line that changed", () => {
    const excel = excelVietnamese("xep-loai").toString("utf8").replace(";16,7;", ";16,9;");
    const result = canonicalCsv(DATASETS["xep-loai"].schema, Buffer.from(excel));
    const before = committed("xep-loai").toString("utf8").split("\n");
    const after = result.ok ? result.text.split("\n") : [];
    expect(after).toHaveLength(before.length);
    const differing = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    expect(differing).toHaveLength(1);
    expect(after[differing[0]! - 1]).toBe(before[differing[0]! - 1]!.replace('"16,7"', '"16,9"'));
  });

  it("quotes only cells holding a comma, a quote or a line break; drops blank rows and the sep= line", () => {
    const schema = DATASETS["dang-vien"].schema;
    const header = Object.keys(schema.shape).join(";");
    const input = `sep=;\r\n${header}\r\n;;;\r\na;Đ;Q;;;as_of_undated;tong-so;6001;;;0;s;"có ""6.001"" người, nhé";"dòng 1\r\ndòng 2"\r\n`;
    const result = canonicalCsv(schema, Buffer.from(input));
    expect(result.ok && result.text).toBe(
      `${header.replaceAll(";", ",")}\na,Đ,Q,,,as_of_undated,tong-so,6.001,,,0,s,"có ""6.001"" người, nhé","dòng 1\ndòng 2"\n`,
    );
  });

  it("refuses a file it cannot read, naming line and cell", () => {
    const result = canonicalCsv(DATASETS["dang-vien"].schema, Buffer.from('id,unit\n"a,b\n'));
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 2, column: 1, key: "unbalanced-quote" }],
    });
  });
});

describe("canonical numbers", () => {
  it.each([
    ["6001", "6.001"],
    ["6 001", "6.001"],
    ["6.264.685", "6.264.685"],
    ["01", "01"],
    ["294", "294"],
    ["3.28", "3.28"],
    ["6,001", "6,001"],
  ])("canonicalCount(%j) is %j", (raw, expected) => {
    expect(canonicalCount(raw)).toBe(expected);
  });

  it.each([
    ["16.7", false, "16,7"],
    ["16,7", false, "16,7"],
    ["83,30%", true, "83,30"],
    ["1.234,5", false, "1234,5"],
    ["1.234", false, "1.234"],
    ["100", true, "100"],
  ])("canonicalDecimal(%j, percent %j) is %j", (raw, percent, expected) => {
    expect(canonicalDecimal(raw, { percent })).toBe(expected);
  });
});

describe("npm run data:format and data:check", () => {
  const node = process.execPath;
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "data-format-"));
    dirs.push(dir);
    cpSync(resolve(ROOT, "data"), dir, { recursive: true });
    return dir;
  };
  const run = (script: string, dir: string, args: string[] = []) =>
    spawnSync(node, [resolve(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir },
      encoding: "utf8",
    });

  it("data:check warns (exit 0) about an Excel save; data:format brings every file back", () => {
    const dir = copy();
    for (const id of DATASET_IDS) writeFileSync(join(dir, `${id}.csv`), excelVietnamese(id));
    const checked = run("src/cli/data-check.ts", dir);
    expect(checked.status).toBe(0);
    const warnings = checked.stdout.split("\n").filter((l) => l.includes("(not-canonical)"));
    expect(warnings).toHaveLength(DATASET_IDS.length);
    expect(warnings[0]).toBe(
      `${join(dir, "to-chuc-dang.csv")}:1:1 Cảnh báo: tệp chưa ở dạng chuẩn của kho (UTF-8 không BOM, dấu phẩy, xuống dòng LF, số viết như data/README.md); chạy npm run data:format -- ${join(dir, "to-chuc-dang.csv")} để git chỉ hiện những ô thật sự đổi (not-canonical)`,
    );
    const formatted = run("src/cli/data-format.ts", dir);
    expect(formatted.status).toBe(0);
    expect(formatted.stdout).toContain(`Đã chuẩn hóa ${DATASET_IDS.length} tệp.`);
    for (const id of DATASET_IDS) {
      expect(readFileSync(join(dir, `${id}.csv`)).equals(committed(id))).toBe(true);
    }
    expect(run("src/cli/data-check.ts", dir).stdout).not.toContain("not-canonical");
  });

  it("formats only the files named and leaves a broken one untouched, saying why", () => {
    const dir = copy();
    const broken = Buffer.from(
      committed("dang-vien").toString("utf8").replace('"47 tổ chức', '"47 tổ chức\n"'),
    );
    writeFileSync(join(dir, "dang-vien.csv"), broken);
    writeFileSync(join(dir, "huy-hieu.csv"), excelVietnamese("huy-hieu"));
    writeFileSync(join(dir, "ket-nap.csv"), excelVietnamese("ket-nap"));
    const result = run("src/cli/data-format.ts", dir, [
      join(dir, "dang-vien.csv"),
      join(dir, "huy-hieu.csv"),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, "dang-vien.csv")}: không đổi gì; sửa lỗi trên rồi chạy lại.`,
    );
    expect(result.stderr).toMatch(/dang-vien\.csv:\d+:\d+ .*\((unbalanced-quote|invalid-quote)\)/);
    expect(readFileSync(join(dir, "dang-vien.csv")).equals(broken)).toBe(true);
    expect(readFileSync(join(dir, "huy-hieu.csv")).equals(committed("huy-hieu"))).toBe(true);
    expect(readFileSync(join(dir, "ket-nap.csv")).equals(excelVietnamese("ket-nap"))).toBe(true);
  });
});
