import { describe, expect, it } from "vitest";
import {
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
