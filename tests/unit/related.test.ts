import { describe, expect, it } from "vitest";
import {
  createOtherNewsIndex,
  createRelatedIndex,
  rankRelated,
  type RelatedInput,
} from "../../src/lib/content/related.ts";

const day = 86_400_000;
const base: RelatedInput[] = [
  { id: "a", topics: ["x", "y"], province: "P", district: "D1", time: 100 * day },
  { id: "b", topics: ["x", "y"], province: "Q", time: 10 * day },
  { id: "c", topics: ["x"], province: "P", district: "D1", time: 99 * day },
  { id: "d", topics: ["z"], province: "P", district: "D2", time: 101 * day },
  { id: "e", topics: ["z"], province: "Q" },
  { id: "f", topics: ["x"], province: "P", district: "D1", time: 50 * day },
];

describe("rankRelated", () => {
  it("rankRelated(items, id) puts shared topics before shared locality", () => {
    // b shares two topics (6 points); c and f share one topic and the district (3 + 4 = 7).
    expect(rankRelated(base, "a", 5)).toEqual(["c", "f", "b", "d", "e"]);
  });

  it("rankRelated(items, id) never returns the article itself", () => {
    for (const item of base) expect(rankRelated(base, item.id, 10)).not.toContain(item.id);
  });

  it("rankRelated(items, id, limit) returns at most limit ids", () => {
    expect(rankRelated(base, "a", 2)).toEqual(["c", "f"]);
    expect(rankRelated(base, "a", 0)).toEqual([]);
    expect(rankRelated(base, "a", 99)).toHaveLength(5);
  });

  it("breaks equal scores by nearness in time, undated last", () => {
    // For d: a, c, f all score 2 (same province only); d is at day 101.
    expect(rankRelated(base, "d", 5)).toEqual(["e", "a", "c", "f", "b"]);
  });

  it("orders undated candidates with equal scores by newest then id", () => {
    const items: RelatedInput[] = [
      { id: "self", topics: ["t"], province: "P" },
      { id: "old", topics: ["t"], province: "P", time: 1 },
      { id: "new", topics: ["t"], province: "P", time: 2 },
      { id: "none-b", topics: ["t"], province: "P" },
      { id: "none-a", topics: ["t"], province: "P" },
    ];
    expect(rankRelated(items, "self", 4)).toEqual(["new", "old", "none-a", "none-b"]);
  });

  it("counts the same district only within the same province", () => {
    const items: RelatedInput[] = [
      { id: "self", topics: ["t"], province: "P", district: "Thành phố" },
      { id: "other-province", topics: ["t"], province: "Q", district: "Thành phố" },
      { id: "same-province", topics: ["t"], province: "P" },
    ];
    expect(rankRelated(items, "self", 2)).toEqual(["same-province", "other-province"]);
  });

  it("throws on an unknown id", () => {
    expect(() => rankRelated(base, "nope", 3)).toThrow(/unknown article "nope"/);
  });

  it("createRelatedIndex agrees with a full sort on a larger collection", () => {
    const topics = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"];
    const items: RelatedInput[] = Array.from({ length: 400 }, (_, i) => ({
      id: `n${String(i).padStart(4, "0")}`,
      topics: topics.filter((_, k) => (i * 7 + k * 3) % 5 < 2),
      province: `P${i % 7}`,
      district: i % 3 === 0 ? `D${i % 4}` : undefined,
      time: i % 11 === 0 ? undefined : ((i * 37) % 101) * day,
    }));
    const related = createRelatedIndex(items);
    const points = (a: RelatedInput, b: RelatedInput) =>
      a.topics.filter((t) => b.topics.includes(t)).length * 3 +
      (a.province === b.province ? 2 + (a.district && a.district === b.district ? 2 : 0) : 0);
    for (const self of items.slice(0, 40)) {
      const expected = items
        .filter((o) => o !== self)
        .map((o) => ({
          o,
          s: points(self, o),
          d:
            self.time === undefined || o.time === undefined
              ? Infinity
              : Math.abs(self.time - o.time),
        }))
        .sort(
          (x, y) =>
            y.s - x.s ||
            (x.d === y.d ? 0 : x.d < y.d ? -1 : 1) ||
            (y.o.time ?? -Infinity) - (x.o.time ?? -Infinity) ||
            (x.o.id < y.o.id ? -1 : 1),
        )
        .slice(0, 5)
        .map((r) => r.o.id);
      expect(related(self.id, 5)).toEqual(expected);
    }
  });
});

describe("createOtherNewsIndex", () => {
  // Newest first, as sortArticles gives them; "u" is undated and sorts last.
  const inOrder: RelatedInput[] = [
    { id: "n5", topics: ["x"], province: "P", time: 50 * day },
    { id: "n4", topics: ["y"], province: "Q", time: 40 * day },
    { id: "n3", topics: ["x"], province: "P", time: 30 * day },
    { id: "n2", topics: ["x"], province: "Q", time: 20 * day },
    { id: "n1", topics: ["y"], province: "P", time: 10 * day },
    { id: "u", topics: ["x"], province: "P" },
  ];

  it("otherNews(id, limit) ranks only the articles after it in reading order", () => {
    const otherNews = createOtherNewsIndex(inOrder);
    // n4 (y, Q): n1 shares the topic (3 points), n2 the province (2); n5 is newer.
    expect(otherNews("n4", 2)).toEqual(["n1", "n2"]);
    // n5 (x, P): n3 and u score 5, the undated u after the dated n3; then n2 (3).
    expect(otherNews("n5", 3)).toEqual(["n3", "u", "n2"]);
  });

  it("otherNews(id, limit) completes the oldest articles' lists with the nearest newer ones", () => {
    const otherNews = createOtherNewsIndex(inOrder);
    expect(otherNews("n1", 3)).toEqual(["u", "n2", "n3"]);
    expect(otherNews("u", 3)).toEqual(["n1", "n2", "n3"]);
    expect(otherNews("u", 0)).toEqual([]);
  });

  it("otherNews(id, limit) never names the article itself and returns min(limit, N - 1) ids", () => {
    const otherNews = createOtherNewsIndex(inOrder);
    for (const { id } of inOrder) {
      for (const limit of [1, 5, 9]) {
        const ids = otherNews(id, limit);
        expect(ids).not.toContain(id);
        expect(new Set(ids).size).toBe(Math.min(limit, inOrder.length - 1));
      }
    }
  });

  it("a newer article changes no older article's list once there are more than `limit` of them", () => {
    const topics = ["t0", "t1", "t2", "t3"];
    const older: RelatedInput[] = Array.from({ length: 40 }, (_, i) => ({
      id: `a${String(i).padStart(2, "0")}`,
      topics: topics.filter((_, k) => (i + k) % 3 === 0),
      province: `P${i % 3}`,
      time: (100 - i) * day,
    }));
    const before = createOtherNewsIndex(older);
    const newest = { id: "moi", topics, province: "P0", time: 200 * day };
    const after = createOtherNewsIndex([newest, ...older]);
    for (const { id } of older) expect(after(id, 5), id).toEqual(before(id, 5));
  });

  it("throws on an unknown id", () => {
    expect(() => createOtherNewsIndex(inOrder)("nope", 3)).toThrow(/unknown article "nope"/);
  });
});
