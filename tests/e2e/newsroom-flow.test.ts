// The newsroom end to end, every part real: Chromium, the HTTP server, a content checkout (a
// temporary git repository), the preview renderer and the staged build. A biên tập pastes a
// captured page with JavaScript off, fills what the page cannot tell, confirms three figures,
// previews, publishes and refreshes until it is published: the article and its figures are on the
// rebuilt site and git holds one commit by that editor with the article and the three CSV files.
// Then, with JavaScript on, "Hoàn tác" on the history page makes a second commit that removes
// them, the state updating in place, and the article answers 404 again.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import type { Checkout, NewsroomServer } from "../helpers/newsroom.ts";
import {
  openNewsroomFixture,
  signInWithForm,
  type NewsroomFixture,
} from "../helpers/newsroom-fixture.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** A capture whose figures the committed data does not hold yet. */
const CAPTURE = readFileSync(join(ROOT, "tests/fixtures/captures/tuyen-hoa-2024.txt"), "utf8");
const SLUG = "tuyen-hoa-2024-toan-trinh";
const FILES = [
  `content/news/${SLUG}.mdx`,
  "data/dang-vien.csv",
  "data/ket-nap.csv",
  "data/xep-loai.csv",
];
const LONG = 20 * 60_000;

describe("the newsroom from a pasted page to the site, and back with Hoàn tác", () => {
  let newsroom: NewsroomFixture;
  let checkout: Checkout;
  let server: NewsroomServer;
  let browser: Browser;

  beforeAll(async () => {
    // The site as published before: this project's build of the same content.
    newsroom = await openNewsroomFixture({ copyDist: true, preview: {}, buildTimeoutMs: LONG });
    ({ checkout, server } = newsroom);
    browser = await launchBrowser();
  }, LONG);
  afterAll(async () => {
    await browser?.close();
    await newsroom?.close("idle");
  }, LONG);

  /** Reloads (no script) until the publication's state is no longer chờ or đang dựng. */
  async function refreshUntilDone(page: Page): Promise<string> {
    for (;;) {
      const state = await page.locator("[data-state]").getAttribute("data-state");
      if (state !== "waiting" && state !== "building") return state ?? "";
      await page.waitForTimeout(2000);
      await page.reload();
    }
  }

  it(
    "publishes the article with three confirmed figures as one commit, then undoes it",
    async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await signInWithForm(page, server.url);
      await page.click("text=Viết bài mới");
      await page.fill("#f-captured", CAPTURE);
      await page.click("text=Đọc trang đã chép");
      const title = await page.inputValue("#f-title");
      expect(title).toMatch(/Tuyên Hóa/);

      // What the page cannot tell, then three of the figures the text states.
      await page.fill("#f-locality-province", "Quảng Bình");
      await page.fill("#f-locality-district", "Tuyên Hóa");
      await page.fill("#f-unit", "Đảng bộ huyện Tuyên Hóa");
      await page.fill("#f-slug", SLUG);
      await page.check("input[name=topics][value=to-chuc-co-so-dang]");
      for (const n of [0, 1, 4])
        await page.check(`input[name="figure.${n}.decision"][value=confirm]`);
      await page.click("button[name=action][value=preview]");
      expect(await page.locator("[role=alert]").allTextContents()).toEqual([]);
      const figures = await page.locator("form.article fieldset.figures").textContent();
      for (const file of FILES.slice(1)) expect(figures).toContain(`sẽ thêm vào ${file}`);
      // The preview is the site's article page, rendered from the form as it stands.
      const frame = page.frameLocator("iframe.preview");
      expect((await frame.locator("h1").first().textContent())?.trim()).toBe(title);

      await page.click("button[name=action][value=publish]");
      await page.waitForURL(/\/quan-tri\/xuat-ban\/viec\/[^/]+\/$/);
      expect(await refreshUntilDone(page)).toBe("published");

      const published = checkout.git("show", "--name-only", "--format=%an%n%s", "HEAD").trim();
      const [author, subject, ...files] = published.split("\n").filter(Boolean);
      expect(author).toBe("bt");
      expect(subject).toContain(title);
      expect(files.sort()).toEqual(FILES);
      const article = await page.goto(`${server.url}/tin-tuc/${SLUG}/`);
      expect(article?.status()).toBe(200);
      expect((await page.locator("h1").first().textContent())?.trim()).toBe(title);
      for (const dataset of ["dang-vien", "ket-nap", "xep-loai"]) {
        const html = readFileSync(join(checkout.distDir, "du-lieu", dataset, "index.html"), "utf8");
        expect(html, dataset).toContain(`/tin-tuc/${SLUG}/`);
      }

      // Hoàn tác with JavaScript on: the job page follows the build without a reload.
      const live = await browser.newContext();
      await live.addCookies(await context.cookies());
      const history = await live.newPage();
      history.setDefaultTimeout(LONG);
      await history.goto(`${server.url}/quan-tri/xuat-ban/`);
      await history.click(`button[aria-label^="Hoàn tác"]`);
      await history.waitForURL(/\/quan-tri\/xuat-ban\/viec\/[^/]+\/$/);
      await history.waitForSelector('[data-state="published"], [data-state="failed"]');
      expect(await history.locator("[data-state]").getAttribute("data-state")).toBe("published");

      const undone = checkout.git("show", "--name-only", "--format=%an%n%s", "HEAD").trim();
      const [undoAuthor, undoSubject, ...undoFiles] = undone.split("\n").filter(Boolean);
      expect(undoAuthor).toBe("bt");
      expect(undoSubject).toMatch(/^Hoàn tác/);
      expect(undoFiles.sort()).toEqual(FILES);
      expect(checkout.git("rev-list", "--count", "HEAD").trim()).toBe("3");
      expect(existsSync(join(checkout.publishDir, FILES[0]!))).toBe(false);
      expect((await page.goto(`${server.url}/tin-tuc/${SLUG}/`))?.status()).toBe(404);
      await live.close();
      await context.close();
    },
    LONG,
  );
});
