// Size budgets on every built page (issue 4): sizes are deterministic, so they are checked here;
// the per-page-type figures are reported by `npm run bench:pages`.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { gzipBytes, htmlToFirstChart, javascriptBytes } from "../../src/cli/bench/page-weight.ts";
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

  it(`every page with a chart delivers its first chart within ${FIRST_CHART_BUDGET} bytes gzip`, () => {
    const withChart = pages.flatMap(({ path, html }) => {
      const head = htmlToFirstChart(html);
      return head ? [{ path, bytes: gzipBytes(head) }] : [];
    });
    expect(withChart.length).toBeGreaterThan(5);
    expect(withChart.filter((p) => p.bytes > FIRST_CHART_BUDGET)).toEqual([]);
  });
});
