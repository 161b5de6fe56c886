// GET /api/health for a load balancer: 200 while this node's database answers within 2 s, 503
// otherwise; it names the backend and nothing secret.
import { Hono } from "hono";
import { apiJson } from "../http/answers.ts";
import type { Stores } from "../store/types.ts";

/** How long /api/health waits for the database before answering 503. */
const HEALTH_TIMEOUT_MS = 2000;

/** True when the database answers within `ms`. */
async function pingWithin(stores: Pick<Stores, "ping">, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([stores.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(stores: Pick<Stores, "kind" | "ping">): Hono {
  return new Hono().get("/api/health", async (c) => {
    const ok = await pingWithin(stores, HEALTH_TIMEOUT_MS);
    return apiJson(c, { ok, store: stores.kind }, ok ? 200 : 503);
  });
}
