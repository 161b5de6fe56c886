// The poll in Chromium against the real server: vote with JavaScript, reload, vote without it,
// and what readers see when the live figures cannot be reached.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DIST, ROOT, startServer } from "../helpers/server.ts";
import { useSite } from "../helpers/site.ts";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
const ARTICLE = "/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/";

const site = useSite();
const REFUSAL = "Cuộc bình chọn này không nhận phiếu.";
const BUILD_NOTE =
  "126 người đã bình chọn trên trang cũ (không rõ chọn phương án nào). Hiện không xem được số liệu trực tiếp.";

/** A polls folder holding the committed poll with `dates` added (what staff do to close it). */
function pollsDirWith(dates: { opensAt?: string; closesAt?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "poll-e2e-"));
  const source = join(ROOT, "content/polls/danh-gia-website.json");
  const definition = JSON.parse(readFileSync(source, "utf8")) as object;
  writeFileSync(join(dir, "danh-gia-website.json"), JSON.stringify({ ...definition, ...dates }));
  return dir;
}

function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected one ${from} in the built page`);
  return parts.join(to);
}

/**
 * The build renders the poll open (content/polls gives it no dates). Built while it was closed,
 * Poll.astro's output differs only in which of the form and the refusal line is hidden, so the
 * real build with those two swapped is that build.
 */
function distBuiltWhileClosed(): string {
  const dir = mkdtempSync(join(tmpdir(), "poll-dist-"));
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, ARTICLE, "index.html");
  let html = readFileSync(file, "utf8");
  html = replaceOnce(html, 'class="poll-form">', 'class="poll-form" hidden>');
  html = replaceOnce(
    html,
    `<p data-poll-closed hidden>${REFUSAL}`,
    `<p data-poll-closed>${REFUSAL}`,
  );
  writeFileSync(file, html);
  // The build's precompressed copies are of the unedited page: the server would send those.
  for (const ext of [".br", ".gz"]) rmSync(file + ext, { force: true });
  return dir;
}

async function context(options: { javaScriptEnabled?: boolean } = {}) {
  const ctx = await site.browser.newContext({ userAgent: UA, ...options });
  return ctx;
}

describe("poll", () => {
  it("takes a vote with JavaScript, shows bars, and says 'Bạn đã bình chọn' after a reload", async () => {
    const page = await (await context()).newPage();
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${site.server.url}${ARTICLE}`);
    const poll = page.locator("#binh-chon");
    await expect
      .poll(() => poll.locator("[data-poll-note]").textContent())
      .toContain(
        "126 người đã bình chọn trên trang cũ (không rõ chọn phương án nào) + 0 người bình chọn tại đây.",
      );
    await poll.getByLabel("Hữu ích").check();
    await poll.getByRole("button", { name: "Bình chọn" }).click();
    await poll.getByText("Cảm ơn bạn, phiếu đã được ghi nhận.").waitFor();
    expect(await poll.locator(".poll-option").allTextContents()).toEqual([
      // Counts only while votes are few (issue 25: not "1 phiếu · 100%").
      "Phong phú đa dạng 0 phiếu",
      "Dễ sử dụng 0 phiếu",
      "Hữu ích 1 phiếu",
    ]);
    expect(await poll.locator("[data-poll-note]").textContent()).toContain(
      "+ 1 người bình chọn tại đây.",
    );

    await page.reload();
    await poll.getByText("Bạn đã bình chọn").waitFor();
    expect(await poll.locator("form").isHidden()).toBe(true);
    expect(await poll.locator(".poll-option--mine").textContent()).toContain("Hữu ích");
    expect(cspErrors).toEqual([]);
  });

  it("works without JavaScript: a plain form post lands on live results", async () => {
    const page = await (await context({ javaScriptEnabled: false })).newPage();
    await page.goto(`${site.server.url}${ARTICLE}`);
    const poll = page.locator("#binh-chon");
    // Built while open: the form and the build's figures, which say they are not live.
    expect(await poll.getByText(REFUSAL).isHidden()).toBe(true);
    expect(await poll.locator("[data-poll-note]").textContent()).toBe(BUILD_NOTE);
    expect(await poll.getByRole("link", { name: "Xem kết quả" }).getAttribute("href")).toBe(
      "/binh-chon/?id=danh-gia-website",
    );
    await poll.getByLabel("Dễ sử dụng").check();
    await poll.getByRole("button", { name: "Bình chọn" }).click();
    await page.waitForURL(/\/binh-chon\/\?/);
    const result = page.locator("#ket-qua");
    expect(await result.getByRole("status").textContent()).toBe(
      "Cảm ơn bạn, phiếu bình chọn đã được ghi nhận.",
    );
    expect(await result.textContent()).toContain("Dễ sử dụng 1 phiếu");
    expect(await result.textContent()).not.toContain("%");
    await result.getByRole("link", { name: "Trở lại trang bạn đang đọc" }).click();
    expect(new URL(page.url()).pathname).toBe(ARTICLE);

    // The same browser again is told it has voted, and nothing changes.
    await page.locator("#binh-chon").getByLabel("Hữu ích").check();
    await page.locator("#binh-chon").getByRole("button", { name: "Bình chọn" }).click();
    await page.waitForURL(/ket-qua=da-binh-chon/);
    expect(await page.locator("#ket-qua").textContent()).toContain("Hữu ích 1 phiếu");
  });

  it("keeps the build's figures and says live ones are unavailable when the API is down", async () => {
    const ctx = await context();
    await ctx.route("**/api/**", (route) => route.abort());
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${site.server.url}${ARTICLE}`);
    const poll = page.locator("#binh-chon");
    await expect
      .poll(() => poll.locator("[data-poll-note]").textContent())
      .toBe(
        "126 người đã bình chọn trên trang cũ (không rõ chọn phương án nào). " +
          "Hiện không xem được số liệu trực tiếp; mời bạn thử lại sau.",
      );
    expect(await poll.locator("form").isVisible()).toBe(true);
    expect(await poll.getByText(REFUSAL).isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  /** Loads the article and waits until the widget has its live figures. */
  async function openArticle(page: Page, url: string) {
    await page.goto(`${url}${ARTICLE}`);
    const poll = page.locator("#binh-chon");
    await expect
      .poll(() => poll.locator("[data-poll-note]").textContent())
      .toContain("người bình chọn tại đây.");
    return poll;
  }

  it("says 'Cuộc bình chọn đã kết thúc.' when the poll closed after the page opened (a real 403)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "poll-e2e-"));
    const file = join(dir, "danh-gia-website.json");
    copyFileSync(join(ROOT, "content/polls/danh-gia-website.json"), file);
    const own = await startServer({ env: { POLLS_DIR: dir } });
    try {
      const page = await (await context()).newPage();
      const poll = await openArticle(page, own.url);
      expect(await poll.locator("form").isVisible()).toBe(true);

      // Staff close the poll by its file and tell the running server.
      const definition = JSON.parse(readFileSync(file, "utf8")) as object;
      writeFileSync(file, JSON.stringify({ ...definition, closesAt: "2024-01-01T00:00:00+07:00" }));
      own.process.kill("SIGHUP");
      await expect
        .poll(
          async () =>
            (
              (await (await fetch(`${own.url}/api/polls/danh-gia-website`)).json()) as {
                open: boolean;
              }
            ).open,
        )
        .toBe(false);

      await poll.getByLabel("Hữu ích").check();
      await poll.getByRole("button", { name: "Bình chọn" }).click();
      await poll.getByText("Cuộc bình chọn đã kết thúc.").waitFor();
      expect(await poll.locator("form").isHidden()).toBe(true);
      const text = (await poll.textContent())!;
      expect(text).not.toMatch(/poll is closed|403|Chưa ghi được phiếu/);
      expect(await poll.locator(".poll-option").count()).toBe(3);
    } finally {
      await own.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a page built while the poll was closed takes votes once the live API says it is open", async () => {
    const dist = distBuiltWhileClosed();
    const own = await startServer({ env: { DIST_DIR: dist } });
    try {
      // Without JavaScript the page is as built: no form, the refusal and the build's figures.
      const plain = await (await context({ javaScriptEnabled: false })).newPage();
      await plain.goto(`${own.url}${ARTICLE}`);
      const built = plain.locator("#binh-chon");
      expect(await built.locator("form").isHidden()).toBe(true);
      expect(await built.getByText(REFUSAL).isVisible()).toBe(true);
      expect(await built.locator("[data-poll-note]").textContent()).toBe(BUILD_NOTE);
      expect(await built.getByRole("link", { name: "Xem kết quả" }).isVisible()).toBe(true);

      const page = await (await context()).newPage();
      const poll = await openArticle(page, own.url);
      expect(await poll.locator("form").isVisible()).toBe(true);
      expect(await poll.getByText(REFUSAL).isHidden()).toBe(true);
      await poll.getByLabel("Hữu ích").check();
      await poll.getByRole("button", { name: "Bình chọn" }).click();
      await poll.getByText("Cảm ơn bạn, phiếu đã được ghi nhận.").waitFor();
      expect(await poll.getByText(REFUSAL).isHidden()).toBe(true);
    } finally {
      await own.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  for (const state of [
    {
      name: "closed",
      dates: { closesAt: "2024-01-01T00:00:00+07:00" },
      says: "Cuộc bình chọn đã kết thúc.",
    },
    {
      name: "not open yet",
      dates: { opensAt: "2999-01-01T00:00:00+07:00" },
      says: "Cuộc bình chọn chưa bắt đầu.",
    },
  ]) {
    it(`a page built while the poll was open hides the form when the live API says it is ${state.name}`, async () => {
      const dir = pollsDirWith(state.dates);
      const own = await startServer({ env: { POLLS_DIR: dir } });
      try {
        const page = await (await context()).newPage();
        const poll = await openArticle(page, own.url);
        expect(await poll.locator(".poll-status").textContent()).toBe(state.says);
        expect(await poll.locator("form").isHidden()).toBe(true);
        // One message: the live status, not the build's line beside it.
        expect(await poll.getByText(REFUSAL).isHidden()).toBe(true);
        expect(await poll.locator(".poll-option").count()).toBe(3);

        // Without JavaScript the form is as built; the server refuses the vote and says so.
        const plain = await (await context({ javaScriptEnabled: false })).newPage();
        await plain.goto(`${own.url}${ARTICLE}`);
        await plain.locator("#binh-chon").getByLabel("Hữu ích").check();
        await plain.locator("#binh-chon").getByRole("button", { name: "Bình chọn" }).click();
        await plain.waitForURL(/ket-qua=da-dong/);
        expect(await plain.locator("#ket-qua").getByRole("status").textContent()).toBe(
          "Cuộc bình chọn này không nhận phiếu (chưa mở hoặc đã kết thúc).",
        );
      } finally {
        await own.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  for (const answer of [
    {
      name: "a 501 from a static host",
      status: 501,
      contentType: "text/plain",
      body: "Not Implemented",
      says: "Hiện không xem được số liệu trực tiếp; mời bạn thử lại sau.",
    },
    {
      name: "a 502 HTML page from the proxy",
      status: 502,
      contentType: "text/html",
      body: "<h1>Bad Gateway</h1>",
      says: "Hiện không xem được số liệu trực tiếp; mời bạn thử lại sau.",
    },
    {
      name: "a 429 from the rate limit",
      status: 429,
      contentType: "application/json",
      body: '{"error":"too many requests; try again in a minute"}',
      says: "Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.",
    },
  ]) {
    it(`answers ${answer.name} in Vietnamese, without codes or the server's text`, async () => {
      const ctx = await context();
      await ctx.route("**/api/polls/*/votes", (route) =>
        route.fulfill({
          status: answer.status,
          contentType: answer.contentType,
          body: answer.body,
        }),
      );
      const page = await ctx.newPage();
      const poll = await openArticle(page, site.server.url);
      await poll.getByLabel("Phong phú đa dạng").check();
      await poll.getByRole("button", { name: "Bình chọn" }).click();
      await poll.getByText(answer.says).waitFor();
      const text = (await poll.locator("[data-poll-results]").textContent())!;
      expect(text).toBe(answer.says);
      expect(text).not.toMatch(/\d{3}|too many|Bad Gateway|Not Implemented/);
      // Nothing was taken: the reader can try again.
      expect(await poll.locator("form").isVisible()).toBe(true);
    });
  }
});
