// axe audit in Chromium of one page of every kind the build holds: no serious or critical violations.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { DIST, startServer, type RunningServer } from "../helpers/server.ts";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** URL paths of built pages: every article, and one page per other route shape (e.g. one
 * district), so the audit covers every template. */
function pagesToAudit(): string[] {
  const paths = walk(DIST)
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${relative(DIST, f).split("\\").join("/")}`.replace(/index\.html$/, ""))
    .sort();
  const seen = new Set<string>();
  const picked: string[] = [];
  for (const path of paths) {
    // Every article: their bodies differ (charts, captions, linked figures), not just their shape.
    if (/^\/tin-tuc\/(?!trang\/)[^/]+\/$/.test(path)) {
      picked.push(path);
      continue;
    }
    // Shape: first segment kept, deeper segments reduced to their depth.
    const parts = path.split("/").filter(Boolean);
    const shape = parts.length <= 1 ? path : `${parts[0]}/${"*/".repeat(parts.length - 1)}`;
    const key = parts[1] === "trang" ? `${parts[0]}/trang` : shape;
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(path);
  }
  return picked;
}

const paths = pagesToAudit();

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("axe", () => {
  it("audits the home, list, article, locality, topic and 404 pages at least", () => {
    for (const required of ["/", "/tin-tuc/", "/dia-phuong/", "/chu-de/", "/404.html"]) {
      expect(paths).toContain(required);
    }
    expect(paths.some((p) => /^\/tin-tuc\/(?!trang\/)[^/]+\/$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/dia-phuong\/[^/]+\/$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/chu-de\/[^/]+\/$/.test(p))).toBe(true);
  });

  it.each(paths)("%s has no serious or critical violations", async (path) => {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    expect(bad).toEqual([]);
    await page.close();
  });

  it("keeps the article free of serious violations at the largest reading size and on a phone", async () => {
    const article = paths.find((p) => /^\/tin-tuc\/(?!trang\/)[^/]+\/$/.test(p))!;
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await phone.addInitScript(() => localStorage.setItem("font-size", "2"));
    const page = await phone.newPage();
    await page.goto(`${server.url}${article}`);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => v.id)).toEqual([]);
    await phone.close();
  });
});
