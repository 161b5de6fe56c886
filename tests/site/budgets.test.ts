// Size budgets on every built page (issue 4): sizes are deterministic, so they are checked here;
// the per-page-type figures are reported by `npm run bench:pages`.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { gzipBytes, htmlToFirstChart, javascriptBytes } from "../../tools/bench/lib/page-weight.ts";
import { DIST } from "../helpers/server.ts";

const JS_BUDGET = 20 * 1024;
const FIRST_CHART_BUDGET = 14_600;

const pages = (readdirSync(DIST, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".html"))
  .map((f) => ({
    path: `/${relative(DIST, join(DIST, f))}`,
    html: readFileSync(join(DIST, f), "utf8"),
  }));

describe("page budgets", () => {
  it("the build has pages to measure", () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it(`every page's JavaScript (charts, poll, counter, font size together) is under ${JS_BUDGET} bytes gzip`, () => {
    const over = pages
      .map(({ path, html }) => ({ path, bytes: javascriptBytes(DIST, html).bytes }))
      .filter((p) => p.bytes > JS_BUDGET);
    expect(over).toEqual([]);
  });

  it("pages carry no CSS or module script inline: each is one cached file, loaded once per reader", () => {
    const stylesheets = new Set<string>();
    const inline = pages.filter(({ path, html }) => {
      const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links, path).toHaveLength(1);
      stylesheets.add(links[0]!);
      return /<style[\s>]/.test(html) || /<script type="module">/.test(html);
    });
    expect(inline.map((p) => p.path)).toEqual([]);
    expect([...stylesheets]).toHaveLength(1);
  });

  it("the widgets' script is written once on pages with widgets and not at all on pages without", () => {
    const count = (path: string) =>
      pages
        .find((p) => p.path === path)!
        .html.match(/<script type="module" src="\/_astro\/Enhancements[^"]*"/g)?.length ?? 0;
    const article = pages.find(
      (p) => p.path.startsWith("/tin-tuc/") && /<article-tools/.test(p.html),
    )!;
    expect(count(article.path)).toBe(1);
    expect(count("/index.html")).toBe(1);
    expect(count("/thong-ke/index.html")).toBe(0);
    expect(count("/du-lieu/dang-vien/index.html")).toBe(0);
  });

  it(`every page with a chart delivers its first chart within ${FIRST_CHART_BUDGET} bytes gzip`, () => {
    const withChart = pages.flatMap(({ path, html }) => {
      const head = htmlToFirstChart(html);
      return head ? [{ path, bytes: gzipBytes(head) }] : [];
    });
    expect(withChart.length).toBeGreaterThan(5);
    expect(withChart.filter((p) => p.bytes > FIRST_CHART_BUDGET)).toEqual([]);
  });
});
