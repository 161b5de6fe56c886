// Staff moderation at /quan-tri/: sign-in (throttled, logged), DB sessions that expire when idle,
// a CSRF token on every form, and the queue. Every answer is no-store and noindex.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { formatNumber } from "../../lib/format.ts";
import { clientAddress } from "../client.ts";
import { assertSameSite, bodyKind, HttpError, own, readBody } from "../http.ts";
import { articleIndex } from "../comments/articles.ts";
import { SECURITY_HEADERS } from "../security.ts";
import type { Decision, Store } from "../store/types.ts";
import { decidedMessage, queuePage, refusedPage, signinPage } from "./pages.ts";
import { verifyPassword } from "./password.ts";
import { USERNAME } from "./username.ts";

export type StaffSettings = {
  /** A session unused this long is gone (STAFF_SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /** Wrong passwords per account, or per address, within `windowMinutes` before 429. */
  maxFailures: number;
  windowMinutes: number;
};

export const DEFAULT_STAFF_SETTINGS: StaffSettings = {
  idleMinutes: 30,
  maxFailures: 10,
  windowMinutes: 15,
};

export const SESSION_COOKIE = "qt_phien";
/** Binds the sign-in form's CSRF token to this browser before any session exists. */
export const PRESESSION_COOKIE = "qt_truoc";
const BASE = "/quan-tri/";

const STAFF_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  // Staff pages run no script at all and post only to this site.
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "same-origin",
};

const DECISIONS: Record<string, Decision> = {
  approved: "approved",
  rejected: "rejected",
  spam: "spam",
};

