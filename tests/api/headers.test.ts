// Every API answer, whatever its status, carries the same JSON-only security headers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLL, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const json = { "content-type": "application/json" };

const rows: { name: string; path: string; method?: string; body?: string; status: number }[] = [
  { name: "poll list", path: "/api/polls", status: 200 },
  { name: "one poll", path: `/api/polls/${POLL}`, status: 200 },
  { name: "a vote", path: `/api/polls/${POLL}/votes`, body: '{"optionId":"huu-ich"}', status: 201 },
  { name: "unknown option", path: `/api/polls/${POLL}/votes`, body: "{}", status: 400 },
  { name: "closed poll", path: "/api/polls/da-dong/votes", body: '{"optionId":"a"}', status: 403 },
  { name: "unknown poll", path: "/api/polls/khong-co", status: 404 },
  { name: "unknown API path", path: "/api/khong-co", status: 404 },
  { name: "wrong method", path: "/api/visits", method: "DELETE", status: 405 },
  { name: "visit figures", path: "/api/visits", status: 200 },
];

describe("API response headers", () => {
  for (const row of rows) {
    it(`${row.name} -> ${row.status} with nosniff, no-store, a deny-all CSP and no referrer`, async () => {
      const res = await fetch(`${t.url}${row.path}`, {
        method: row.method ?? (row.body === undefined ? "GET" : "POST"),
        headers: row.body === undefined ? {} : json,
        body: row.body,
      });
      expect(res.status).toBe(row.status);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    });
  }
});

const methodRows: { path: string; method: string; status: number; allow?: string }[] = [
  { path: "/api/polls", method: "POST", status: 405, allow: "GET, HEAD" },
  { path: `/api/polls/${POLL}`, method: "PATCH", status: 405, allow: "GET, HEAD" },
  { path: `/api/polls/${POLL}/votes`, method: "GET", status: 405, allow: "POST" },
  { path: "/api/visits", method: "PUT", status: 405, allow: "GET, HEAD, POST" },
  { path: "/api/visits/", method: "POST", status: 404 },
  { path: "/api/", method: "GET", status: 404 },
  { path: `/api/polls/${POLL}/votes/x`, method: "POST", status: 404 },
];

describe("API methods", () => {
  for (const row of methodRows) {
    it(`${row.method} ${row.path} -> ${row.status}${row.allow ? ` (Allow: ${row.allow})` : ""}`, async () => {
      const res = await fetch(`${t.url}${row.path}`, { method: row.method });
      expect(res.status).toBe(row.status);
      expect(res.headers.get("allow")).toBe(row.allow ?? null);
      expect(((await res.json()) as { error: string }).error).toBe(
        row.status === 405 ? "method not allowed" : "not found",
      );
    });
  }
});
