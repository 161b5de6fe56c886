// VisitorTracker with a hand-driven clock: visits, online window, the midnight salt change.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../../src/server/client.ts";
import { isBot, isPrefetch, VisitorTracker } from "../../../src/server/visitor.ts";

const MIN = 60_000;
// 10:00 on 1 March 2026 in Vietnam (UTC+7).
const start = Date.parse("2026-03-01T10:00:00+07:00");

function tracker() {
  const clock = { t: start };
  return { clock, v: new VisitorTracker(() => clock.t) };
}

describe("VisitorTracker", () => {
  it("see() counts a visit on the first view and not again within 30 minutes", () => {
    const { clock, v } = tracker();
    expect(v.see("a", "ua").newVisit).toBe(true);
    clock.t += 29 * MIN;
    expect(v.see("a", "ua").newVisit).toBe(false);
    // The 30 minutes run from the last view, not the first.
    clock.t += 29 * MIN;
    expect(v.see("a", "ua").newVisit).toBe(false);
    clock.t += 30 * MIN;
    expect(v.see("a", "ua").newVisit).toBe(true);
  });

  it("see() tells address and user agent pairs apart", () => {
    const { v } = tracker();
    expect(v.see("a", "ua").newVisit).toBe(true);
    expect(v.see("a", "ub").newVisit).toBe(true);
    expect(v.see("b", "ua").newVisit).toBe(true);
    expect(v.online()).toBe(3);
  });

  it("online() counts visitors seen in the last 5 minutes", () => {
    const { clock, v } = tracker();
    v.see("a", "ua");
    clock.t += 3 * MIN;
    v.see("b", "ua");
    expect(v.online()).toBe(2);
    clock.t += 2 * MIN;
    expect(v.online()).toBe(1);
    clock.t += 3 * MIN;
    expect(v.online()).toBe(0);
  });

  it("online() counts a visitor once however often they view, and from their latest view", () => {
    const { clock, v } = tracker();
    v.see("a", "ua");
    v.see("a", "ua"); // the same millisecond
    expect(v.see("a", "ua").online).toBe(1);
    clock.t += 4 * MIN;
    expect(v.see("a", "ua").online).toBe(1);
    // 5 minutes after the first views, but only 1 after the latest: still online.
    clock.t += 1 * MIN;
    expect(v.online()).toBe(1);
    clock.t += 4 * MIN;
    expect(v.online()).toBe(0);
    // Back after 9 minutes (same visit, within 30): online again, counted once.
    expect(v.see("a", "ua")).toMatchObject({ newVisit: false, online: 1 });
    clock.t += 5 * MIN;
    expect(v.online()).toBe(0);
  });

  it("online() stays exact over many visitors whose windows end at different times", () => {
    const { clock, v } = tracker();
    for (let i = 0; i < 3000; i++) {
      v.see(`10.0.${i >> 8}.${i & 255}`, "ua");
      if (i % 2 === 0) v.see(`10.0.${i >> 8}.${i & 255}`, "ua");
      clock.t += 200; // 3,000 views over 10 minutes
    }
    // Seen less than 5 minutes ago: steps 1,501 to 2,999 (step 1,500 is exactly 5 minutes old).
    expect(v.online()).toBe(1499);
    clock.t += 5 * MIN;
    expect(v.online()).toBe(0);
  });

  it("see() keeps a visit that spans midnight (Vietnam time) as one visit", () => {
    const clock = { t: Date.parse("2026-03-01T23:50:00+07:00") };
    const v = new VisitorTracker(() => clock.t);
    expect(v.see("a", "ua")).toMatchObject({ newVisit: true, day: "2026-03-01" });
    clock.t += 20 * MIN;
    expect(v.see("a", "ua")).toMatchObject({ newVisit: false, day: "2026-03-02" });
    expect(v.see("b", "ua")).toMatchObject({ newVisit: true, day: "2026-03-02" });
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
