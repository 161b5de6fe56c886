// The article page with the real preview (npm run build first): in Chromium with JavaScript off, a
// biên tập pastes a captured page, fills what it cannot tell, places a chart and a figure linked
// to its row, and previews. The page the renderer made shows in the sandboxed frame with the
// site's own stylesheet and fonts (the preview answer's CSP lets them load), its chart and its
// figure in place. Screenshots of the frame at 360 and 1280 px when SHOTS_DIR is set.
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticlePreview, type PreviewService } from "../../src/server/newsroom/preview.ts";
import { hashPassword } from "../../src/server/staff/password.ts";
import { startApp, type TestApp } from "../api/harness.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const PASSWORD = "mat-khau-du-dai-1";
const CAPTURE = readFileSync(join(SEEDS_DIR, "004_bff571ff9cb4532b.txt"), "utf8");
const CHART = "to-chuc-huyen-tuyen-hoa";

describe("the article page's preview, rendered for real", () => {
  let t: TestApp;
  let browser: Browser;
  let preview: PreviewService;
  beforeAll(async () => {
    expect(existsSync(join(DIST, "_astro")), "npm run build first").toBe(true);
    const paths = { root: ROOT, distDir: DIST, newsDir: join(ROOT, "content/news") };
    preview = createArticlePreview({ ...paths, dataDir: join(ROOT, "data"), timeoutMs: 240_000 });
    t = await startApp({ articlePage: { publisher: null, preview } });
    // The site's stylesheet and fonts, served as the published site serves them.
    cpSync(join(DIST, "_astro"), join(t.distDir, "_astro"), { recursive: true });
    await t.stores.staff.putStaffAccount(
      "bt",
      await hashPassword(PASSWORD),
      new Date(),
      "bien-tap",
    );
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await preview?.close();
  });

  it("shows the rendered article in the frame, styled, with its chart and figure", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(240_000);
    await page.goto(`${t.url}/quan-tri/`);
    await page.fill("#ten", "bt");
    await page.fill("#mat-khau", PASSWORD);
    await page.click("button[type=submit]");
    await page.goto(`${t.url}/quan-tri/bai-viet/moi/`);
    await page.fill("#f-captured", CAPTURE);
    await page.click("text=Đọc trang đã chép");
    await page.fill("#f-locality-province", "Đồng Tháp");
    await page.fill("#f-unit", "Đảng bộ huyện Thanh Bình");
    await page.fill("#f-slug", "bai-thu-xem-truoc");
    await page.check("input[name=topics][value=phat-trien-dang-vien]");
    const body = await page.inputValue("#f-body");
    await page.fill(
      "#f-body",
      `Huyện có [6.001](dang-vien#th-dang-vien) đảng viên {không phải mã}.\n\n${body}\n\n[Biểu đồ: ${CHART}]`,
    );
    await page.click("button[name=action][value=preview]");
    expect(await page.locator("[role=alert]").count()).toBe(0);

    const frame = page.frameLocator("iframe.preview");
    expect(await frame.locator("h1#article-title").textContent()).toBe(
      await page.inputValue("#f-title"),
    );
    expect(await frame.locator("a.data-figure").first().textContent()).toBe("6.001");
    expect(await frame.getByText("đảng viên {không phải mã}.").count()).toBe(1);
    await expect
      .poll(() => frame.locator(`#bieu-do-${CHART} svg`).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // The site's stylesheet applies inside the frame: its font, not the browser's default.
    await expect
      .poll(() => frame.locator("body").evaluate((b) => getComputedStyle(b).fontFamily))
      .toContain("Be Vietnam Pro");
    // … and its fonts load (a font is fetched in CORS mode: an opaque-origin frame would lose it).
    const loaded = await frame.locator("body").evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family);
    });
    expect(loaded.length).toBeGreaterThan(0);
    const dir = process.env.SHOTS_DIR;
    if (dir) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator("iframe.preview").screenshot({ path: `${dir}/xem-truoc-${width}.png` });
      }
    }
    await context.close();
  }, 300_000);
});
