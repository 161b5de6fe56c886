// Article search in Chromium: diacritic-free queries, no match, and the no-JavaScript page.
import { describe, expect, it } from "vitest";
import { useSite } from "../helpers/site.ts";

const site = useSite();

describe("search", () => {
  it("the header links to the search page and the form finds articles typed without diacritics", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Tìm kiếm" })
      .click();
    await page.getByLabel("Tìm bài viết").fill("tuyen hoa");
    await page.getByRole("button", { name: "Tìm" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Tìm thấy 1 bài cho “tuyen hoa”.");
    const link = page.locator(".search-results a");
    expect(await link.getAttribute("href")).toBe("/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/");
    expect(await page.getByLabel("Tìm bài viết").inputValue()).toBe("tuyen hoa");
    await link.click();
    await page.waitForURL("**/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/");
    await page.close();
  });

  it("a query matching several articles lists each once; one matching none says so", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=${encodeURIComponent("Lạng Sơn")}`);
    await expect.poll(() => page.locator(".search-results li").count()).toBe(2);
    const hrefs = await page
      .locator(".search-results a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(new Set(hrefs).size).toBe(2);
    await page.goto(`${site.server.url}/tim-kiem/?q=khongcobainay`);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Không tìm thấy bài nào cho “khongcobainay”.");
    expect(await page.locator(".search-results li").count()).toBe(0);
    await page.close();
  });

  it("without JavaScript the page says search needs it and links to the lists", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=tuyen`);
    const note = page.locator(".search-note");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("Tìm kiếm cần JavaScript.");
    expect(await page.getByRole("link", { name: "tất cả tin tức" }).getAttribute("href")).toBe(
      "/tin-tuc/",
    );
    await context.close();
  });
});
