// The errors a request can end in before it changes anything, and the API's JSON answer to each.

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
