// Tables for phones (issue 25): below 48rem the dataset index and dataset tables are cards
// ("label: value", empty cells left out) with no sideways scrolling; a table that still scrolls
// shows it; at 1280 px unit names keep to one line.
import { describe, expect, it } from "vitest";
import { useSite } from "../helpers/site.ts";

const site = useSite();
const TABLES = ["/du-lieu/", "/du-lieu/dang-vien/", "/du-lieu/to-chuc-dang/", "/du-lieu/xep-loai/"];

async function open(path: string, width: number) {
  const context = await site.browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe("tables at 390 px", () => {
  it.each(TABLES)("%s shows its rows as cards without horizontal scroll", async (path) => {
    const page = await open(path, 390);
    const result = await page.evaluate(() => {
      const table = document.querySelector("table[data-cards]")!;
      const wrap = table.closest(".table-scroll")!;
      const rows = [...table.querySelectorAll("tbody tr")];
      const cells = [...table.querySelectorAll("tbody td")];
      const shown = cells.filter((c) => getComputedStyle(c).display !== "none");
      return {
        pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        tableScroll: wrap.scrollWidth - wrap.clientWidth,
        tableRight: table.getBoundingClientRect().right,
        rowDisplay: getComputedStyle(rows[0]!).display,
        headHidden: table.querySelector("thead")!.getBoundingClientRect().height <= 1,
        labels: shown.map((c) => getComputedStyle(c, "::before").content),
        emptyShown: shown.filter((c) => c.textContent!.trim() === "").length,
      };
    });
    expect(result.pageScroll).toBeLessThanOrEqual(0);
    expect(result.tableScroll).toBeLessThanOrEqual(0);
    expect(result.tableRight).toBeLessThanOrEqual(390);
    expect(result.rowDisplay).toBe("block");
    expect(result.headHidden).toBe(true);
    // Every visible cell says what it is ("Số đảng viên: 6.001"); no empty "label:" lines.
    for (const label of result.labels) expect(label).toMatch(/^".+: "$/);
    expect(result.emptyShown).toBe(0);
    await page.context().close();
  });

  it("a dataset table leaves out the columns no row fills", async () => {
    const page = await open("/du-lieu/dang-vien/", 1280);
    const headers = await page.locator("table.dataset-table thead th").allTextContents();
    const columns = await page.evaluate(() => {
      const table = document.querySelector("table.dataset-table")!;
      const count = table.querySelectorAll("thead th").length;
      const filled = Array.from({ length: count }, () => false);
      for (const row of table.querySelectorAll("tbody tr")) {
        [...row.children].forEach((cell, i) => {
          if (cell.textContent!.trim() !== "") filled[i] = true;
        });
      }
      return filled;
    });
    expect(headers.length).toBeGreaterThan(3);
    expect(columns.every(Boolean)).toBe(true);
    await page.context().close();
  });
});

describe("tables on wider screens", () => {
  it("a table wider than its column scrolls and shows that it does", async () => {
    const page = await open("/du-lieu/to-chuc-dang/", 768);
    const wrap = page.locator(".table-scroll").first();
    const state = await wrap.evaluate((w) => ({
      scrolls: w.scrollWidth > w.clientWidth,
      focusable: w.getAttribute("tabindex") === "0",
      shadow: getComputedStyle(w).backgroundImage,
    }));
    expect(state.scrolls).toBe(true);
    expect(state.focusable).toBe(true);
    // The edge shadows that say more columns lie beyond.
    expect(state.shadow).toContain("radial-gradient");
    await page.context().close();
  });

  it("at 1280 px a unit's name stays on one line", async () => {
    const page = await open("/du-lieu/huy-hieu/", 1280);
    const lines = await page.evaluate(() => {
      const cell = [...document.querySelectorAll(".dataset-table__unit")].find((c) =>
        c.textContent!.includes("Đảng bộ huyện Thanh Bình"),
      )!;
      const range = document.createRange();
      range.selectNodeContents(cell.firstChild!);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return tops.size;
    });
    expect(lines).toBe(1);
    await page.context().close();
  });
});
