// Chart embeds (/bieu-do/<id>/nhung/) in Chromium: a host page on another origin frames every
// published chart at 320 px with the code the chart page offers; each embed is complete without
// JavaScript, never scrolls sideways, posts its height ({"bieu-do-height": {"<id>": px}}) and the
// host's script applies it. Only embeds may be framed; every other page keeps refusing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeEntities, elementHtml } from "../helpers/html.ts";
import { DIST } from "../helpers/server.ts";
import { useSite } from "../helpers/site.ts";
import { HEIGHT_MESSAGE } from "../../src/lib/chart-pages/embed-code.ts";
import { publishedCharts } from "../../src/lib/chart-pages/pages.ts";

const site = useSite();
const charts = publishedCharts().map((c) => c.id);
// One value is shown as a number, not a chart (src/components/charts/ChartPlot.astro).
const numbers = new Map(publishedCharts().flatMap((c) => (c.figure ? [[c.id, c.figure]] : [])));

/** The embed code exactly as /bieu-do/<id>/ offers it, pointed at the server under test. */
function embedCode(id: string): string {
  const html = readFileSync(resolve(DIST, "bieu-do", id, "index.html"), "utf8");
  const code = decodeEntities(elementHtml(html, "textarea")[0] ?? "");
  return code.replace(/src="https?:\/\/[^/"]+/, `src="${site.server.url}`);
}

// Another origin: its own server, on "localhost" rather than the portal's 127.0.0.1.
let host: Server;
let hostUrl = "";
beforeAll(async () => {
  host = createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    const framed = url.searchParams.get("khung");
    const id = decodeURIComponent(url.pathname.slice(1));
    if (!framed && !charts.includes(id)) return void res.writeHead(404).end();
    // ?khung=<path>: a bare iframe of any portal page; else the chart's embed code.
    const content = framed
      ? `<iframe src="${site.server.url}${framed}" width="320" height="300"></iframe>`
      : `<div style="width:320px">${embedCode(id)}</div>`;
    const body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang khác</title></head><body style="margin:0"><script>window.messages=[];addEventListener("message",function(e){window.messages.push({origin:e.origin,data:e.data})})</script>${content}</body></html>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((done) => host.listen(0, "localhost", done));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => host.close(() => done())));

describe("embeds framed by another origin at 320 px", () => {
  it.each(charts)(
    "%s: sends its height, the host applies it, nothing scrolls sideways",
    async (id) => {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${hostUrl}/${encodeURIComponent(id)}`);
      const iframe = page.locator("iframe");
      const frame = (await (await iframe.elementHandle())!.contentFrame())!;
      await frame.waitForLoadState("load");
      await page.waitForFunction(
        (key) =>
          (window as unknown as { messages: { data: Record<string, unknown> }[] }).messages.some(
            (m) => m.data?.[key],
          ),
        HEIGHT_MESSAGE,
      );
      const heights = async () => {
        const messages = await page.evaluate(
          () => (window as unknown as { messages: { origin: string; data: unknown }[] }).messages,
        );
        return messages.filter((m) => (m.data as Record<string, unknown>)?.[HEIGHT_MESSAGE]);
      };
      expect((await heights())[0]!.origin).toBe(site.server.url);
      // Web fonts may change the height after the first message; the embed then sends it again.
      await frame.evaluate(() => document.fonts.ready.then(() => undefined));
      const inner = await frame.evaluate(() => ({
        height: Math.ceil(document.documentElement.getBoundingClientRect().height),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        width: document.documentElement.clientWidth,
        svgShown: [...document.querySelectorAll("svg.chart-svg")].filter(
          (s) => s.getClientRects().length > 0,
        ).length,
        number: document.querySelector(".chart__number-value")?.textContent?.trim(),
      }));
      expect(inner.width).toBe(320);
      expect(inner.overflow).toBe(0);
      expect(inner.svgShown).toBe(numbers.has(id) ? 0 : 1);
      expect(inner.number).toBe(numbers.get(id)?.value);
      await expect
        .poll(async () => (await heights()).at(-1)!.data)
        .toEqual({ [HEIGHT_MESSAGE]: { [id]: inner.height } });
      // Applied: the iframe is exactly as tall as the embed's page, not the code's 480 px.
      await expect.poll(async () => (await iframe.boundingBox())!.height).toBe(inner.height);
      await page.close();
    },
  );
});

describe("embeds without JavaScript", () => {
  it.each(charts)("%s: title, chart and a source line linking back", async (id) => {
    const context = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 600 },
    });
    const page = await context.newPage();
    expect((await page.goto(`${site.server.url}/bieu-do/${id}/nhung/`))?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBeTruthy();
    const figure = numbers.get(id);
    expect(await page.locator("svg.chart-svg:visible").count()).toBe(figure ? 0 : 1);
    if (figure) {
      const text = await page.locator(".chart__number").textContent();
      expect(text?.replace(/\s+/g, " ")).toContain(`${figure.value} ${figure.unit}`);
      expect(text).toContain(`${figure.label} · ${figure.period}`);
    }
    const back = page.locator("figcaption a");
    expect(new URL((await back.getAttribute("href"))!).pathname).toBe(`/bieu-do/${id}/`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await context.close();
  });
});

describe("framing headers", () => {
  it("embeds may be framed by any site", async () => {
    for (const id of charts) {
      const res = await fetch(`${site.server.url}/bieu-do/${id}/nhung/`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-frame-options")).toBeNull();
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
      expect(res.headers.get("content-security-policy")).not.toContain("'none'; frame");
    }
  });

  it("every other page refuses to be framed, chart pages included", async () => {
    const paths = ["/", "/bieu-do/", `/bieu-do/${charts[0]}/`, "/thong-ke/", "/du-lieu/dang-vien/"];
    for (const path of [...paths, `/bieu-do/${charts[0]}.svg`, `/bieu-do/${charts[0]}/nhung/x`]) {
      const res = await fetch(`${site.server.url}${path}`);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("a host page cannot frame a chart page", async () => {
    const page = await site.browser.newPage();
    const framed = async (path: string) => {
      await page.goto(`${hostUrl}/?khung=${encodeURIComponent(path)}`);
      const frame = (await (await page.locator("iframe").elementHandle())!.contentFrame())!;
      await frame.waitForLoadState("load");
      return { url: frame.url(), charts: await frame.locator("figure.chart").count() };
    };
    // Chromium shows its own error page for a refused frame: none of the chart page's content.
    const refused = await framed(`/bieu-do/${charts[0]}/`);
    expect(refused.url).toMatch(/^chrome-error:/);
    expect(refused.charts).toBe(0);
    const embed = await framed(`/bieu-do/${charts[0]}/nhung/`);
    expect(embed).toEqual({ url: `${site.server.url}/bieu-do/${charts[0]}/nhung/`, charts: 1 });
    await page.close();
  });
});
