// The errors a request can end in before it changes anything, and the API's JSON answer to each.
import type { Context } from "hono";
import { apiError } from "./answers.ts";

export class HttpError extends Error {
  readonly status: 400 | 403 | 404 | 405 | 413 | 415 | 429 | 500;
  /** Extra response headers (e.g. Retry-After on 429). */
  readonly headers: Record<string, string>;
  constructor(status: HttpError["status"], message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** Over RATE_LIMIT_PER_MINUTE: 429 with the seconds left in the current minute. */
export class TooManyRequests extends HttpError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, "too many requests; try again in a minute", {
      "retry-after": String(retryAfterSeconds),
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The client went away before its body arrived: not a server fault, nothing was read or written. */
export class ClientAbortError extends Error {}

export type ErrorReports = {
  /** Where a store failure is reported (the server logs it). */
  onStoreError?: (error: unknown) => void;
  /** Where a client that disconnected mid-body is reported (one line; not a server fault). */
  onClientAbort?: (method: string, path: string) => void;
};

/**
 * The root app's error handler: every error no feature answered itself. A store failure is a 500
 * for now; a Vietnamese 503 page for HTML routes would be chosen here, by the request's path.
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
    return apiError(c, 500, "internal error; nothing was recorded");
  };
}
