// Page chrome (issue 25): a phone header of one row at most 64 px (name, search icon, menu), one
// search box per page, and WCAG contrast for every state of every control: at rest, hovered,
// focused, pressed and at its limit (the A+ button at 150% included).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useSite } from "../helpers/site.ts";

const site = useSite();
const ARTICLE = "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/";
const PAGES = ["/", ARTICLE, "/thong-ke/", "/thong-ke/lang-son/", "/du-lieu/", "/du-lieu/ket-nap/"];
const SEARCH = "/tim-kiem/";

async function open(path: string, width: number, javaScript = true) {
  const context = await site.browser.newContext({
    viewport: { width, height: 844 },
    javaScriptEnabled: javaScript,
  });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Visible search boxes on the page (the header's and the page's own). */
const searchBoxes = (page: Page) =>
  page.locator('input[type="search"]:visible, input[name="q"]:visible').count();

describe("header", () => {
  it.each([320, 390])(
    "is one row of at most 64 px at %i px: name, search icon, menu",
    async (width) => {
      for (const path of [...PAGES, SEARCH]) {
        const page = await open(path, width);
        const header = page.getByRole("banner");
        const box = (await header.boundingBox())!;
        expect(box.height, path).toBeLessThanOrEqual(64);
        expect(await header.getByRole("link", { name: /Xây dựng Đảng/ }).isVisible()).toBe(true);
        expect(await header.getByRole("link", { name: "Tìm kiếm" }).isVisible()).toBe(true);
        expect(await header.locator("summary", { hasText: "Danh mục" }).isVisible()).toBe(true);
        expect(await searchBoxes(page), path).toBeLessThanOrEqual(1);
        await page.context().close();
      }
    },
  );

  it("opens its menu without JavaScript and lists the sections", async () => {
    const page = await open("/du-lieu/", 390, false);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    expect(await nav.isVisible()).toBe(false);
    await page.locator(".site-menu > summary").click();
    expect(await nav.isVisible()).toBe(true);
    for (const name of ["Trang chủ", "Tin tức", "Thống kê", "Dữ liệu", "Tìm kiếm"]) {
      expect(await nav.getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(await nav.getByRole("link", { name: "Dữ liệu" }).getAttribute("aria-current")).toBe(
      "page",
    );
    await page.context().close();
  });

  it("shows the links in the row on wide screens, and one search box on every page", async () => {
    for (const path of [...PAGES, SEARCH]) {
      const page = await open(path, 1280);
      const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
      expect(await nav.getByRole("link", { name: "Tin tức" }).isVisible(), path).toBe(true);
      expect(await page.locator(".site-menu > summary").isVisible()).toBe(false);
      expect(await searchBoxes(page), path).toBe(1);
      await page.context().close();
    }
  });
});

/** In the page: every visible control's text contrast against what is behind it. */
function measureControls(): { what: string; ratio: number; need: number }[] {
  const parse = (c: string) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a = "1"] = m[1]!.split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const over = (top: number[], under: number[]) =>
    [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!)).concat(1);
  const background = (el: Element): number[] | undefined => {
    const layers: number[][] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== "none" && node !== el) return undefined;
      const c = parse(style.backgroundColor);
      if (c[3]! > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const lum = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: number[], b: number[]) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  const controls = document.querySelectorAll(
    "a[href], button, summary, select, input:not([type=hidden]), [role=button]",
  );
  const out: { what: string; ratio: number; need: number }[] = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || style.visibility === "hidden") continue;
    if (el.closest("svg, .visually-hidden, [aria-hidden=true]")) continue;
    if (!(el.textContent ?? "").trim() && !(el instanceof HTMLInputElement)) continue;
    const bg = background(el);
    if (!bg) continue;
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const text = over(parse(style.color), bg);
    out.push({
      what: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`,
      ratio: Math.round(ratio(text, bg) * 100) / 100,
      need,
    });
    // A focus ring must stand out from what is around it (3:1): drawn outside the box (offset
    // ≥ 0), that is the parent's background.
    if (el === document.activeElement && style.outlineStyle !== "none") {
      const around =
        parseFloat(style.outlineOffset) >= 0 && el.parentElement
          ? background(el.parentElement)
          : bg;
      if (around) {
        out.push({
          what: `focus ring of ${el.tagName.toLowerCase()}`,
          ratio: Math.round(ratio(over(parse(style.outlineColor), around), around) * 100) / 100,
          need: 3,
        });
      }
    }
  }
  return out;
}

const failing = async (page: Page, state: string) =>
  (await page.evaluate(measureControls))
    .filter((c) => c.ratio < c.need)
    .map((c) => `${state}: ${c.what} ${c.ratio}:1 < ${c.need}:1`);

describe("contrast of controls", () => {
  it.each([390, 1280])(
    "every control at rest, hovered and focused meets WCAG at %i px",
    async (width) => {
      const problems: string[] = [];
      for (const path of [...PAGES, SEARCH]) {
        const page = await open(path, width);
        problems.push(...(await failing(page, `${path} rest`)));
        const controls = page.locator(
          ".button:visible, summary:visible, select:visible, .site-nav a:visible, .site-header a:visible",
        );
        const n = Math.min(await controls.count(), 25);
        for (let i = 0; i < n; i++) {
          const control = controls.nth(i);
          await control.hover();
          problems.push(...(await failing(page, `${path} hover #${i}`)));
          await control.focus();
          problems.push(...(await failing(page, `${path} focus #${i}`)));
        }
        await page.context().close();
      }
      expect(problems).toEqual([]);
    },
    240_000,
  );

  it("the reading-size buttons meet WCAG at every level, the A+ at its 150% limit included", async () => {
    const page = await open(ARTICLE, 390);
    const problems: string[] = [];
    const plus = page.getByRole("button", { name: "A+ tăng cỡ chữ" });
    const minus = page.getByRole("button", { name: "A- giảm cỡ chữ" });
    await minus.click();
    expect(await minus.getAttribute("aria-disabled")).toBe("true");
    problems.push(...(await failing(page, "A-")));
    await page.getByRole("button", { name: "A cỡ chữ mặc định" }).click();
    problems.push(...(await failing(page, "A")));
    await plus.click();
    await plus.click();
    expect(await plus.getAttribute("aria-disabled")).toBe("true");
    expect(await plus.evaluate((b) => b.hasAttribute("data-active"))).toBe(true);
    problems.push(...(await failing(page, "A+ at 150%")));
    await plus.hover();
    problems.push(...(await failing(page, "A+ at 150%, hovered")));
    await plus.focus();
    problems.push(...(await failing(page, "A+ at 150%, focused")));
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
