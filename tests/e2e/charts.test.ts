// Charts in a real browser against the real server: complete without JavaScript, tooltips by
// keyboard and pointer with JavaScript, and fitting a 390 px phone screen.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useSite } from "../helpers/site.ts";

const DASHBOARD = "/thong-ke/";
const ARTICLE = "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/";
const DATASET = "/du-lieu/to-chuc-dang/";
const DATASET_RATINGS = "/du-lieu/xep-loai/";

const site = useSite();

async function open(
  path: string,
  options: { javaScript: boolean; width?: number; fontSize?: string; touch?: boolean },
) {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: { width: options.width ?? 1280, height: options.touch ? 740 : 900 },
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  if (options.fontSize) {
    await context.addInitScript(
      (level) => localStorage.setItem("font-size", level),
      options.fontSize,
    );
  }
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

/** Tabs forward until a chart mark has focus; returns its tooltip text. */
async function tabToMark(page: Page): Promise<string> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const tip = await page.evaluate(() =>
      document.activeElement?.closest(".chart-mark")?.getAttribute("data-tip"),
    );
    if (tip) return tip;
  }
  throw new Error("no chart mark reached with Tab");
}

describe("charts without JavaScript", () => {
  it.each([DASHBOARD, ARTICLE, DATASET])(
    "%s shows every chart as a sized SVG with its text",
    async (path) => {
      const page = await open(path, { javaScript: false });
      // One layout per chart is on screen (the widest that fits); the others are display: none.
      const charts = page.locator("figure.chart svg.chart-svg:visible");
      const count = await charts.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        await expect.poll(() => chart.isVisible()).toBe(true);
        const box = (await chart.boundingBox())!;
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(50);
        expect((await chart.locator("text").allTextContents()).join(" ").length).toBeGreaterThan(
          10,
        );
      }
      // PNG needs script; the static SVG and CSV links do not.
      expect(await page.locator("button[data-chart-png]").first().isVisible()).toBe(false);
      await page.context().close();
    },
  );

  it("the dashboard's numbers read in Vietnamese format and the remainder is labelled", async () => {
    // A phone's layout writes "label: value"; the wide one puts the value at the bar's end.
    const page = await open(DASHBOARD, { javaScript: false, width: 390 });
    const text = await page
      .locator("#bieu-do-to-chuc-huyen-tuyen-hoa svg.chart-svg:visible")
      .textContent();
    expect(text).toContain("Chi bộ thôn, bản, tiểu khu: 130");
    expect(text).toContain("Không rõ (nguồn không nêu): 5");
    // One value is a number in Vietnamese format, not a one-bar chart.
    const members = page.locator("#bieu-do-so-dang-vien-cap-tinh-nam-2020");
    expect(await members.locator(".chart__number-value").textContent()).toContain("66.024");
    expect(await members.locator("svg").count()).toBe(0);
    await page.context().close();
  });

  // Issue 25 made the filters a GET form (province, level, year); without JavaScript the server
  // redirects it to the static page of the choice.
  it("the province filter is a plain form that lands on a static page with only that province's charts", async () => {
    const page = await open(DASHBOARD, { javaScript: false });
    const form = page.locator("#dashboard-filters");
    await form.getByLabel("Tỉnh").selectOption({ label: "Quảng Bình" });
    await form.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(`${site.server.url}/thong-ke/quang-binh/`);
    expect(page.url()).toBe(`${site.server.url}/thong-ke/quang-binh/`);
    const ids = await page
      .locator("svg.chart-svg")
      .evaluateAll((svgs) => svgs.map((s) => s.getAttribute("data-chart")));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/--quang-binh$/);
    await page.context().close();
  });

  it("a figure in the prose links to its dataset row without changing the text", async () => {
    const page = await open("/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/", {
      javaScript: false,
    });
    const paragraph = page.locator("p", { hasText: "Đảng bộ huyện Tuyên Hóa hiện có" }).first();
    expect(await paragraph.textContent()).toContain(
      "hiện có 47 tổ chức cơ sở đảng, 6.001 đảng viên;",
    );
    await paragraph.getByRole("link", { name: "6.001" }).click();
    expect(page.url()).toBe(`${site.server.url}/du-lieu/dang-vien/#th-dang-vien`);
    // The row's number cell, not the whole row: the quote cell also says "6.001".
    expect(await page.locator("#th-dang-vien td.num").allTextContents()).toEqual(["6.001"]);
    await page.context().close();
  });

  it("the SVG and CSV downloads are static files of the chart and its plotted rows", async () => {
    const svg = await fetch(`${site.server.url}/bieu-do/to-chuc-huyen-tuyen-hoa.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toContain('role="img"');
    const csv = await fetch(`${site.server.url}/bieu-do/ket-nap-cap-tinh-nam-2020.csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^id,unit,province/);
    // Exactly the shown row (province level, 2020), not the "công nhận chính thức" rows.
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["ls-ket-nap-2020"]);
  });

  it("the CSV for Excel in Vietnamese has the same rows with `;` and decimal commas", async () => {
    const res = await fetch(`${site.server.url}/bieu-do/xep-loai-huyen-thanh-binh-2022-excel.csv`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // UTF-8 with a BOM, so Excel reads the Vietnamese text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^id;unit;province/);
    const excellent = lines.find((l) => l.startsWith("tb-2022-co-so-xuat-sac;"))!;
    expect(excellent.split(";")).toContain("16,7");
    expect(excellent).not.toContain("16.7");
    // Linked from the chart on the dataset page, beside the standard CSV.
    const page = await open(DATASET_RATINGS, { javaScript: false });
    const links = page.locator(".chart__downloads a");
    expect(await links.allTextContents()).toEqual(["SVG", "CSV cho Excel tiếng Việt", "CSV chuẩn"]);
    await page.context().close();
  });
});

