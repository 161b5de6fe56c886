// POST/GET /api/comments and the pages the server fills in: one row per request shape, with the
// status, the answer, and what changed in the database.
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
let db: DatabaseSync;
let clock = Date.parse("2026-12-01T03:00:00Z");
let token = "";
beforeAll(async () => {
  t = await startApp({ now: () => clock, comments: { minSeconds: 3, perHour: 0 } });
  db = new DatabaseSync(t.databasePath, { readOnly: true });
  token = (
    (await (await fetch(`${t.url}/api/comments?article=${ARTICLE}`)).json()) as { token: string }
  ).token;
  clock += 10_000;
});
afterAll(async () => {
  db.close();
  await t.close();
});

const rowsIn = () =>
  Number((db.prepare("SELECT COUNT(*) AS n FROM comments").get() as { n: number }).n);
const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };
let n = 0;
const unique = () => `Bình luận số ${++n}: bài viết rõ ràng.\nDòng thứ hai.`;

type Row = {
  name: string;
  headers?: Record<string, string>;
  /** JSON fields or form fields; `text` defaults to a fresh unique text, `token` to a valid one. */
  fields?: Record<string, unknown>;
  raw?: string;
  status: number;
  added: 0 | 1;
  code?: string;
  location?: RegExp;
  html?: string;
};

const good = { article: ARTICLE, name: "Trần Thị B", email: "b@example.vn", consent: true };
const goodForm = { ...good, consent: "on" };

const rows: Row[] = [
  { name: "JSON comment", headers: json, fields: good, status: 202, added: 1 },
  {
    name: "form comment (no JavaScript)",
    headers: form,
    fields: goodForm,
    status: 303,
    added: 1,
    location: new RegExp(`^/binh-luan/\\?bai=${ARTICLE}&ket-qua=cho-duyet$`),
  },
  {
    name: "form feedback (no article)",
    headers: form,
    fields: { ...goodForm, article: "" },
    status: 303,
    added: 1,
    location: /^\/gop-y\/\?ket-qua=cho-duyet$/,
  },
  {
    name: "JSON without email",
    headers: json,
    fields: { ...good, email: "" },
    status: 202,
    added: 1,
  },
  {
    name: "unknown article",
    headers: json,
    fields: { ...good, article: "khong-co" },
    status: 400,
    added: 0,
    code: "bai-viet",
  },
  {
    name: "article as an object",
    headers: json,
    fields: { ...good, article: {} },
    status: 400,
    added: 0,
    code: "bai-viet",
  },
  {
    name: "no name",
    headers: json,
    fields: { ...good, name: "  " },
    status: 400,
    added: 0,
    code: "ten",
  },
  {
    name: "name too long",
    headers: json,
    fields: { ...good, name: "a".repeat(101) },
    status: 400,
    added: 0,
    code: "ten",
  },
  {
    name: "bad email",
    headers: json,
    fields: { ...good, email: "khong-phai-email" },
    status: 400,
    added: 0,
    code: "email",
  },
  {
    name: "empty text",
    headers: json,
    fields: { ...good, text: " \n " },
    status: 400,
    added: 0,
    code: "noi-dung",
  },
  {
    name: "text over 2,000 characters",
    headers: json,
    fields: { ...good, text: "ả".repeat(2001) },
    status: 400,
    added: 0,
    code: "noi-dung",
  },
  {
    name: "no consent",
    headers: json,
    fields: { ...good, consent: false },
    status: 400,
    added: 0,
    code: "dong-y",
  },
  {
    name: "honeypot filled",
    headers: json,
    fields: { ...good, website: "http://spam.example" },
    status: 400,
    added: 0,
    code: "o-an",
  },
  {
    name: "the documented JSON body alone: { article, name, email, text }",
    headers: json,
    fields: { ...good, consent: undefined, token: undefined },
    status: 202,
    added: 1,
  },
  {
    name: "no consent box ticked in a form",
    headers: form,
    fields: { ...goodForm, consent: undefined },
    status: 400,
    added: 0,
    html: "Mời bạn đánh dấu ô đồng ý",
  },

  {
    name: "forged token",
    headers: json,
    fields: { ...good, token: `${clock - 60_000}.AAAA` },
    status: 400,
    added: 0,
    code: "xem-lai",
  },
  {
    name: "three links",
    headers: json,
    fields: { ...good, text: "xem http://a.example https://b.example www.c.example" },
    status: 400,
    added: 0,
    code: "lien-ket",
  },
  {
    name: "a link as the name",
    headers: json,
    fields: { ...good, name: "spam.com" },
    status: 400,
    added: 0,
    code: "lien-ket",
  },
  {
    name: "prototype keys are not fields",
    raw: `{"__proto__":{"name":"X","text":"Y","consent":true},"article":"${ARTICLE}"}`,
    headers: json,
    status: 400,
    added: 0,
    code: "ten",
  },
  {
    name: "cross-site JSON",
    headers: { ...json, origin: "https://evil.example" },
    fields: good,
    status: 403,
    added: 0,
    code: "khac-trang",
  },
  {
    name: "cross-site form gets a Vietnamese page",
    headers: { ...form, "sec-fetch-site": "cross-site" },
    fields: goodForm,
    status: 403,
    added: 0,
    html: "gửi từ một trang khác",
  },
  {
    name: "form without the token (static article) gets the form back to confirm",
    headers: form,
    fields: { ...goodForm, token: "" },
    status: 200,
    added: 0,
    html: "mời bạn đọc lại nội dung",
  },
  {
    name: "form with a bad email gets the form back, filled in",
    headers: form,
    fields: { ...goodForm, email: "sai@", name: "Tên <b>giữ lại</b>" },
    status: 400,
    added: 0,
    html: "Tên &lt;b&gt;giữ lại&lt;/b&gt;",
  },
  {
    name: "text/plain",
    headers: { "content-type": "text/plain" },
    raw: "x",
    status: 415,
    added: 0,
  },
  { name: "bad JSON", headers: json, raw: "{", status: 400, added: 0 },
  {
    name: "body over 32 KB",
    headers: json,
    raw: JSON.stringify({ ...good, text: "x".repeat(40_000) }),
    status: 413,
    added: 0,
    code: "qua-dai",
  },
];

