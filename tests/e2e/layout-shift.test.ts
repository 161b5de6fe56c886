// No layout shift while a page loads on a phone: fonts, widgets and charts keep their place.
import { describe, expect, it } from "vitest";
import { useSite } from "../helpers/site.ts";

const site = useSite();

describe("layout shift at 360 px", () => {
  it.each(["/", "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/", "/thong-ke/", "/du-lieu/"])(
    "%s: cumulative layout shift stays under 0.05 once loaded",
    async (path) => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) w.__cls += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${site.server.url}${path}`, { waitUntil: "networkidle" });
      // The counter's figures arrive after load; give them a moment to land.
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      expect(cls).toBeLessThan(0.05);
      await context.close();
    },
  );
});
