// Incremental-build keys: a key changes exactly when something its page shows changes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  assetSourcesDigest,
  beginAstroBuild,
  endAstroBuild,
  INCREMENTAL_MANIFEST,
  RUNNING_MARK,
} from "../../src/lib/build/astro-cache.ts";
import {
  articleKey,
  digestOf,
  keyedByBody,
  listKey,
  shownDigest,
  usesComponents,
} from "../../src/lib/build/cache-keys.ts";
import { astroEnv, astroNodeFlags } from "../../src/lib/build/astro-memory.ts";
import { describeTimes } from "../../src/lib/build/steps.ts";

const entry = (id: string, title: string, body = "Chữ.", digest = `${id}:${title}:${body}`) => ({
  id,
  digest,
  body,
  data: { title, published: "2023-02-28" },
});
const data = () => "data-v1";

describe("articleKey(entry, others, data)", () => {
  const self = entry("a", "Bài A", "<Chart id='x' />");
  const others = [entry("b", "Bài B"), entry("c", "Bài C")];
  const key = articleKey(self, others, data);

  it("is the same for the same inputs, built afresh", () => {
    expect(
      articleKey(
        entry("a", "Bài A", "<Chart id='x' />"),
        others.map((o) => ({ ...o })),
        data,
      ),
    ).toBe(key);
  });

  it("changes with the article's file, a listed article's title, the list's order or the data", () => {
    expect(articleKey({ ...self, digest: "other" }, others, data)).not.toBe(key);
    expect(articleKey(self, [entry("b", "Bài B đã sửa"), others[1]!], data)).not.toBe(key);
    expect(articleKey(self, [...others].reverse(), data)).not.toBe(key);
    expect(articleKey(self, others, () => "data-v2")).not.toBe(key);
  });

  it("does not change when a listed article's body changes, or the data for a plain article", () => {
    expect(articleKey(self, [entry("b", "Bài B", "Thân bài khác."), others[1]!], data)).toBe(key);
    const plain = entry("p", "Bài thường");
    expect(articleKey(plain, others, () => "data-v2")).toBe(articleKey(plain, others, data));
  });
});

describe("listKey(list)", () => {
  const list = { page: 2, last: 3, total: 45, title: "Tin tức", items: [entry("b", "Bài B")] };

  it("changes with the page's fields and what it shows of each article, not their bodies", () => {
    const key = listKey(list);
    expect(listKey({ ...list, total: 46 })).not.toBe(key);
    expect(listKey({ ...list, items: [entry("b", "Bài B khác")] })).not.toBe(key);
    expect(listKey({ ...list, items: [entry("b", "Bài B", "Thân khác.", "d2")] })).toBe(key);
  });
});

describe("keys", () => {
  it("usesComponents(body) is true for a body with a component tag or an unknown body", () => {
    expect(usesComponents('Có <DataFigure row="a#b">47</DataFigure> tổ chức.')).toBe(true);
    expect(usesComponents("<Chart id='x'/>")).toBe(true);
    expect(usesComponents(undefined)).toBe(true);
    expect(usesComponents("Chữ thường, <b>đậm</b> và a < b.")).toBe(false);
  });

  it("shownDigest(entry) is the id and frontmatter, computed once per entry", () => {
    const e = entry("b", "Bài B");
    expect(shownDigest(e)).toBe(digestOf(["b", e.data]));
    const edited = { ...e, digest: "x", body: "Thân bài khác." };
    expect(shownDigest(edited)).toBe(shownDigest(e));
  });

  it("keyedByBody(paths) keys each path by the body it sends", () => {
    const paths = keyedByBody([
      { params: { chart: "a" }, props: { body: "1" } },
      { params: { chart: "b" }, props: { body: "1" } },
      { params: { chart: "c" }, props: { body: "2" } },
    ]);
    expect(paths[0]!.cacheKey).toBe(paths[1]!.cacheKey);
    expect(paths[0]!.cacheKey).not.toBe(paths[2]!.cacheKey);
  });
});

