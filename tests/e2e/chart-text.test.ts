// Charts as a reader meets them (issue 25), in Chromium at 320, 390, 768 and 1280 px, at the
// default size and the largest A+: no two texts of a chart overlap (ticks included), no text runs
// past the chart's column, and no chart draws a single value (a one-value figure is a number).
import { describe, expect, it } from "vitest";
import { useSite } from "../helpers/site.ts";

const PAGES = [
  "/thong-ke/",
  "/du-lieu/ket-nap/",
  "/du-lieu/xep-loai/",
  "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/",
];
const WIDTHS = [320, 390, 768, 1280];
/** Reading-size levels: default and the largest A+ (src/scripts/font-size-level.ts). */
const LEVELS = [undefined, "2"];

const site = useSite();

type Found = { overlaps: string[]; outside: string[]; fewMarks: string[]; charts: number };

/** Every shown chart's texts, pairwise, by their boxes on screen. */
function inspect(): Found {
  const found: Found = { overlaps: [], outside: [], fewMarks: [], charts: 0 };
  const svgs = [...document.querySelectorAll<SVGSVGElement>("figure.chart svg.chart-svg")].filter(
    (s) => s.getClientRects().length > 0,
  );
  for (const svg of svgs) {
    found.charts++;
    const id = svg.dataset.chart;
    if (svg.querySelectorAll(".chart-mark").length < 2) found.fewMarks.push(id!);
    const column = svg.closest(".chart__plot")!.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")].map((t) => ({
      text: t.textContent,
      box: t.getBoundingClientRect(),
    }));
    for (const { text, box } of texts) {
      if (box.left < column.left - 1 || box.right > column.right + 1) {
        found.outside.push(`${id}: "${text}"`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!.box;
        const b = texts[j]!.box;
        const apart =
          a.right <= b.left + 0.5 ||
          b.right <= a.left + 0.5 ||
          a.bottom <= b.top + 0.5 ||
          b.bottom <= a.top + 0.5;
        if (!apart) found.overlaps.push(`${id}: "${texts[i]!.text}" × "${texts[j]!.text}"`);
      }
    }
  }
  return found;
}

describe.each(PAGES)("%s", (path) => {
  for (const width of WIDTHS) {
    for (const level of LEVELS) {
      it(`at ${width} px, reading size ${level ?? "default"}: chart texts never touch, every chart has two marks or more`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 800 } });
        if (level) await context.addInitScript((l) => localStorage.setItem("font-size", l), level);
        const page = await context.newPage();
        expect((await page.goto(site.server.url + path))?.status()).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        const found = await page.evaluate(inspect);
        expect(found.overlaps).toEqual([]);
        expect(found.outside).toEqual([]);
        expect(found.fewMarks).toEqual([]);
        // One-value figures are numbers, linked to their row.
        const numbers = page.locator(".chart__number-value");
        for (const href of await numbers.evaluateAll((as) =>
          as.map((a) => a.getAttribute("href")),
        )) {
          expect(href).toMatch(/^\/du-lieu\/[a-z-]+\/#[\w-]+$/);
        }
        await context.close();
      });
    }
  }
});

describe("the dashboard at 1280×800", () => {
  it("shows the top of its first chart on the first screen", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/thong-ke/`);
    const top = await page
      .locator("figure.chart .chart__plot")
      .first()
      .evaluate((plot) => plot.getBoundingClientRect().top);
    expect(top).toBeLessThan(800);
    await context.close();
  });
});
