// Serves the built site from dist/: safe paths, cache headers, ETags, a CSP per page, real 404s,
// and the build's .br/.gz copies to the clients that accept them.
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Context } from "hono";
import { chooseEncoding, ENCODINGS, isCompressible, type Encoding } from "../lib/compression.ts";
import { INDEX_DIR } from "../lib/search/index-files.ts";
import { htmlPolicy, inlineScriptHashes, RESOURCE_POLICY, SECURITY_HEADERS } from "./security.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

const MAX_CACHED_FILES = 2000;
const SEARCH_FILES = new RegExp(`^/${INDEX_DIR}/[0-9a-f]{12}/`);
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const SHORT = "public, max-age=3600";
/** How long a request waits for dist/ to reappear during a deploy's swap: up to 2 s. */
const SWAP_WAIT_MS = 20;
const SWAP_WAIT_STEPS = 100;

type CachedFile = { mtimeMs: number; size: number; body: Buffer; etag: string; csp: string };

export type StaticSite = {
  /** Answers a GET/HEAD for `pathname` from dist/. */
  serve(c: Context): Promise<Response>;
  /** The page HTML at a dist-relative path (e.g. "binh-chon/index.html"), with its CSP. */
  page(relative: string): Promise<{ html: string; csp: string } | undefined>;
  /** The 404 page with status 404. */
  notFound(c: Context): Promise<Response>;
};

export function createStaticSite(distDir: string): StaticSite {
  const root = resolve(distDir);
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
    const body = await readFile(file);
    const isHtml = file.endsWith(".html");
    const entry: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      etag: `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`,
      csp: isHtml ? htmlPolicy(inlineScriptHashes(body.toString("utf8"))) : RESOURCE_POLICY,
    };
    // Only small files stay in memory; the site is mostly small HTML, CSS, JS and fonts.
    if (body.length <= 512 * 1024) {
      cache.delete(file);
      cache.set(file, entry);
      // Bounded: drop the oldest entries (Maps keep insertion order) on large sites.
      if (cache.size > MAX_CACHED_FILES) cache.delete(cache.keys().next().value!);
    }
    return entry;
  }

  /** Maps a URL path to a file inside dist/, or undefined when it would leave it. */
  function toFile(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
    const file = resolve(root, `.${decoded}`);
    if (file !== root && !file.startsWith(root + sep)) return undefined;
    if (decoded.split("/").some((part) => part.startsWith(".") && part !== "")) return undefined;
    return decoded.endsWith("/") ? join(file, "index.html") : file;
  }

  function cacheControl(pathname: string, file: string): string {
    // The search index's files sit in a folder named by their hash (src/lib/search/index-files.ts).
    if (pathname.startsWith("/_astro/") || SEARCH_FILES.test(pathname)) return IMMUTABLE;
    if (file.endsWith(".html") || file.endsWith(".xml") || file.endsWith(".json"))
      return REVALIDATE;
    return SHORT;
  }

  async function notFound(c: Context): Promise<Response> {
    const page = await load(join(root, "404.html"));
    const body =
      page?.body ?? Buffer.from("<!doctype html><title>404</title><p>Không tìm thấy trang</p>");
    return c.body(new Uint8Array(body), 404, {
      ...SECURITY_HEADERS,
      "content-type": TYPES[".html"]!,
      "cache-control": REVALIDATE,
      "content-security-policy": page?.csp ?? htmlPolicy([]),
    });
  }

  const exists = async (dir: string) => !!(await stat(dir).catch(() => undefined));

  /**
   * `npm run build` swaps the new build in with two renames (dist → dist-previous, staging → dist).
   * True when dist/ was missing in that gap and is back, so a request there need not get a 404.
   */
  async function swappedIn(): Promise<boolean> {
    for (let i = 0; i <= SWAP_WAIT_STEPS; i++) {
      if (await exists(root)) return i > 0;
      // Only a swap in progress is worth waiting for; a dist/ that is simply gone is not. The swap
      // may have finished between the two checks (dist-previous → dist): look once more.
      if (!(await exists(`${root}-previous`)) && !(await exists(`${root}-staging`)))
        return exists(root);
      await new Promise((r) => setTimeout(r, SWAP_WAIT_MS));
    }
    return false;
  }

  async function serve(c: Context): Promise<Response> {
    const url = new URL(c.req.url);
    const file = toFile(url.pathname);
    if (!file) return notFound(c);
    let entry = await load(file);
    if (!entry && (await swappedIn())) entry = await load(file);
    if (!entry) {
      // A folder asked for without its trailing slash: send readers to the canonical URL.
      if (!url.pathname.endsWith("/") && (await load(join(file, "index.html")))) {
        // One leading slash only: "//host/" in Location would send the reader to another site.
        const path = url.pathname.replace(/^\/+/, "/");
        return c.body(null, 301, { ...SECURITY_HEADERS, location: `${path}/${url.search}` });
      }
      return notFound(c);
    }
    const compressible = isCompressible(file);
    const variant = compressible
      ? await encoded(file, entry, c.req.header("accept-encoding"))
      : undefined;
    // Each encoding is its own representation: its own ETag, so a cache never mixes them.
    const etag = variant ? `${entry.etag.slice(0, -1)}-${variant.encoding}"` : entry.etag;
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "cache-control": cacheControl(url.pathname, file),
      etag,
      "last-modified": new Date(entry.mtimeMs).toUTCString(),
      // The policy hashes the page's own inline scripts, read from the uncompressed HTML.
      "content-security-policy": entry.csp,
    };
    if (compressible) headers.vary = "Accept-Encoding";
    if (variant) headers["content-encoding"] = variant.encoding;
    const inm = c.req.header("if-none-match");
    if (inm && inm.split(",").some((tag) => tag.trim() === etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(new Uint8Array(variant?.file.body ?? entry.body), 200, headers);
  }

  /** The best precompressed copy of `file` that `accept` allows, if the build wrote a current one. */
  async function encoded(
    file: string,
    original: CachedFile,
    accept: string | undefined,
  ): Promise<{ encoding: Encoding; file: CachedFile } | undefined> {
    const available = [...ENCODINGS];
    for (;;) {
      const encoding = chooseEncoding(
        accept,
        available.map((e) => e.encoding),
      );
      if (encoding === undefined) return undefined;
      const i = available.findIndex((e) => e.encoding === encoding);
      const copy = await load(`${file}${available[i]!.suffix}`);
      // A copy older than its file (the file edited after the build) would send stale bytes.
      if (copy && copy.mtimeMs >= original.mtimeMs) return { encoding, file: copy };
      available.splice(i, 1); // this file has no such copy: the next best
    }
  }

  async function page(relative: string) {
    const entry = await load(join(root, relative));
    return entry ? { html: entry.body.toString("utf8"), csp: entry.csp } : undefined;
  }

  return { serve, page, notFound };
}
