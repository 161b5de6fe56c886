// When the newsroom is on: PUBLISH_DIR a git work tree with a commit, content/news, data and
// src/components (articles import components by relative path). Each missing piece is named.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPublishDir } from "../../../src/server/newsroom/availability.ts";

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "portal-availability-"));
  dirs.push(dir);
  return dir;
};
const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@x.invalid", ...args], {
    cwd: dir,
  });
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("checkPublishDir", () => {
  it("names what is missing, in Vietnamese, with the folder", async () => {
    const missing = join(fresh(), "khong-co");
    expect(await checkPublishDir(missing)).toEqual({
      ok: false,
      reason: `Thư mục xuất bản không tồn tại (PUBLISH_DIR=${missing})`,
    });
    const plain = fresh();
    expect(await checkPublishDir(plain)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Thư mục xuất bản không phải một bản git/),
    });
    git(plain, "init", "-q");
    expect(await checkPublishDir(plain)).toMatchObject({
      reason: expect.stringMatching(/^Bản git của thư mục xuất bản chưa có commit nào/),
    });
    writeFileSync(join(plain, "a.txt"), "a");
    git(plain, "add", "-A");
    git(plain, "commit", "-q", "-m", "a");
    expect(await checkPublishDir(plain)).toMatchObject({
      reason: expect.stringMatching(/^Thư mục xuất bản thiếu content\/news\//),
    });
    mkdirSync(join(plain, "content/news"), { recursive: true });
    mkdirSync(join(plain, "data"));
    expect(await checkPublishDir(plain)).toMatchObject({
      reason: expect.stringMatching(/^Thư mục xuất bản thiếu src\/components\//),
    });
    mkdirSync(join(plain, "src/components"), { recursive: true });
    expect(await checkPublishDir(plain)).toEqual({ ok: true });
  });
});
