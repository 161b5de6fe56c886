// The preview's pure parts: what MDX it accepts (nothing in it may become code), how the dev
// renderer's page is made into the published one, and the Vietnamese messages for MDX errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderErrorMessage } from "../../../src/server/newsroom/preview-errors.ts";
import { asPublished, withoutScripts } from "../../../src/server/newsroom/preview-page.ts";
import { checkPreviewSource } from "../../../src/server/newsroom/preview-source.ts";

const ROOT = join(import.meta.dirname, "../../..");
const COMMITTED = "tuyen-hoa-cung-co-to-chuc-co-so-dang";
const committed = readFileSync(join(ROOT, "content/news", `${COMMITTED}.mdx`), "utf8");
const head = committed.slice(0, committed.indexOf("\n---", 4) + 4);
/** The line the body starts on: after the frontmatter and one blank line. */
const bodyLine = head.split("\n").length + 2;
const article = (body: string) => `${head}\n\n${body}\n`;

describe("checkPreviewSource", () => {
  it("accepts a committed article, its component imports blanked in place", () => {
    const checked = checkPreviewSource(committed, COMMITTED);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.text).not.toMatch(/^import /m);
    expect(checked.text.split("\n")).toHaveLength(committed.split("\n").length);
  });

  it.each([
    ["{process.exit(1)}", 1],
    ["Một <script>alert(1)</script> đoạn", 5],
    ['import x from "y"', 1],
    ["export const a = 1", 1],
    ['<Chart id={"a" + "b"} />', 11],
    ["<Chart id={1+1} />", 11],
    ["<Bang>x</Bang>", 1],
    ['<img src="x" onerror="alert(1)" />', 1],
    ["Xem [bài](javascript:alert(1)) này", 9],
  ])("refuses %s in Vietnamese at its line and column", (body, column) => {
    const checked = checkPreviewSource(article(body), "bai-thu");
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toContain("Chưa xem trước được");
    expect(checked.message).toContain(`Dòng ${bodyLine}, cột ${column}`);
  });

  it("keeps literal props: level={2} is a value, not code", () => {
    const body = '<Chart id="to-chuc-huyen-tuyen-hoa" level={2} />';
    expect(checkPreviewSource(article(body), "bai-thu").ok).toBe(true);
  });

  it("refuses a name that is not a slug", () => {
    const checked = checkPreviewSource(committed, "../../etc/passwd");
    expect(checked).toMatchObject({ ok: false, message: expect.stringContaining("Tên bài") });
  });
});

describe("asPublished", () => {
  const assets = {
    stylesheets: ['<link rel="stylesheet" href="/_astro/style.C9tzqEUj.css">'],
    files: new Map([["noto-serif-400.woff2", "/_astro/noto-serif-400.DVNZ8wgk.woff2"]]),
  };
  const dev =
    '<html lang="vi"><head><link rel="preload" href="/src/styles/fonts/noto-serif-400.woff2" as="font">' +
    '<script type="application/ld+json">{"a":1}</script></head><body><p>Chữ</p>' +
    '<script type="module" src="/work/x/src/components/A.astro?astro&type=script&index=0&lang.ts"></script>' +
    "<script>document.documentElement.classList.add('js')</script></body></html>";

  it("gives the build's doctype, asset addresses and stylesheet, without scripts", () => {
    expect(asPublished(dev, assets)).toBe(
      '<!DOCTYPE html><html lang="vi"><head><link rel="preload" href="/_astro/noto-serif-400.DVNZ8wgk.woff2" as="font">' +
        '<script type="application/ld+json">{"a":1}</script><link rel="stylesheet" href="/_astro/style.C9tzqEUj.css"></head>' +
        "<body><p>Chữ</p></body></html>",
    );
  });

  it("keeps data blocks and drops every script a browser would run", () => {
    const html = withoutScripts(dev);
    expect(html).toContain("application/ld+json");
    expect(html).not.toMatch(/<script(?![^>]*ld\+json)/);
  });
});

describe("renderErrorMessage", () => {
  it("says where MDX found an unclosed tag, in Vietnamese", () => {
    const error = Object.assign(
      new Error(
        "Expected a closing tag for `<PhotoCaption>` (20:1-20:15) before the end of `paragraph`",
      ),
      {
        loc: { line: 20, column: 1, file: "/tmp/x/bai.mdx" },
      },
    );
    expect(renderErrorMessage(error, "/tmp/x/bai.mdx", "")).toBe(
      "Chưa xem trước được. Dòng 20, cột 1: thẻ <PhotoCaption> chưa được đóng: thêm </PhotoCaption> ở cuối đoạn của nó.",
    );
  });

  it("places a component's own message at the tag it is about", () => {
    const text = 'a\nb\nCó <DataFigure row="dang-vien#khong-co">6.001</DataFigure> người.';
    const error = new Error(
      '<DataFigure row="dang-vien#khong-co">: data/dang-vien.csv không có dòng id "khong-co".',
    );
    expect(renderErrorMessage(error, "/tmp/x/bai.mdx", text)).toMatch(
      /^Chưa xem trước được\. Dòng 3, cột 4: <DataFigure/,
    );
  });
});
