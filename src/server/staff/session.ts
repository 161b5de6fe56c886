// Staff sessions: rows in the database (the cookie value's SHA-256 only) that end when idle, and
// the middleware that finds the signed-in member (c.var.staff) and checks a form's CSRF token.
// A newsroom router under /quan-tri/ runs the same middleware, then checks the member's role.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { StaffSettings } from "../config.ts";
import { isHttps } from "../http/client.ts";
import { HttpError } from "../http/errors.ts";
import { bodyKind, MAX_BODY_BYTES, own, readBody } from "../http/request.ts";
import type { StaffSession, StaffStore } from "../store/staff.ts";
import { forbidden, refuse, STAFF_BASE } from "./respond.ts";
import { deniedText, may, type Permission } from "./roles.ts";

export const SESSION_COOKIE = "qt_phien";
/** Binds the sign-in form's CSRF token to this browser before any session exists. */
export const PRESESSION_COOKIE = "qt_truoc";

export type ActiveSession = StaffSession & { idHash: string };
/** A posted form: every value of each name. */
export type FormFields = Record<string, string[]>;

export type StaffEnv = {
  Variables: {
    /** The signed-in staff member (loadSession); undefined without a live session. */
    staff: ActiveSession | undefined;
    /** The posted form (formBody). */
    form: FormFields;
  };
};

export type SessionDeps = {
  store: StaffStore;
  settings: StaffSettings;
  trustProxy: number;
  now: () => number;
};

export const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");
export const randomToken = () => randomBytes(32).toString("base64url");
export const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
/** The first value of a form field, or "". */
export const one = (fields: FormFields, key: string): string =>
  (own(fields, key) as string[] | undefined)?.[0] ?? "";

export const cookieOptions = (c: Context, trustProxy: number) =>
  ({
    path: STAFF_BASE,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c, trustProxy),
  }) as const;

/**
 * Reads a form post of up to `maxBytes` into c.var.form; anything but a form gets a Vietnamese 400
 * page, a larger body `tooLarge` (by default the app's 413).
 */
export const formBodyUpTo = (maxBytes: number, tooLarge?: (c: Context) => Response) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    if (bodyKind(c, true) !== "form") {
      return refuse(
        c,
        400,
        "Yêu cầu này phải gửi từ biểu mẫu trên trang quản trị; mời tải lại trang rồi gửi lại.",
      );
    }
    let body: string;
    try {
      body = await readBody(c, maxBytes);
    } catch (error) {
      if (tooLarge && error instanceof HttpError && error.status === 413) return tooLarge(c);
      throw error;
    }
    const fields: FormFields = {};
    for (const [k, v] of new URLSearchParams(body)) {
      (Object.hasOwn(fields, k) ? fields[k]! : (fields[k] = [])).push(v);
    }
    c.set("form", fields);
    await next();
  });

/** A form post of up to MAX_BODY_BYTES (4 KB: the moderation and account forms). */
export const formBody = formBodyUpTo(MAX_BODY_BYTES);

/** Finds the signed-in member, touching the session (its idle clock starts again). */
export function loadSession(d: SessionDeps) {
  return createMiddleware<StaffEnv>(async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    let staff: ActiveSession | undefined;
    if (id && id.length <= 100) {
      const now = d.now();
      const idle = new Date(now - d.settings.idleMinutes * 60_000);
      const session = await d.store.sessionOf(sha256(id), idle, new Date(now));
      staff = session ? { ...session, idHash: sha256(id) } : undefined;
    }
    c.set("staff", staff);
    await next();
  });
}

const SIGNED_OUT = "Phiên làm việc đã hết hạn hoặc chưa đăng nhập; mời đăng nhập lại.";

/** A signed-in POST carrying its session's CSRF token; otherwise a page saying what to do. */
export const requireSession = createMiddleware<StaffEnv>(async (c, next) => {
  const staff = c.get("staff");
  if (!staff) return refuse(c, 403, SIGNED_OUT);
  if (!sameSecret(one(c.get("form"), "csrf"), staff.csrf)) {
    return refuse(
      c,
      403,
      "Biểu mẫu đã cũ hoặc không hợp lệ; mời tải lại trang quản trị rồi làm lại.",
    );
  }
  await next();
});

/** The signed-in member's role has `permission` (after loadSession); otherwise 403, nothing done. */
export const requireRole = (permission: Permission) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    const staff = c.get("staff");
    if (!staff) return refuse(c, 403, SIGNED_OUT);
    if (!may(staff.role, permission)) return forbidden(c, deniedText(staff.role, permission));
    await next();
  });

/** A new session id at every sign-in; whatever id the browser brought is ended, never adopted. */
export async function startSession(c: Context, d: SessionDeps, username: string): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old && old.length <= 100) await d.store.deleteSession(sha256(old));
  const id = randomToken();
  await d.store.createSession(sha256(id), username, randomToken(), new Date(d.now()));
  setCookie(c, SESSION_COOKIE, id, cookieOptions(c, d.trustProxy));
  deleteCookie(c, PRESESSION_COOKIE, cookieOptions(c, d.trustProxy));
}

export async function endSession(c: Context, d: SessionDeps, staff: ActiveSession): Promise<void> {
  await d.store.deleteSession(staff.idHash);
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, d.trustProxy));
}
