// Serving the build: cache and security headers, HEAD, ETags, safe paths, real 404s.
import { createHash } from "node:crypto";
import { renameSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_SCRIPT, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

/** A raw request, so that paths like /../ reach the server unnormalised. */
function raw(
  path: string,
  method = "GET",
): Promise<{ status: number; body: string; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, path }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () =>
        resolve({ status: res.statusCode!, body, location: res.headers.location }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static files", () => {
  it("serves pages with no-cache and a CSP that allows exactly their inline scripts", async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const csp = res.headers.get("content-security-policy")!;
    const hash = createHash("sha256").update(INLINE_SCRIPT).digest("base64");
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("marks hashed /_astro/ assets immutable for a year", async () => {
    const res = await fetch(`${t.url}/_astro/app.AbC123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("marks the search index's hashed folder immutable, its manifest revalidated", async () => {
    const words = await fetch(`${t.url}/chi-muc/0123456789ab/tu/0.json`);
    expect(words.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const manifest = await fetch(`${t.url}/chi-muc/chi-muc.json`);
    expect(manifest.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await fetch(`${t.url}/tin-tuc/`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toBe("");
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await fetch(`${t.url}/favicon.svg`);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${t.url}/favicon.svg`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  // A folder without its trailing slash is redirected; the Location is always a path on this
  // site, never protocol-relative ("//tin-tuc/" would send the browser to host "tin-tuc").
  for (const [path, location] of [
    ["/tin-tuc?trang=2", "/tin-tuc/?trang=2"],
    ["/thong-ke", "/thong-ke/"],
    ["//tin-tuc", "/tin-tuc/"],
    ["//thong-ke?x", "/thong-ke/?x"],
    ["///tin-tuc", "/tin-tuc/"],
  ] as const) {
    it(`redirects ${path} to ${location}`, async () => {
      const res = await raw(path);
      expect(res.status).toBe(301);
      expect(res.location).toBe(location);
    });
  }

  it("answers unknown paths with the 404 page and status 404", async () => {
    const res = await fetch(`${t.url}/khong-co/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Không tìm thấy trang");
  });

  for (const path of [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/tin-tuc/..%2F..%2Fsecret.txt",
    "/..%5Csecret.txt",
    "/%00index.html",
    "/%E0%A4%A",
  ]) {
    it(`never leaves dist/: ${path}`, async () => {
      const res = await raw(path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain("outside dist");
    });
  }

  it("answers other methods on pages with 405", async () => {
    const res = await fetch(`${t.url}/`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("during a deploy's swap", () => {
  it("a request made while dist/ is briefly missing waits for the new build instead of a 404", async () => {
    // As `npm run build` does: dist/ → dist-previous/, then (a moment later) staging → dist/.
    const away = `${t.distDir}-previous`;
    renameSync(t.distDir, away);
    const pending = fetch(`${t.url}/tin-tuc/`);
    // The new build arrives a moment later, as the second rename of `npm run build` does.
    await new Promise((r) => setTimeout(r, 150));
    renameSync(away, t.distDir);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Tin tức");
  });
});
