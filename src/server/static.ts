// Serves the built site from dist/ (placeholder until the API server lands: issue 5).
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

async function resolveFile(distDir: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath);
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  const candidates = safe.endsWith("/")
    ? [join(distDir, safe, "index.html")]
    : [join(distDir, safe), join(distDir, safe, "index.html")];
  for (const file of candidates) {
    if (!file.startsWith(distDir)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

export function mountStatic(app: Hono, distDir: string): void {
  app.get("*", async (c) => {
    const path = new URL(c.req.url).pathname;
    const file = await resolveFile(distDir, path);
    if (!file) {
      const notFound = await readFile(join(distDir, "404.html")).catch(
        () => "Không tìm thấy trang",
      );
      return c.body(notFound, 404, { "content-type": TYPES[".html"]! });
    }
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    return c.body(body, 200, { "content-type": type });
  });
}