const bodyOf = (row: Row): string => {
  if (row.raw !== undefined) return row.raw;
  // A field set to undefined in the row is left out of the request.
  const fields = Object.fromEntries(
    Object.entries({ text: unique(), token, ...row.fields }).filter(([, v]) => v !== undefined),
  );
  if (row.headers?.["content-type"] === json["content-type"]) return JSON.stringify(fields);
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
};

describe("POST /api/comments", () => {
  for (const row of rows) {
    it(`${row.name} → ${row.status}, ${row.added} row(s) added`, async () => {
      const before = rowsIn();
      const res = await fetch(`${t.url}/api/comments`, {
        method: "POST",
        headers: row.headers,
        body: bodyOf(row),
        redirect: "manual",
      });
      expect(res.status).toBe(row.status);
      expect(rowsIn() - before).toBe(row.added);
      if (row.location) expect(res.headers.get("location")).toMatch(row.location);
      const text = await res.text();
      if (row.code) expect(JSON.parse(text).code).toBe(row.code);
      if (row.html) {
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        expect(text).toContain(row.html);
      }
      if (row.status === 202) {
        const body = JSON.parse(text);
        expect(body).toEqual({ id: expect.any(Number), status: "pending" });
      }
      // A refusal's error is Vietnamese and says what to do.
      if (row.code)
        expect(JSON.parse(text).error).toMatch(
          /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/,
        );
    });
  }

  it("the same text again (spacing and case aside) → 409, nothing added", async () => {
    const text = "Một ý kiến   riêng.\nCảm ơn.";
    const send = (body: string) =>
      fetch(`${t.url}/api/comments`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ ...good, token, text: body }),
      });
    expect((await send(text)).status).toBe(202);
    const before = rowsIn();
    const res = await send("một ý kiến riêng cảm ơn");
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe("trung");
    expect(rowsIn()).toBe(before);
  });

  it("a form sent too soon after the page was shown → 400, nothing added", async () => {
    const fresh = (
      (await (await fetch(`${t.url}/api/comments?article=${ARTICLE}`)).json()) as {
        token: string;
      }
    ).token;
    const before = rowsIn();
    const res = await fetch(`${t.url}/api/comments`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ ...good, token: fresh, text: unique() }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("qua-nhanh");
    expect(rowsIn()).toBe(before);
  });
});

