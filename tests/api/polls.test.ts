// POST/GET /api/polls: one row per request shape, with the status and what changed in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollResults } from "../../src/lib/polls/view.ts";
import { POLL, startApp, voterCookie, type TestApp } from "./harness.ts";

let t: TestApp;
let cookie = "";
beforeAll(async () => {
  t = await startApp();
  // A browser that has voted already, for the "same voter again" rows.
  const res = await fetch(`${t.url}/api/polls/${POLL}/votes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ optionId: "de-su-dung" }),
  });
  cookie = voterCookie(res)!;
});
afterAll(() => t.close());

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };
const votes = `/api/polls/${POLL}/votes`;

type Row = {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Send the cookie of the browser that already voted. */
  voted?: boolean;
  body?: string;
  status: number;
  /** Rows added to poll_votes. */
  added: 0 | 1;
  error?: string;
  location?: RegExp;
  setsCookie?: boolean;
};

const rows: Row[] = [
  {
    name: "JSON vote from a new browser",
    headers: json,
    body: '{"optionId":"huu-ich"}',
    status: 201,
    added: 1,
    setsCookie: true,
  },
  {
    name: "the same browser again",
    headers: json,
    voted: true,
    body: '{"optionId":"huu-ich"}',
    status: 409,
    added: 0,
    setsCookie: false,
  },
  {
    name: "a garbled cookie is a new browser",
    headers: { ...json, cookie: "voter=not-a-uuid" },
    body: '{"optionId":"huu-ich"}',
    status: 201,
    added: 1,
    setsCookie: true,
  },
  {
    name: "unknown option",
    headers: json,
    body: '{"optionId":"khong-co"}',
    status: 400,
    added: 0,
    error: "unknown option",
  },
  {
    name: "missing option",
    headers: json,
    body: "{}",
    status: 400,
    added: 0,
    error: "unknown option",
  },
  { name: "option id not a string", headers: json, body: '{"optionId":1}', status: 400, added: 0 },
  {
    name: "broken JSON",
    headers: json,
    body: '{"optionId":',
    status: 400,
    added: 0,
    error: "body is not valid JSON",
  },
  { name: "JSON array", headers: json, body: '["huu-ich"]', status: 400, added: 0 },
  {
    name: "text/plain",
    headers: { "content-type": "text/plain" },
    body: '{"optionId":"huu-ich"}',
    status: 415,
    added: 0,
  },
  { name: "no content type", body: '{"optionId":"huu-ich"}', status: 415, added: 0 },
  {
    name: "body over 4 KB",
    headers: json,
    body: JSON.stringify({ optionId: "huu-ich", pad: "x".repeat(5000) }),
    status: 413,
    added: 0,
  },
  {
    name: "unknown poll",
    path: "/api/polls/khong-co/votes",
    headers: json,
    body: '{"optionId":"a"}',
    status: 404,
    added: 0,
    error: "unknown poll",
  },
  {
    name: "closed poll",
    path: "/api/polls/da-dong/votes",
    headers: json,
    body: '{"optionId":"a"}',
    status: 403,
    added: 0,
    error: "poll is closed",
  },
  {
    name: "poll not open yet",
    path: "/api/polls/chua-mo/votes",
    headers: json,
    body: '{"optionId":"a"}',
    status: 403,
    added: 0,
    error: "poll is not open yet",
  },
  {
    name: "Origin of another site",
    headers: { ...json, origin: "https://evil.example" },
    body: '{"optionId":"huu-ich"}',
    status: 403,
    added: 0,
  },
  {
    name: "Origin null",
    headers: { ...json, origin: "null" },
    body: '{"optionId":"huu-ich"}',
    status: 403,
    added: 0,
  },
  {
    name: "Sec-Fetch-Site cross-site",
    headers: { ...json, "sec-fetch-site": "cross-site" },
    body: '{"optionId":"huu-ich"}',
    status: 403,
    added: 0,
  },
  {
    name: "Sec-Fetch-Site same-origin",
    headers: { ...json, "sec-fetch-site": "same-origin" },
    body: '{"optionId":"phong-phu-da-dang"}',
    status: 201,
    added: 1,
  },
  { name: "GET on the votes URL", method: "GET", status: 405, added: 0 },
  { name: "PUT on a poll", method: "PUT", path: `/api/polls/${POLL}`, status: 405, added: 0 },
  {
    name: "form vote (no JavaScript)",
    headers: form,
    body: "optionId=huu-ich&returnTo=%2Ftin-tuc%2F",
    status: 303,
    added: 1,
    location: /^\/binh-chon\/\?id=danh-gia-website&ket-qua=da-ghi&tu=%2Ftin-tuc%2F#ket-qua$/,
    setsCookie: true,
  },
  {
    name: "form vote again",
    headers: form,
    voted: true,
    body: "optionId=huu-ich",
    status: 303,
    added: 0,
    location: /ket-qua=da-binh-chon/,
  },
  {
    name: "form without a choice",
    headers: form,
    body: "returnTo=%2F",
    status: 303,
    added: 0,
    location: /ket-qua=chua-chon/,
  },
  {
    name: "form to a closed poll",
    path: "/api/polls/da-dong/votes",
    headers: form,
    body: "optionId=a",
    status: 303,
    added: 0,
    location: /ket-qua=da-dong/,
  },
  {
    name: "form with a foreign return address",
    headers: form,
    body: "optionId=de-su-dung&returnTo=%2F%2Fevil.example%2F",
    status: 303,
    added: 1,
    location: /^\/binh-chon\/\?id=danh-gia-website&ket-qua=da-ghi#ket-qua$/,
  },
];

describe("POST /api/polls/:id/votes", () => {
  for (const row of rows) {
    it(`${row.name} -> ${row.status}, ${row.added} vote(s) added`, async () => {
      const before = t.counts().votes;
      const headers = { ...row.headers, ...(row.voted ? { cookie } : {}) };
      const res = await fetch(`${t.url}${row.path ?? votes}`, {
        method: row.method ?? "POST",
        headers,
        body: row.body,
        redirect: "manual",
      });
      expect(res.status).toBe(row.status);
      expect(t.counts().votes - before).toBe(row.added);
      if (row.status === 409) {
        // The contract: 409 with the unchanged results, including this browser's earlier choice.
        const body = (await res.json()) as { votedOptionId: string; participantsHere: number };
        expect(body.votedOptionId).toBe("de-su-dung");
        expect(body.participantsHere).toBe(t.counts().votes);
      } else if (row.status >= 400) {
        const body = (await res.json()) as { error: string };
        expect(typeof body.error).toBe("string");
        if (row.error) expect(body.error).toBe(row.error);
        expect(res.headers.get("set-cookie")).toBeNull();
      }
      if (row.location) expect(res.headers.get("location")).toMatch(row.location);
      if (row.setsCookie !== undefined) {
        const set = res.headers.get("set-cookie");
        if (row.setsCookie)
          expect(set).toMatch(/^voter=[0-9a-f-]{36}; .*Path=\/; HttpOnly; SameSite=Lax/);
        else expect(set).toBeNull();
      }
    });
  }
});

describe("GET /api/polls", () => {
  it("lists the polls from content/polls with their questions", async () => {
    const res = await fetch(`${t.url}/api/polls`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: string; question: string }[];
    expect(list.map((p) => p.id)).toContain(POLL);
    expect(list.find((p) => p.id === POLL)?.question).toBe(
      "Theo bạn thông tin nội dung website thế nào ?",
    );
  });

  it("keeps participants and per-option votes apart, and tells this browser's choice", async () => {
    const res = await fetch(`${t.url}/api/polls/${POLL}`, { headers: { cookie } });
    const r = (await res.json()) as {
      options: { id: string; votes: number }[];
      participants: number;
      participantsHere: number;
      priorParticipants: number;
      votedOptionId: string | null;
    };
    const sum = r.options.reduce((a, o) => a + o.votes, 0);
    expect(r.priorParticipants).toBe(126);
    expect(r.participantsHere).toBe(sum);
    expect(r.participants).toBe(126 + sum);
    expect(sum).toBe(t.counts().votes);
    expect(r.votedOptionId).toBe("de-su-dung");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("says a browser without a cookie has not voted", async () => {
    const r = (await (await fetch(`${t.url}/api/polls/${POLL}`)).json()) as {
      votedOptionId: unknown;
    };
    expect(r.votedOptionId).toBeNull();
  });

  it("answers 404 for an unknown poll and for unknown API paths", async () => {
    expect((await fetch(`${t.url}/api/polls/khong-co`)).status).toBe(404);
    const res = await fetch(`${t.url}/api/khong-co`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "not found" });
  });
});

describe("the no-JavaScript result page", () => {
  it("fills the build's poll block with live results and the vote's outcome", async () => {
    const res = await fetch(`${t.url}/binh-chon/?id=${POLL}&ket-qua=da-ghi&tu=%2Ftin-tuc%2F`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    // The fake build's block says "baked"; the server puts the database's figures in its place.
    const blocks = [...html.matchAll(/<!--poll-live-->([\s\S]*?)<!--\/poll-live-->/g)];
    expect(blocks).toHaveLength(1);
    const block = blocks[0]![1]!;
    expect(html).not.toContain("baked");
    const live = (await (
      await fetch(`${t.url}/api/polls/${POLL}`, { headers: { cookie } })
    ).json()) as PollResults;
    expect(live.options.find((o) => o.id === "de-su-dung")!.votes).toBeGreaterThan(0);
    for (const o of live.options) {
      expect(block).toContain(
        `${o.label}</span> <span class="poll-option__figure">${o.votes} phiếu`,
      );
    }
    expect(block).toMatch(/<li class="poll-option poll-option--mine"><span[^>]*>Dễ sử dụng</);
    expect(block).toContain(`+ ${live.participantsHere} người bình chọn tại đây.`);
    expect(block).toContain("Số liệu trực tiếp lúc bạn mở trang.");
    expect(html).toContain("Cảm ơn bạn, phiếu bình chọn đã được ghi nhận.");
    expect(html).toContain("126 người đã bình chọn trên trang cũ (không rõ chọn phương án nào)");
    expect(html).toContain('<a href="/tin-tuc/">');
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("never links to another site", async () => {
    const html = await (await fetch(`${t.url}/binh-chon/?tu=%2F%2Fevil.example`)).text();
    expect(html).not.toContain("evil.example");
  });
});
