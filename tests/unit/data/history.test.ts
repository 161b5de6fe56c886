import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lastChanged } from "../../../src/lib/data/history.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

describe("lastChanged", () => {
  it("lastChanged(file) gives a committed file's last commit date", () => {
    const file = "data/dang-vien.csv";
    const dirty = execFileSync("git", ["status", "--porcelain", "--", file], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const iso = execFileSync("git", ["log", "-1", "--format=%cI", "--", file], {
      cwd: ROOT,
      encoding: "utf8",
    }).trim();
    const changed = lastChanged(join(ROOT, file));
    if (dirty) expect(changed.from).toBe("mtime");
    else expect(changed).toEqual({ date: new Date(iso), from: "git" });
  });

  it("lastChanged(file) falls back to the file's mtime when git does not know it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "history-")), "x.csv");
    writeFileSync(file, "a\n");
    expect(lastChanged(file).from).toBe("mtime");
  });
});
