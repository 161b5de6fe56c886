// A publication's page in Chromium, over a real content checkout and a real build: with
// JavaScript, a bien-tap presses "Đăng" on a checked upload and watches the state change in place
// (the status script polls; the page is not reloaded); without JavaScript, the same page read by
// a plain refresh shows the new state. axe finds no serious or critical violation on the page and
// the history. Screenshots at 360 and 1280 px when SHOTS_DIR is set.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import type { Checkout, NewsroomServer } from "../helpers/newsroom.ts";
import {
  openNewsroomFixture,
  signInWithForm,
  type NewsroomFixture,
} from "../helpers/newsroom-fixture.ts";

const NOTE_END = "không nói “đến hết năm”).";

describe("a publication's page in Chromium", () => {
  let newsroom: NewsroomFixture;
  let checkout: Checkout;
  let server: NewsroomServer;
  let browser: Browser;

  beforeAll(async () => {
    newsroom = await openNewsroomFixture();
    ({ checkout, server } = newsroom);
    browser = await launchBrowser();
  }, 20 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await newsroom?.close("idle");
  });

  async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInWithForm(page, server.url);
    await page.waitForURL(`${server.url}/quan-tri/`);
    return page;
  }

  async function shoot(page: Page, name: string) {
    const dir = process.env.SHOTS_DIR;
    if (!dir) return;
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
    }
  }

  async function noSeriousViolations(page: Page) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => v.id)).toEqual([]);
  }

  it(
    "updates in place with JavaScript, and on a plain refresh without it",
    async () => {
      const page = await signedIn(true);
      const plain = await signedIn(false);
      const csv = readFileSync(join(checkout.publishDir, "data/dang-vien.csv"), "utf8");
      const file = join(checkout.dir, "dang-vien.csv");
      writeFileSync(file, csv.replace(NOTE_END, `${NOTE_END} Ghi chú thêm để thử.`));
      await page.goto(`${server.url}/quan-tri/du-lieu/`);
      await page.selectOption("#bo-du-lieu", "dang-vien");
      await page.setInputFiles("#tep", file);
      await page.click("button[value=preview]");
      await page.click("button[value=publish]");
      await page.waitForURL(/\/quan-tri\/xuat-ban\/viec\/[0-9a-f]{16}\/$/);
      const url = page.url();
      // A mark the page keeps only as long as it is not loaded again.
      await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
      await plain.goto(url);
      const before = await plain.locator("[data-publication-label]").textContent();
      expect(["Chờ", "Đang dựng"]).toContain(before);
      // axe runs where script runs (it stalled in a page with JavaScript off).
      await noSeriousViolations(page);
      await shoot(plain, "newsroom-job-building");

      const finished = "[data-state=published], [data-state=failed]";
      await page.waitForSelector(finished, { timeout: 10 * 60_000 });
      const message = await page.locator("[data-publication-message]").textContent();
      expect([await page.locator("[data-publication-label]").textContent(), message]).toEqual([
        "Đã đăng",
        "",
      ]);
      expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
      expect(page.url()).toBe(url);
      await expect(page.locator("a[data-link=diff]").isVisible()).resolves.toBe(true);
      const onSite = page.locator("a[data-link=page]");
      expect([await onSite.isVisible(), await onSite.getAttribute("href")]).toEqual([
        true,
        "/du-lieu/dang-vien/",
      ]);
      expect(await page.locator("[aria-live=polite]").count()).toBe(1);

      await newsroom.publisher().idle();
      expect(await plain.locator("[data-publication-label]").textContent()).toBe(before);
      await plain.reload();
      expect(await plain.locator("[data-publication-label]").textContent()).toBe("Đã đăng");
      await shoot(plain, "newsroom-job-published");
      await page.goto(`${server.url}/quan-tri/xuat-ban/`);
      await noSeriousViolations(page);
      await shoot(page, "newsroom-history");
    },
    12 * 60_000,
  );
});
