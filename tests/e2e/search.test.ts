// Search in Chromium against the real server: results as you type with the URL following,
// filters, more results, highlights, the same results without JavaScript, and the header box.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST } from "../helpers/server.ts";
import { useSite } from "../helpers/site.ts";

const site = useSite();
const CAO_LANH = "/tin-tuc/cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang/";
const THANH_BINH = "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/";
const status = (page: import("playwright-core").Page) =>
  page.locator("main .search-status").textContent();
const hrefs = (page: import("playwright-core").Page) =>
  page
    .locator("main .search-hit a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));

describe("search", () => {
  it("results appear as the reader types, the URL follows, and the matched words are highlighted", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/`);
    await page.getByLabel("Tìm bài viết và dữ liệu").pressSequentially("chat van", { delay: 30 });
    await expect.poll(() => status(page)).toMatch(/^Tìm thấy \d+ kết quả cho “chat van”\.$/);
    await expect.poll(() => new URL(page.url()).search).toBe("?q=chat+van");
    expect((await hrefs(page))[0]).toBe(CAO_LANH);
    const first = page.locator("main .search-hit").first();
    // The phrase is one highlight.
    expect(await first.locator("mark").allTextContents()).toContain("chất vấn");
    expect(await first.locator(".meta").textContent()).toBe("Cập nhật ngày: 17/06/2013 04:36:39");
    await first.getByRole("link").click();
    await page.waitForURL(`**${CAO_LANH}`);
    await page.goBack();
    await expect
      .poll(() => page.getByLabel("Tìm bài viết và dữ liệu").inputValue())
      .toBe("chat van");
    await page.close();
  });

  it("a filter narrows the results at once and is kept in the URL", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=${encodeURIComponent("kết nạp")}`);
    await expect.poll(() => status(page)).toMatch(/^Tìm thấy 6 kết quả/);
    // Each value says how many results it would leave.
    await expect
      .poll(() => page.getByLabel("Tỉnh").locator("option").allTextContents())
      .toEqual(["Tất cả", "Đồng Tháp (2)", "Lạng Sơn (2)", "Quảng Bình (1)"]);
    await page.getByLabel("Tỉnh").selectOption("Đồng Tháp");
    await expect.poll(() => status(page)).toBe("Tìm thấy 2 kết quả cho “kết nạp” (đã lọc).");
    expect(new Set(await hrefs(page))).toEqual(new Set([THANH_BINH, CAO_LANH]));
    expect(new URL(page.url()).searchParams.get("tinh")).toBe("Đồng Tháp");
    await page.getByLabel("Năm").selectOption("2013");
    await expect.poll(() => hrefs(page)).toEqual([CAO_LANH]);
    // Emptying the box takes the counts away again.
    await page.getByLabel("Tìm bài viết và dữ liệu").fill("");
    await expect
      .poll(() => page.getByLabel("Tỉnh").locator("option").allTextContents())
      .toEqual(["Tất cả", "Đồng Tháp", "Lạng Sơn", "Quảng Bình"]);
    await page.close();
  });

  it("while the last word is half typed, results already show the words it starts", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/`);
    await page.getByLabel("Tìm bài viết và dữ liệu").pressSequentially("tuyên hó", { delay: 20 });
    await expect
      .poll(() => status(page))
      .toMatch(/^Tìm thấy \d+ kết quả cho “tuyên hó”, kể cả các từ bắt đầu bằng “hó”\.$/);
    expect((await hrefs(page))[0]).toBe("/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/");
    expect(
      await page.locator("main .search-hit").first().locator("mark").allTextContents(),
    ).toContain("Tuyên Hóa");
    await page.close();
  });

  it("Enter just after typing shows what was submitted, never a search run ahead for other text", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/`);
    const box = page.getByLabel("Tìm bài viết và dữ liệu");
    // Each fill starts a search ahead of Enter; the first is for text no longer in the box.
    await box.fill("chat van");
    await box.fill("kết nạp");
    await box.press("Enter");
    await expect.poll(() => status(page)).toBe("Tìm thấy 6 kết quả cho “kết nạp”.");
    const shown = await page.locator("main .search-results").innerHTML();
    // Nothing written later replaces it (the typing pause finds the same search).
    await page.waitForTimeout(600);
    expect(await page.locator("main .search-results").innerHTML()).toBe(shown);
    // The same hits and excerpts as the server gives the same URL without JavaScript.
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${site.server.url}/tim-kiem/?q=${encodeURIComponent("kết nạp")}`);
    expect(shown).toBe(await plain.locator("main .search-results").innerHTML());
    await context.close();
    await page.close();
  });

  it("more results on request: ten at first, then the rest, the URL saying how many", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=dang`);
    await expect.poll(() => status(page)).toBe("Tìm thấy 16 kết quả cho “dang”.");
    expect(await page.locator("main .search-hit").count()).toBe(10);
    await page.getByRole("link", { name: /Xem thêm kết quả/ }).click();
    await expect.poll(() => page.locator("main .search-hit").count()).toBe(16);
    expect(new URL(page.url()).searchParams.get("trang")).toBe("2");
    expect(await page.getByRole("link", { name: /Xem thêm kết quả/ }).count()).toBe(0);
    await page.close();
  });

  it("without JavaScript the server answers the same URL with the same results, as plain links in <main>", async () => {
    const withJs = await site.browser.newPage();
    await withJs.goto(`${site.server.url}/tim-kiem/?q=dang`);
    await expect.poll(() => status(withJs)).toMatch(/^Tìm thấy/);
    const expected = await hrefs(withJs);
    await withJs.close();

    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=dang`);
    expect(await status(page)).toBe("Tìm thấy 16 kết quả cho “dang”.");
    expect(await hrefs(page)).toEqual(expected);
    expect(await page.locator("main .search-hit mark").count()).toBeGreaterThan(0);
    expect(await page.locator(".search-note").count()).toBe(0);
    // More, and a filter, through plain GET requests.
    await page.getByRole("link", { name: /Xem thêm kết quả/ }).click();
    await page.waitForURL(/trang=2/);
    expect(await page.locator("main .search-hit").count()).toBe(16);
    await page.getByLabel("Tỉnh").selectOption("Đồng Tháp");
    await page.getByRole("button", { name: "Tìm", exact: true }).last().click();
    await page.waitForURL(/tinh=/);
    expect(new Set(await hrefs(page))).toEqual(new Set([THANH_BINH, CAO_LANH]));
    expect(await page.getByLabel("Tìm bài viết và dữ liệu").inputValue()).toBe("dang");
    expect(await page.getByLabel("Tỉnh").locator("option:checked").textContent()).toBe(
      "Đồng Tháp (2)",
    );
    await context.close();
  });

  it("a page the server already answered is not searched again by the script", async () => {
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/chi-muc/")) fetched.push(path);
    });
    await page.goto(`${site.server.url}/tim-kiem/?q=dang`, { waitUntil: "networkidle" });
    expect(await status(page)).toBe("Tìm thấy 16 kết quả cho “dang”.");
    expect(await page.locator("main .search-hit").count()).toBe(10);
    expect(fetched).toEqual([]);
    // The script still answers what the reader does next.
    await page.getByLabel("Tìm bài viết và dữ liệu").fill("chat van");
    await expect.poll(() => status(page)).toMatch(/^Tìm thấy \d+ kết quả cho “chat van”\.$/);
    expect(fetched.length).toBeGreaterThan(0);
    await page.close();
  });

  it("a query over 200 characters is cut to its start, and the page says so, with or without JavaScript", async () => {
    const long = "Tuyên Hóa ".repeat(30).trim();
    const said = "Từ khóa dài quá 200 ký tự nên chỉ tìm theo phần đầu của nó.";
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const served = await context.newPage();
    await served.goto(`${site.server.url}/tim-kiem/?${new URLSearchParams({ q: long })}`);
    expect(await status(served)).toContain(said);
    const kept = await served.getByLabel("Tìm bài viết và dữ liệu").inputValue();
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(long.startsWith(kept)).toBe(true);
    expect(await served.locator("main .search-hit").count()).toBeGreaterThan(0);
    await context.close();
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/`);
    await page.getByLabel("Tìm bài viết và dữ liệu").fill(long);
    await expect.poll(() => status(page)).toContain(said);
    await page.close();
  });

  it("a two-syllable name lists the pages holding it first, the syllables apart under their own heading", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/tim-kiem/?q=${encodeURIComponent("Tuyên Hóa")}`);
    const apart = page.getByRole("heading", { name: "Kết quả có các từ rời nhau" });
    await expect.poll(() => apart.count()).toBe(1);
    const first = await page.locator("main .search-hit").first().locator("mark").allTextContents();
    expect(first).toContain("Tuyên Hóa");
    // Every result after the heading holds “tuyên” and “hóa” apart, never the name.
    const after = page.locator("main .search-group ~ ol .search-hit__excerpt");
    expect(await after.count()).toBeGreaterThan(0);
    for (const text of await after.allTextContents()) expect(text).not.toMatch(/Tuyên Hóa/i);
    await page.close();
  });

  it("the header of every kind of page has a search box that opens the results", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of [
      "/",
      CAO_LANH,
      "/tin-tuc/",
      "/thong-ke/",
      "/du-lieu/ket-nap/",
      "/chu-de/",
      "/khong-co-trang-nay/",
    ]) {
      await page.goto(`${site.server.url}${path}`);
      const box = page.getByRole("banner").getByRole("search");
      expect(await box.getByRole("searchbox", { name: "Tìm trên trang" }).count(), path).toBe(1);
    }
    await page.goto(`${site.server.url}${THANH_BINH}`);
    const box = page.getByRole("banner").getByRole("search");
    await box.getByRole("searchbox").fill("Phan Văn Thắng");
    await box.getByRole("button", { name: "Tìm" }).click();
    await page.waitForURL("**/tim-kiem/?q=*");
    expect((await hrefs(page))[0]).toBe(THANH_BINH);
    await context.close();
  });

  // axe runs as a script in the page, so it audits with JavaScript on; the markup is the same
  // view.ts renders on the server.
  it.each([true])(
    "the results page has no serious or critical axe violations (JavaScript %s)",
    async (javaScriptEnabled) => {
      const context = await site.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.server.url}/tim-kiem/?q=dang`);
      await expect.poll(() => page.locator("main .search-hit").count()).toBe(10);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(bad).toEqual([]);
      await context.close();
    },
  );

  it("odd requests get the page with their text escaped, never an error", async () => {
    for (const query of [
      "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "q=dang&trang=abc&nam=20x3&tinh=%00",
      "q=dang&q=hai&__proto__=x",
      `q=${"a".repeat(5000)}`,
    ]) {
      const response = await fetch(`${site.server.url}/tim-kiem/?${query}`);
      expect(response.status, query).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toContain('<p class="search-status" role="status">');
    }
    const html = await (await fetch(`${site.server.url}/tim-kiem/?q=%3Cb%3Ex`)).text();
    expect(html).toContain("Không tìm thấy kết quả nào cho “&lt;b&gt;x”.");
  });

  it("on a static host without JavaScript the page says search needs it and links to topics and places", () => {
    const html = readFileSync(join(DIST, "tim-kiem/index.html"), "utf8");
    const note = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? "";
    expect(note).toContain("Tìm kiếm trên trang này cần JavaScript.");
    expect(note).toContain('href="/chu-de/"');
    expect(note).toContain('href="/dia-phuong/"');
  });
});
