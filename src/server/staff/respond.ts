// How every /quan-tri/ answer goes out: no-store, noindex, a CSP that runs no script; refusals
// as a page saying what to do.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HttpError, TooManyRequests } from "../http/errors.ts";
import { SECURITY_HEADERS } from "../http/security.ts";
import { refusedPage } from "./pages.ts";

export const STAFF_BASE = "/quan-tri/";

const STAFF_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  // Staff pages run no script at all and post only to this site.
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "referrer-policy": "same-origin",
};

/** Every /quan-tri/ answer, whatever produced it (page, redirect, error), is no-store and noindex. */
export const staffHeaders = createMiddleware(async (c, next) => {
  await next();
  for (const [k, v] of Object.entries(STAFF_HEADERS)) {
    // A page that runs a script of its own (a publication's state) set its own narrow policy.
    if (k === "content-security-policy" && c.res.headers.has(k)) continue;
    c.res.headers.set(k, v);
  }
});

/** The staff policy plus this site's scripts and fetches: for a page that polls its state. */
export const SCRIPTED_STAFF_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const CROSS_SITE = "Biểu mẫu được gửi từ một trang khác nên không được nhận.";
export const TOO_MANY =
  "Địa chỉ mạng của bạn đã gửi quá nhiều yêu cầu trong một phút; mời bạn đợi một lát rồi thử lại.";

/** A page saying why nothing was done (400: bad input; 403: refused; 429: too many wrong
 * passwords; 503: too busy to check one now). */
export const refuse = (
  c: Context,
  status: 400 | 403 | 429 | 503,
  text: string,
  headers: Record<string, string> = {},
): Response => c.html(refusedPage(text), status, headers);

/** A staff router's errors: a form from another site, or too many requests, get a page. */
export function staffErrors(error: Error, c: Context): Response {
  if (error instanceof HttpError && error.status === 403) return refuse(c, 403, CROSS_SITE);
  if (error instanceof TooManyRequests) {
    const headers = { "retry-after": String(error.retryAfterSeconds) };
    return refuse(c, 429, TOO_MANY, headers);
  }
  throw error;
}

/** 403 for a role without the permission: JSON for a client asking for JSON, else a page. */
export function forbidden(c: Context, text: string): Response {
  const accept = c.req.header("accept") ?? "";
  if (accept.includes("application/json") && !accept.includes("text/html")) {
    return c.json({ error: text }, 403);
  }
  return refuse(c, 403, text);
}
