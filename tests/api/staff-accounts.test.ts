// Roles and the account page over real HTTP on both stores: a kiem-duyet is refused every
// account page and action (403 in Vietnamese, nothing changed); a form without its CSRF token
// is refused; a quan-tri adds, disables (the account's sessions end), re-enables, resets a
// password and changes a role; the last enabled quan-tri cannot disable or demote themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/staff/password.ts";
import { cookiesOf, csrfOf } from "../helpers/staff-http.ts";
import { BACKENDS } from "../helpers/stores.ts";
import { startApp, type TestApp } from "./harness.ts";

const PASSWORD = "mat-khau-du-dai-1";
const NEW_PASSWORD = "Trời xanh mây trắng 2026";
const ACCOUNTS = "/quan-tri/tai-khoan/";
const form = { "content-type": "application/x-www-form-urlencoded" };

/** Every account action with a form that would succeed for a quan-tri. */
const ACTIONS: [string, Record<string, string>][] = [
  ["them", { username: "ke-gian", password: NEW_PASSWORD, role: "quan-tri" }],
  ["mat-khau", { username: "chu", password: NEW_PASSWORD }],
  ["vai-tro", { username: "kd", role: "quan-tri" }],
  ["vo-hieu", { username: "chu" }],
  ["kich-hoat", { username: "kd" }],
];

