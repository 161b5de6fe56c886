// `npm run data:check` on real copies of the data: exit 0 and a summary when clean, exit 1 and every
// problem as data/<file>.csv:<line>:<column> when not.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ISSUE_FIXES } from "../../../src/lib/data/issue-fixes.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const dirs: string[] = [];

function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), "data-check-"));
  dirs.push(dir);
  cpSync(resolve(ROOT, "data"), dir, { recursive: true });
  return dir;
}

function check(dataDir?: string, args: string[] = []) {
  return spawnSync(process.execPath, [resolve(ROOT, "src/cli/data-check.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) },
    encoding: "utf8",
  });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data:check", () => {
  it("exits 0 with a one-line summary on the committed data", () => {
    const result = check();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Dữ liệu: 11 bộ dữ liệu, \d+ dòng, không có lỗi/);
    expect(result.stdout).toContain("\nSố trong bài chưa có trong dữ liệu: 0.\n");
    expect(result.stdout).not.toContain("not-canonical");
    expect(result.stderr).toBe("");
  });

  it("leaves out the article numbers' count with --no-coverage (the build's check), still checking", () => {
    const clean = check(undefined, ["--no-coverage"]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^Dữ liệu: 11 bộ dữ liệu, \d+ dòng, không có lỗi/);
    expect(clean.stdout).not.toContain("Số trong bài");
    const dir = copyOfData();
    const file = join(dir, "dang-vien.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(",6.001,", ",-6.001,"));
    expect(check(dir, ["--no-coverage"]).status).toBe(1);
  });

  it("exits 1 and names file, line and column of each problem in a bad copy", () => {
    const dir = copyOfData();
    const file = join(dir, "dang-vien.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = lines[1]!.replace(",6.001,", ",-6.001,");
    lines[3] = lines[3]!.replace(",3.912,", ",3.912.5,");
    writeFileSync(file, lines.join("\n"));
    writeFileSync(join(dir, "khac.csv"), "a,b\n1,2\n");
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("\nDữ liệu có 3 lỗi. Sửa từng lỗi theo dòng:cột đã nêu");
    const shown = (name: string) => join(dir, name);
    expect(result.stderr.split("\n").filter((l) => l.includes(dir))).toEqual([
      `${shown("dang-vien.csv")}:2:8 Số âm không hợp lệ cho số đếm: cột “count” = “-6.001” (negative-count)`,
      `${shown("dang-vien.csv")}:4:8 Không phải là số: cột “count” = “3.912.5” (not-a-number)`,
      `${shown("khac.csv")}:1:1 Tệp không thuộc bộ dữ liệu nào đã khai báo: khai báo bộ dữ liệu mới trong src/lib/data/datasets.ts (tên hợp lệ: to-chuc-dang, dang-vien, ket-nap, xep-loai, huy-hieu, kiem-tra-giam-sat, giao-duc-dao-tao, thi-dua-khen-thuong, cong-tac-to-chuc, chi-tieu, trang-goc) (unknown-dataset)`,
    ]);
  });

  it("says under each problem what is expected, with an example of the right form", () => {
    const dir = copyOfData();
    const file = join(dir, "dang-vien.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[3] = lines[3]!.replace(",3.912,", ",3.912.5,");
    writeFileSync(file, lines.join("\n"));
    const out = check(dir).stderr.split("\n");
    const at = out.findIndex((l) => l.includes("(not-a-number)"));
    expect(out[at + 1]).toBe(
      "    Cần: chỉ chữ số, dấu chấm hàng nghìn, dấu phẩy thập phân. Ví dụ: 6.001 hoặc 16,7.",
    );
    for (const fix of Object.values(ISSUE_FIXES)) expect(fix).toMatch(/^Cần: .+ Ví dụ: .+/);
  });

  it("shows paths inside the repository relative to it", () => {
    mkdirSync(resolve(ROOT, "var"), { recursive: true });
    const dir = mkdtempSync(join(resolve(ROOT, "var"), "data-check-"));
    dirs.push(dir);
    cpSync(resolve(ROOT, "data"), dir, { recursive: true });
    const file = join(dir, "trang-goc.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("Online 6", "Online 7"));
    const result = check(dir);
    expect(result.status).toBe(1);
    const name = relative(ROOT, file);
    expect(name.startsWith("var/data-check-")).toBe(true);
    expect(result.stderr).toContain(
      `${name}:3:13 Không tìm thấy đoạn trích trong bài nguồn: “Online 7” không có trong bài tuyen-hoa-cung-co-to-chuc-co-so-dang (quote-not-found)`,
    );
  });

  it("reports a missing dataset file", () => {
    const dir = copyOfData();
    rmSync(join(dir, "huy-hieu.csv"));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, "huy-hieu.csv")}:1:1 Thiếu tệp dữ liệu (missing-file)`,
    );
  });

  it("stops npm run build before anything is built or published", () => {
    const dir = copyOfData();
    const file = join(dir, "xep-loai.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace('"16,7"', '"16,9"'));
    const out = mkdtempSync(join(tmpdir(), "data-build-"));
    dirs.push(out);
    writeFileSync(join(out, "index.html"), "published");
    const result = spawnSync(process.execPath, [resolve(ROOT, "src/cli/build.ts")], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir, ASTRO_OUT_DIR: out },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:4:11 Tỉ lệ phần trăm không khớp với số đếm: ghi 16,9%, nhưng 5/30 được xếp loại = 16,67% (percent-mismatch)`,
    );
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("published");
    expect(existsSync(`${out}-staging`)).toBe(false);
  });
});
