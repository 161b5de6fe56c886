// VisitorTracker with a hand-driven clock, on both stores: visits, the online window, the
// midnight salt change, and one visitor seen by two nodes sharing VISITOR_SECRET.
import { afterEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../../src/server/http/client.ts";
import type { Stores } from "../../../src/server/store/types.ts";
import {
  DailySalts,
  isBot,
  isPrefetch,
  VisitorTracker,
} from "../../../src/server/visits/visitor.ts";
import { BACKENDS, type TestStoreTarget } from "../../helpers/stores.ts";

const MIN = 60_000;
// 10:00 on 1 March 2026 in Vietnam (UTC+7).
const start = Date.parse("2026-03-01T10:00:00+07:00");
const SECRET = "a-secret-every-node-shares-0123456789";

describe("DailySalts", () => {
  it("derives the same salt for a day from the same secret, another for another day", () => {
    const a = new DailySalts(SECRET);
    const b = new DailySalts(SECRET);
    expect(a.saltOf("2026-03-01")).toBe(b.saltOf("2026-03-01"));
    expect(a.saltOf("2026-03-01")).not.toBe(a.saltOf("2026-03-02"));
    expect(a.saltOf("2026-03-01")).not.toBe(new DailySalts(`${SECRET}x`).saltOf("2026-03-01"));
    expect(a.saltOf("2026-03-01")).not.toContain(SECRET);
  });

  it("without a secret makes a random salt per node and day, and keeps two days", () => {
    const a = new DailySalts();
    expect(a.saltOf("2026-03-01")).toMatch(/^[0-9a-f]{64}$/);
    expect(a.saltOf("2026-03-01")).toBe(a.saltOf("2026-03-01"));
    expect(a.saltOf("2026-03-01")).not.toBe(new DailySalts().saltOf("2026-03-01"));
    expect(a.saltOf("2026-02-28", false)).toBeUndefined();
    a.saltOf("2026-03-02");
    a.saltOf("2026-03-03");
    expect(a.saltOf("2026-03-01", false)).toBeUndefined();
    expect(a.saltOf("2026-03-02", false)).toBeDefined();
  });
});

describe.each(BACKENDS)("VisitorTracker on $kind", (backend) => {
  const opened: { store: Stores; dispose?: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const { store, dispose } of opened.splice(0)) {
      await store.close();
      await dispose?.();
    }
  });
  /** A tracker on a fresh database, or on `shared`'s database (another node). */
  async function tracker(options: { t?: number; secret?: string; shared?: TestStoreTarget } = {}) {
    const clock = { t: options.t ?? start };
    const target = options.shared ?? (await backend.create());
    const store = await target.open();
    opened.push({ store, dispose: options.shared ? undefined : () => target.dispose() });
    const v = new VisitorTracker(store.visits, { now: () => clock.t, secret: options.secret });
    return { clock, target, v };
  }
  const test = it.runIf(backend.available);

  test("see() counts a visit on the first view and not again within 30 minutes", async () => {
    const { clock, v } = await tracker();
    expect((await v.see("a", "ua")).newVisit).toBe(true);
    clock.t += 29 * MIN;
    expect((await v.see("a", "ua")).newVisit).toBe(false);
    // The 30 minutes run from the last view, not the first.
    clock.t += 29 * MIN;
    expect((await v.see("a", "ua")).newVisit).toBe(false);
    clock.t += 30 * MIN;
    expect((await v.see("a", "ua")).newVisit).toBe(true);
  });

  test("see() tells address and user agent pairs apart", async () => {
    const { v } = await tracker();
    expect((await v.see("a", "ua")).newVisit).toBe(true);
    expect((await v.see("a", "ub")).newVisit).toBe(true);
    expect((await v.see("b", "ua")).newVisit).toBe(true);
    expect(await v.online()).toBe(3);
  });

  test("online() counts visitors seen in the last 5 minutes", async () => {
    const { clock, v } = await tracker();
    await v.see("a", "ua");
    clock.t += 3 * MIN;
    await v.see("b", "ua");
    expect(await v.online()).toBe(2);
    clock.t += 2 * MIN;
    expect(await v.online()).toBe(1);
    clock.t += 3 * MIN;
    expect(await v.online()).toBe(0);
  });

  test("online() counts a visitor once however often they view, and from their latest view", async () => {
    const { clock, v } = await tracker();
    await v.see("a", "ua");
    await v.see("a", "ua"); // the same millisecond
    expect((await v.see("a", "ua")).online).toBe(1);
    clock.t += 4 * MIN;
    expect((await v.see("a", "ua")).online).toBe(1);
    // 5 minutes after the first views, but only 1 after the latest: still online.
    clock.t += 1 * MIN;
    expect(await v.online()).toBe(1);
    clock.t += 4 * MIN;
    expect(await v.online()).toBe(0);
    // Back after 9 minutes (same visit, within 30): online again, counted once.
    expect(await v.see("a", "ua")).toMatchObject({ newVisit: false, online: 1 });
    clock.t += 5 * MIN;
    expect(await v.online()).toBe(0);
  });

  // 4,500 sequential views: on PostgreSQL each is a transaction of a few round trips.
  test(
    "online() stays exact over many visitors whose windows end at different times",
    { timeout: 180_000 },
    async () => {
      const { clock, v } = await tracker();
      for (let i = 0; i < 3000; i++) {
        await v.see(`10.0.${i >> 8}.${i & 255}`, "ua");
        if (i % 2 === 0) await v.see(`10.0.${i >> 8}.${i & 255}`, "ua");
        clock.t += 200; // 3,000 views over 10 minutes
      }
      // Seen less than 5 minutes ago: steps 1,501 to 2,999 (step 1,500 is exactly 5 minutes old).
      expect(await v.online()).toBe(1499);
      clock.t += 5 * MIN;
      expect(await v.online()).toBe(0);
    },
  );

  test("see() keeps a visit that spans midnight (Vietnam time) as one visit", async () => {
    const { clock, v } = await tracker({ t: Date.parse("2026-03-01T23:50:00+07:00") });
    expect(await v.see("a", "ua")).toMatchObject({ newVisit: true, day: "2026-03-01" });
    clock.t += 20 * MIN;
    expect(await v.see("a", "ua")).toMatchObject({ newVisit: false, day: "2026-03-02" });
    expect(await v.see("b", "ua")).toMatchObject({ newVisit: true, day: "2026-03-02" });
  });

  test("two nodes with one VISITOR_SECRET on one database count a reader once", async () => {
    const one = await tracker({ secret: SECRET });
    const two = await tracker({ secret: SECRET, shared: one.target });
    expect(await one.v.see("a", "ua")).toMatchObject({ newVisit: true, online: 1, today: 1 });
    expect(await two.v.see("a", "ua")).toMatchObject({ newVisit: false, online: 1, today: 1 });
    expect(await two.v.see("b", "ua")).toMatchObject({ newVisit: true, online: 2, today: 2 });
    expect(await one.v.online()).toBe(2);
    // Across midnight too: node two continues the visit node one began before it.
    const late = await tracker({ t: Date.parse("2026-03-01T23:50:00+07:00"), secret: SECRET });
    const other = await tracker({
      t: Date.parse("2026-03-02T00:10:00+07:00"),
      secret: SECRET,
      shared: late.target,
    });
    expect((await late.v.see("c", "ua")).newVisit).toBe(true);
    expect((await other.v.see("c", "ua")).newVisit).toBe(false);
  });

  test("without the secret each node has its own salt, so two nodes count a reader twice", async () => {
    const one = await tracker();
    const two = await tracker({ shared: one.target });
    expect((await one.v.see("a", "ua")).newVisit).toBe(true);
    expect((await two.v.see("a", "ua")).newVisit).toBe(true);
  });
});

