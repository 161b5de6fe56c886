// The index and the engine together, over a small site written here: what ranks first and why,
// filters and their counts, paging, and what the build refuses.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketCount, buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { prefetch, runSearch, SearchIndex } from "../../../src/lib/search/engine.ts";
import {
  bucketOf,
  encodePageValues,
  encodePostings,
  forEachPosting,
  INDEX_DIR,
  readPageValues,
} from "../../../src/lib/search/index-files.ts";
import { parseSearchRequest } from "../../../src/lib/search/request.ts";
import { createIndexLoader } from "../../../src/server/search/index-loader.ts";
import { writeSite, type Page } from "./site.ts";

const PAGES: Record<string, Page | string> = {
  "tin-tuc/nguyen-van": {
    title: "Tin một",
    body: "Công tác kết nạp đảng viên mới.",
    published: "2020-01-02",
    tinh: "Lạng Sơn",
  },
  "tin-tuc/khong-dau": {
    title: "Tin hai",
    body: "Chu de ket nap viet khong dau.",
    published: "2021-01-02",
    tinh: "Lạng Sơn",
  },
  "tin-tuc/roi-rac": {
    title: "Tin ba",
    body: "Kết quả tốt; năm sau nạp thêm.",
    published: "2023-01-02",
    tinh: "Đồng Tháp",
  },
  "tin-tuc/khac-dau": {
    title: "Tin bốn",
    body: "Cửa bị kẹt nắp hộp.",
    published: "2022-01-02",
    tinh: "Đồng Tháp",
  },
  "tin-tuc/tieu-de": {
    title: "Kết nạp đảng viên",
    body: "Bài về công tác kết nạp.",
    published: "2019-01-02",
    tinh: "Đồng Tháp",
  },
  "tin-tuc/khong-ngay": { title: "Tin sáu", body: "Công tác kết nạp đảng viên mới." },
  "du-lieu/ket-nap": { title: "Kết nạp", body: "Số kết nạp theo năm.", kind: "du-lieu" },
  // Not an article or dataset page: never indexed.
  "tin-tuc": "<!doctype html><h1>Tin tức</h1><p>kết nạp</p>",
};

