// The root app's answer to every error no feature answered itself.
import type { Context } from "hono";
import { apiError } from "./answers.ts";
import { ClientAbortError, HttpError } from "./errors.ts";
import { isFormPost } from "./request.ts";
import { RETRY_AFTER_SECONDS, UNAVAILABLE_HEADERS, unavailablePage } from "./unavailable.ts";

export type ErrorReports = {
  /** Where a store failure is reported (the server logs it). */
  onStoreError?: (error: unknown) => void;
  /** Where a client that disconnected mid-body is reported (one line; not a server fault). */
  onClientAbort?: (method: string, path: string) => void;
};

/** A page, not JSON: every route outside /api/, and a form posted without JavaScript. */
const wantsPage = (c: Context) => !c.req.path.startsWith("/api/") || isFormPost(c);

/**
 * The root app's error handler: every error no feature answered itself. Anything else is taken
 * for a store failure (nothing was recorded): 503 with Retry-After, a Vietnamese page for HTML
 * routes and forms, JSON under /api/.
 */
export function answerErrors(reports: ErrorReports) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpError) return apiError(c, error.status, error.message, error.headers);
    if (error instanceof ClientAbortError) {
      reports.onClientAbort?.(c.req.method, c.req.path);
      // Nobody is there to read it; the status only keeps logs and proxies honest.
      return apiError(c, 400, "request body incomplete; nothing was recorded");
    }
    reports.onStoreError?.(error);
    if (wantsPage(c)) return c.body(unavailablePage(), 503, UNAVAILABLE_HEADERS);
    return apiError(c, 503, "the database is unavailable; nothing was recorded; try again", {
      "retry-after": String(RETRY_AFTER_SECONDS),
    });
  };
}
