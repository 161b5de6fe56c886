// The query table (issue 12): queries written from the five articles and the dataset pages, each
// with the pages that must come first, run through the built index exactly as the server runs
// them (and the browser, which uses the same engine and index).
import { beforeAll, describe, expect, it } from "vitest";
import { runSearch, type SearchIndex } from "../../src/lib/search/engine.ts";
import { parseSearchRequest } from "../../src/lib/search/request.ts";
import { createIndexLoader } from "../../src/server/search/index-loader.ts";
import { DIST } from "../helpers/server.ts";

const TUYEN_HOA = "/tin-tuc/tuyen-hoa-cung-co-to-chuc-co-so-dang/";
const LANG_SON = "/tin-tuc/lang-son-thi-dua-lam-tot-cong-tac-to-chuc-xay-dung-dang/";
const KHOI = "/tin-tuc/khoi-cac-co-quan-tinh-lang-son-xay-dung-dang-la-then-chot/";
const THANH_BINH = "/tin-tuc/thanh-binh-xay-dung-dang-sat-voi-thuc-tien/";
const CAO_LANH = "/tin-tuc/cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang/";
const ARTICLES = [TUYEN_HOA, LANG_SON, KHOI, THANH_BINH, CAO_LANH];

type Row = {
  query: string;
  why: string;
  /** These pages, in any order, are the first results. */
  first?: string[];
  /** These pages are among the results. */
  found?: string[];
  /** Nothing is found. */
  none?: true;
};

const TABLE: Row[] = [
  { query: "Tuyên Hóa", why: "with tones", first: [TUYEN_HOA] },
  { query: "tuyen hoa", why: "without tones", first: [TUYEN_HOA] },
  { query: "Đồng Tháp", why: "đ as typed", first: [THANH_BINH, CAO_LANH] },
  { query: "Dồng Tháp", why: "d for đ, with tones", first: [THANH_BINH, CAO_LANH] },
  { query: "dong thap", why: "d for đ, without tones", first: [THANH_BINH, CAO_LANH] },
  {
    query: "kết nạp",
    why: "every article that uses it, in the body or anywhere (the old index found 2 of 5)",
    found: [...ARTICLES, "/du-lieu/ket-nap/"],
  },
  { query: "ket nap", why: "the same without tones", found: [...ARTICLES, "/du-lieu/ket-nap/"] },
  {
    query: "chất vấn",
    why: "only in a body paragraph of one article; others have the syllables apart",
    first: [CAO_LANH],
  },
  { query: "chat van", why: "the same phrase without tones", first: [CAO_LANH] },
  {
    query: "phan van thang",
    why: "a name only in a photo caption, typed without tones: the phrase before scattered phần/vận/tháng",
    first: [THANH_BINH],
  },
  {
    query: "Quản lý thị trường",
    why: "only in a photo caption",
    first: [LANG_SON],
  },
  {
    query: "phần chênh",
    why: "only in a dataset description",
    first: ["/du-lieu/to-chuc-dang/"],
  },
  { query: "phan chenh", why: "the same without tones", first: ["/du-lieu/to-chuc-dang/"] },
  {
    query: "Dũng Chinh",
    why: "a byline: the tones as typed first",
    first: [CAO_LANH],
  },
  {
    query: "dựng chỉnh",
    why: "“xây dựng, chỉnh đốn” as typed ranks above “Dũng Chinh”, the same syllables only once folded",
    first: [TUYEN_HOA, LANG_SON],
  },
  { query: "then chot", why: "a title word without tones", first: [KHOI] },
  { query: "tuyên hó", why: "while typing: the last word half typed", first: [TUYEN_HOA] },
  { query: "phan van th", why: "while typing, without tones", first: [THANH_BINH] },
  { query: "chất vấ", why: "while typing, with tones", first: [CAO_LANH] },
  { query: "bóng đá", why: "not in any page", none: true },
  { query: "Hà Nội", why: "not in any page", none: true },
  { query: "khongcobainay", why: "not a word", none: true },
  { query: "   ", why: "nothing typed", none: true },
];

let index: SearchIndex;
beforeAll(async () => {
  index = (await createIndexLoader(DIST).get())!;
  expect(index).toBeDefined();
});

const urls = async (q: string, extra = "") => {
  const params = new URLSearchParams(extra);
  params.set("q", q);
  params.set("trang", "20");
  return (await runSearch(index, parseSearchRequest(params))).hits.map((h) => h.url);
};

