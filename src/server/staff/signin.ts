// Signing in at /quan-tri/: the form (its CSRF token an HMAC of a pre-session cookie), then the
// throttle, the password (scrypt), the log of every attempt, and a new session.
import { createHmac } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { SecretStore } from "../store/types.ts";
import { signinPage } from "./pages.ts";
import { verifyPassword } from "./password.ts";
import { refuse, STAFF_BASE } from "./respond.ts";
import {
  cookieOptions,
  one,
  PRESESSION_COOKIE,
  randomToken,
  sameSecret,
  startSession,
  type SessionDeps,
  type StaffEnv,
} from "./session.ts";
import { addressKeyOf, signinBlock } from "./throttle.ts";
import { USERNAME } from "./username.ts";

export type SigninDeps = SessionDeps & { secrets: SecretStore };

const STALE_FORM =
  "Biểu mẫu đăng nhập đã cũ hoặc không hợp lệ; mời mở lại trang đăng nhập rồi thử lại.";
const MAX_PASSWORD_LENGTH = 1024;

const signinToken = async (secrets: SecretStore, pre: string) =>
  createHmac("sha256", await secrets.secret("staff-signin"))
    .update(pre)
    .digest("base64url");

/** The sign-in form's CSRF token, binding a new pre-session cookie when the browser has none. */
export async function signinCsrf(c: Context, d: SigninDeps): Promise<string> {
  let pre = getCookie(c, PRESESSION_COOKIE);
  if (!pre || !/^[\w-]{43}$/.test(pre)) {
    pre = randomToken();
    setCookie(c, PRESESSION_COOKIE, pre, { ...cookieOptions(c, d.trustProxy), maxAge: 3600 });
  }
  return signinToken(d.secrets, pre);
}

/** POST /quan-tri/dang-nhap (after the same-site check and formBody). */
export function signIn(d: SigninDeps) {
  return async (c: Context<StaffEnv>): Promise<Response> => {
    const form = c.get("form");
    const pre = getCookie(c, PRESESSION_COOKIE) ?? "";
    const expected = await signinToken(d.secrets, pre);
    if (!pre || !sameSecret(one(form, "csrf"), expected)) return refuse(c, 403, STALE_FORM);
    const username = one(form, "username").trim().toLowerCase();
    const password = one(form, "password");
    const now = d.now();
    const addressKey = await addressKeyOf(c, d.secrets, d.trustProxy);
    const block = await signinBlock(d.store, d.settings, { username, addressKey, now });
    if (block) {
      const headers = { "retry-after": String(block.retryAfterSeconds) };
      return refuse(c, 429, block.message, headers);
    }
    const ok =
      USERNAME.test(username) &&
      password.length > 0 &&
      password.length <= MAX_PASSWORD_LENGTH &&
      (await verifyPassword(password, await d.store.staffPasswordHash(username)));
    const shownName = username.slice(0, 64);
    await d.store.recordSignin({ at: new Date(now), username: shownName, addressKey, ok });
    if (!ok) {
      const message = "Tên đăng nhập hoặc mật khẩu không đúng.";
      return c.html(signinPage({ csrf: expected, username: shownName, message }), 401);
    }
    await startSession(c, d, username);
    return c.redirect(STAFF_BASE, 303);
  };
}
