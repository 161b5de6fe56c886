// The search index is built inside the staged build: when it fails, the build stops with a
// Vietnamese message and the site already published stays exactly as it was. The failure here is
// a real one staff could cause: a file in public/ at the index's address.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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
    const publicDir = join(dir, "public");
    cpSync(join(ROOT, "public"), publicDir, { recursive: true });
    writeFileSync(join(publicDir, "chi-muc"), "một tệp trùng tên với chỉ mục");
    for (const [file, content] of Object.entries(published))
      writeFileSync(join(dist, file), content);
    const result = spawnSync(process.execPath, ["src/cli/build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, "cache"),
        ASTRO_PUBLIC_DIR: publicDir,
      },
    });
    status = result.status;
    output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  });

  it("fails with a message in Vietnamese saying what to do", () => {
    expect(status, output).not.toBe(0);
    expect(output).toContain("Không tạo được chỉ mục tìm kiếm");
    expect(output).toContain("public/chi-muc");
    expect(output).toContain("đổi tên nó");
  });

  it("leaves what was published untouched", () => {
    expect(readdirSync(dist, { recursive: true })).toEqual(["index.html"]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe(published["index.html"]);
  });
});
