// Reading a request safely: headers from the socket, own properties only, bounded bodies.
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { ClientAbortError, HttpError } from "./errors.ts";

export const MAX_BODY_BYTES = 4096;

const incomingOf = (c: Context) => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

/**
 * A request header. On Node it is read from the socket's already-parsed headers: asking Hono
 * builds a Web `Headers` object per request, a measurable share of an API request's cost.
 */
export function header(c: Context, name: string): string | undefined {
  const incoming = incomingOf(c);
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A request value by own property only: "constructor" or "__proto__" never reach Object.prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Node's "aborted"/ECONNRESET from a request stream whose client disconnected. */
function isAbort(c: Context, error: unknown): boolean {
  const incoming = incomingOf(c);
  const code = (error as { code?: unknown } | null)?.code;
  return (
    incoming?.readableAborted === true ||
    incoming?.destroyed === true ||
    code === "ECONNRESET" ||
    (error instanceof Error && error.message === "aborted")
  );
}

export type BodyKind = "json" | "form";

/** A plain HTML form post (the no-JavaScript poll and comment forms). */
export function isFormPost(c: Context): boolean {
  return mediaType(c) === "application/x-www-form-urlencoded";
}

function mediaType(c: Context): string {
  return (header(c, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The body's media type, or 415. */
export function bodyKind(c: Context, allowForm: boolean): BodyKind {
  const type = mediaType(c);
  if (type === "application/json") return "json";
  if (allowForm && type === "application/x-www-form-urlencoded") return "form";
  throw new HttpError(415, allowForm ? "send application/json or a form" : "send application/json");
}

/** Reads at most `maxBytes` (MAX_BODY_BYTES unless a route needs more), then refuses with 413 (also for chunked bodies). */
export async function readBody(c: Context, maxBytes = MAX_BODY_BYTES): Promise<string> {
  try {
    return await readBodyUnguarded(c, maxBytes);
  } catch (error) {
    if (!(error instanceof HttpError) && isAbort(c, error)) throw new ClientAbortError("aborted");
    throw error;
  }
}

async function readBodyUnguarded(c: Context, maxBytes: number): Promise<string> {
  const length = header(c, "content-length");
  if (length !== undefined) {
    if (Number(length) > maxBytes) throw new HttpError(413, "request body too large");
    // Declared and small: the adapter's fast path reads the Node stream without Web streams.
    return c.req.raw.text();
  }
  const stream = c.req.raw.body;
  if (!stream) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HttpError(413, "request body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON object body, or 400. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HttpError(400, "body must be a JSON object");
  }
  return value as Record<string, unknown>;
}

/** A JSON object or a form's fields (a repeated name: its last value), read within `maxBytes`. */
export async function readFields(
  c: Context,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ kind: BodyKind; fields: Record<string, unknown> }> {
  const kind = bodyKind(c, true);
  const text = await readBody(c, maxBytes);
  const fields =
    kind === "json" ? parseJsonObject(text) : Object.fromEntries(new URLSearchParams(text));
  return { kind, fields };
}