describe("GET /api/comments and /binh-luan/", () => {
  it("shows nothing until approved, then name, text and time but never the email", async () => {
    const xss = `<script>alert(1)</script><img src=x onerror=alert(2)> **đậm** http://x.example\nDòng 2`;
    const sent = await fetch(`${t.url}/api/comments`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ ...good, token, text: xss, email: "rieng-tu@example.vn" }),
    });
    const { id } = (await sent.json()) as { id: number };
    const list = async () =>
      (await (await fetch(`${t.url}/api/comments?article=${ARTICLE}`)).json()) as {
        comments: { id: number; text: string }[];
      };
    expect((await list()).comments.map((c) => c.id)).not.toContain(id);
    await t.stores.comments.decideComments([id], "approved", "bientap", new Date(clock));
    const after = await list();
    const shown = after.comments.find((c) => c.id === id)!;
    expect(shown).toEqual({ id, name: good.name, text: xss, createdAt: expect.any(String) });
    expect(JSON.stringify(after)).not.toContain("@example.vn");

    const page = await fetch(`${t.url}/binh-luan/?bai=${ARTICLE}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;",
    );
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain('href="http://x.example');
    expect(html).not.toContain("@example.vn");
    expect(html).toContain("Bình luận: Bài thử");
    expect(html).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/time>/);
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("after a form comment the page says it awaits moderation, with a link back", async () => {
    const html = await (await fetch(`${t.url}/binh-luan/?bai=${ARTICLE}&ket-qua=cho-duyet`)).text();
    expect(html).toContain("đang chờ duyệt");
    expect(html).toContain(`href="/tin-tuc/${ARTICLE}/"`);
  });

  it("/gop-y/ has the feedback form with a token and the configured retention", async () => {
    const html = await (await fetch(`${t.url}/gop-y/`)).text();
    expect(html).toMatch(/name="token" value="\d+\.[\w-]+"/);
    expect(html).not.toContain('name="article"');
    expect(html).toContain("<!--retention-days-->180<!--/retention-days-->");
  });

  it.each([
    ["", 400],
    ["?article=khong-co", 404],
    ["?article=constructor", 404],
  ])("GET /api/comments%s → %i", async (query, status) => {
    expect((await fetch(`${t.url}/api/comments${query}`)).status).toBe(status);
  });

  it("/binh-luan/ for an unknown article → 404 page in Vietnamese", async () => {
    const res = await fetch(`${t.url}/binh-luan/?bai=__proto__`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Không có bài viết này");
  });

  it("PUT /api/comments → 405 with Allow", async () => {
    const res = await fetch(`${t.url}/api/comments`, { method: "PUT" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
  });
});

describe("per-address limit", () => {
  it("the API's per-minute limit counts comment posts too → 429, as a page for a form", async () => {
    // A fixed clock: both posts in one minute's window, however close to a minute's end it runs.
    const now = Date.parse("2026-12-01T03:00:30Z");
    const app = await startApp({
      now: () => now,
      rateLimitPerMinute: 1,
      comments: { minSeconds: 0 },
    });
    try {
      const post = (headers: Record<string, string>, body: string) =>
        fetch(`${app.url}/api/comments`, { method: "POST", headers, body });
      expect((await post(json, "{}")).status).toBe(400);
      const res = await post(json, "{}");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await res.json()) as { code: string }).code).toBe("qua-nhieu");
      const page = await post(form, `article=${ARTICLE}&name=A&text=B`);
      expect(page.status).toBe(429);
      expect(await page.text()).toContain("thử lại sau khoảng");
    } finally {
      await app.close();
    }
  });

  it("the third comment in an hour → 429 with Retry-After and when to come back; nothing added", async () => {
    let now = Date.parse("2026-12-01T03:00:00Z");
    const app = await startApp({ now: () => now, comments: { minSeconds: 0, perHour: 2 } });
    try {
      const tok = (
        (await (await fetch(`${app.url}/api/comments?article=${ARTICLE}`)).json()) as {
          token: string;
        }
      ).token;
      const send = (i: number) =>
        fetch(`${app.url}/api/comments`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({ ...good, token: tok, text: `Ý kiến ${i}` }),
        });
      expect((await send(1)).status).toBe(202);
      now += 10 * 60_000;
      expect((await send(2)).status).toBe(202);
      const res = await send(3);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe(String(50 * 60));
      expect(((await res.json()) as { error: string }).error).toContain("khoảng 50 phút");
      const reader = new DatabaseSync(app.databasePath, { readOnly: true });
      expect(reader.prepare("SELECT COUNT(*) AS n FROM comments").get()).toEqual({ n: 2 });
      reader.close();
      now += 51 * 60_000;
      expect((await send(4)).status).toBe(202);
    } finally {
      await app.close();
    }
  });
});
