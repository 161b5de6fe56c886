// The visit counter in Chromium against the real server: live figures, counting, definitions.
import { describe, expect, it } from "vitest";
import { useSite } from "../helpers/site.ts";

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

const site = useSite();

async function newPage(userAgent: string, routeApiAway = false) {
  const ctx = await site.browser.newContext({ userAgent });
  if (routeApiAway) await ctx.route("**/api/**", (route) => route.abort());
  return ctx.newPage();
}

const figure = (page: Awaited<ReturnType<typeof newPage>>, key: string) =>
  page.locator(`[data-counter] [data-counter-value="${key}"]`).textContent();

describe("visit counter", () => {
  it("shows live figures and counts each new visitor once", async () => {
    const page = await newPage(UA);
    await page.goto(`${site.server.url}/`);
    await page.locator("[data-counter]").getByText("Số liệu trực tiếp.").waitFor();
    expect(await figure(page, "total")).toBe("6.264.686");
    expect(await figure(page, "today")).toBe("1");
    expect(await figure(page, "online")).toBe("1");

    // The same reader opening another page is the same visit.
    await page.goto(`${site.server.url}/tin-tuc/`);
    await page.locator("[data-counter]").getByText("Số liệu trực tiếp.").waitFor();
    expect(await figure(page, "total")).toBe("6.264.686");

    // Another reader is a new visit.
    const other = await newPage(`${UA} Edg/156.0`);
    await other.goto(`${site.server.url}/`);
    await other.locator("[data-counter]").getByText("Số liệu trực tiếp.").waitFor();
    expect(await figure(other, "total")).toBe("6.264.687");
    expect(await figure(other, "today")).toBe("2");
    expect(await figure(other, "online")).toBe("2");
  });

  it("does not count headless browsers announcing themselves", async () => {
    const page = await newPage("Mozilla/5.0 HeadlessChrome/156.0");
    await page.goto(`${site.server.url}/`);
    await page.locator("[data-counter]").getByText("Số liệu trực tiếp.").waitFor();
    expect(await figure(page, "today")).toBe("2");
  });

  it("explains its figures one click away", async () => {
    const page = await newPage(UA);
    await page.goto(`${site.server.url}/`);
    await page
      .locator("[data-counter]")
      .getByRole("link", { name: "Cách tính các số này" })
      .click();
    expect(await page.locator("h1").textContent()).toBe("Cách tính thống kê truy cập");
    expect(await page.locator("main").textContent()).toContain("5 phút vừa qua");
  });

  it("shows the original site's figures and says so when the API is unreachable", async () => {
    const page = await newPage(UA, true);
    await page.goto(`${site.server.url}/`);
    await page
      .locator("[data-counter]")
      .getByText("Hiện không xem được số liệu trực tiếp; đây là số liệu trên trang cũ.")
      .waitFor();
    expect(await figure(page, "total")).toBe("6.264.685");
    expect(await figure(page, "today")).toBe("14");
    expect(await figure(page, "online")).toBe("6");
  });
});