describe("the incremental cache guard", () => {
  const dir = mkdtempSync(join(tmpdir(), "astro-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = join(dir, INCREMENTAL_MANIFEST);

  it("keeps the manifest of a build that finished", () => {
    writeFileSync(manifest, "{}");
    beginAstroBuild(dir);
    expect(existsSync(join(dir, RUNNING_MARK))).toBe(true);
    endAstroBuild(dir, true);
    expect(existsSync(manifest)).toBe(true);
    expect(existsSync(join(dir, RUNNING_MARK))).toBe(false);
  });

  it("forgets it after a build that failed, or one that never ended", () => {
    beginAstroBuild(dir);
    endAstroBuild(dir, false);
    expect(existsSync(manifest)).toBe(false);
    writeFileSync(manifest, "{}");
    beginAstroBuild(dir); // killed: no endAstroBuild
    expect(readFileSync(join(dir, RUNNING_MARK), "utf8")).toBe(`${process.pid}\n`);
    beginAstroBuild(dir);
    expect(existsSync(manifest)).toBe(false);
  });

  it("forgets it when the CSS or script sources changed, keeps it when they did not", () => {
    const src = mkdtempSync(join(tmpdir(), "astro-src-"));
    try {
      mkdirSync(join(src, "components"));
      mkdirSync(join(src, "scripts"));
      mkdirSync(join(src, "lib"));
      writeFileSync(join(src, "components", "A.astro"), "<style>p { color: red }</style>");
      writeFileSync(join(src, "scripts", "tip.ts"), "export {};");
      writeFileSync(join(src, "lib", "data.ts"), "export const a = 1;");
      const first = assetSourcesDigest(src);
      beginAstroBuild(dir, first);
      endAstroBuild(dir, true);
      writeFileSync(manifest, "{}");
      // Code outside styles and scripts is Astro's own dependency hash to judge.
      writeFileSync(join(src, "lib", "data.ts"), "export const a = 2;");
      expect(assetSourcesDigest(src)).toBe(first);
      beginAstroBuild(dir, first);
      endAstroBuild(dir, true);
      expect(existsSync(manifest)).toBe(true);
      for (const [file, text] of [
        ["components/A.astro", "<style>p { color: blue }</style>"],
        ["scripts/tip.ts", "export const b = 1;"],
      ] as const) {
        writeFileSync(join(src, file), text);
        const next = assetSourcesDigest(src);
        expect(next).not.toBe(first);
        writeFileSync(manifest, "{}");
        beginAstroBuild(dir, next);
        endAstroBuild(dir, true);
        expect(existsSync(manifest)).toBe(false);
      }
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});

describe("describeTimes(steps)", () => {
  it("names each step in Vietnamese with its seconds and the total", () => {
    expect(
      describeTimes([
        { id: "data", ms: 1234 },
        { id: "astro", ms: 14_300 },
        { id: "swap", ms: 20 },
      ]),
    ).toBe(
      "Thời gian: kiểm tra dữ liệu 1,2 giây · dựng trang 14,3 giây · đăng 0,0 giây · cả bản dựng 15,6 giây.",
    );
  });

  it("gives the build's own time as the total when steps ran side by side", () => {
    expect(
      describeTimes(
        [
          { id: "astro", ms: 14_300 },
          { id: "previews", ms: 9_000 },
        ],
        14_400,
      ),
    ).toBe("Thời gian: dựng trang 14,3 giây · ảnh xem trước 9,0 giây · cả bản dựng 14,4 giây.");
  });
});

describe("astroNodeFlags(articles)", () => {
  const flags = (articles: number, nodeOptions?: string) =>
    astroNodeFlags(articles, nodeOptions, 4288, 24 * 1024);

  it("leaves Node's heap limit alone for sites far from it", () => {
    expect(flags(3000)).toEqual([]);
  });

  it("raises it for large sites, to twice the estimate and at most three quarters of memory", () => {
    expect(flags(10_000)).toEqual(["--max-old-space-size=8048"]);
    expect(flags(30_000)).toEqual(["--max-old-space-size=18432"]);
  });

  it("keeps a limit set in NODE_OPTIONS", () => {
    expect(flags(30_000, "--max-old-space-size=6000")).toEqual([]);
  });
});

describe("astroEnv(env)", () => {
  it("asks Rolldown's allocator to return freed memory at once, unless told otherwise", () => {
    expect(astroEnv({ A: "1" })).toEqual({ A: "1", MIMALLOC_PURGE_DELAY: "0" });
    expect(astroEnv({ MIMALLOC_PURGE_DELAY: "50" }).MIMALLOC_PURGE_DELAY).toBe("50");
  });
});
