import { describe, expect, it } from "vitest";
import type { ArticleData } from "../../src/lib/content/article-schema.ts";
import {
  districtHref,
  groupByLocality,
  groupByTopic,
  provinceHref,
  topicHref,
} from "../../src/lib/content/taxonomy.ts";
import { TOPIC_IDS } from "../../src/consts.ts";

function entry(id: string, province: string, district?: string, topics = ["dai-hoi-dang"]) {
  const data = {
    title: id,
    source: { outlet: "x" },
    locality: district === undefined ? { province } : { province, district },
    unit: "u",
    summary: "s",
    topics,
  } as ArticleData;
  return { id, data };
}

describe("taxonomy", () => {
  it("provinceHref and districtHref use diacritic-free slugs", () => {
    expect(provinceHref("Lạng Sơn")).toBe("/dia-phuong/lang-son/");
    expect(districtHref("Đồng Tháp", "Cao Lãnh")).toBe("/dia-phuong/dong-thap/cao-lanh/");
    expect(topicHref("kiem-tra-giam-sat")).toBe("/chu-de/kiem-tra-giam-sat/");
  });

  it("groupByLocality(entries) groups provinces by name in Vietnamese order, with their districts", () => {
    const groups = groupByLocality([
      entry("a", "Quảng Bình", "Tuyên Hóa"),
      entry("b", "Lạng Sơn"),
      entry("c", "Đồng Tháp", "Thanh Bình"),
      entry("d", "Lạng Sơn"),
      entry("e", "Đồng Tháp", "Cao Lãnh"),
    ]);
    expect(groups.map((g) => g.name)).toEqual(["Đồng Tháp", "Lạng Sơn", "Quảng Bình"]);
    const dongThap = groups[0]!;
    expect(dongThap.entries.map((e) => e.id)).toEqual(["c", "e"]);
    expect(dongThap.districts.map((d) => [d.name, d.href])).toEqual([
      ["Cao Lãnh", "/dia-phuong/dong-thap/cao-lanh/"],
      ["Thanh Bình", "/dia-phuong/dong-thap/thanh-binh/"],
    ]);
    expect(groups[1]!.districts).toEqual([]);
    expect(groups[1]!.entries.map((e) => e.id)).toEqual(["b", "d"]);
  });

  it("groupByLocality throws when two names would share a URL", () => {
    expect(() => groupByLocality([entry("a", "Lạng Sơn"), entry("b", "Lang Son")])).toThrow(
      /"Lang Son" and "Lạng Sơn" both make the URL segment "lang-son"/,
    );
  });

  it("groupByTopic(entries) lists every topic, empty ones included", () => {
    const groups = groupByTopic([
      entry("a", "P", undefined, ["dai-hoi-dang", "kiem-tra-giam-sat"]),
      entry("b", "P", undefined, ["kiem-tra-giam-sat"]),
    ]);
    expect(groups.map((g) => g.id)).toEqual(TOPIC_IDS);
    expect(groups.find((g) => g.id === "kiem-tra-giam-sat")!.entries.map((e) => e.id)).toEqual([
      "a",
      "b",
    ]);
    expect(groups.find((g) => g.id === "cong-tac-can-bo")!.entries).toEqual([]);
  });
});
