// A page per chart in the build: every published chart has /bieu-do/<id>/ with everything a reader
// needs without JavaScript, the index lists them, retired ids say where the chart went, and the
// sitemap holds the chart pages (not the embeds, not the retired ids).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyOf, decodeEntities, elementHtml, textOf } from "../helpers/html.ts";
import { DIST } from "../helpers/server.ts";
import { csvUrl, excelCsvUrl, svgUrl } from "../../src/lib/charts/definition.ts";
import { downloadIdOf, siteCharts } from "../../src/lib/charts/site-charts.ts";
import { publishedCharts, retiredCharts } from "../../src/lib/chart-pages/pages.ts";
import { RETIRED_CHARTS } from "../../src/lib/chart-pages/retired.ts";
import { DATASETS } from "../../src/lib/data/datasets.ts";

const read = (...path: string[]) => readFileSync(resolve(DIST, ...path), "utf8");
const charts = publishedCharts();

describe("/bieu-do/<id>/", () => {
  it("one page per distinct chart of the catalog", () => {
    // Every chart of the catalog has a page: its own, or the one drawing the same rows.
    const distinct = new Set(siteCharts().map((c) => downloadIdOf(c.id)));
    expect(charts.map((c) => c.id).sort()).toEqual([...distinct].sort());
    expect(charts.length).toBeGreaterThanOrEqual(10);
    const families = new Set(siteCharts().map((c) => c.family));
    for (const family of families) expect(charts.some((c) => c.family === family)).toBe(true);
  });

  it.each(charts.map((c) => [c.id, c] as const))(
    "%s: title, takeaway, chart, text alternative, table, downloads, dataset, articles, embed code",
    (id, chart) => {
      const body = bodyOf(read("bieu-do", id, "index.html"));
      const text = textOf(body);
      expect(textOf(elementHtml(body, "h1")[0] ?? "")).toBe(chart.title);
      expect(text).toContain(chart.description);
      if (chart.figure) {
        // One value is a number with whose and when, never a one-bar chart.
        expect(body).not.toMatch(/<svg\b[^>]*class="chart-svg/);
        expect(text).toContain(`${chart.figure.value} ${chart.figure.unit}`);
        expect(text).toContain(`${chart.figure.label} · ${chart.figure.period}`);
      } else {
        expect(text).toContain(chart.takeaway);
        expect(body.match(/<svg\b[^>]*class="chart-svg/g)?.length).toBe(chart.page.length);
        expect(body).toContain(`href="${svgUrl(id)}"`);
      }
      // "Dữ liệu và tải về" is open and holds every row of the chart's table.
      expect(body).toMatch(/<details class="chart__details" open>\s*<summary>Dữ liệu và tải về/);
      for (const row of chart.table.rows) expect(text).toContain(row[0]);
      for (const href of [csvUrl(id), excelCsvUrl(id)]) expect(body).toContain(`href="${href}"`);
      expect(body).toContain(`href="/du-lieu/${chart.dataset}/"`);
      expect(text).toContain(DATASETS[chart.dataset].title);
      for (const slug of chart.articles) expect(body).toContain(`href="/tin-tuc/${slug}/"`);
      const code = decodeEntities(elementHtml(body, "textarea")[0] ?? "");
      expect(code).toMatch(new RegExp(`<iframe src="https?://[^"]+/bieu-do/${id}/nhung/"`));
      expect(code).toContain("<script>");
    },
  );

  it("the index lists every chart page", () => {
    const body = bodyOf(read("bieu-do", "index.html"));
    for (const chart of charts) expect(body).toContain(`href="/bieu-do/${chart.id}/"`);
  });

  it("charts elsewhere link to their page", () => {
    const dashboard = read("thong-ke", "index.html");
    for (const chart of charts.filter((c) => c.filter === ""))
      expect(dashboard).toContain(`href="/bieu-do/${chart.id}/"`);
  });
});

describe("retired chart ids", () => {
  it("no retired id names a published chart; each successor is a current chart", () => {
    const current = new Set(siteCharts().map((c) => c.id));
    const published = new Set(charts.map((c) => c.id));
    for (const r of RETIRED_CHARTS) {
      expect(published.has(r.id), r.id).toBe(false);
      for (const successor of r.successors) expect(current.has(successor), successor).toBe(true);
    }
  });

  it.each(retiredCharts().map((r) => [r.id, r] as const))(
    "%s answers with a page that says so and links to its successor",
    (id, retired) => {
      const html = read("bieu-do", id, "index.html");
      const text = textOf(bodyOf(html));
      expect(text).toContain("không còn được đăng");
      expect(html).toContain('<meta name="robots" content="noindex"');
      expect(retired.successorCharts.length).toBe(retired.successors.length);
      for (const successor of retired.successorCharts) {
        expect(html).toContain(`href="/bieu-do/${successor.id}/"`);
        expect(text).toContain(successor.title);
      }
    },
  );
});

describe("sitemap", () => {
  const sitemap = read("sitemap-0.xml");
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);

  it("holds the chart index and every chart page, no embed and no retired id", () => {
    expect(urls).toContain("/bieu-do/");
    for (const chart of charts) expect(urls).toContain(`/bieu-do/${chart.id}/`);
    expect(urls.filter((u) => u.includes("/nhung/"))).toEqual([]);
    for (const r of RETIRED_CHARTS) expect(urls).not.toContain(`/bieu-do/${r.id}/`);
    expect(existsSync(resolve(DIST, "sitemap-index.xml"))).toBe(true);
  });
});