describe("search query table", () => {
  it.each(TABLE)("$query ($why)", async ({ query, first, found, none }) => {
    const result = await urls(query);
    if (none) expect(result).toEqual([]);
    if (first) expect(new Set(result.slice(0, first.length))).toEqual(new Set(first));
    if (found) expect(result).toEqual(expect.arrayContaining(found));
  });

  it("every result holds every word: a query with one absent word finds nothing", async () => {
    expect(await urls("kết nạp bóng")).toEqual([]);
  });

  it("filters keep only pages with that province, topic or year; undated articles are in no year", async () => {
    expect(new Set(await urls("kết nạp", "tinh=Đồng Tháp"))).toEqual(
      new Set([THANH_BINH, CAO_LANH]),
    );
    expect(await urls("kết nạp", "nam=2013")).toEqual([CAO_LANH]);
    expect(await urls("kết nạp", "chu-de=Phát triển đảng viên")).not.toContain(CAO_LANH);
    const dated = new Set([KHOI, THANH_BINH, CAO_LANH]);
    for (const year of ["2013", "2022", "2023"]) {
      for (const url of await urls("đảng", `nam=${year}`)) expect(dated).toContain(url);
    }
  });

  it("a hit has the title, the date as the article gives it or “Không ghi ngày đăng”, and a highlighted excerpt", async () => {
    const { hits } = await runSearch(index, parseSearchRequest(new URLSearchParams("q=chất vấn")));
    const hit = hits.find((h) => h.url === CAO_LANH)!;
    expect(hit.title).toBe(
      "Đổi mới phương thức lãnh đạo, kiện toàn và nâng cao chất lượng tổ chức cơ sở đảng",
    );
    expect(hit.date).toBe("Cập nhật ngày: 17/06/2013 04:36:39");
    expect(hit.excerpt).toMatch(/<mark>chất vấn<\/mark>/);
    const undated = (await runSearch(index, parseSearchRequest(new URLSearchParams("q=Tuyên Hóa"))))
      .hits[0]!;
    expect(undated.date).toBe("Không ghi ngày đăng");
    const dataset = (
      await runSearch(index, parseSearchRequest(new URLSearchParams("q=phần chênh")))
    ).hits[0]!;
    expect(dataset).toMatchObject({
      kind: "du-lieu",
      date: undefined,
      title: "Tổ chức đảng theo loại hình",
    });
  });

  it("“Tuyên Hóa” lists the pages holding the name first, then those holding “tuyên … hóa” apart", async () => {
    const outcome = await runSearch(
      index,
      parseSearchRequest(new URLSearchParams({ q: "Tuyên Hóa", trang: "20" })),
    );
    const urls = outcome.hits.map((h) => h.url);
    expect(outcome.phrased).toBeGreaterThanOrEqual(1);
    expect(urls[0]).toBe(TUYEN_HOA);
    for (const hit of outcome.hits.slice(0, outcome.phrased))
      expect(hit.excerpt).toContain("<mark>Tuyên Hóa</mark>");
    // “tuyên truyền … chuyển hóa”: after every page that has the name.
    const apart = urls.slice(outcome.phrased);
    expect(apart).toEqual(expect.arrayContaining([LANG_SON, KHOI]));
    expect(apart).not.toContain(TUYEN_HOA);
  });

  it("a dataset's excerpt is its matching row or description, never its columns or sources", async () => {
    const { hits } = await runSearch(index, parseSearchRequest(new URLSearchParams("q=Tuyên Hóa")));
    const dataset = hits.find((h) => h.url === "/du-lieu/dang-vien/")!;
    expect(dataset.excerpt).toContain("Đảng bộ huyện <mark>Tuyên Hóa</mark> · ");
    for (const q of ["q=Tuyên Hóa", "q=Thanh Bình", "q=kết nạp", "q=phần chênh"]) {
      const found = await runSearch(index, parseSearchRequest(new URLSearchParams(q)));
      for (const hit of found.hits.filter((h) => h.kind === "du-lieu")) {
        expect(hit.excerpt, `${q} ${hit.url}`).not.toMatch(/Các cột|bắt buộc|\(\d+ dòng\)/);
      }
    }
  });

  it("only article and dataset pages are indexed, not lists or the dashboard", async () => {
    for (const url of await urls("đảng")) expect(url).toMatch(/^\/(tin-tuc|du-lieu)\/[^/]+\/$/);
  });
});
