// How the server answers: API JSON with its headers, redirects after a form post, built pages.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { SECURITY_HEADERS } from "./security.ts";

/**
 * Every API answer (JSON, never rendered as a page, so the page-only headers add nothing).
 * Plain objects keep the adapter on its fast path: c.header() would copy every response.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
  // JSON opened as a document (or framed) may run and load nothing.
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
};
/** API_HEADERS with the JSON type, for answers that set no cookie. */
const API_JSON_HEADERS = { ...API_HEADERS, "content-type": "application/json" };

/** An API answer through Hono (cookies set on `c` are kept), with any extra headers. */
export const apiJson = (
  c: Context,
  body: unknown,
  status: ContentfulStatusCode = 200,
  headers?: Record<string, string>,
): Response => c.json(body, status, headers ? { ...API_HEADERS, ...headers } : API_HEADERS);

/** A 200 JSON answer built directly: the Node adapter writes it without Hono's header merging. */
export const plainJson = (body: unknown): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: API_JSON_HEADERS });

/** `{ "error": "…" }` with the API's headers and any extra ones (Retry-After, Allow). */
export const apiError = (
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  headers?: Record<string, string>,
): Response => apiJson(c, { error }, status, headers);

/** Headers of a page the server fills in or answers: never cached, its own CSP. */
export const pageHeaders = (csp: string): Record<string, string> => ({
  ...SECURITY_HEADERS,
  "cache-control": "no-store",
  "content-security-policy": csp,
});

/** 303 after a form post (no JavaScript): the browser GETs the page that says what happened. */
export const seeOther = (c: Context, location: string): Response =>
  c.body(null, 303, { ...SECURITY_HEADERS, "cache-control": "no-store", location });
