// The visit counter: POST /api/visits counts a page view (a visit after 30 minutes without one)
// and answers the figures; GET /api/visits answers them without counting. The hot path: plain
// Response objects keep the Node adapter fast (bench:api).
import { Hono } from "hono";
import type { VisitFigures } from "../../lib/visits/original.ts";
import type { FeatureContext } from "../feature.ts";
import { apiJson, plainJson } from "../http/answers.ts";
import { clientAddress } from "../http/client.ts";
import { HttpError } from "../http/errors.ts";
import { bodyKind, header, own, parseJsonObject, readBody } from "../http/request.ts";
import type { VisitStore, VisitTotals } from "../store/visits.ts";
import { isBot, isPrefetch, VisitorTracker } from "./visitor.ts";

export type VisitDeps = Pick<FeatureContext, "guard" | "trustProxy" | "now"> & {
  store: VisitStore;
  /** The original site's "Tổng" (data/trang-goc.csv); Tổng continues from it. */
  counterBaseline: number;
  /** VISITOR_SECRET: every node derives the same daily salt from it. */
  visitorSecret?: string;
};

const MAX_PATH_LENGTH = 512;

export function visitRoutes(d: VisitDeps): Hono {
  const visitors = new VisitorTracker(d.store, { now: d.now, secret: d.visitorSecret });
  const figures = (counted: boolean, online: number, totals: VisitTotals): VisitFigures => ({
    online,
    today: totals.today,
    total: d.counterBaseline + totals.total,
    counted,
  });
  /** The figures without counting anything (a GET, a bot, a prefetch). */
  const current = async (): Promise<VisitFigures> =>
    figures(false, await visitors.online(), await d.store.visitTotals(visitors.today()));

  return new Hono()
    .get("/api/visits", async (c) => apiJson(c, await current()))
    .post("/api/visits", d.guard, async (c) => {
      bodyKind(c, false);
      const path = own(parseJsonObject(await readBody(c)), "path");
      if (typeof path !== "string" || !path.startsWith("/") || path.length > MAX_PATH_LENGTH) {
        throw new HttpError(400, "path must be a site path starting with /");
      }
      const ua = header(c, "user-agent") ?? "";
      if (isBot(ua) || isPrefetch({ get: (name) => header(c, name) })) {
        return plainJson(await current());
      }
      const sighting = await visitors.see(clientAddress(c, d.trustProxy), ua);
      return plainJson(figures(sighting.newVisit, sighting.online, sighting));
    });
}