describe("isBot / isPrefetch", () => {
  it.each([
    ["Googlebot/2.1 (+http://www.google.com/bot.html)", true],
    ["Mozilla/5.0 (compatible; bingbot/2.0)", true],
    ["facebookexternalhit/1.1", true],
    ["Mozilla/5.0 HeadlessChrome/156.0", true],
    ["curl/8.5.0", true],
    ["", true],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36",
      false,
    ],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", false],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", false],
  ])("isBot(%j) is %s", (ua, expected) => {
    expect(isBot(ua)).toBe(expected);
  });

  it("isPrefetch() reads Sec-Purpose, Purpose and X-Moz", () => {
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(new Headers({ purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "x-moz": "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ accept: "text/html" }))).toBe(false);
  });
});

describe("RateLimiter", () => {
  it("allow() lets `limit` requests per address through each minute", () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter(2, () => clock.t);
    expect([1, 2, 3].map(() => limiter.allow("a"))).toEqual([true, true, false]);
    expect(limiter.allow("b")).toBe(true);
    clock.t += 60_000;
    expect(limiter.allow("a")).toBe(true);
  });

  it.each([
    [0, 60],
    [1, 60],
    [45_000, 15],
    [59_001, 1],
    [59_999, 1],
    [60_000, 60],
  ])("retryAfterSeconds() at %i ms into the minute is %i", (t, seconds) => {
    expect(new RateLimiter(2, () => t).retryAfterSeconds()).toBe(seconds);
  });

  it("allow() always says yes when the limit is 0", () => {
    const limiter = new RateLimiter(0);
    expect(Array.from({ length: 1000 }, () => limiter.allow("a")).every(Boolean)).toBe(true);
  });
});
