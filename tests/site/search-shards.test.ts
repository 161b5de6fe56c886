// A large site's index is split into several (src/lib/build/search-index.ts, SHARD_PAGES); searched
// together they must find exactly what one index finds. Checked on a copy of the built site split
// into indexes of 3 pages, through the server's loader (the browser merges them the same way).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex, SHARD_PAGES } from "../../src/lib/build/search-index.ts";
import { runSearch, type PagefindApi } from "../../src/lib/search/engine.ts";
import { parseSearchRequest } from "../../src/lib/search/request.ts";
import { SHARDS_FILE } from "../../src/lib/search/shards.ts";
import { createIndexLoader } from "../../src/server/pagefind.ts";
import { DIST } from "../helpers/server.ts";

const dir = mkdtempSync(join(tmpdir(), "portal-shards-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let one: PagefindApi;
let split: PagefindApi;
let shards = 0;
beforeAll(async () => {
  // Only the pages: the copy gets its own index.
  cpSync(DIST, dir, {
    recursive: true,
    filter: (path) => !path.includes(`${DIST}/pagefind`) && !/\.(br|gz)$/.test(path),
  });
  shards = (await buildSearchIndex(dir, { shardPages: 3 })).shards;
  one = (await createIndexLoader(DIST).get())!;
  split = (await createIndexLoader(dir).get())!;
}, 120_000);

const urls = async (pagefind: PagefindApi, q: string, extra = "") => {
  const params = new URLSearchParams(extra);
  params.set("q", q);
  params.set("trang", "20");
  const outcome = await runSearch(pagefind, parseSearchRequest(params));
  return { total: outcome.total, urls: outcome.hits.map((h) => h.url) };
};

describe("a search index split into several", () => {
  it("the published site, far below SHARD_PAGES, keeps one index with an empty list", () => {
    expect(SHARD_PAGES).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(join(DIST, "pagefind", SHARDS_FILE), "utf8"))).toEqual({
      shards: [],
    });
  });

  it("the copy is split, each further index without its own code", () => {
    expect(shards).toBeGreaterThan(3);
    const list = JSON.parse(readFileSync(join(dir, "pagefind", SHARDS_FILE), "utf8")) as {
      shards: string[];
    };
    expect(list.shards).toHaveLength(shards - 1);
    for (const shard of list.shards) {
      const files = readdirSync(join(dir, "pagefind", shard));
      expect(files).toContain("pagefind-entry.json");
      expect(files.some((f) => f.endsWith(".js") || f.includes("wasm"))).toBe(false);
    }
    expect(existsSync(join(dir, "pagefind", "pagefind.js"))).toBe(true);
  });

  it.each([
    ["kết nạp", ""],
    ["ket nap dang vien", ""],
    ["phan van thang", ""],
    ["dong thap", ""],
    ["kết nạp", "tinh=Đồng Tháp"],
    ["kết nạp", "nam=2013"],
    ["bóng đá", ""],
  ])("finds the same pages for “%s” %s", async (q, extra) => {
    const a = await urls(one, q, extra);
    const b = await urls(split, q, extra);
    expect(b.total).toBe(a.total);
    expect(new Set(b.urls)).toEqual(new Set(a.urls));
    // Phrase matches first in both.
    if (q === "phan van thang") expect(b.urls[0]).toBe(a.urls[0]);
  });
});