const dir = mkdtempSync(join(tmpdir(), "portal-search-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let index: SearchIndex;
beforeAll(async () => {
  writeSite(dir, PAGES);
  await buildSearchIndex(dir);
  index = (await createIndexLoader(dir).get())!;
});

const search = async (query: string) =>
  runSearch(index, parseSearchRequest(new URLSearchParams(query)));
const urls = async (query: string) => (await search(query)).hits.map((h) => h.url);

describe("postings", () => {
  it("encodePostings(pages) keeps runs short and forEachPosting reads them back", () => {
    for (const pages of [
      [],
      [0],
      [7],
      [0, 1, 2, 3],
      [2, 3, 4, 9, 10, 40],
      [5, 7, 9, 10, 11, 12, 20],
    ]) {
      const read: number[] = [];
      forEachPosting(encodePostings(pages), (p) => read.push(p));
      expect(read).toEqual(pages);
    }
    expect(encodePostings([0, 1, 2, 3])).toEqual([0, -3]);
    expect(encodePostings([5, 7, 8, 9])).toEqual([5, 2, -2]);
  });

  it("readPageValues(file, pages) gives each page's combination; a digit or combination not held is refused", () => {
    const file = encodePageValues([
      [[0], [1], []],
      [[1], [0], [0]],
      [[0], [1], []],
    ]);
    expect(file).toMatchObject({ width: 1, of: "010" });
    expect(readPageValues(file, 3)).toEqual({
      combos: file.combos,
      of: Int32Array.from([0, 1, 0]),
    });
    expect(readPageValues({ ...file, of: "0Z0" }, 3)).toBeUndefined();
    expect(readPageValues({ ...file, of: "0!0" }, 3)).toBeUndefined();
    expect(readPageValues({ ...file, of: "0é0" }, 3)).toBeUndefined();
    expect(readPageValues(file, 4)).toBeUndefined();
    expect(readPageValues({ ...file, combos: [[[0], [1]]] }, 3)).toBeUndefined();
  });

  it("bucketOf(term, n) is the same number every time, below n", () => {
    for (const term of ["ket", "ket nap", "dang", "2.053"]) {
      expect(bucketOf(term, 64)).toBe(bucketOf(term, 64));
      expect(bucketOf(term, 64)).toBeLessThan(64);
    }
    expect(
      new Set(["a", "b", "c", "d", "e", "f"].map((t) => bucketOf(t, 64))).size,
    ).toBeGreaterThan(3);
  });

  it("bucketCount(pages) grows with the site, from 64 to 4,096 files", () => {
    expect(bucketCount(16)).toBe(64);
    expect(bucketCount(1000)).toBe(512);
    expect(bucketCount(10_000)).toBe(4096);
    expect(bucketCount(1_000_000)).toBe(4096);
  });
});

describe("ranking", () => {
  it("the phrase as typed first, then the phrase found by folding, then the words apart", async () => {
    const found = await urls("q=kết nạp");
    // Toned phrase: newest first, with the title match (tieu-de) before the body-only ones.
    expect(found.slice(0, 4)).toEqual([
      "/tin-tuc/tieu-de/",
      "/du-lieu/ket-nap/",
      "/tin-tuc/nguyen-van/",
      "/tin-tuc/khong-ngay/",
    ]);
    // Folded phrase ("ket nap", "kẹt nắp"), then scattered words ("Kết quả … nạp").
    expect(new Set(found.slice(4, 6))).toEqual(
      new Set(["/tin-tuc/khong-dau/", "/tin-tuc/khac-dau/"]),
    );
    expect(found[6]).toBe("/tin-tuc/roi-rac/");
    expect(found).toHaveLength(7);
  });

  it("typed without tones, the same pages are found, the text written that way first", async () => {
    const found = await urls("q=ket nap");
    expect(found[0]).toBe("/tin-tuc/khong-dau/");
    expect(new Set(found)).toEqual(new Set(await urls("q=kết nạp")));
    expect(found.at(-1)).toBe("/tin-tuc/roi-rac/");
  });

  it("among equals, newer articles come first, undated ones after dated ones", async () => {
    const found = await urls("q=công tác kết nạp đảng viên mới");
    expect(found.slice(0, 2)).toEqual(["/tin-tuc/nguyen-van/", "/tin-tuc/khong-ngay/"]);
  });

  it("every word must be there; an unknown word finds nothing", async () => {
    expect(await urls("q=kết nạp bóng")).toEqual([]);
    expect(await urls("q=tin")).not.toContain("/tin-tuc/");
  });
});

describe("a half-typed last word", () => {
  it("finds the words it starts, the phrase first, and says so", async () => {
    const outcome = await search("q=kết nạ");
    expect(outcome.hits.slice(0, 4).map((h) => h.url)).toEqual([
      "/tin-tuc/tieu-de/",
      "/du-lieu/ket-nap/",
      "/tin-tuc/nguyen-van/",
      "/tin-tuc/khong-ngay/",
    ]);
    expect(outcome.completed).toBe("nạ");
    expect(outcome.hits[2]!.excerpt).toBe("Công tác <mark>kết nạp</mark> đảng viên mới.");
  });

  it("follows the tones typed so far: “kẹt nắ” puts “kẹt nắp” first", async () => {
    expect((await urls("q=kẹt nắ"))[0]).toBe("/tin-tuc/khac-dau/");
  });

  it("a whole word is not reported as completed, and only the last word is completed", async () => {
    expect((await search("q=kết nạp")).completed).toBeUndefined();
    expect(await urls("q=kế nạp")).toEqual([]);
  });

  it("the other words must still be on the page: a completed last word stands only for itself", async () => {
    expect(await urls("q=hộp nạ")).toEqual([]);
    expect(await urls("q=hộp nắ")).toEqual(["/tin-tuc/khac-dau/"]);
  });

  it("a start no word has finds nothing", async () => {
    expect(await urls("q=kết nạpx")).toEqual([]);
    expect(await urls("q=kết 2")).toEqual([]);
  });
});

describe("filters and counts", () => {
  it("a filter keeps its pages; each value counts what it would leave, the other filters applied", async () => {
    const all = await search("q=kết nạp");
    expect(all.counts!.tinh).toEqual({ "Đồng Tháp": 3, "Lạng Sơn": 2 });
    expect(all.counts!.nam).toEqual({ "2023": 1, "2022": 1, "2021": 1, "2020": 1, "2019": 1 });
    const narrowed = await search("q=kết nạp&tinh=Đồng Tháp");
    expect(new Set(narrowed.hits.map((h) => h.url))).toEqual(
      new Set(["/tin-tuc/tieu-de/", "/tin-tuc/khac-dau/", "/tin-tuc/roi-rac/"]),
    );
    expect(narrowed.total).toBe(3);
    // The province list still counts across provinces; the years only within Đồng Tháp.
    expect(narrowed.counts!.tinh).toEqual({ "Đồng Tháp": 3, "Lạng Sơn": 2 });
    expect(narrowed.counts!.nam).toEqual({ "2023": 1, "2022": 1, "2021": 0, "2020": 0, "2019": 1 });
  });

  it("a value the index does not hold finds nothing; undated pages are in no year", async () => {
    expect((await search("q=kết nạp&tinh=Hà Nội")).total).toBe(0);
    expect(await urls("q=kết nạp&nam=2020")).toEqual(["/tin-tuc/nguyen-van/"]);
  });
});

describe("hits", () => {
  it("a hit has the date line, or none for a dataset, and the words marked in its excerpt", async () => {
    const { hits } = await search("q=ket nap");
    const dated = hits.find((h) => h.url === "/tin-tuc/nguyen-van/")!;
    expect(dated).toMatchObject({ title: "Tin một", kind: "bai-viet", date: "Ngày 2020-01-02" });
    expect(dated.excerpt).toBe("Công tác <mark>kết nạp</mark> đảng viên mới.");
    expect(hits.find((h) => h.url === "/du-lieu/ket-nap/")).toMatchObject({
      kind: "du-lieu",
      date: undefined,
    });
    expect(hits.find((h) => h.url === "/tin-tuc/khong-ngay/")!.date).toBe("Không ghi ngày đăng");
  });
});

describe("loading while the words are typed", () => {
  it("prefetch(query) loads the word files the search then reads, and the results are the same", async () => {
    const read: string[] = [];
    const typed = new SearchIndex({
      read: async (path) => {
        read.push(path);
        return JSON.parse(readFileSync(join(dir, INDEX_DIR, path), "utf8"));
      },
    });
    const words = (paths: string[]) => paths.filter((p) => p.includes("/tu/")).sort();
    await prefetch(typed, "Kết nạp đảng");
    const before = words(read);
    expect(before.length).toBeGreaterThan(0);
    const outcome = await runSearch(
      typed,
      parseSearchRequest(new URLSearchParams("q=Kết nạp đảng")),
    );
    expect(words(read)).toEqual(before);
    expect(outcome).toEqual(await search("q=Kết nạp đảng"));
  });
});

describe("building the index", () => {
  it("replaces the index it made before, leaving no temporary folder", async () => {
    const before = readdirSync(join(dir, INDEX_DIR));
    // A reader that has read the old manifest and nothing else yet.
    const reader = (await createIndexLoader(dir).get())!;
    writeSite(dir, {
      "tin-tuc/moi": { title: "Bài mới", body: "Hoàn toàn mới.", published: "2024-05-01" },
    });
    await buildSearchIndex(dir);
    // A reader holding the old manifest fails (its folder is gone) and must start again.
    await expect(
      runSearch(reader, parseSearchRequest(new URLSearchParams("q=hoan toan"))),
    ).rejects.toThrow();
    const fresh = (await createIndexLoader(dir).get())!;
    const { hits } = await runSearch(fresh, parseSearchRequest(new URLSearchParams("q=hoan toan")));
    expect(hits.map((h) => h.url)).toEqual(["/tin-tuc/moi/"]);
    expect(readdirSync(join(dir, INDEX_DIR))).not.toEqual(before);
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("a page it cannot describe stops it with the file named, in Vietnamese, writing nothing", async () => {
    const bad = mkdtempSync(join(tmpdir(), "portal-search-bad-"));
    try {
      writeSite(bad, {
        "tin-tuc/a": { title: "A", body: "a" },
        "tin-tuc/khong-tieu-de":
          '<article data-search-body><p>Không có h1</p></article><span data-search-meta="kind">bai-viet</span>',
      });
      await expect(buildSearchIndex(bad)).rejects.toThrow(
        /Không tạo được chỉ mục tìm kiếm: tin-tuc\/khong-tieu-de\/index\.html: không có tiêu đề <h1>/,
      );
      expect(readdirSync(bad).sort()).toEqual(["tin-tuc"]);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it("something else already at /chi-muc/ (a file from public/) is refused, not deleted", async () => {
    const clash = mkdtempSync(join(tmpdir(), "portal-search-clash-"));
    try {
      writeSite(clash, { "tin-tuc/a": { title: "A", body: "a" } });
      writeFileSync(join(clash, INDEX_DIR), "tệp của người khác");
      await expect(buildSearchIndex(clash)).rejects.toThrow(/public\/chi-muc.*đổi tên nó/);
      expect(existsSync(join(clash, INDEX_DIR))).toBe(true);
    } finally {
      rmSync(clash, { recursive: true, force: true });
    }
  });
});
