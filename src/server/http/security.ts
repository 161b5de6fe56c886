// Security headers, and a Content-Security-Policy that allows exactly a page's own inline scripts.
import { createHash } from "node:crypto";

/** Executable inline scripts: no src, and a JavaScript type (or none). */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const DATA_TYPE =
  /\btype\s*=\s*["']?(?!module\b|text\/javascript\b|application\/javascript\b)[^"'\s>]+/i;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs) || DATA_TYPE.test(attrs) || body === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** Policy for an HTML page; inline styles stay allowed (the poll's bars set their width with style=""). */
export function htmlPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join("")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Everything that is not a page (API JSON, SVG, CSV…) runs nothing. */
export const RESOURCE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; sandbox";

export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
};

/** The only pages other sites may frame: a chart's embed, /bieu-do/<id>/nhung/. */
export const FRAMEABLE_PAGE = /^\/bieu-do\/[^/]+\/nhung\/(index\.html)?$/;

/** An embed's headers: any site may frame it (CSP frame-ancestors *, no X-Frame-Options). */
export function allowFraming(headers: Record<string, string>): Record<string, string> {
  const rest = { ...headers };
  delete rest["x-frame-options"];
  const csp = rest["content-security-policy"];
  if (csp)
    rest["content-security-policy"] = csp.replace("frame-ancestors 'none'", "frame-ancestors *");
  return rest;
}
