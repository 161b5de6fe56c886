// The search index is built inside the staged build: when Pagefind fails, the build stops with a
// Vietnamese message and the site already published stays exactly as it was.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/server.ts";

describe("a build whose search index fails", () => {
  const dir = mkdtempSync(join(tmpdir(), "portal-bad-index-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dist = join(dir, "dist");
  const published = { "index.html": "<!doctype html><p>Trang đã đăng</p>" };
  let status: number | null = null;
  let output = "";

  beforeAll(() => {
    mkdirSync(dist);
    for (const [file, content] of Object.entries(published))
      writeFileSync(join(dist, file), content);
    const result = spawnSync(process.execPath, ["src/cli/build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, "cache"),
        // Pagefind's wrapper runs this program instead of its indexer; it exits at once.
        PAGEFIND_BINARY_PATH: "/bin/false",
      },
    });
    status = result.status;
    output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  });

  it("fails with a message in Vietnamese saying what to do", () => {
    expect(status, output).not.toBe(0);
    expect(output).toContain("Không tạo được chỉ mục tìm kiếm");
    expect(output).toContain("npm ci");
  });

  it("leaves what was published untouched", () => {
    expect(readdirSync(dist, { recursive: true })).toEqual(["index.html"]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe(published["index.html"]);
  });
});
