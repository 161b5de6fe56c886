// GET /thong-ke/?tinh=…&cap=…&nam=… without JavaScript: the dashboard's filter form lands on the
// prerendered page of that choice (a 303 to /thong-ke/<choice>/); no query serves the page itself.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Hono, type Context } from "hono";
import { choiceFromQuery, dashboardPath, DASHBOARD_PATH } from "../../lib/dashboard/filters.ts";
import { SECURITY_HEADERS } from "../http/security.ts";
import type { Site } from "../site/site.ts";

export function dashboardRoutes(d: { distDir: string; site: Site }): Hono {
  return new Hono().get(DASHBOARD_PATH, (c) => landing(c, d));
}

function landing(c: Context, d: { distDir: string; site: Site }): Response | Promise<Response> {
  const choice = choiceFromQuery(new URL(c.req.url).searchParams);
  if (!choice) return d.site.serve(c);
  const path = dashboardPath(choice);
  // A choice no page was built for (a value the form never offered) shows every chart.
  const target = existsSync(join(d.distDir, path, "index.html")) ? path : DASHBOARD_PATH;
  return c.body(null, 303, { ...SECURITY_HEADERS, location: target });
}
