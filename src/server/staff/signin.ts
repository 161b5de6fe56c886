// Signing in at /quan-tri/: the form (its CSRF token an HMAC of a pre-session cookie), then the
// attempt counted against the throttle, the password (scrypt, in a bounded set of threads), the
// log of every attempt, and a new session.
import { createHmac } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hasControlCharacter, markControls } from "../../lib/odd-text.ts";
import type { SecretStore } from "../store/types.ts";
import { signinPage } from "./pages.ts";
import { MAX_PASSWORD_LENGTH } from "./password.ts";
import type { PasswordChecks } from "./password-checks.ts";
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
import { addressKeyOf, claimAttempt } from "./throttle.ts";
import { USERNAME } from "./username.ts";

export type SigninDeps = SessionDeps & { secrets: SecretStore; checks: PasswordChecks };

const STALE_FORM =
  "Biểu mẫu đăng nhập đã cũ hoặc không hợp lệ; mời mở lại trang đăng nhập rồi thử lại.";
const BUSY =
  "Máy chủ đang bận kiểm tra các lần đăng nhập khác; mời bạn đợi vài giây rồi đăng nhập lại.";
const BUSY_RETRY_SECONDS = 5;
const CONTROL_CHARACTER =
  "Tên đăng nhập hoặc mật khẩu có ký tự điều khiển không hợp lệ; mời bạn nhập lại rồi đăng nhập.";

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
    // Logged and shown with any control character as �: PostgreSQL cannot store NUL.
    const shownName = markControls(username.slice(0, 64));
    const odd = hasControlCharacter(username) || hasControlCharacter(password);
    if (d.checks.busy) return busy(c);
    const addressKey = await addressKeyOf(c, d.secrets, d.trustProxy);
    // Counted before the password is checked, so parallel attempts cannot pass the limit.
    const claim = await claimAttempt(d.store, d.settings, {
      username: shownName,
      addressKey,
      now: d.now(),
    });
    if ("block" in claim) {
      const headers = { "retry-after": String(claim.block.retryAfterSeconds) };
      return refuse(c, 429, claim.block.message, headers);
    }
    if (odd) {
      await d.store.settleSignin(claim.id, "failed");
      return refuse(c, 400, CONTROL_CHARACTER);
    }
    const ok = await checkPassword(d, username, password);
    if (ok === undefined) {
      await d.store.settleSignin(claim.id, "unchecked");
      return busy(c);
    }
    await d.store.settleSignin(claim.id, ok ? "ok" : "failed");
    if (!ok) {
      const message = "Tên đăng nhập hoặc mật khẩu không đúng.";
      return c.html(signinPage({ csrf: expected, username: shownName, message }), 401);
    }
    await startSession(c, d, username);
    return c.redirect(STAFF_BASE, 303);
  };
}

/** Every password-check thread is busy: refused at once, nothing counted. */
const busy = (c: Context) => refuse(c, 503, BUSY, { "retry-after": String(BUSY_RETRY_SECONDS) });

/** Whether the password is right; undefined when every password-check thread is busy. */
async function checkPassword(
  d: SigninDeps,
  username: string,
  password: string,
): Promise<boolean | undefined> {
  const usable =
    USERNAME.test(username) && password.length > 0 && password.length <= MAX_PASSWORD_LENGTH;
  // A name that cannot exist is checked against no hash, as slowly as a wrong password.
  const stored = usable ? await d.store.staffPasswordHash(username) : undefined;
  return d.checks.tryVerify(usable ? password : "", stored);
}
