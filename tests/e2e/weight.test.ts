// Page weight as a reader's phone receives it from the real server (issue 25): an article is at
// most 150 KiB in all, fonts included; every font is one of the three site files, each fetched once.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureLoad } from "../../tools/bench/lib/page-weight.ts";
import { DIST } from "../helpers/server.ts";
import { useSite } from "../helpers/site.ts";

const site = useSite();
const KIB = 1024;
const articles = readdirSync(join(DIST, "tin-tuc"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "trang")
  .map((d) => `/tin-tuc/${d.name}/`);

describe("page weight", () => {
  it.each(articles)("%s transfers at most 150 KiB, fonts included", async (path) => {
    const load = await measureLoad(site.browser, site.server.url + path);
    expect(load.bytes, JSON.stringify(load.resources.slice(0, 5))).toBeLessThanOrEqual(150 * KIB);
    const fonts = load.resources.filter((r) => r.url.endsWith(".woff2"));
    expect(fonts.length).toBeLessThanOrEqual(3);
    expect(new Set(fonts.map((f) => f.url)).size).toBe(fonts.length);
  });

  it.each(["/", "/thong-ke/", "/du-lieu/", "/du-lieu/to-chuc-dang/", "/tim-kiem/?q=dang"])(
    "%s transfers at most 150 KiB too",
    async (path) => {
      const load = await measureLoad(site.browser, site.server.url + path);
      expect(load.bytes).toBeLessThanOrEqual(150 * KIB);
    },
  );
});