describe("charts with JavaScript", () => {
  it("Tab reaches a chart mark and shows its tooltip, described by it; Escape closes it", async () => {
    const page = await open(DASHBOARD, { javaScript: true });
    const tip = await tabToMark(page);
    const tooltip = page.getByRole("tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toBe(tip);
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute("aria-describedby")),
    ).toBe("chart-tooltip");
    await page.keyboard.press("Escape");
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.context().close();
  });

  it("arrow keys move between a chart's marks and the tooltip follows; Tab leaves the chart", async () => {
    const page = await open(DASHBOARD, { javaScript: true });
    const first = await tabToMark(page);
    const chartId = () =>
      page.evaluate(() => document.activeElement?.closest("svg")?.getAttribute("data-chart"));
    const chart = await chartId();
    await page.keyboard.press("ArrowRight");
    const second = await page.evaluate(() => document.activeElement?.getAttribute("data-tip"));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(await chartId()).toBe(chart);
    expect(await page.getByRole("tooltip").textContent()).toBe(second);
    await page.keyboard.press("ArrowLeft");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-tip"))).toBe(first);
    await page.keyboard.press("Tab");
    // One Tab stop per chart: Tab goes past the remaining marks of this chart.
    expect(await chartId()).not.toBe(chart);
    await page.context().close();
  });

  it("hovering a mark shows its tooltip, dims other series and shifts no layout", async () => {
    const page = await open(DASHBOARD, { javaScript: true });
    const chart = page.locator("#bieu-do-xep-loai-huyen-thanh-binh-2022");
    const mark = chart.locator('svg:visible .chart-mark[data-series="hoan-thanh-tot"]').first();
    await mark.scrollIntoViewIfNeeded();
    const layout = () =>
      page.evaluate(() => {
        const box = document
          .querySelector("#bieu-do-xep-loai-huyen-thanh-binh-2022")!
          .getBoundingClientRect();
        return { top: box.top + scrollY, height: box.height, page: document.body.scrollHeight };
      });
    const before = await layout();
    await mark.hover();
    const tooltip = page.getByRole("tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toBe(await mark.getAttribute("data-tip"));
    expect(await tooltip.textContent()).toContain("Hoàn thành tốt nhiệm vụ: 32/40 (80%)");
    expect(
      await chart.locator('.chart-mark[data-series="hoan-thanh-xuat-sac"].is-dim').count(),
    ).toBeGreaterThan(0);
    expect(await chart.locator('.chart-mark[data-series="hoan-thanh-tot"].is-dim').count()).toBe(0);
    expect(await layout()).toEqual(before);
    // Hoverable (WCAG 1.4.13): the pointer can move onto the tooltip and read it.
    const tip = (await tooltip.boundingBox())!;
    await page.mouse.move(tip.x + tip.width / 2, tip.y + tip.height / 2, { steps: 5 });
    await page.waitForTimeout(400);
    expect(await tooltip.isVisible()).toBe(true);
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    await page.context().close();
  });

  it("the PNG button appears and produces a PNG download", async () => {
    const page = await open(DASHBOARD, { javaScript: true });
    const button = page.locator('button[data-chart-png="to-chuc-huyen-tuyen-hoa"]');
    // The downloads live in the chart's one "Dữ liệu và tải về" disclosure.
    await page.locator("#bieu-do-to-chuc-huyen-tuyen-hoa summary").click();
    await expect.poll(() => button.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("to-chuc-huyen-tuyen-hoa.png");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe("PNG");
    await page.context().close();
  });
});

describe("charts on a 390 px screen", () => {
  it.each([
    [DASHBOARD, undefined],
    [ARTICLE, undefined],
    [DATASET, undefined],
    [DASHBOARD, "2"],
  ])("%s fits without horizontal overflow (font-size level %s)", async (path, fontSize) => {
    const page = await open(path, { javaScript: true, width: 390, fontSize });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const boxes = await page
      .locator("svg.chart-svg")
      .evaluateAll((svgs) =>
        svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.left, r.right]),
      );
    expect(boxes.length).toBeGreaterThan(0);
    for (const [left, right] of boxes) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(390);
    }
    await page.context().close();
  });
});

