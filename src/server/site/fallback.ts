// What answers a request no feature's route matched: under /api/, a 405 with the methods the
// path's routes take (or a 404), as JSON; elsewhere the static site for GET and HEAD.
import type { NotFoundHandler } from "hono";
import { apiError } from "../http/answers.ts";
import { allowedMethods } from "../http/methods.ts";
import { SECURITY_HEADERS } from "../http/security.ts";
import type { Site } from "./site.ts";

export function notFound(
  site: Site,
  routes: () => readonly { method: string; path: string }[],
): NotFoundHandler {
  const allowOf = allowedMethods(routes);
  return (c) => {
    const path = c.req.path;
    if (path.startsWith("/api/")) {
      const allow = allowOf(path);
      if (allow) return apiError(c, 405, "method not allowed", { allow });
      return apiError(c, 404, "not found");
    }
    if (c.req.method === "GET" || c.req.method === "HEAD") return site.serve(c);
    // The static site answers GET and HEAD only.
    return c.text("Method not allowed", 405, { ...SECURITY_HEADERS, allow: "GET, HEAD" });
  };
}