type Deps = {
  store: Store;
  distDir: string;
  trustProxy: number;
  now: () => number;
  isHttps: (c: Context) => boolean;
  settings: StaffSettings;
};

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");
const random = () => randomBytes(32).toString("base64url");
const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function mountStaffRoutes(app: Hono, d: Deps): void {
  const titles = articleIndex(d.distDir);
  const cookieOptions = (c: Context) =>
    ({ path: BASE, httpOnly: true, sameSite: "Strict", secure: d.isHttps(c) }) as const;

  // Every /quan-tri/ answer, whatever produced it (page, redirect, error), is no-store and noindex.
  app.use("/quan-tri/*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(STAFF_HEADERS)) c.res.headers.set(k, v);
  });
  app.get("/quan-tri", (c) => c.redirect(BASE, 301));

  const page = (c: Context, html: string, status = 200) => c.html(html, status as 200);
  const refuse = (
    c: Context,
    status: 403 | 429,
    text: string,
    headers: Record<string, string> = {},
  ) => c.html(refusedPage(text), status, headers);

  /** The signed-in staff member, touching the session; undefined without a live session. */
  const sessionOf = async (c: Context) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id || id.length > 100) return undefined;
    const now = d.now();
    const idle = new Date(now - d.settings.idleMinutes * 60_000);
    const session = await d.store.sessionOf(sha256(id), idle, new Date(now));
    return session ? { ...session, idHash: sha256(id) } : undefined;
  };

  const signinCsrf = async (c: Context) => {
    let pre = getCookie(c, PRESESSION_COOKIE);
    if (!pre || !/^[\w-]{43}$/.test(pre)) {
      pre = random();
      setCookie(c, PRESESSION_COOKIE, pre, { ...cookieOptions(c), maxAge: 3600 });
    }
    const secret = await d.store.secret("staff-signin");
    return createHmac("sha256", secret).update(pre).digest("base64url");
  };

  const formFields = async (c: Context): Promise<Record<string, string[]>> => {
    assertSameSite(c);
    if (bodyKind(c, true) !== "form") throw new HttpError(415, "send a form");
    const fields: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(await readBody(c))) {
      (Object.hasOwn(fields, k) ? fields[k]! : (fields[k] = [])).push(v);
    }
    return fields;
  };
  const one = (fields: Record<string, string[]>, key: string): string =>
    (own(fields, key) as string[] | undefined)?.[0] ?? "";

  const showQueue = async (c: Context, s: { username: string; csrf: string }) => {
    const done = c.req.query("da");
    const count = Number(c.req.query("so") ?? "0");
    const message =
      done && Object.hasOwn(DECISIONS, done) && Number.isInteger(count)
        ? decidedMessage(DECISIONS[done]!, count)
        : undefined;
    const error =
      c.req.query("loi") === "chua-chon"
        ? "Chưa chọn mục nào; mời đánh dấu «Chọn» ở các mục cần xử lý."
        : undefined;
    return page(
      c,
      queuePage({
        username: s.username,
        csrf: s.csrf,
        queue: await d.store.pendingComments(500),
        log: await d.store.decisionLog(50),
        titles: await titles(),
        now: d.now(),
        message,
        error,
      }),
    );
  };

  app.get(BASE, async (c) => {
    const session = await sessionOf(c);
    if (session) return showQueue(c, session);
    const expired = getCookie(c, SESSION_COOKIE) !== undefined;
    if (expired) deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return page(
      c,
      signinPage({
        csrf: await signinCsrf(c),
        message: expired ? "Phiên làm việc đã hết hạn; mời đăng nhập lại." : undefined,
      }),
    );
  });

  app.post(`${BASE}dang-nhap`, async (c) => {
    let fields: Record<string, string[]>;
    try {
      fields = await formFields(c);
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) {
        return refuse(c, 403, "Biểu mẫu được gửi từ một trang khác nên không được nhận.");
      }
      throw error;
    }
    const pre = getCookie(c, PRESESSION_COOKIE) ?? "";
    const expected = createHmac("sha256", await d.store.secret("staff-signin"))
      .update(pre)
      .digest("base64url");
    if (!pre || !sameSecret(one(fields, "csrf"), expected)) {
      return refuse(
        c,
        403,
        "Biểu mẫu đăng nhập đã cũ hoặc không hợp lệ; mời mở lại trang đăng nhập rồi thử lại.",
      );
    }
    const username = one(fields, "username").trim().toLowerCase();
    const password = one(fields, "password");
    const now = d.now();
    const addressKey = createHmac("sha256", await d.store.secret("staff-address"))
      .update(clientAddress(c, d.trustProxy))
      .digest("base64url");
    const windowMs = d.settings.windowMinutes * 60_000;
    const failed = await d.store.failedSignins(username, addressKey, new Date(now - windowMs));
    const max = d.settings.maxFailures;
    const blockedUntil = [failed.account, failed.address]
      .filter((times) => times.length >= max)
      .map((times) => Date.parse(times[times.length - max]!) + windowMs);
    if (blockedUntil.length > 0) {
      const until = Math.max(...blockedUntil);
      const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
      const clock = new Intl.DateTimeFormat("vi-VN", {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: "Asia/Ho_Chi_Minh",
      }).format(new Date(until));
      return refuse(
        c,
        429,
        `Đã có quá nhiều lần nhập sai mật khẩu. Mời bạn thử lại sau ${clock} (khoảng ${formatNumber(minutes)} phút nữa).`,
        { "retry-after": String(Math.ceil((until - now) / 1000)) },
      );
    }
    const ok =
      USERNAME.test(username) &&
      password.length > 0 &&
      password.length <= 1024 &&
      (await verifyPassword(password, await d.store.staffPasswordHash(username)));
    await d.store.recordSignin({
      at: new Date(now),
      username: username.slice(0, 64),
      addressKey,
      ok,
    });
    if (!ok) {
      return page(
        c,
        signinPage({
          csrf: expected,
          username: username.slice(0, 64),
          message: "Tên đăng nhập hoặc mật khẩu không đúng.",
        }),
        401,
      );
    }
    // A new session id at every sign-in; whatever id the browser brought is ended, never adopted.
    const old = getCookie(c, SESSION_COOKIE);
    if (old && old.length <= 100) await d.store.deleteSession(sha256(old));
    const id = random();
    await d.store.createSession(sha256(id), username, random(), new Date(now));
    setCookie(c, SESSION_COOKIE, id, cookieOptions(c));
    deleteCookie(c, PRESESSION_COOKIE, cookieOptions(c));
    return c.redirect(BASE, 303);
  });

  /** A signed-in POST with the session's CSRF token, or a refusal page. */
  const staffPost = async (c: Context) => {
    let fields: Record<string, string[]>;
    try {
      fields = await formFields(c);
    } catch (error) {
      if (error instanceof HttpError && error.status === 403) {
        return {
          refusal: refuse(c, 403, "Biểu mẫu được gửi từ một trang khác nên không được nhận."),
        };
      }
      throw error;
    }
    const session = await sessionOf(c);
    if (!session) {
      return {
        refusal: refuse(
          c,
          403,
          "Phiên làm việc đã hết hạn hoặc chưa đăng nhập; mời đăng nhập lại.",
        ),
      };
    }
    if (!sameSecret(one(fields, "csrf"), session.csrf)) {
      return {
        refusal: refuse(
          c,
          403,
          "Biểu mẫu đã cũ hoặc không hợp lệ; mời tải lại trang quản trị rồi làm lại.",
        ),
      };
    }
    return { fields, session };
  };

  app.post(`${BASE}quyet-dinh`, async (c) => {
    const r = await staffPost(c);
    if ("refusal" in r) return r.refusal;
    const single = one(r.fields, "mot").split(":");
    const bulk = one(r.fields, "tat-ca");
    const decisionName = single.length === 2 ? single[0]! : bulk;
    if (!Object.hasOwn(DECISIONS, decisionName)) {
      return refuse(c, 403, "Không rõ quyết định; mời tải lại trang quản trị rồi làm lại.");
    }
    const decision = DECISIONS[decisionName]!;
    const ids = (single.length === 2 ? [single[1]!] : ((own(r.fields, "id") as string[]) ?? []))
      .filter((v) => /^\d{1,15}$/.test(v))
      .map(Number);
    if (ids.length === 0) return c.redirect(`${BASE}?loi=chua-chon`, 303);
    const changed = await d.store.decideComments(
      ids,
      decision,
      r.session.username,
      new Date(d.now()),
    );
    return c.redirect(`${BASE}?da=${decision}&so=${changed}`, 303);
  });

  app.post(`${BASE}dang-xuat`, async (c) => {
    const r = await staffPost(c);
    if ("refusal" in r) return r.refusal;
    await d.store.deleteSession(r.session.idHash);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.redirect(BASE, 303);
  });
}
