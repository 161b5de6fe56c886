// Staff moderation at /quan-tri/: sign-in, sessions, CSRF, throttling, decisions, headers.
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/staff/password.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";

const PASSWORD = "mat-khau-du-dai-1";
let t: TestApp;
let db: DatabaseSync;
let clock = Date.parse("2026-12-01T03:00:00Z");
beforeAll(async () => {
  t = await startApp({ now: () => clock });
  db = new DatabaseSync(t.databasePath, { readOnly: true });
  const hash = await hashPassword(PASSWORD);
  for (const user of ["bientap", "duyet2", "khoa"])
    await t.stores.staff.putStaffAccount(user, hash, new Date(clock));
}, 60_000);
afterAll(async () => {
  db.close();
  await t.close();
});

const form = { "content-type": "application/x-www-form-urlencoded" };
const one = (sql: string, ...args: (string | number)[]) =>
  db.prepare(sql).get(...args) as Record<string, unknown>;
const count = (sql: string, ...args: (string | number)[]) => Number(one(sql, ...args).n);

async function signinForm(app = t, cookie = "") {
  const res = await fetch(`${app.url}/quan-tri/`, { headers: cookie ? { cookie } : {} });
  const pre = cookiesOf(res);
  return { cookie: [cookie, pre].filter(Boolean).join("; "), csrf: csrfOf(await res.text()) };
}

async function signIn(username = "bientap", password = PASSWORD, app = t, cookie = "") {
  const f = await signinForm(app, cookie);
  const res = await fetch(`${app.url}/quan-tri/dang-nhap`, {
    method: "POST",
    headers: { ...form, cookie: f.cookie },
    body: new URLSearchParams({ csrf: f.csrf, username, password }).toString(),
    redirect: "manual",
  });
  return { res, cookie: cookiesOf(res) };
}

async function queue(cookie: string) {
  const res = await fetch(`${t.url}/quan-tri/`, { headers: { cookie } });
  const html = await res.text();
  return { res, html, csrf: csrfOf(html) };
}

async function addComment(text: string, article: string | null = ARTICLE) {
  const r = await t.stores.comments.addComment({
    kind: article ? "comment" : "feedback",
    article,
    name: "Bạn đọc",
    email: "doc@example.vn",
    text,
    textHash: `hash-${text}`,
    at: new Date(clock - 5 * 60_000),
  });
  if (r.status !== "added") throw new Error("not added");
  return r.id;
}

const decide = (cookie: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return fetch(`${t.url}/quan-tri/quyet-dinh`, {
    method: "POST",
    headers: { ...form, cookie },
    body: body.toString(),
    redirect: "manual",
  });
};
const statusOf = (id: number) => one("SELECT status FROM comments WHERE id = ?", id).status;

