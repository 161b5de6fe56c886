// GET /api/health for a load balancer: 200 while this node's database answers a read within 2 s
// and a write commits (probed at most every 5 s), 503 otherwise; it names the backend and nothing
// secret.
import { Hono } from "hono";
import { apiJson } from "../http/answers.ts";
import type { Stores } from "../store/types.ts";

/** How long /api/health waits for the database before answering 503. */
const HEALTH_TIMEOUT_MS = 2000;
/** A write probe's answer is reused this long: a health check every second writes once in 5. */
const WRITE_PROBE_MS = 5000;

/** True when `check` resolves within `ms`. */
async function within(check: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The write probe, shared by the checks of the next WRITE_PROBE_MS (and by concurrent ones). */
function cachedWriteProbe(stores: Pick<Stores, "probeWrite">, now: () => number) {
  let last: { at: number; ok: Promise<boolean> } | undefined;
  return () => {
    if (!last || now() - last.at >= WRITE_PROBE_MS) {
      last = { at: now(), ok: within(() => stores.probeWrite(), HEALTH_TIMEOUT_MS) };
    }
    return last.ok;
  };
}

export function healthRoutes(
  stores: Pick<Stores, "kind" | "ping" | "probeWrite">,
  now: () => number = Date.now,
): Hono {
  const writable = cachedWriteProbe(stores, now);
  return new Hono().get("/api/health", async (c) => {
    const ok = (await within(() => stores.ping(), HEALTH_TIMEOUT_MS)) && (await writable());
    return apiJson(c, { ok, store: stores.kind }, ok ? 200 : 503);
  });
}