describe.each(BACKENDS.filter((b) => b.available))("accounts on $kind", (backend) => {
  let t: TestApp;
  let ip = 0;
  const clock = Date.parse("2026-12-01T03:00:00Z");
  beforeAll(async () => {
    t = await startApp({ backend, now: () => clock, trustProxy: 1 });
    const hash = await hashPassword(PASSWORD);
    await t.stores.staff.putStaffAccount("chu", hash, new Date(clock), "quan-tri");
    await t.stores.staff.putStaffAccount("kd", hash, new Date(clock));
  }, 60_000);
  afterAll(() => t.close());

  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    fetch(`${t.url}${path}`, {
      method: "POST",
      headers: { ...form, cookie, "x-forwarded-for": `10.7.0.${ip++ % 250}` },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
  const get = (path: string, cookie: string, accept = "text/html") =>
    fetch(`${t.url}${path}`, { headers: { cookie, accept }, redirect: "manual" });
  async function signIn(username: string, password = PASSWORD) {
    const page = await fetch(`${t.url}/quan-tri/`);
    const csrf = csrfOf(await page.text());
    const res = await post("/quan-tri/dang-nhap", cookiesOf(page), { csrf, username, password });
    return { status: res.status, cookie: cookiesOf(res) };
  }
  /** A session's CSRF token, read from the queue page every role sees. */
  const csrfFor = async (cookie: string) => csrfOf(await (await get("/quan-tri/", cookie)).text());
  const snapshot = async () => ({
    accounts: await t.stores.staff.listStaffAccounts(),
    hashes: [
      await t.stores.staff.staffPasswordHash("chu"),
      await t.stores.staff.staffPasswordHash("kd"),
    ],
    log: await t.stores.staff.staffLog(100),
  });

  it("a kiem-duyet gets 403 in Vietnamese on the page and every action; nothing changes", async () => {
    const { cookie } = await signIn("kd");
    const before = await snapshot();
    const queue = await (await get("/quan-tri/", cookie)).text();
    expect(queue).not.toContain(ACCOUNTS);
    const page = await get(ACCOUNTS, cookie);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("không có quyền quản lý tài khoản");
    const json = await get(ACCOUNTS, cookie, "application/json");
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual({ error: expect.stringContaining("vai trò Kiểm duyệt") });
    const csrf = csrfOf(queue);
    for (const [action, fields] of ACTIONS) {
      const res = await post(`${ACCOUNTS}${action}`, cookie, { csrf, ...fields });
      expect(res.status, action).toBe(403);
      expect(await res.text(), action).toContain("không có quyền quản lý tài khoản");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a quan-tri's form without its CSRF token (or another session's) gets 403; nothing changes", async () => {
    const { cookie } = await signIn("chu");
    const other = await signIn("kd");
    const before = await snapshot();
    for (const [action, fields] of ACTIONS) {
      for (const csrf of ["", "sai", await csrfFor(other.cookie)]) {
        const res = await post(`${ACCOUNTS}${action}`, cookie, { ...fields, csrf });
        expect(res.status, action).toBe(403);
        expect(await res.text()).toContain("Biểu mẫu đã cũ hoặc không hợp lệ");
      }
    }
    expect(await snapshot()).toEqual(before);
    const signedOut = await get(ACCOUNTS, "");
    expect([signedOut.status, signedOut.headers.get("location")]).toEqual([303, "/quan-tri/"]);
  });

  it("a quan-tri adds, disables (its sessions end), re-enables, resets a password, changes a role", async () => {
    const admin = await signIn("chu");
    const page = await (await get(ACCOUNTS, admin.cookie)).text();
    expect(page).toContain("<bdi>kd</bdi>");
    expect(page).toContain("Đăng nhập gần nhất");
    const csrf = csrfOf(page);
    const act = (action: string, fields: Record<string, string>) =>
      post(`${ACCOUNTS}${action}`, admin.cookie, { csrf, ...fields });

    const added = await act("them", { username: "moi", password: PASSWORD, role: "bien-tap" });
    expect([added.status, added.headers.get("location")]).toEqual([
      303,
      `${ACCOUNTS}?da=them&ten=moi`,
    ]);
    expect(await (await get(added.headers.get("location")!, admin.cookie)).text()).toContain(
      "Đã tạo tài khoản «moi».",
    );
    expect((await t.stores.staff.staffAccount("moi"))?.role).toBe("bien-tap");
    const moi = await signIn("moi");
    expect(moi.status).toBe(303);
    expect((await get("/quan-tri/", moi.cookie)).status).toBe(200);

    expect((await act("vo-hieu", { username: "moi" })).status).toBe(303);
    expect(await (await get("/quan-tri/", moi.cookie)).text()).toContain(
      "Phiên làm việc đã hết hạn",
    );
    expect((await signIn("moi")).status).toBe(401);
    expect(await (await get(ACCOUNTS, admin.cookie)).text()).toContain("Đã vô hiệu hoá");

    expect((await act("kich-hoat", { username: "moi" })).status).toBe(303);
    const again = await signIn("moi");
    expect(again.status).toBe(303);

    expect((await act("mat-khau", { username: "moi", password: NEW_PASSWORD })).status).toBe(303);
    expect(await (await get("/quan-tri/", again.cookie)).text()).toContain(
      "Phiên làm việc đã hết hạn",
    );
    expect((await signIn("moi")).status).toBe(401);
    const fresh = await signIn("moi", NEW_PASSWORD);
    expect(fresh.status).toBe(303);
    expect((await get(ACCOUNTS, fresh.cookie)).status).toBe(403);

    expect((await act("vai-tro", { username: "moi", role: "quan-tri" })).status).toBe(303);
    expect((await get(ACCOUNTS, fresh.cookie)).status).toBe(200);
    const log = (await t.stores.staff.staffLog(10)).map((e) => [
      e.action,
      e.target,
      e.role,
      e.actor,
    ]);
    expect(log.slice(0, 5)).toEqual([
      ["role", "moi", "quan-tri", "chu"],
      ["password", "moi", null, "chu"],
      ["enable", "moi", null, "chu"],
      ["disable", "moi", null, "chu"],
      ["add", "moi", "bien-tap", "chu"],
    ]);
    expect(await (await get(ACCOUNTS, admin.cookie)).text()).toContain(
      "Nhật ký thay đổi tài khoản",
    );
  }, 60_000);

  it("refuses bad input in Vietnamese and changes nothing", async () => {
    const admin = await signIn("chu");
    const csrf = csrfOf(await (await get(ACCOUNTS, admin.cookie)).text());
    const before = await snapshot();
    const cases: [string, Record<string, string>, number, string][] = [
      [
        "them",
        { username: "yeu", password: "password1234", role: "kiem-duyet" },
        400,
        "quá dễ đoán",
      ],
      [
        "them",
        { username: "Sai Ten", password: NEW_PASSWORD, role: "kiem-duyet" },
        400,
        "không hợp lệ",
      ],
      [
        "them",
        { username: "ok-ten", password: NEW_PASSWORD, role: "admin" },
        400,
        "Vai trò «admin» không hợp lệ; chỉ dùng một trong: kiem-duyet, bien-tap, quan-tri.",
      ],
      [
        "them",
        { username: "kd", password: NEW_PASSWORD, role: "kiem-duyet" },
        409,
        "Đã có tài khoản «kd»",
      ],
      ["vai-tro", { username: "kd", role: "toString" }, 400, "Vai trò «toString» không hợp lệ"],
      ["mat-khau", { username: "kd", password: "ngan" }, 400, "ít nhất 12 ký tự"],
      ["vo-hieu", { username: "khong-co" }, 404, "Không có tài khoản «khong-co»"],
      ["khac", { username: "kd" }, 400, "Không rõ thao tác"],
      ["vo-hieu", { username: "<b>x</b>" }, 400, "Không có tài khoản «&lt;b&gt;x&lt;/b&gt;»"],
      [
        "them",
        { username: "<i>", password: NEW_PASSWORD, role: "<i>" },
        400,
        "«&lt;i&gt;» không hợp lệ",
      ],
    ];
    for (const [action, fields, status, says] of cases) {
      const res = await post(`${ACCOUNTS}${action}`, admin.cookie, { csrf, ...fields });
      expect(res.status, `${action} ${fields.username}`).toBe(status);
      const text = await res.text();
      expect(text).toContain(says);
      expect(text).not.toMatch(/<b>x|<i>/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("the last enabled quan-tri cannot disable or demote themselves, and is told why", async () => {
    const admins = (await t.stores.staff.listStaffAccounts()).filter((a) => a.role === "quan-tri");
    for (const a of admins.filter((a) => a.username !== "chu")) {
      await t.stores.staff.changeStaffAccount(
        a.username,
        { action: "disable" },
        { actor: "chu", at: new Date(clock) },
      );
    }
    const admin = await signIn("chu");
    const csrf = csrfOf(await (await get(ACCOUNTS, admin.cookie)).text());
    const before = await snapshot();
    for (const [action, fields] of [
      ["vo-hieu", { username: "chu" }],
      ["vai-tro", { username: "chu", role: "bien-tap" }],
    ] as const) {
      const res = await post(`${ACCOUNTS}${action}`, admin.cookie, { csrf, ...fields });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("là tài khoản quản trị cuối cùng còn hoạt động");
    }
    expect(await snapshot()).toEqual(before);
    expect((await get(ACCOUNTS, admin.cookie)).status).toBe(200);
  });
});
