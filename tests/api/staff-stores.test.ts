// The staff flow at /quan-tri/ on both stores (staff.test.ts goes deeper on SQLite): sign-in
// (wrong, then right), the queue with names isolated, a decision with its CSRF token, the log,
// sign-out, the idle end of a session, and the throttle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/staff/password.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";

const PASSWORD = "mat-khau-du-dai-1";
const form = { "content-type": "application/x-www-form-urlencoded" };

describe.each(BACKENDS.filter((b) => b.available))("staff on $kind", (backend) => {
  let t: TestApp;
  let clock = Date.parse("2026-12-01T03:00:00Z");
  beforeAll(async () => {
    t = await startApp({ backend, now: () => clock, trustProxy: 1 });
    await t.stores.staff.putStaffAccount("bientap", await hashPassword(PASSWORD), new Date(clock));
  }, 60_000);
  afterAll(() => t.close());

  const post = (path: string, cookie: string, fields: Record<string, string>, ip = "10.5.0.1") =>
    fetch(`${t.url}${path}`, {
      method: "POST",
      headers: { ...form, cookie, "x-forwarded-for": ip },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
  async function signIn(password: string, ip = "10.5.0.1", username = "bientap") {
    const page = await fetch(`${t.url}/quan-tri/`);
    const cookie = cookiesOf(page);
    const csrf = csrfOf(await page.text());
    const res = await post("/quan-tri/dang-nhap", cookie, { csrf, username, password }, ip);
    return { res, cookie: cookiesOf(res) };
  }

  it("a wrong password → 401 and a logged failure; the right one → 303 and a session", async () => {
    const wrong = await signIn("sai-mat-khau-roi");
    expect(wrong.res.status).toBe(401);
    expect(await wrong.res.text()).toContain("không đúng");
    const since = new Date(clock - 60_000);
    expect((await t.stores.staff.failedSignins("bientap", "-", since)).account.length).toBe(1);
    const right = await signIn(PASSWORD);
    expect(right.res.status).toBe(303);
    expect(right.cookie).toMatch(/qt_phien=/);
  });

  it("the queue shows a pending comment with its name isolated; a decision needs the CSRF token and is logged", async () => {
    const added = await t.stores.comments.addComment({
      kind: "comment",
      article: ARTICLE,
      name: "Tên\u202Eđảo",
      email: null,
      text: "Chờ duyệt trên mọi kho.",
      textHash: `h-${backend.kind}`,
      at: new Date(clock),
    });
    if (added.status !== "added") throw new Error("not added");
    const { cookie } = await signIn(PASSWORD);
    const queue = await (await fetch(`${t.url}/quan-tri/`, { headers: { cookie } })).text();
    expect(queue).toContain("<bdi>Tên\u202Eđảo</bdi>");
    const refused = await post("/quan-tri/quyet-dinh", cookie, {
      csrf: "sai",
      mot: `approved:${added.id}`,
    });
    expect(refused.status).toBe(403);
    const done = await post("/quan-tri/quyet-dinh", cookie, {
      csrf: csrfOf(queue),
      mot: `approved:${added.id}`,
    });
    expect(done.status).toBe(303);
    expect((await t.stores.comments.approvedComments(ARTICLE)).map((c) => c.id)).toContain(
      added.id,
    );
    expect((await t.stores.comments.decisionLog(5))[0]).toMatchObject({
      commentId: added.id,
      username: "bientap",
    });
  });

  it("sign-out ends the session; an idle session ends after 30 minutes", async () => {
    const a = await signIn(PASSWORD);
    const queue = await (
      await fetch(`${t.url}/quan-tri/`, { headers: { cookie: a.cookie } })
    ).text();
    expect((await post("/quan-tri/dang-xuat", a.cookie, { csrf: csrfOf(queue) })).status).toBe(303);
    const after = await (
      await fetch(`${t.url}/quan-tri/`, { headers: { cookie: a.cookie } })
    ).text();
    expect(after).toContain("Phiên làm việc đã hết hạn");
    const b = await signIn(PASSWORD);
    clock += 31 * 60_000;
    const idle = await (
      await fetch(`${t.url}/quan-tri/`, { headers: { cookie: b.cookie } })
    ).text();
    expect(idle).toContain("Phiên làm việc đã hết hạn");
  });

  it("after 10 wrong passwords from one address, the 11th try (even right) → 429 in Vietnamese", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn("sai-mat-khau-roi", "10.5.9.9", `ten${i}`)).res.status).toBe(401);
    }
    const blocked = await signIn(PASSWORD, "10.5.9.9");
    expect(blocked.res.status).toBe(429);
    expect(await blocked.res.text()).toContain("quá nhiều lần nhập sai");
    expect(Number(blocked.res.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 60_000);
});
