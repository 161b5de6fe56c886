// POST/GET /api/visits: one row per request shape, with the status and what was counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_UA, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ trustProxy: 1 });
});
afterAll(() => t.close());

type Row = {
  name: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** Visits added to the database. */
  added: 0 | 1;
  counted?: boolean;
};

const json = { "content-type": "application/json", "user-agent": BROWSER_UA };
const page = '{"path":"/tin-tuc/"}';
// TRUST_PROXY=1: each row's visitor is the X-Forwarded-For address.
const from = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

const rows: Row[] = [
  {
    name: "first page view",
    headers: { ...json, ...from(1) },
    body: page,
    status: 200,
    added: 1,
    counted: true,
  },
  {
    name: "second page view within 30 minutes",
    headers: { ...json, ...from(1) },
    body: '{"path":"/"}',
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "same address, another browser",
    headers: { ...json, ...from(1), "user-agent": `${BROWSER_UA} Edg/156` },
    body: page,
    status: 200,
    added: 1,
    counted: true,
  },
  {
    name: "a crawler",
    headers: {
      ...json,
      ...from(2),
      "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)",
    },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "a link preview",
    headers: { ...json, ...from(3), "user-agent": "facebookexternalhit/1.1" },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "headless Chrome",
    headers: { ...json, ...from(4), "user-agent": "Mozilla/5.0 HeadlessChrome/156.0" },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "no user agent",
    headers: { "content-type": "application/json", ...from(5) },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "Sec-Purpose: prefetch",
    headers: { ...json, ...from(6), "sec-purpose": "prefetch;prerender" },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "Purpose: prefetch",
    headers: { ...json, ...from(7), purpose: "prefetch" },
    body: page,
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "sendBeacon's default text/plain",
    headers: { ...json, ...from(8), "content-type": "text/plain;charset=UTF-8" },
    body: page,
    status: 415,
    added: 0,
  },
  {
    name: "a form body",
    headers: { ...json, ...from(8), "content-type": "application/x-www-form-urlencoded" },
    body: "path=%2F",
    status: 415,
    added: 0,
  },
  { name: "no path", headers: { ...json, ...from(8) }, body: "{}", status: 400, added: 0 },
  {
    name: "path not on this site",
    headers: { ...json, ...from(8) },
    body: '{"path":"https://evil.example/"}',
    status: 400,
    added: 0,
  },
  { name: "broken JSON", headers: { ...json, ...from(8) }, body: "{", status: 400, added: 0 },
  {
    name: "body over 4 KB",
    headers: { ...json, ...from(8) },
    body: JSON.stringify({ path: `/${"x".repeat(5000)}` }),
    status: 413,
    added: 0,
  },
  {
    name: "Origin of another site",
    headers: { ...json, ...from(8), origin: "https://evil.example" },
    body: page,
    status: 403,
    added: 0,
  },
  {
    name: "Sec-Fetch-Site cross-site",
    headers: { ...json, ...from(8), "sec-fetch-site": "cross-site" },
    body: page,
    status: 403,
    added: 0,
  },
  { name: "DELETE", method: "DELETE", headers: from(8), status: 405, added: 0 },
  {
    name: "GET counts nothing",
    method: "GET",
    headers: { ...json, ...from(9) },
    status: 200,
    added: 0,
    counted: false,
  },
  {
    name: "the refused visitor is still new afterwards",
    headers: { ...json, ...from(8) },
    body: page,
    status: 200,
    added: 1,
    counted: true,
  },
];

describe("POST /api/visits", () => {
  for (const row of rows) {
    it(`${row.name} -> ${row.status}, ${row.added} visit(s) added`, async () => {
      const before = t.counts().visits;
      const res = await fetch(`${t.url}/api/visits`, {
        method: row.method ?? "POST",
        headers: row.headers,
        body: row.body,
      });
      expect(res.status).toBe(row.status);
      expect(t.counts().visits - before).toBe(row.added);
      const body = (await res.json()) as Record<string, unknown>;
      if (row.status === 200) {
        expect(body.counted).toBe(row.counted);
        expect(body.today).toBe(t.counts().visits);
        expect(body.total).toBe(6_264_685 + t.counts().visits);
      } else {
        expect(typeof body.error).toBe("string");
      }
    });
  }

  it("reports the distinct visitors of the last 5 minutes as online", async () => {
    const res = await fetch(`${t.url}/api/visits`);
    const body = (await res.json()) as { online: number };
    // Counted visitors above: .1 (two browsers) and .8; bots and prefetches are not visitors.
    expect(body.online).toBe(3);
  });
});

