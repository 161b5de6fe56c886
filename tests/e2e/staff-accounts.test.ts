// The account page in Chromium with JavaScript off: a quan-tri signs in, follows the link from
// the queue, adds an account with its role, and disables it, each form a plain POST and 303;
// axe finds no serious or critical violation. Screenshots at 360 and 1280 px when SHOTS_DIR is set.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/staff/password.ts";
import { startApp, type TestApp } from "../api/harness.ts";
import { launchBrowser } from "../helpers/browser.ts";

const PASSWORD = "mat-khau-du-dai-1";

describe("the account page without JavaScript", () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startApp();
    await t.stores.staff.putStaffAccount(
      "chu",
      await hashPassword(PASSWORD),
      new Date(),
      "quan-tri",
    );
    await t.stores.staff.putStaffAccount("kd", await hashPassword(PASSWORD), new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function shoot(page: Page, name: string) {
    const dir = process.env.SHOTS_DIR;
    if (!dir) return;
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
    }
  }

  it("signs in, adds a biên tập account and disables it, with plain forms", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.url}/quan-tri/`);
    await page.fill("#ten", "chu");
    await page.fill("#mat-khau", PASSWORD);
    await page.click("button[type=submit]");
    await page.click("text=Quản lý tài khoản");
    await page.waitForURL(`${t.url}/quan-tri/tai-khoan/`);
    expect((await page.locator("h1").textContent())?.trim()).toBe("Tài khoản quản trị");

    await page.fill("#ten-moi", "moi");
    await page.fill("#mat-khau-moi", "Trời xanh mây trắng 2026");
    await page.selectOption("#vai-tro-moi", "bien-tap");
    await page.click("text=Tạo tài khoản");
    await page.waitForURL(/da=them&ten=moi$/);
    expect((await page.locator("[role=status]").textContent())?.trim()).toBe(
      "Đã tạo tài khoản «moi».",
    );
    const row = page.locator("tr", { has: page.locator("th bdi", { hasText: /^moi$/ }) });
    expect((await row.locator("td").first().textContent())?.trim()).toBe("Biên tập");

    await row.locator("text=Vô hiệu hoá moi").click();
    await page.waitForURL(/da=vo-hieu&ten=moi$/);
    expect((await row.locator("td").nth(1).textContent())?.trim()).toBe("Đã vô hiệu hoá");
    expect((await t.stores.staff.staffAccount("moi"))?.disabled).toBe(true);

    // axe runs as a script: the same session in a context with JavaScript on.
    const audit = await browser.newContext();
    await audit.addCookies(await context.cookies());
    const audited = await audit.newPage();
    await audited.goto(`${t.url}/quan-tri/tai-khoan/`);
    const results = await new AxeBuilder({ page: audited }).analyze();
    expect(results.passes.length).toBeGreaterThan(0);
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
    await shoot(page, "tai-khoan");
    await audit.close();
    await context.close();
  });
});
