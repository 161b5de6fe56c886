// An article whose frontmatter breaks the schema stops the build with its file and field, and the
// site already published stays exactly as it was.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEWS_DIR } from "../helpers/seeds.ts";
import { ROOT } from "../helpers/server.ts";

const GOOD = "cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang.mdx";
const BAD = "bai-ngay-sai.mdx";

describe("a build with an article whose frontmatter breaks the schema", () => {
  const dir = mkdtempSync(join(tmpdir(), "portal-bad-article-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const news = join(dir, "news");
  const dist = join(dir, "dist");
  // What is "already published": must survive the failed build byte for byte.
  const published = {
    "index.html": "<!doctype html><p>Trang đã đăng</p>",
    "tin-tuc/index.html": "<!doctype html><p>Danh sách đã đăng</p>",
  };
  let status: number | null = null;
  let output = "";

  beforeAll(() => {
    mkdirSync(news);
    mkdirSync(join(dist, "tin-tuc"), { recursive: true });
    copyFileSync(resolve(NEWS_DIR, GOOD), join(news, GOOD));
    // A real article with the date written the way the page prints it instead of yyyy-mm-dd.
    const good = readFileSync(resolve(NEWS_DIR, GOOD), "utf8");
    const bad = good.replace(/^published: .*$/m, 'published: "17/06/2013 04:36:39"');
    if (bad === good) throw new Error(`${GOOD} has no published line to break`);
    writeFileSync(join(news, BAD), bad);
    for (const [file, content] of Object.entries(published))
      writeFileSync(join(dist, file), content);

    const result = spawnSync(process.execPath, ["src/cli/build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        NEWS_DIR: news,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, "cache"),
      },
    });
    status = result.status;
    // Colours (on in CI) would split "published:" from its message.
    output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  });

  it("fails", () => {
    expect(status, output).not.toBe(0);
  });

  it("names the file and the field", () => {
    expect(output).toContain(BAD);
    expect(output).toMatch(/published: expected yyyy-mm-dd/);
  });

  it("leaves what was published untouched", () => {
    expect(readdirSync(dist, { recursive: true }).sort()).toEqual(
      ["index.html", "tin-tuc", "tin-tuc/index.html"].sort(),
    );
    for (const [file, content] of Object.entries(published)) {
      expect(readFileSync(join(dist, file), "utf8")).toBe(content);
    }
  });
});