describe("a tap on a 360 px phone", () => {
  type Box = { x: number; y: number; width: number; height: number };
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it("shows the tooltip without covering the tapped bar or its label above it", async () => {
    const page = await open(DASHBOARD, { javaScript: true, width: 360, touch: true });
    const chart = page.locator("#bieu-do-to-chuc-huyen-tuyen-hoa");
    const mark = chart.locator('svg:visible .chart-mark[data-series="khong-ro"]');
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    const tooltip = page.getByRole("tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toBe(await mark.getAttribute("data-tip"));
    const bar = (await mark.boundingBox())!;
    // The label line nearest above the bar is the one that names it.
    const labels = await chart
      .locator("svg:visible text.chart-label")
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON() as Box));
    const above = labels
      .filter((l) => l.y + l.height <= bar.y + 1)
      .sort((a, b) => b.y + b.height - (a.y + a.height))[0]!;
    const tip = (await tooltip.boundingBox())!;
    expect(overlaps(tip, bar)).toBe(false);
    expect(overlaps(tip, above)).toBe(false);
    await page.context().close();
  });
});

describe("charts at A+ and in print", () => {
  it("the chart title is never smaller than its takeaway at A+", async () => {
    const page = await open(DASHBOARD, { javaScript: true, fontSize: "2" });
    const sizes = await page
      .locator(".chart")
      .first()
      .evaluate((figure) => {
        const size = (sel: string) =>
          parseFloat(getComputedStyle(figure.querySelector(sel)!).fontSize);
        return { title: size(".chart__title"), takeaway: size(".chart__takeaway") };
      });
    expect(sizes.title).toBeGreaterThan(sizes.takeaway);
    await page.context().close();
  });

  it("printing shows the closed text alternative and data table of each chart", async () => {
    const page = await open(ARTICLE, { javaScript: false });
    const table = page.locator(".chart__table").first();
    const description = page.locator(".chart__details:not([open]) > p").first();
    expect(await table.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await table.isVisible()).toBe(true);
    expect(await description.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("article charts", () => {
  it.each([
    [
      "lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang",
      ["bieu-do-to-chuc-tinh-lang-son", "bieu-do-so-dang-vien--bai-lang-son-thi-dua"],
    ],
    ["tuyen-hoa-cung-co-to-chuc-co-so-dang", ["bieu-do-so-dang-vien--bai-tuyen-hoa-cung-co"]],
    [
      "thanh-binh-xay-dung-dang-sat-voi-thuc-tien",
      ["bieu-do-goi-y-kiem-diem-huyen-thanh-binh-2022"],
    ],
  ])("%s charts the figures its text states", async (slug, ids) => {
    const html = await (await fetch(`${site.server.url}/tin-tuc/${slug}/`)).text();
    for (const id of ids) expect(html).toContain(`id="${id}"`);
  });
});

describe("dashboard filters with JavaScript", () => {
  it("swap the charts in place; the URL and the back button follow", async () => {
    const page = await open(DASHBOARD, { javaScript: true });
    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const ids = () =>
      page
        .locator("svg.chart-svg:visible")
        .evaluateAll((svgs) => svgs.map((s) => s.getAttribute("data-chart")));
    const all = await ids();
    const form = page.locator("#dashboard-filters");
    await form.getByLabel("Tỉnh").selectOption({ label: "Quảng Bình" });
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/quang-binh/`);
    await expect
      .poll(async () => (await ids()).every((id) => id!.endsWith("--quang-binh")))
      .toBe(true);
    expect(await page.locator("h1").textContent()).toBe("Thống kê: Quảng Bình");
    // The province back to all, then the year: each change applies at once.
    await form.getByLabel("Tỉnh").selectOption({ label: "Tất cả" });
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/`);
    await form.getByLabel("Năm").selectOption({ label: "Năm 2022" });
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/nam-2022/`);
    await expect
      .poll(async () => (await ids()).every((id) => id!.endsWith("--nam-2022")))
      .toBe(true);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/`);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/quang-binh/`);
    await expect
      .poll(async () => (await ids()).every((id) => id!.endsWith("--quang-binh")))
      .toBe(true);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${site.server.url}/thong-ke/`);
    await expect.poll(ids).toEqual(all);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page.context().close();
  });
});
