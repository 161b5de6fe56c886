// A comment refused before anything is stored: its code, status and Vietnamese words.
import { REFUSALS, refusalMessage, type RefusalCode } from "../../lib/comments/submission.ts";
import { HttpError, TooManyRequests } from "../http/errors.ts";

export class Refusal extends Error {
  readonly code: RefusalCode;
  readonly retryMinutes: number | undefined;
  /** The field at fault, when the refusal names one. */
  readonly field: string | undefined;
  constructor(code: RefusalCode, retryMinutes?: number, field?: string) {
    super(code);
    this.code = code;
    this.retryMinutes = retryMinutes;
    this.field = field;
  }
  /** What the reader is told, in Vietnamese. */
  get words(): string {
    return refusalMessage(this.code, this.retryMinutes, this.field);
  }
  get status(): (typeof REFUSALS)[RefusalCode][0] {
    return REFUSALS[this.code][0];
  }
  /** Retry-After for a refusal that says when to come back. */
  get headers(): Record<string, string> {
    return this.retryMinutes === undefined ? {} : { "retry-after": String(this.retryMinutes * 60) };
  }
}

/** The refusal an error means for a comment, or undefined when it is not one. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  // The API's per-minute limit counts comment posts too, and says when in whole minutes.
  if (error instanceof TooManyRequests) {
    return new Refusal("qua-nhieu", Math.ceil(error.retryAfterSeconds / 60));
  }
  if (error instanceof HttpError && error.status === 403) return new Refusal("khac-trang");
  if (error instanceof HttpError && error.status === 413) return new Refusal("qua-dai");
  return undefined;
}