describe("/quan-tri/ without a session", () => {
  it("shows only the sign-in form: no queue, no reader data", async () => {
    await addComment("Chưa ai được thấy nội dung này");
    const res = await fetch(`${t.url}/quan-tri/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Đăng nhập quản trị");
    expect(html).not.toContain("Chưa ai được thấy");
    expect(html).not.toContain("doc@example.vn");
  });

  it.each([
    ["GET", "/quan-tri/"],
    ["GET", "/quan-tri"],
    ["GET", "/quan-tri/khong-co"],
    ["POST", "/quan-tri/dang-nhap"],
    ["POST", "/quan-tri/quyet-dinh"],
    ["POST", "/quan-tri/dang-xuat"],
  ])("%s %s is no-store and noindex", async (method, path) => {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: method === "POST" ? form : {},
      body: method === "POST" ? "" : undefined,
      redirect: "manual",
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  });

  it("a decision without a session → 403 page, nothing changes", async () => {
    const id = await addComment("Không phiên");
    const res = await decide("", { mot: `approved:${id}`, csrf: "x" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("mời đăng nhập lại");
    expect(statusOf(id)).toBe("pending");
  });
});

describe("sign-in", () => {
  it("without or with a wrong CSRF token → 403, no session", async () => {
    const sessions = count("SELECT COUNT(*) AS n FROM staff_sessions");
    const f = await signinForm();
    for (const body of [
      { username: "bientap", password: PASSWORD } as Record<string, string>,
      { username: "bientap", password: PASSWORD, csrf: "sai" },
    ]) {
      const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
        method: "POST",
        headers: { ...form, cookie: f.cookie },
        body: new URLSearchParams(body).toString(),
        redirect: "manual",
      });
      expect(res.status).toBe(403);
    }
    // A token without its browser's cookie is refused too.
    const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: form,
      body: new URLSearchParams({
        csrf: f.csrf,
        username: "bientap",
        password: PASSWORD,
      }).toString(),
    });
    expect(res.status).toBe(403);
    expect(count("SELECT COUNT(*) AS n FROM staff_sessions")).toBe(sessions);
  });

  it("a sign-in sent as JSON, not a form → a Vietnamese 400 page, no session", async () => {
    const f = await signinForm();
    const sessions = count("SELECT COUNT(*) AS n FROM staff_sessions");
    const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: f.cookie },
      body: JSON.stringify({ csrf: f.csrf, username: "bientap", password: PASSWORD }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("phải gửi từ biểu mẫu trên trang quản trị");
    expect(count("SELECT COUNT(*) AS n FROM staff_sessions")).toBe(sessions);
  });

  it("cross-site → 403 page", async () => {
    const f = await signinForm();
    const res = await fetch(`${t.url}/quan-tri/dang-nhap`, {
      method: "POST",
      headers: { ...form, cookie: f.cookie, origin: "https://evil.example" },
      body: new URLSearchParams({
        csrf: f.csrf,
        username: "bientap",
        password: PASSWORD,
      }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("a wrong password → 401 and the form again; the attempt is logged", async () => {
    const { res } = await signIn("bientap", "sai-mat-khau-roi");
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("không đúng");
    expect(
      count("SELECT COUNT(*) AS n FROM staff_signins WHERE username = 'bientap' AND ok = 0"),
    ).toBe(1);
  });

  it("the right password → 303, a Strict HttpOnly session cookie, a logged sign-in", async () => {
    const { res, cookie } = await signIn();
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/quan-tri/");
    const set = res.headers.getSetCookie().find((c) => c.startsWith("qt_phien="))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/quan-tri\//);
    expect(set).not.toMatch(/Secure/);
    expect(
      count("SELECT COUNT(*) AS n FROM staff_signins WHERE username = 'bientap' AND ok = 1"),
    ).toBe(1);
    // The database holds the session id's hash only.
    const value = cookie.match(/qt_phien=([^;]+)/)![1]!;
    expect(count("SELECT COUNT(*) AS n FROM staff_sessions WHERE id_hash = ?", value)).toBe(0);
    const q = await queue(cookie);
    expect(q.html).toContain("Chưa ai được thấy nội dung này");
    expect(q.html).toContain("doc@example.vn");
  });

  it("session fixation: an id planted before sign-in is never adopted", async () => {
    const planted = "qt_phien=ke-gian-chon-truoc-gia-tri-nay-0123456789abcdefghijk";
    const { res, cookie } = await signIn("bientap", PASSWORD, t, planted);
    expect(res.status).toBe(303);
    expect(cookie).toMatch(/qt_phien=/);
    expect(cookie).not.toContain("ke-gian");
    expect((await queue(planted)).html).toContain("Đăng nhập quản trị");
    expect((await queue(cookie)).html).toContain("chờ duyệt");
  });

  it("over HTTPS (trusted proxy) the cookie is Secure", async () => {
    const app = await startApp({ trustProxy: 1 });
    try {
      await app.stores.staff.putStaffAccount("bientap", await hashPassword(PASSWORD), new Date());
      const f = await signinForm(app);
      const res = await fetch(`${app.url}/quan-tri/dang-nhap`, {
        method: "POST",
        headers: { ...form, cookie: f.cookie, "x-forwarded-proto": "https" },
        body: new URLSearchParams({
          csrf: f.csrf,
          username: "bientap",
          password: PASSWORD,
        }).toString(),
        redirect: "manual",
      });
      expect(res.status).toBe(303);
      expect(res.headers.getSetCookie().find((c) => c.startsWith("qt_phien="))).toMatch(/Secure/);
    } finally {
      await app.close();
    }
  });
});

// Each try runs scrypt at its real cost (OWASP minimum): eleven in a row need room on a loaded machine.
describe("throttling", { timeout: 120_000 }, () => {
  it("after 10 wrong passwords for an account, the 11th try (even right) → 429 saying when; 15 minutes later it works", async () => {
    // Past the earlier tests' failures from this address; 12:00 in Vietnam.
    clock = Date.parse("2026-12-01T05:00:00Z");
    const start = clock;
    for (let i = 0; i < 10; i++) {
      expect((await signIn("khoa", `sai-${i}-mat-khau`)).res.status).toBe(401);
      clock += 30_000;
    }
    const { res } = await signIn("khoa", PASSWORD);
    expect(res.status).toBe(429);
    const html = await res.text();
    // The first failure was at 12:00 Vietnam time: free again at 12:15.
    expect(html).toContain("thử lại sau 12:15");
    expect(Number(res.headers.get("retry-after"))).toBe(15 * 60 - 300);
    expect(
      count("SELECT COUNT(*) AS n FROM staff_signins WHERE username = 'khoa' AND ok = 1"),
    ).toBe(0);
    clock = start + 15 * 60_000 + 1000;
    expect((await signIn("khoa", PASSWORD)).res.status).toBe(303);
  });

  it("after 10 wrong passwords from one address, another account is refused too", async () => {
    clock += 60 * 60_000;
    for (let i = 0; i < 10; i++) {
      expect((await signIn(`nguoi-${i}`, "sai-mat-khau-nhe")).res.status).toBe(401);
    }
    expect((await signIn("duyet2", PASSWORD)).res.status).toBe(429);
    clock += 16 * 60_000;
    expect((await signIn("duyet2", PASSWORD)).res.status).toBe(303);
  });
});

describe("moderation", () => {
  let cookie = "";
  beforeAll(async () => {
    clock += 60 * 60_000;
    cookie = (await signIn()).cookie;
  }, 60_000);

  it("CSRF: a missing, wrong or another session's token → 403, nothing changes", async () => {
    const id = await addComment("Kiểm tra CSRF");
    const other = (await queue((await signIn("duyet2")).cookie)).csrf;
    for (const csrf of [undefined, "sai", other]) {
      const res = await decide(
        cookie,
        csrf === undefined ? { mot: `approved:${id}` } : { mot: `approved:${id}`, csrf },
      );
      expect(res.status).toBe(403);
    }
    expect(statusOf(id)).toBe("pending");
    expect(count("SELECT COUNT(*) AS n FROM moderation_log WHERE comment_id = ?", id)).toBe(0);
  });

  it("approve one, reject one, mark several as spam; each is logged with who and when", async () => {
    const a = await addComment("Duyệt tôi");
    const b = await addComment("Từ chối tôi");
    const c = await addComment("Rác một");
    const d = await addComment("Rác hai", null);
    const { csrf, html } = await queue(cookie);
    // Newest first, feedback marked as such.
    expect(html.indexOf("Rác hai")).toBeLessThan(html.indexOf("Duyệt tôi"));
    expect(html).toContain("Góp ý về trang");
    let res = await decide(cookie, { csrf, mot: `approved:${a}` });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/quan-tri/?da=approved&so=1");
    res = await decide(cookie, { csrf, mot: `rejected:${b}` });
    expect(res.headers.get("location")).toBe("/quan-tri/?da=rejected&so=1");
    res = await decide(cookie, { csrf, "tat-ca": "spam", id: [String(c), String(d)] });
    expect(res.headers.get("location")).toBe("/quan-tri/?da=spam&so=2");
    expect([a, b, c, d].map(statusOf)).toEqual(["approved", "rejected", "spam", "spam"]);
    const log = db
      .prepare(
        "SELECT comment_id, username, decision FROM moderation_log WHERE comment_id IN (?, ?, ?, ?) ORDER BY id",
      )
      .all(a, b, c, d);
    expect(log).toEqual([
      { comment_id: a, username: "bientap", decision: "approved" },
      { comment_id: b, username: "bientap", decision: "rejected" },
      { comment_id: c, username: "bientap", decision: "spam" },
      { comment_id: d, username: "bientap", decision: "spam" },
    ]);
    const after = await queue(cookie);
    expect(after.html).not.toContain("Duyệt tôi</p>");
    expect(after.html).toContain("Nhật ký quyết định");
    // A reader sees the approved one only.
    const shown = (await (await fetch(`${t.url}/api/comments?article=${ARTICLE}`)).json()) as {
      comments: { text: string }[];
    };
    expect(shown.comments.map((x) => x.text)).toContain("Duyệt tôi");
    expect(shown.comments.map((x) => x.text)).not.toContain("Từ chối tôi");
    const page = await (
      await fetch(`${t.url}/quan-tri/?da=approved&so=1`, { headers: { cookie } })
    ).text();
    expect(page).toContain("Đã duyệt 1 mục.");
  });

  it("an unknown decision → 403; a prototype name is not a decision", async () => {
    const id = await addComment("Quyết định lạ");
    const { csrf } = await queue(cookie);
    for (const mot of [`publish:${id}`, `constructor:${id}`, `__proto__:${id}`]) {
      expect((await decide(cookie, { csrf, mot })).status).toBe(403);
    }
    expect(statusOf(id)).toBe("pending");
  });

  it("the session ends after 30 idle minutes and on sign-out", async () => {
    const s = (await signIn("duyet2")).cookie;
    clock += 20 * 60_000;
    expect((await queue(s)).html).toContain("chờ duyệt");
    clock += 29 * 60_000;
    const q = await queue(s);
    expect(q.html).toContain("chờ duyệt");
    const out = await fetch(`${t.url}/quan-tri/dang-xuat`, {
      method: "POST",
      headers: { ...form, cookie: s },
      body: new URLSearchParams({ csrf: q.csrf }).toString(),
      redirect: "manual",
    });
    expect(out.status).toBe(303);
    expect((await queue(s)).html).toContain("Đăng nhập quản trị");
    const idle = cookie;
    clock += 31 * 60_000;
    expect((await queue(idle)).html).toContain("Phiên làm việc đã hết hạn");
  });
});
