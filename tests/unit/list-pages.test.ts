import { describe, expect, it } from "vitest";
import { ARTICLES_PER_PAGE, TOPIC_IDS } from "../../src/consts.ts";
import type { ArticleData } from "../../src/lib/content/article-schema.ts";
import {
  districtLists,
  firstPages,
  laterPages,
  newsLists,
  provinceLists,
  topicLists,
} from "../../src/lib/content/list-pages.ts";

function entry(id: string, province: string, district?: string) {
  const data = {
    title: id,
    source: { outlet: "x" },
    locality: district === undefined ? { province } : { province, district },
    unit: "u",
    summary: "s",
    topics: ["dai-hoi-dang"],
  } as ArticleData;
  return { id, data };
}

const many = Array.from({ length: ARTICLES_PER_PAGE * 2 + 1 }, (_, i) =>
  entry(`a${i}`, "Lạng Sơn", i % 2 ? "Cao Lộc" : undefined),
);

describe("list pages", () => {
  it("counts in descriptions are written the Vietnamese way (1.234)", () => {
    const lots = Array.from({ length: 1234 }, (_, i) => entry(`b${i}`, "Lạng Sơn"));
    expect(newsLists(lots)[0]!.props.list.description).toContain("Tất cả 1.234 bài viết");
  });

  it("newsLists(entries) makes /tin-tuc/ then trang/2 with page params, the first the longest", () => {
    const routes = newsLists(many);
    expect(routes.map((r) => r.params)).toEqual([{}, { page: "2" }]);
    expect(routes.map((r) => r.props.list.items.length)).toEqual([
      ARTICLES_PER_PAGE + 1,
      ARTICLES_PER_PAGE,
    ]);
    expect(routes[0]!.props.list).toMatchObject({ page: 1, last: 2, total: many.length });
    expect(routes[1]!.props.list).toMatchObject({ page: 2, last: 2, base: "/tin-tuc/" });
    // Counts are on the first page only, so a later page does not change with every article.
    expect(routes[1]!.props.list.total).toBeUndefined();
    expect(routes[1]!.props.list.description).not.toMatch(/\d/);
    expect(firstPages(routes)).toHaveLength(1);
    expect(laterPages(routes)).toHaveLength(1);
  });

  it("one more article changes the key of each list's first page only", () => {
    const keys = (entries: typeof many) =>
      [
        ...newsLists(entries),
        ...topicLists(entries),
        ...provinceLists(entries),
        ...districtLists(entries),
      ].map((r) => `${JSON.stringify(r.params)} ${r.cacheKey}`);
    const before = keys(many);
    const after = keys([entry("new", "Lạng Sơn", "Cao Lộc"), ...many]);
    const changed = after.filter((k) => !before.includes(k)).map((k) => k.split(" ")[0]);
    expect(changed.sort()).toEqual(
      [
        "{}",
        '{"topic":"dai-hoi-dang"}',
        '{"province":"lang-son"}',
        '{"province":"lang-son","district":"cao-loc"}',
      ].sort(),
    );
  });

  it("topicLists(entries) gives every topic a first page, even an empty one", () => {
    const first = firstPages(topicLists(many));
    expect(first.map((r) => r.params.topic)).toEqual(TOPIC_IDS);
    const empty = first.find((r) => r.params.topic === "cong-tac-can-bo")!;
    expect(empty.props.list).toMatchObject({ total: 0, last: 1, items: [] });
    expect(laterPages(topicLists(many)).map((r) => r.params)).toEqual([
      { topic: "dai-hoi-dang", page: "2" },
    ]);
  });

  it("provinceLists and districtLists use slugs and offer districts from the province", () => {
    const province = firstPages(provinceLists(many));
    expect(province.map((r) => r.params)).toEqual([{ province: "lang-son" }]);
    expect(province[0]!.props.list.subsections).toEqual([
      // Every odd index of 2 × ARTICLES_PER_PAGE + 1 entries is in Cao Lộc.
      { label: "Cao Lộc", href: "/dia-phuong/lang-son/cao-loc/", count: ARTICLES_PER_PAGE },
    ]);
    const district = districtLists(many);
    expect(district.map((r) => r.params)).toEqual([{ province: "lang-son", district: "cao-loc" }]);
    expect(district[0]!.props.list.crumbs.map((c) => c.label)).toEqual([
      "Trang chủ",
      "Địa phương",
      "Lạng Sơn",
    ]);
  });
});
