// An article that breaks the schema or MDX stops the build with its file, line and column and a
// Vietnamese message saying what to write; staff see no stack trace, and the site already published
// stays exactly as it was.
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
const good = readFileSync(resolve(NEWS_DIR, GOOD), "utf8");

/** How each case breaks the good article, and the lines the build must print for it. */
const CASES: [name: string, breakIt: (text: string) => string, expected: string[]][] = [
  [
    // The date written the way the page prints it instead of yyyy-mm-dd.
    "a date as printed",
    (text) => text.replace(/^published: .*$/m, 'published: "17/06/2013 04:36:39"'),
    [
      `${BAD}:3:12 Trường “published”: tìm thấy “17/06/2013 04:36:39” (ngày viết như trang in); cần dạng yyyy-mm-dd hoặc yyyy-mm-ddThh:mm:ss, giờ Việt Nam. Ghi: published: "2013-06-17T04:36:39" (date-as-printed)`,
    ],
  ],
  [
    "a misspelt component and a stray brace",
    (text) => `${text}\n<Photocaption>Ảnh</Photocaption>\n\nMột câu có dấu { lạ.\n`,
    [
      `${BAD}:30:1 Thành phần “<Photocaption>” không có (có phải “<PhotoCaption>”?). Trong bài chỉ dùng <Chart>, <DataFigure>, <PhotoCaption>, không cần dòng import; muốn hiện dấu < như chữ thường thì viết \\< (unknown-component)`,
      `${BAD}:32:16 Dấu “{” trong lời bài bị đọc là mã MDX; muốn hiện đúng như bài thì viết \\{ (mdx-character)`,
    ],
  ],
  [
    // Not caught before Astro: its error is restated in Vietnamese, without the stack trace.
    "a caption never closed",
    (text) => `${text}\n<PhotoCaption>Ảnh không đóng thẻ\n`,
    [
      "Bài viết có lỗi ở đây (dòng:cột); kiểm tra dấu { } < và các thẻ <PhotoCaption>…</PhotoCaption> đã đóng chưa.",
    ],
  ],
];

describe.each(CASES)("a build with an article with %s", (_, breakIt, expected) => {
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
    // Every article, so the data's sources still name articles the build has (data:check).
    for (const name of readdirSync(NEWS_DIR).filter((n) => n.endsWith(".mdx")))
      copyFileSync(resolve(NEWS_DIR, name), join(news, name));
    const bad = breakIt(good);
    if (bad === good) throw new Error(`${GOOD} could not be broken`);
    writeFileSync(join(news, BAD), bad);
    for (const [file, content] of Object.entries(published))
      writeFileSync(join(dist, file), content);

    const result = spawnSync(process.execPath, ["src/cli/build.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        BUILD_DEBUG: "",
        NEWS_DIR: news,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, "cache"),
      },
    });
    status = result.status;
    // Colours (on in CI) would split a field from its message.
    output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  });

  it("fails", () => {
    expect(status, output).not.toBe(0);
  });

  it("names the file, line and column in Vietnamese and says what to write", () => {
    const lines = output.split("\n");
    for (const line of expected) {
      expect(
        lines.some((l) => l.endsWith(line) && l.includes(BAD)),
        output,
      ).toBe(true);
    }
    expect(output).toContain("Đã dừng xây trang;");
  });

  it("shows no stack trace", () => {
    expect(output).not.toMatch(/^\s+at\s/m);
    expect(output).not.toContain("Stack trace");
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
