// Rules a POST passes before its body is read, as Hono middleware: the same-site check (staff
// forms), and with it the per-address limit (the API and the readers' forms).
// hono/csrf checks only form-encoded bodies, allows a request when either header passes, and
// compares the whole origin (scheme included, so a TLS proxy in front would refuse every form):
// this check covers JSON too and compares the host, as the API contract says.
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { clientAddress, RateLimiter } from "./client.ts";
import { HttpError, TooManyRequests } from "./errors.ts";
import { header } from "./request.ts";

/** A POST from another site (CSRF, embedding) is refused with 403. */
export function assertSameSite(c: Context): void {
  const site = header(c, "sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new HttpError(403, "cross-site request refused");
  }
  const origin = header(c, "origin");
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, "cross-site request refused");
  }
  if (host !== (header(c, "host") ?? new URL(c.req.url).host)) {
    throw new HttpError(403, "cross-site request refused");
  }
}

export const sameSite: MiddlewareHandler = createMiddleware(async (c, next) => {
  assertSameSite(c);
  await next();
});

/**
 * What every public POST runs first: the same-site check, then the request counted against its
 * address's minute (RATE_LIMIT_PER_MINUTE; over it, 429 with Retry-After). One middleware, not
 * two: the visit counter's POST is the hot path, and each handler in a chain costs a little.
 */
export function postGuard(
  limitPerMinute: number,
  trustProxy: number,
  now: () => number,
): MiddlewareHandler {
  const limiter = new RateLimiter(limitPerMinute, now);
  return createMiddleware(async (c, next) => {
    assertSameSite(c);
    if (limiter.enabled && !limiter.allow(clientAddress(c, trustProxy))) {
      throw new TooManyRequests(limiter.retryAfterSeconds());
    }
    await next();
  });
}
