// The article page in Chromium with JavaScript off: a biên tập signs in, follows "Viết bài mới",
// pastes a captured page (a fixture), reads it, sees the fields filled and the ones to fill marked,
// fills them, previews (the page in a sandboxed frame, under the staff pages' CSP) and publishes
// (a 303 to the publication's page). axe finds no serious or critical violation. Screenshots at
// 360 and 1280 px when SHOTS_DIR is set. Every part is real: the publisher over a test checkout
// (its builds are stopped when the file ends) and the preview renderer (npm run build first).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import type { NewsroomServer } from "../helpers/newsroom.ts";
import {
  openNewsroomFixture,
  signInWithForm,
  type NewsroomFixture,
} from "../helpers/newsroom-fixture.ts";
import { SEEDS_DIR } from "../helpers/seeds.ts";

const CAPTURE = readFileSync(join(SEEDS_DIR, "004_bff571ff9cb4532b.txt"), "utf8");
/** A capture whose figures the data does not hold yet. */
const NEW_FIGURES = readFileSync(
  resolve(import.meta.dirname, "../fixtures/captures/tuyen-hoa-2024.txt"),
  "utf8",
);

describe("the article page without JavaScript", () => {
  let newsroom: NewsroomFixture;
  let t: NewsroomServer;
  let browser: Browser;
  beforeAll(async () => {
    // The published site the preview takes its styles from: this project's build of the same content.
    newsroom = await openNewsroomFixture({ copyDist: true, preview: { timeoutMs: 240_000 } });
    t = newsroom.server;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    // The publications' builds are not this file's subject: stopped, their files put back.
    await newsroom?.close("stop");
  }, 120_000);

  /** The publication the page redirected to. */
  const publicationOf = (url: string) => {
    const id = decodeURIComponent(/\/quan-tri\/xuat-ban\/viec\/([^/]+)\/$/.exec(url)![1]!);
    return newsroom.publisher().get(id)!;
  };

  async function shoot(page: Page, name: string) {
    const dir = process.env.SHOTS_DIR;
    if (!dir) return;
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
    }
  }

  /** A biên tập signed in, JavaScript off, on the queue page. */
  async function signedIn() {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInWithForm(page, t.url);
    return { context, page };
  }

  it("pastes a capture, fills what is missing, previews and publishes with plain forms", async () => {
    const { context, page } = await signedIn();
    await page.click("text=Viết bài mới");
    await page.waitForURL(`${t.url}/quan-tri/bai-viet/moi/`);

    await page.fill("#f-captured", CAPTURE);
    await page.click("text=Đọc trang đã chép");
    expect(await page.inputValue("#f-title")).toBe(
      "Huyện Thanh Bình thực hiện công tác xây dựng Đảng sát với thực tiễn đơn vị, địa phương",
    );
    expect(await page.inputValue("#f-author-name")).toBe("TIẾN ĐẠT");
    expect(await page.inputValue("#f-published")).toBe("2023-02-28T05:40:48");
    expect(await page.locator("label[for=f-unit] + .marks .need").textContent()).toBe("Cần điền");
    expect(await page.inputValue("#f-body")).toContain("[Ảnh] Đồng chí Phan Văn Thắng");
    await shoot(page, "bai-viet-doc");

    // Previewing before filling in: the check's messages beside the fields, listed at the top.
    await page.click("button[name=action][value=preview]");
    expect(await page.locator("#f-unit-loi").textContent()).toContain(
      "Trường “unit” đang để trống, cần điền",
    );
    expect(await page.locator("[role=alert]").textContent()).toContain(
      "chưa có gì được ghi hay đăng",
    );
    expect(await page.getAttribute("#f-unit", "aria-invalid")).toBe("true");
    await shoot(page, "bai-viet-loi");

    await page.fill("#f-locality-province", "Đồng Tháp");
    await page.fill("#f-locality-district", "Thanh Bình");
    await page.fill("#f-unit", "Đảng bộ huyện Thanh Bình");
    await page.fill("#f-slug", "thanh-binh-bai-moi");
    await page.check("input[name=topics][value=phat-trien-dang-vien]");
    await page.click("button[name=action][value=preview]");
    expect(await page.locator("[role=alert]").count()).toBe(0);
    const frame = page.frameLocator("iframe.preview");
    // The site's article page, rendered from the form as it stands, with the site's own styles.
    const heading = frame.locator("h1").first();
    expect((await heading.textContent())?.trim()).toBe(await page.inputValue("#f-title"));
    const rules = () =>
      heading.evaluate(() =>
        [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0),
      );
    await expect.poll(rules).toBeGreaterThan(0);
    await shoot(page, "bai-viet-xem-truoc");
    if (process.env.SHOTS_DIR) {
      await page
        .locator("iframe.preview")
        .screenshot({ path: `${process.env.SHOTS_DIR}/khung.png` });
    }

    // axe runs as a script: the same session in a context with JavaScript on.
    const audit = await browser.newContext();
    await audit.addCookies(await context.cookies());
    const audited = await audit.newPage();
    await audited.goto(`${t.url}/quan-tri/bai-viet/moi/`);
    const results = await new AxeBuilder({ page: audited }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
    await audit.close();

    await page.click("button[name=action][value=publish]");
    await page.waitForURL(/\/quan-tri\/xuat-ban\/viec\/[^/]+\/$/);
    const sent = publicationOf(page.url());
    expect(sent.files.map((f) => f.path)).toEqual(["content/news/thanh-binh-bai-moi.mdx"]);
    expect(sent.files[0]!.text).toContain('unit: "Đảng bộ huyện Thanh Bình"');
    await context.close();
  });

  it("confirms a figure the text states; its dataset file joins the article's publication", async () => {
    const { context, page } = await signedIn();
    await page.goto(`${t.url}/quan-tri/bai-viet/moi/`);
    await page.fill("#f-captured", NEW_FIGURES);
    await page.click("text=Đọc trang đã chép");
    // The figures fieldset sits inside the article's form, each figure with its proposed row.
    const figures = page.locator("form.article fieldset.figures");
    expect(await figures.locator("legend").first().textContent()).toBe("Số liệu của bài");
    await page.fill("#f-locality-province", "Quảng Bình");
    await page.fill("#f-locality-district", "Tuyên Hóa");
    await page.fill("#f-unit", "Đảng bộ huyện Tuyên Hóa");
    await page.fill("#f-slug", "tuyen-hoa-2024-thu");
    await page.check("input[name=topics][value=to-chuc-co-so-dang]");
    await page.check('input[name="figure.1.decision"][value=confirm]');
    await page.click("button[name=action][value=preview]");
    expect(await page.locator("[role=alert]").count()).toBe(0);
    expect(await figures.textContent()).toContain("sẽ thêm vào data/dang-vien.csv");
    await shoot(page, "bai-viet-so-lieu");
    await page.click("button[name=action][value=publish]");
    await page.waitForURL(/\/quan-tri\/xuat-ban\/viec\/[^/]+\/$/);
    const request = publicationOf(page.url());
    expect(request.files.map((f) => f.path)).toEqual([
      "content/news/tuyen-hoa-2024-thu.mdx",
      "data/dang-vien.csv",
    ]);
    expect(request.files[1]!.text).toMatch(/^[^\n]*6\.120[^\n]*tuyen-hoa-2024-thu/m);
    await context.close();
  });
});
