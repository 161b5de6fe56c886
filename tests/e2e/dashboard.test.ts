// The dashboard people scan and steer (issue 25): one form with province, level and year combined,
// with and without JavaScript; key figures grouped by level on every page; the first chart on the
// first screen.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useSite } from "../helpers/site.ts";

const site = useSite();
const COMBINED = "/thong-ke/lang-son-cap-khoi-nam-2014/";
const COMBINED_TITLE = "Thống kê: Lạng Sơn · Khối cơ quan · Năm 2014";

async function open(path: string, { javaScript = true, width = 1280, height = 800 } = {}) {
  const context = await site.browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width, height },
  });
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path);
  expect(response?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

async function choose(page: Page, province: string, level: string, year: string) {
  const form = page.locator("#dashboard-filters");
  await form.getByLabel("Tỉnh").selectOption({ label: province });
  await form.getByLabel("Cấp đơn vị").selectOption({ label: level });
  await form.getByLabel("Năm").selectOption({ label: year });
}

const chartIds = (page: Page) =>
  page
    .locator("svg.chart-svg:visible")
    .evaluateAll((svgs) => svgs.map((s) => s.getAttribute("data-chart")!));

/** The combined page: its title, only its charts, and the key figures of its choice. */
async function expectCombined(page: Page) {
  expect(new URL(page.url()).pathname).toBe(COMBINED);
  expect(await page.locator("h1").textContent()).toBe(COMBINED_TITLE);
  const ids = await chartIds(page);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(/--lang-son-cap-khoi-nam-2014$/);
  const key = page.getByRole("region", { name: "Số liệu chính" });
  expect(await key.getByRole("heading", { name: "Khối cơ quan" }).count()).toBe(1);
  expect(await key.getByRole("heading", { name: "Cấp tỉnh" }).count()).toBe(0);
  expect(await key.textContent()).toContain("246");
  expect(await key.textContent()).toContain("Năm 2014");
  // The form shows the choice it made.
  expect(await page.locator("#dashboard-filters").getByLabel("Năm").inputValue()).toBe("2014");
}

describe("dashboard filters combined", () => {
  it("without JavaScript, the form's GET lands on the prerendered page of the choice", async () => {
    const page = await open("/thong-ke/", { javaScript: false });
    await choose(page, "Lạng Sơn", "Khối cơ quan", "Năm 2014");
    await page.locator("#dashboard-filters").getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(`${site.server.url}${COMBINED}`);
    await expectCombined(page);
    await page.context().close();
  });

  it("the server redirects a shared query to the page, and an unknown value to the whole dashboard", async () => {
    const answer = (query: string) =>
      fetch(`${site.server.url}/thong-ke/?${query}`, { redirect: "manual" });
    const combined = await answer("tinh=lang-son&cap=khoi&nam=2014");
    expect(combined.status).toBe(303);
    expect(combined.headers.get("location")).toBe(COMBINED);
    const year = await answer("tinh=&cap=&nam=2022");
    expect(year.headers.get("location")).toBe("/thong-ke/nam-2022/");
    const unknown = await answer("tinh=ha-noi&cap=&nam=");
    expect(unknown.headers.get("location")).toBe("/thong-ke/");
    expect((await answer("")).status).toBe(200);
  });

  it("with JavaScript, each change swaps the page in place and keeps focus on the control", async () => {
    const page = await open("/thong-ke/");
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const form = page.locator("#dashboard-filters");
    await form.getByLabel("Tỉnh").selectOption({ label: "Lạng Sơn" });
    await expect.poll(() => new URL(page.url()).pathname).toBe("/thong-ke/lang-son/");
    await form.getByLabel("Cấp đơn vị").selectOption({ label: "Khối cơ quan" });
    await expect.poll(() => new URL(page.url()).pathname).toBe("/thong-ke/lang-son-cap-khoi/");
    // As a keyboard reader would: focus on the control, then a choice.
    await form.getByLabel("Năm").focus();
    await form.getByLabel("Năm").selectOption({ label: "Năm 2014" });
    await expect.poll(() => new URL(page.url()).pathname).toBe(COMBINED);
    await expect.poll(() => page.locator("h1").textContent()).toBe(COMBINED_TITLE);
    await expectCombined(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("loc-nam");
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.getByRole("link", { name: "Bỏ lọc" }).click();
    await page.waitForURL(`${site.server.url}/thong-ke/`);
    await page.context().close();
  });

  it("a choice without charts says so and keeps the form", async () => {
    const page = await open("/thong-ke/quang-binh-cap-tinh/", { javaScript: false });
    expect(await page.getByText("Không có biểu đồ nào cho lựa chọn này.").count()).toBe(1);
    expect(await page.locator("#dashboard-filters").getByLabel("Tỉnh").inputValue()).toBe(
      "quang-binh",
    );
    await page.context().close();
  });
});

describe("dashboard layout", () => {
  it("puts the first chart on the first screen at 1280×800", async () => {
    for (const path of ["/thong-ke/", "/thong-ke/lang-son/", COMBINED]) {
      const page = await open(path, { width: 1280, height: 800 });
      const top = await page
        .locator("figure.chart")
        .first()
        .evaluate((f) => f.getBoundingClientRect().top);
      expect(top, path).toBeLessThan(800);
      await page.context().close();
    }
  });

  it("at 390 px the key figures take at most one screen before the first chart", async () => {
    const page = await open("/thong-ke/", { width: 390, height: 844 });
    const key = await page.locator(".dashboard-key").boundingBox();
    expect(key!.height).toBeLessThanOrEqual(844);
    const chart = await page.locator("figure.chart").first().boundingBox();
    expect(chart!.y).toBeGreaterThan(key!.y + key!.height - 1);
    await page.context().close();
  });

  it("filtered pages keep their key figures", async () => {
    for (const path of ["/thong-ke/lang-son/", "/thong-ke/nam-2022/", "/thong-ke/cap-huyen/"]) {
      const page = await open(path, { javaScript: false });
      const figures = page.locator(".dashboard-key .key-figure");
      expect(await figures.count(), path).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
