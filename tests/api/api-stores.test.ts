// The public API on both stores, one row per request: the status, and what the store holds
// after it (read through the stores, so the same rows run on SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateInVietnam } from "../../src/lib/format.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { ARTICLE, BROWSER_UA, POLL, startApp, type TestApp } from "./harness.ts";

const json = { "content-type": "application/json", "user-agent": BROWSER_UA };
const form = { "content-type": "application/x-www-form-urlencoded" };

type Row = {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** What changed in the store: votes for the option, visits today, pending comments. */
  changes?: { votes?: number; visits?: number; pending?: number };
};

const ROWS: Row[] = [
  { name: "GET polls", path: "/api/polls", status: 200 },
  { name: "GET a poll", path: `/api/polls/${POLL}`, status: 200 },
  { name: "GET an unknown poll", path: "/api/polls/khong-co", status: 404 },
  {
    name: "a JSON vote",
    method: "POST",
    path: `/api/polls/${POLL}/votes`,
    headers: json,
    body: '{"optionId":"huu-ich"}',
    status: 201,
    changes: { votes: 1 },
  },
  {
    name: "a form vote (no JavaScript)",
    method: "POST",
    path: `/api/polls/${POLL}/votes`,
    headers: form,
    body: "optionId=huu-ich",
    status: 303,
    changes: { votes: 1 },
  },
  {
    name: "an unknown option",
    method: "POST",
    path: `/api/polls/${POLL}/votes`,
    headers: json,
    body: '{"optionId":"khong-co"}',
    status: 400,
  },
  {
    name: "a vote with NUL in the option",
    method: "POST",
    path: `/api/polls/${POLL}/votes`,
    headers: json,
    body: '{"optionId":"huu\\u0000ich"}',
    status: 400,
  },
  {
    name: "a page view",
    method: "POST",
    path: "/api/visits",
    headers: { ...json, "x-forwarded-for": "10.7.0.1" },
    body: '{"path":"/tin-tuc/"}',
    status: 200,
    changes: { visits: 1 },
  },
  {
    name: "a page view with NUL in the path",
    method: "POST",
    path: "/api/visits",
    headers: { ...json, "x-forwarded-for": "10.7.0.2" },
    body: '{"path":"/tin\\u0000/"}',
    status: 200,
    changes: { visits: 1 },
  },
  { name: "GET visits", path: "/api/visits", status: 200 },
  { name: "GET comments", path: `/api/comments?article=${ARTICLE}`, status: 200 },
  {
    name: "GET comments of an unknown article",
    path: "/api/comments?article=khong-co",
    status: 404,
  },
  {
    name: "a JSON comment",
    method: "POST",
    path: "/api/comments",
    headers: json,
    body: JSON.stringify({ article: ARTICLE, name: "A", text: "Ý kiến một trên mọi kho." }),
    status: 202,
    changes: { pending: 1 },
  },
  {
    name: "the same text again",
    method: "POST",
    path: "/api/comments",
    headers: json,
    body: JSON.stringify({ article: ARTICLE, name: "B", text: "Ý KIẾN MỘT, trên mọi kho!" }),
    status: 409,
  },
  {
    name: "a comment with NUL in the name",
    method: "POST",
    path: "/api/comments",
    headers: json,
    body: JSON.stringify({ article: ARTICLE, name: "A\u0000", text: "Ý kiến hai." }),
    status: 400,
  },
  {
    name: "a comment of zero-width spaces",
    method: "POST",
    path: "/api/comments",
    headers: json,
    body: JSON.stringify({ article: ARTICLE, name: "A", text: "\u200B\u200B" }),
    status: 400,
  },
  {
    name: "a cross-site comment",
    method: "POST",
    path: "/api/comments",
    headers: { ...json, origin: "https://evil.example" },
    body: JSON.stringify({ article: ARTICLE, name: "A", text: "Ý kiến ba." }),
    status: 403,
  },
  { name: "GET health", path: "/api/health", status: 200 },
];

describe.each(BACKENDS.filter((b) => b.available))("the API on $kind", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ backend, trustProxy: 1, comments: { minSeconds: 0 } });
  });
  afterAll(() => t.close());

  const state = async () => ({
    votes: (await t.stores.polls.optionVotes(POLL)).get("huu-ich") ?? 0,
    visits: (await t.stores.visits.visitTotals(isoDateInVietnam(new Date()))).today,
    pending: (await t.stores.comments.pendingComments(100)).length,
  });

  it.each(ROWS)("$name → $status", async (row) => {
    const before = await state();
    const res = await fetch(`${t.url}${row.path}`, {
      method: row.method ?? "GET",
      headers: row.headers,
      body: row.body,
      redirect: "manual",
    });
    expect(res.status).toBe(row.status);
    const after = await state();
    expect(after).toEqual({
      votes: before.votes + (row.changes?.votes ?? 0),
      visits: before.visits + (row.changes?.visits ?? 0),
      pending: before.pending + (row.changes?.pending ?? 0),
    });
  });
});
