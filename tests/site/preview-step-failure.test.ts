// A preview step that fails stops `npm run build` at once, Astro's build beside it included, with
// the Vietnamese stop message, and the published site stays exactly as it was. The step is made
// to fail by a niceness it refuses (BUILD_PREVIEWS_NICE, src/cli/build.ts).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/server.ts";

const dir = mkdtempSync(join(tmpdir(), "portal-preview-failure-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Processes whose environment names `outDir` as Astro's output: none once the build is over. */
function buildsInto(outDir: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").includes(`ASTRO_OUT_DIR=${outDir}`);
      } catch {
        return false; // gone, or not ours
      }
    })
    .map(Number);
}

describe("a build whose preview step fails", () => {
  const dist = join(dir, "dist");
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "published");
  const result = spawnSync(process.execPath, ["src/cli/build.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(dir, "cache"),
      BUILD_PREVIEWS_NICE: "-1",
    },
  });
  const output = `${result.stdout}\n${result.stderr}`;

  it("stops with the step's message and the Vietnamese stop line", () => {
    expect(result.status).not.toBe(0);
    expect(output).toContain("Cách dùng: node src/cli/previews.ts");
    expect(output).toContain(`Đã dừng xây trang; ${dist} (bản đang đăng) giữ nguyên`);
    expect(output).not.toContain("Đã đăng bản mới");
  });

  it("leaves the published site as it was and no Astro build running", () => {
    expect(readdirSync(dist)).toEqual(["index.html"]);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("published");
    expect(buildsInto(`${dist}-staging`)).toEqual([]);
  });
});
