// The client's address (socket, or X-Forwarded-For from trusted proxies) and a per-address limit.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { header } from "./request.ts";

/**
 * With `trustProxy` = N, the last N X-Forwarded-For entries were written by our proxies, so
 * the entry just left of our own proxy's is the client: the right-most one nobody can forge.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const forwarded = forwardedClient(header(c, "x-forwarded-for") ?? "", trustProxy);
    if (forwarded) return forwarded;
  }
  let socket = "unknown";
  try {
    socket = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Not running on a Node socket (in-process tests): fall through with "unknown".
  }
  return socket;
}

/** HTTPS as the browser sees it: our own TLS, or a trusted proxy's `X-Forwarded-Proto: https`. */
export function isHttps(c: Context, trustProxy: number): boolean {
  return (
    new URL(c.req.url).protocol === "https:" ||
    (trustProxy > 0 && header(c, "x-forwarded-proto") === "https")
  );
}

/** The entry `trustProxy` hops from the right of X-Forwarded-For, else the left-most one. */
export function forwardedClient(xff: string, trustProxy: number): string | undefined {
  // A single address (the usual case behind one proxy) needs no splitting.
  if (!xff.includes(",")) return xff.trim() || undefined;
  const hops = xff
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops[hops.length - trustProxy] ?? hops[0];
}

/** Fixed one-minute windows per address; memory is dropped when a window ends. */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();
  private readonly limit: number;
  private readonly now: () => number;

  constructor(limitPerMinute: number, now: () => number = Date.now) {
    this.limit = limitPerMinute;
    this.now = now;
  }

  /** False when RATE_LIMIT_PER_MINUTE is 0: callers may skip finding the address. */
  get enabled(): boolean {
    return this.limit > 0;
  }

  /** Counts one request; false when the address is over its limit this minute. */
  allow(address: string): boolean {
    if (this.limit === 0) return true;
    const window = Math.floor(this.now() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const n = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, n);
    return n <= this.limit;
  }

  /** Whole seconds until the current window ends and the address may post again (1–60). */
  retryAfterSeconds(): number {
    const end = (Math.floor(this.now() / 60_000) + 1) * 60_000;
    return Math.max(1, Math.ceil((end - this.now()) / 1000));
  }
}
