// The built site in dist/: files served with cache headers, ETags, a CSP per page, real 404s and
// the build's .br/.gz copies; and fill(), the one way a feature answers with a built page whose
// `<!--name-->…<!--/name-->` blocks it filled in (poll results, comments, search results).
import { extname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { chooseEncoding, ENCODINGS, isCompressible, type Encoding } from "../../lib/compression.ts";
import { INDEX_DIR } from "../../lib/search/index-files.ts";
import { pageHeaders } from "../http/answers.ts";
import { allowFraming, FRAMEABLE_PAGE, htmlPolicy, SECURITY_HEADERS } from "../http/security.ts";
import { fileCache, fileOf, readThroughSwap, type CachedFile } from "./files.ts";

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

const gzipAsync = promisify(gzip);
const SEARCH_FILES = new RegExp(`^/${INDEX_DIR}/[0-9a-f]{12}/`);
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const SHORT = "public, max-age=3600";

export type FillOptions = {
  status?: ContentfulStatusCode;
  /** Headers beside the page's own (e.g. Retry-After). */
  headers?: Record<string, string>;
};

export type Site = {
  /** Answers a GET/HEAD for the request's path from dist/. */
  serve(c: Context): Promise<Response>;
  /** The page HTML at a dist-relative path (e.g. "binh-chon/index.html"), with its CSP. */
  page(relative: string): Promise<{ html: string; csp: string } | undefined>;
  /**
   * The page at `relative` with each `<!--name-->…<!--/name-->` block replaced by `blocks[name]`,
   * never cached, with the page's CSP; the 404 page when the build has no such page.
   */
  fill(
    c: Context,
    relative: string,
    blocks: Record<string, string>,
    options?: FillOptions,
  ): Promise<Response>;
  /** The 404 page with status 404. */
  notFound(c: Context): Promise<Response>;
  /**
   * Pages containing `marker` are passed through `stamp` on every request and sent fresh (no
   * validators, never precompressed; gzip made on the fly); other files are untouched.
   */
  stampPages(marker: string, stamp: StampFn): void;
};

/** A built page's HTML with per-request values filled in, or undefined to leave it as built. */
export type StampFn = (html: string) => Promise<string | undefined>;
type Stamp = { marker: string; stamp: StampFn };

function cacheControl(pathname: string, file: string): string {
  // The search index's files sit in a folder named by their hash (src/lib/search/index-files.ts).
  if (pathname.startsWith("/_astro/") || SEARCH_FILES.test(pathname)) return IMMUTABLE;
  if (file.endsWith(".html") || file.endsWith(".xml") || file.endsWith(".json")) return REVALIDATE;
  return SHORT;
}

/** Each block's content put between its markers (every occurrence). */
export function fillBlocks(html: string, blocks: Record<string, string>): string {
  let filled = html;
  for (const [name, content] of Object.entries(blocks)) {
    const marker = new RegExp(`<!--${name}-->[\\s\\S]*?<!--/${name}-->`, "g");
    filled = filled.replace(marker, () => `<!--${name}-->${content}<!--/${name}-->`);
  }
  return filled;
}

type Load = ReturnType<typeof fileCache>;

/** The build's 404 page (or a minimal one) with status 404. */
async function notFoundPage(c: Context, load: Load, root: string): Promise<Response> {
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

/** The best precompressed copy of `file` that `accept` allows, if the build wrote a current one. */
async function encoded(
  load: Load,
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

/** The file's headers: type, caching, validators, its CSP, and its encoding when compressed. */
function fileHeaders(url: URL, file: string, entry: CachedFile, encoding?: Encoding) {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": cacheControl(url.pathname, file),
    // Each encoding is its own representation: its own ETag, so a cache never mixes them.
    etag: encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag,
    "last-modified": new Date(entry.mtimeMs).toUTCString(),
    // The policy hashes the page's own inline scripts, read from the uncompressed HTML.
    "content-security-policy": entry.csp,
  };
  if (isCompressible(file)) headers.vary = "Accept-Encoding";
  if (encoding) headers["content-encoding"] = encoding;
  // A chart's embed is made to be framed by other sites; every other page refuses.
  return FRAMEABLE_PAGE.test(url.pathname) && file.endsWith(".html")
    ? allowFraming(headers)
    : headers;
}

/** A stamped page: never cached by validators, gzip made here when the browser takes it. */
async function stampedAnswer(c: Context, url: URL, file: string, entry: CachedFile, html: string) {
  const headers = fileHeaders(url, file, entry);
  delete headers.etag;
  delete headers["last-modified"];
  const gzipped = chooseEncoding(c.req.header("accept-encoding"), ["gzip"]) === "gzip";
  if (gzipped) headers["content-encoding"] = "gzip";
  const body = gzipped ? await gzipAsync(html) : Buffer.from(html);
  return c.body(new Uint8Array(body), 200, headers);
}

/** A GET/HEAD of a file in dist/: 200, 304 on a matching ETag, a 301 to a folder's slash, or 404. */
async function serveFile(c: Context, load: Load, root: string, stamps: Stamp[]): Promise<Response> {
  const url = new URL(c.req.url);
  const file = fileOf(root, url.pathname);
  if (!file) return notFoundPage(c, load, root);
  const entry = await readThroughSwap(root, () => load(file));
  if (!entry) {
    // A folder asked for without its trailing slash: send readers to the canonical URL.
    if (!url.pathname.endsWith("/") && (await load(join(file, "index.html")))) {
      // One leading slash only: "//host/" in Location would send the reader to another site.
      const path = url.pathname.replace(/^\/+/, "/");
      return c.body(null, 301, { ...SECURITY_HEADERS, location: `${path}/${url.search}` });
    }
    return notFoundPage(c, load, root);
  }
  // Searched in the bytes: most pages carry no marker and are never decoded here.
  for (const s of file.endsWith(".html") ? stamps : []) {
    if (!entry.body.includes(s.marker)) continue;
    const html = await s.stamp(entry.body.toString("utf8"));
    if (html !== undefined) return stampedAnswer(c, url, file, entry, html);
  }
  const variant = isCompressible(file)
    ? await encoded(load, file, entry, c.req.header("accept-encoding"))
    : undefined;
  const headers = fileHeaders(url, file, entry, variant?.encoding);
  const inm = c.req.header("if-none-match");
  if (inm && inm.split(",").some((tag) => tag.trim() === headers.etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(new Uint8Array(variant?.file.body ?? entry.body), 200, headers);
}

export function createSite(distDir: string): Site {
  const root = resolve(distDir);
  const load = fileCache();
  const stamps: Stamp[] = [];
  const notFound = (c: Context) => notFoundPage(c, load, root);
  const page = async (relative: string) => {
    // A page a feature fills in waits out a deploy's swap as a static file does.
    const entry = await readThroughSwap(root, () => load(join(root, relative)));
    return entry ? { html: entry.body.toString("utf8"), csp: entry.csp } : undefined;
  };
  return {
    serve: (c) => serveFile(c, load, root, stamps),
    stampPages: (marker, stamp) => void stamps.push({ marker, stamp }),
    page,
    notFound,
    async fill(c, relative, blocks, options = {}) {
      const built = await page(relative);
      if (!built) return notFound(c);
      const headers = { ...pageHeaders(built.csp), ...options.headers };
      return c.html(fillBlocks(built.html, blocks), options.status ?? 200, headers);
    },
  };
}
