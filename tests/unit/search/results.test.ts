// Results a reader can trust (issue 25): a name typed as two syllables lists the pages holding it
// as a phrase first, and says which results hold the syllables only apart; a dataset's excerpt
// shows its description or the table row that matches, never its list of columns or sources.
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../../src/lib/search/build-index.ts";
import { runSearch, SearchIndex } from "../../../src/lib/search/engine.ts";
import { INDEX_DIR } from "../../../src/lib/search/index-files.ts";
import { parseSearchRequest } from "../../../src/lib/search/request.ts";
import { renderResults } from "../../../src/lib/search/view.ts";
import { writeSite } from "./site.ts";

const DATASET =
  `<!doctype html><html lang="vi"><body><main><h1 data-search-body>Đảng viên</h1>` +
  `<p data-search-body>Số đảng viên của từng đảng bộ, như nguồn nêu.</p>` +
  `<section data-search-rows><table><thead><tr><th>Đơn vị</th><th>Số đảng viên</th></tr></thead><tbody>` +
  `<tr><th>Đảng bộ huyện Thanh Bình</th><td>9.310</td></tr>` +
  `<tr><th>Đảng bộ huyện Tuyên Hóa</th><td>6.001</td><td><q>hiện có 6.001 đảng viên</q><a href="/x/">Bài</a></td></tr>` +
  `</tbody></table></section>` +
  `<section data-search-body="find"><h2>Nguồn</h2><p>Lạng Sơn thi đua</p></section>` +
  `<section data-search-body="find"><h2>Các cột</h2><p>unit — Đơn vị. count — Số đảng viên.</p></section>` +
  `<span data-search-meta="kind">du-lieu</span></main></body></html>`;

const dir = mkdtempSync(join(tmpdir(), "portal-search-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let index: SearchIndex;
beforeAll(async () => {
  writeSite(dir, {
    "tin-tuc/tuyen-hoa": {
      title: "Củng cố tổ chức",
      body: "Đảng bộ huyện Tuyên Hóa có 47 tổ chức.",
      published: "2020-01-01",
    },
    "tin-tuc/roi-nhau": {
      title: "Tư tưởng",
      body: "Công tác tuyên truyền chống “tự chuyển hóa” được đẩy mạnh.",
      published: "2023-01-01",
    },
    "tin-tuc/khong-lien": {
      title: "Huyện Tuyên Hóa",
      body: "Một bài khác.",
      published: "2021-01-01",
    },
    "du-lieu/dang-vien": DATASET,
  });
  await buildSearchIndex(dir);
  index = new SearchIndex({
    read: async (path) => JSON.parse(await readFile(join(dir, INDEX_DIR, path), "utf8")),
  });
});

const search = (query: string) => runSearch(index, parseSearchRequest(new URLSearchParams(query)));

describe("a name typed as two syllables", () => {
  it("lists the pages holding the phrase first, then those holding the syllables apart", async () => {
    const outcome = await search("q=Tuyên Hóa");
    const urls = outcome.hits.map((h) => h.url);
    expect(outcome.phrased).toBe(3);
    expect(new Set(urls.slice(0, 3))).toEqual(
      new Set(["/tin-tuc/tuyen-hoa/", "/tin-tuc/khong-lien/", "/du-lieu/dang-vien/"]),
    );
    // Newer than all of them, but only “tuyên truyền … chuyển hóa”.
    expect(urls.slice(3)).toEqual(["/tin-tuc/roi-nhau/"]);
  });

  it("shows the words-apart results under their own heading, a level below", async () => {
    const html = renderResults(await search("q=Tuyên Hóa"));
    const [phrase, apart] = html.split('<h2 class="search-group">Kết quả có các từ rời nhau</h2>');
    expect(phrase).toContain('href="/tin-tuc/tuyen-hoa/"');
    expect(phrase).not.toContain("roi-nhau");
    expect(apart).toContain('<ol class="search-results" start="4">');
    expect(apart).toContain('<h3 class="search-hit__title"><a href="/tin-tuc/roi-nhau/">');
    expect(apart).toContain("không đứng liền nhau thành cụm “Tuyên Hóa”");
  });

  it("says so when no page holds the phrase, and has no heading for one word", async () => {
    const apart = await search("q=truyền Hóa");
    expect(apart.phrased).toBe(0);
    expect(renderResults(apart)).toContain("Không trang nào có cụm “truyền Hóa”.");
    const one = await search("q=Tuyên");
    expect(one.phrased).toBeUndefined();
    expect(renderResults(one)).not.toContain("search-group");
  });
});

describe("a dataset's excerpt", () => {
  it("is the table row that matches, read as a row", async () => {
    const hit = (await search("q=tuyen hoa")).hits.find((h) => h.kind === "du-lieu")!;
    expect(hit.excerpt).toBe(
      "Đảng bộ huyện <mark>Tuyên Hóa</mark> · 6.001 · “hiện có 6.001 đảng viên” Bài",
    );
  });

  it("is the description when that is where the words are", async () => {
    const hit = (await search("q=như nguồn nêu")).hits[0]!;
    expect(hit.excerpt).toBe("Số đảng viên của từng đảng bộ, <mark>như nguồn nêu</mark>.");
  });

  it("never shows the sources or the columns, though the page is found by them", async () => {
    for (const query of ["q=Lạng Sơn thi đua", "q=count"]) {
      const { hits } = await search(query);
      expect(hits.map((h) => h.url)).toEqual(["/du-lieu/dang-vien/"]);
      expect(hits[0]!.excerpt).not.toMatch(/Lạng Sơn|count|Các cột/);
    }
  });
});

describe("a query over 200 characters", () => {
  it("is searched cut to its start, and the status says so", async () => {
    const long = `Tuyên Hóa ${"x".repeat(300)}`;
    const outcome = await search(new URLSearchParams({ q: long }).toString());
    expect(outcome.request.q).toBe("Tuyên Hóa");
    expect(renderResults(outcome)).toContain(
      "Từ khóa dài quá 200 ký tự nên chỉ tìm theo phần đầu của nó.",
    );
    expect(outcome.total).toBe(4);
  });
});
