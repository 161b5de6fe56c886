// "Các tin khác": other articles, most related first, with one cheap linear pass per article.
// On the article pages they come from articles older than the one shown (as on the source
// sites), so publishing a new article changes no older article's page.
import type { ArticleData } from "./article-schema.ts";
import { articleDate } from "./articles.ts";

/** What the ranking looks at; `time` is the publication instant in ms, absent when the source gives none. */
export type RelatedInput = {
  id: string;
  topics: readonly string[];
  province: string;
  district?: string | undefined;
  time?: number | undefined;
};

/** Points for each topic two articles share. */
export const SHARED_TOPIC_POINTS = 3;
/** Points for the same province; the same district (within it) earns as much again. */
export const SAME_PROVINCE_POINTS = 2;
export const SAME_DISTRICT_POINTS = 2;

type Prepared = {
  id: string;
  mask: number;
  province: string;
  district: string | undefined;
  time: number | undefined;
};

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** Relatedness of two articles: shared topics first, then shared locality. */
function score(a: Prepared, b: Prepared): number {
  let s = popcount(a.mask & b.mask) * SHARED_TOPIC_POINTS;
  if (a.province === b.province) {
    s += SAME_PROVINCE_POINTS;
    if (a.district !== undefined && a.district === b.district) s += SAME_DISTRICT_POINTS;
  }
  return s;
}

/** Distance in time; unknown when either side is undated, which sorts after any known distance. */
function distance(a: Prepared, b: Prepared): number {
  return a.time === undefined || b.time === undefined ? Infinity : Math.abs(a.time - b.time);
}

type Ranked = { item: Prepared; score: number; distance: number };

/** True when x ranks before y: higher score, then nearer in time, then newer, then id. */
function before(x: Ranked, y: Ranked): boolean {
  if (x.score !== y.score) return x.score > y.score;
  if (x.distance !== y.distance) return x.distance < y.distance;
  const tx = x.item.time ?? -Infinity;
  const ty = y.item.time ?? -Infinity;
  if (tx !== ty) return tx > ty;
  return x.item.id < y.item.id;
}

/** The `limit` articles of `candidates[from…]` most related to `current`, best first. */
function topRelated(
  current: Prepared,
  candidates: readonly Prepared[],
  from: number,
  limit: number,
): Prepared[] {
  const top: Ranked[] = [];
  if (limit <= 0) return [];
  for (let k = from; k < candidates.length; k++) {
    const item = candidates[k]!;
    if (item === current) continue;
    const s = score(current, item);
    // Most articles lose to the current worst on score alone: skip them without allocating.
    if (top.length === limit && s < top[limit - 1]!.score) continue;
    const candidate = { item, score: s, distance: distance(current, item) };
    if (top.length === limit && !before(candidate, top[limit - 1]!)) continue;
    // Insertion into a short sorted list: the worst entry falls off the end.
    if (top.length < limit) top.push(candidate);
    let i = top.length - 1;
    while (i > 0 && before(candidate, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = candidate;
  }
  return top.map((r) => r.item);
}

function prepare(items: readonly RelatedInput[]): Prepared[] {
  const topicBits = new Map<string, number>();
  const bit = (topic: string) => {
    let b = topicBits.get(topic);
    if (b === undefined) {
      // 31 distinct topics fit one int32 mask; beyond that, topics share bits (only a little less precise).
      b = 1 << topicBits.size % 31;
      topicBits.set(topic, b);
    }
    return b;
  };
  return items.map((item) => ({
    id: item.id,
    mask: item.topics.reduce((m, t) => m | bit(t), 0),
    province: item.province,
    district: item.district,
    time: item.time,
  }));
}

/**
 * Builds a ranking over all articles once; `related(id, limit)` then returns the ids of the
 * `limit` most related other articles in O(N · limit) without sorting the whole collection.
 */
export function createRelatedIndex(items: readonly RelatedInput[]) {
  const prepared = prepare(items);
  const byId = new Map(prepared.map((p) => [p.id, p]));

  return function related(id: string, limit: number): string[] {
    const current = byId.get(id);
    if (current === undefined) throw new Error(`related(): unknown article "${id}"`);
    return topRelated(current, prepared, 0, limit).map((p) => p.id);
  };
}

/**
 * "Các tin khác" for each article of `itemsInReadingOrder` (newest first, as sortArticles gives):
 * the `limit` most related of the articles after it in that order (older, or undated), so an
 * article published later never changes an earlier one's list. The few oldest articles, which
 * have fewer older ones than `limit`, are completed with the articles just before them in the
 * order (nearest first): those too stay the same when a newer article arrives.
 */
export function createOtherNewsIndex(itemsInReadingOrder: readonly RelatedInput[]) {
  const prepared = prepare(itemsInReadingOrder);
  const position = new Map(prepared.map((p, i) => [p.id, i]));

  return function otherNews(id: string, limit: number): string[] {
    const at = position.get(id);
    if (at === undefined) throw new Error(`otherNews(): unknown article "${id}"`);
    const older = topRelated(prepared[at]!, prepared, at + 1, limit);
    const newer = prepared.slice(Math.max(0, at - (limit - older.length)), at).reverse();
    return [...older, ...newer].map((p) => p.id);
  };
}

/** One-off convenience: the ids of the `limit` articles most related to `id`. */
export function rankRelated(items: readonly RelatedInput[], id: string, limit: number): string[] {
  return createRelatedIndex(items)(id, limit);
}

/** The ranking's view of an article: its topics, place and publication instant (if the source gives one). */
export function relatedInput(entry: { id: string; data: ArticleData }): RelatedInput {
  return {
    id: entry.id,
    topics: entry.data.topics,
    province: entry.data.locality.province,
    district: entry.data.locality.district,
    time: articleDate(entry.data)?.getTime(),
  };
}
