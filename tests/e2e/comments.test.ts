// The whole comment flow in Chromium against the real server, with and without JavaScript:
// readers comment → nothing shows → staff sign in → approve one, reject one → a new visitor
// sees the approved one only. Reader text stays inert text; the email never reaches a reader.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { DIST, ROOT, startServer, type RunningServer } from "../helpers/server.ts";

const PASSWORD = "mat-khau-bien-tap-2026";
const articles = JSON.parse(readFileSync(join(DIST, "binh-luan/bai-viet.json"), "utf8")) as Record<
  string,
  { title: string; path: string }
>;
const [slug, article] = Object.entries(articles)[0]!;
const NO_JS_TEXT = 'Không có JavaScript <img src=x onerror="window.__xss=1">\nDòng hai';
const JS_TEXT = "Có JavaScript, bình luận này sẽ bị từ chối.";
const EMAIL = "ban-doc-rieng@example.vn";

let dir: string;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "portal-comments-e2e-"));
  const databasePath = join(dir, "portal.sqlite");
  // The account is made the way staff make it: the CLI, the password on standard input.
  const add = spawnSync(process.execPath, [resolve(ROOT, "src/cli/staff.ts"), "add", "bientap"], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    input: `${PASSWORD}\n`,
    encoding: "utf8",
  });
  expect(add.stdout).toContain("Đã tạo tài khoản «bientap»");
  server = await startServer({ databasePath, env: { COMMENT_MIN_SECONDS: "1" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fillComment(page: Page, name: string, text: string): Promise<void> {
  const form = page.locator("#binh-luan form.comment-form, form.comment-form").first();
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(EMAIL);
  await form.locator('textarea[name="text"]').fill(text);
  await form.locator('input[name="consent"]').check();
}

/** What a reader's browser can get: the page's HTML and every JSON the page fetched. */
async function readerBytes(page: Page, path: string): Promise<string> {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (res.url().startsWith(server.url)) bodies.push(await res.text().catch(() => ""));
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  bodies.push(await page.content());
  return bodies.join("\n");
}

describe("comments in Chromium", () => {
  it("the whole flow, with and without JavaScript", async () => {
    // 1. A reader without JavaScript comments from the article in one send: the server stamped
    // the built form with a fresh form time as it served the page.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p1 = await noJs.newPage();
    await p1.goto(`${server.url}${article.path}`);
    expect(await p1.locator("[data-comment-token]").inputValue()).not.toBe("");
    expect(await p1.locator("[data-comment-static]").count()).toBe(0);
    await fillComment(p1, "Bạn đọc không JS", NO_JS_TEXT);
    await p1.waitForTimeout(1100); // COMMENT_MIN_SECONDS=1: a person reads and types
    await p1.locator("#binh-luan button[type=submit]").click();
    await p1.waitForURL(/\/binh-luan\/\?bai=.*ket-qua=cho-duyet/);
    expect(await p1.locator(".comment-notice").innerText()).toContain("đang chờ duyệt");
    expect(await p1.locator(`a[href="${article.path}"]`).count()).toBe(1);
    // Nothing shows before moderation.
    expect(await p1.locator(".comment-list").count()).toBe(0);

    // 2. A reader with JavaScript comments in place.
    const js = await browser.newContext();
    const p2 = await js.newPage();
    await p2.goto(`${server.url}${article.path}`);
    await expect.poll(() => p2.locator("[data-comment-token]").inputValue()).not.toBe("");
    expect(await p2.locator("#binh-luan .comment-empty").innerText()).toContain(
      "Chưa có bình luận",
    );
    await fillComment(p2, "Bạn đọc có JS", JS_TEXT);
    await p2.waitForTimeout(1100);
    await p2.locator("#binh-luan button[type=submit]").click();
    await expect
      .poll(() => p2.locator("[data-comment-message]").innerText())
      .toContain("đang chờ duyệt");
    expect(p2.url()).toBe(`${server.url}${article.path}`);
    await p2.reload();
    await expect.poll(() => p2.locator("[data-comment-token]").inputValue()).not.toBe("");
    expect(await p2.locator("#binh-luan .comment").count()).toBe(0);

    // 3. /quan-tri/ needs a session; staff sign in and see both, newest first.
    const staff = await browser.newContext({ javaScriptEnabled: false });
    const s = await staff.newPage();
    await s.goto(`${server.url}/quan-tri/`);
    expect(await s.locator(".queue").count()).toBe(0);
    await s.locator("#ten").fill("bientap");
    await s.locator("#mat-khau").fill(PASSWORD);
    await s.locator("button[type=submit]").click();
    await s.waitForURL(`${server.url}/quan-tri/`);
    const items = s.locator(".queue .item");
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain(JS_TEXT);
    expect(await items.nth(1).innerText()).toContain("Không có JavaScript <img");
    await items
      .nth(1)
      .getByRole("button", { name: /^Duyệt/ })
      .click();
    await s.waitForURL(/da=approved&so=1/);
    await s
      .locator(".queue .item")
      .nth(0)
      .getByRole("button", { name: /^Từ chối/ })
      .click();
    await s.waitForURL(/da=rejected&so=1/);
    expect(await s.locator(".queue .item").count()).toBe(0);
    expect(await s.locator("table").innerText()).toContain("bientap");

    // 4. A new visitor with JavaScript sees the approved comment as text, not the rejected one.
    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    const bytes = await readerBytes(v, article.path);
    await expect.poll(() => v.locator("#binh-luan .comment").count()).toBe(1);
    const text = v.locator("#binh-luan .comment__text");
    expect(await text.innerText()).toBe(NO_JS_TEXT);
    expect(await v.locator("#binh-luan .comment img").count()).toBe(0);
    expect(await v.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await v.locator("#binh-luan").innerText()).not.toContain(JS_TEXT);
    expect(bytes).not.toContain(EMAIL);

    // 5. A new visitor without JavaScript follows the link to the server's comments page.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const w = await plain.newPage();
    await w.goto(`${server.url}${article.path}`);
    await w.locator("#binh-luan a[href^='/binh-luan/']").click();
    await w.waitForURL(new RegExp(`/binh-luan/\\?bai=${slug}`));
    expect(await w.locator(".comment__text").innerText()).toBe(NO_JS_TEXT);
    expect(await w.locator(".comment img").count()).toBe(0);
    const html = await w.content();
    expect(html).not.toContain(JS_TEXT);
    expect(html).not.toContain(EMAIL);
    const api = await (await fetch(`${server.url}/api/comments?article=${slug}`)).text();
    expect(api).not.toContain(EMAIL);
    expect(api).not.toContain(JS_TEXT);

    for (const c of [noJs, js, staff, visitor, plain]) await c.close();
  });

  it("/gop-y/ sends feedback into the same queue, marked as feedback", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/gop-y/`);
    await fillComment(page, "Người góp ý", "Trang nên có thêm biểu đồ theo năm.");
    await page.waitForTimeout(1100);
    await page.locator("form.comment-form button[type=submit]").click();
    await expect
      .poll(() => page.locator("[data-comment-message]").innerText())
      .toContain("ban biên tập");
    await ctx.close();
    const staff = await browser.newContext();
    const s = await staff.newPage();
    await s.goto(`${server.url}/quan-tri/`);
    await s.locator("#ten").fill("bientap");
    await s.locator("#mat-khau").fill(PASSWORD);
    await s.locator("button[type=submit]").click();
    await s.waitForURL(`${server.url}/quan-tri/`);
    const item = s.locator(".queue .item").first();
    expect(await item.innerText()).toContain("Góp ý về trang");
    expect(await item.innerText()).toContain("Trang nên có thêm biểu đồ theo năm.");
    await staff.close();
  });
});