describe("client address", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", async () => {
    const direct = await startApp({ trustProxy: 0 });
    try {
      for (const n of [1, 2, 3]) {
        await fetch(`${direct.url}/api/visits`, {
          method: "POST",
          headers: { ...json, "x-forwarded-for": `203.0.113.${n}` },
          body: page,
        });
      }
      expect(direct.counts().visits).toBe(1);
    } finally {
      await direct.close();
    }
  });

  it("takes the right-most X-Forwarded-For entry behind one proxy", async () => {
    // The client forges the left entry; nginx appends the real one on the right.
    for (const forged of ["10.0.0.1", "10.0.0.2"]) {
      await fetch(`${t.url}/api/visits`, {
        method: "POST",
        headers: { ...json, "x-forwarded-for": `${forged}, 192.0.2.50` },
        body: page,
      });
    }
    const res = await fetch(`${t.url}/api/visits`, {
      method: "POST",
      headers: { ...json, "x-forwarded-for": "192.0.2.50" },
      body: page,
    });
    expect(((await res.json()) as { counted: boolean }).counted).toBe(false);
  });
});

describe("rate limit", () => {
  it("refuses POSTs over RATE_LIMIT_PER_MINUTE per address with 429 and counts nothing", async () => {
    const limited = await startApp({ rateLimitPerMinute: 3, trustProxy: 1 });
    try {
      const post = (ip: string, ua: string) =>
        fetch(`${limited.url}/api/visits`, {
          method: "POST",
          headers: { ...json, "user-agent": ua, "x-forwarded-for": ip },
          body: page,
        });
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await post("192.0.2.1", `${BROWSER_UA} n${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await post("192.0.2.1", BROWSER_UA);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(limited.counts().visits).toBe(3);
      const vote = await fetch(`${limited.url}/api/polls/danh-gia-website/votes`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.1" },
        body: '{"optionId":"huu-ich"}',
      });
      expect(vote.status).toBe(429);
      expect(vote.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await vote.json()).toEqual({ error: "too many requests; try again in a minute" });
      expect(limited.counts().votes).toBe(0);
      // Another address is not affected.
      expect((await post("192.0.2.2", BROWSER_UA)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("a form vote over the rate limit", () => {
  it("gets the poll page (HTML, 429) saying the vote was not recorded, not the API's JSON", async () => {
    const limited = await startApp({ rateLimitPerMinute: 1, trustProxy: 1 });
    try {
      const send = (optionId: string) =>
        fetch(`${limited.url}/api/polls/danh-gia-website/votes`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": "192.0.2.10",
          },
          body: `optionId=${optionId}&returnTo=%2Ftin-tuc%2F`,
          redirect: "manual",
        });
      expect((await send("huu-ich")).status).toBe(303);
      const res = await send("de-su-dung");
      expect(res.status).toBe(429);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain("phiếu chưa được ghi");
      // The live results replace the baked block: one vote so far (the first post).
      expect(html).not.toContain("<!--poll-live-->baked");
      expect(html).toContain("1 người bình chọn tại đây");
      expect(limited.counts().votes).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe("Retry-After on 429", () => {
  // A fixed clock 45.5 s into a minute: 14.5 s of the window are left, answered as 15.
  const now = () => Date.parse("2026-03-01T10:00:45.500+07:00");
  const rows = [
    { name: "a visit", path: "/api/visits", headers: json, body: page },
    {
      name: "a vote",
      path: "/api/polls/danh-gia-website/votes",
      headers: { "content-type": "application/json" },
      body: '{"optionId":"huu-ich"}',
    },
    {
      name: "a form vote",
      path: "/api/polls/danh-gia-website/votes",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "optionId=huu-ich",
    },
  ];
  for (const row of rows) {
    it(`${row.name} over the limit -> 429 with Retry-After: 15 (seconds left in the window)`, async () => {
      const limited = await startApp({ rateLimitPerMinute: 1, trustProxy: 1, now });
      try {
        const send = () =>
          fetch(`${limited.url}${row.path}`, {
            method: "POST",
            headers: { ...row.headers, "x-forwarded-for": "192.0.2.9" },
            body: row.body,
            redirect: "manual",
          });
        const first = await send();
        expect(first.status).not.toBe(429);
        expect(first.headers.get("retry-after")).toBeNull();
        const before = limited.counts();
        const res = await send();
        expect(res.status).toBe(429);
        expect(res.headers.get("retry-after")).toBe("15");
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(limited.counts()).toEqual(before);
      } finally {
        await limited.close();
      }
    });
  }
});
