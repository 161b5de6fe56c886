// Precompressed copies: the build step writes them; the server picks br, gzip or identity by
// Accept-Encoding, with Vary, an ETag per encoding, 304s, and the page's CSP unchanged.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressFolder } from "../../src/cli/compress.ts";
import { startApp, type TestApp } from "./harness.ts";

const SCRIPT = "document.documentElement.dataset.big='1'";
const BIG_HTML = `<!doctype html><html lang="vi"><head><script>${SCRIPT}</script></head><body>${"<p>Kết nạp đảng viên mới.</p>".repeat(200)}</body></html>`;
const BIG_CSV = `ten,so\n${"Đảng bộ,6.001\n".repeat(300)}`;

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
  for (const [path, body] of Object.entries({
    "bai/index.html": BIG_HTML,
    "du-lieu/so.csv": BIG_CSV,
    "fonts/a.woff2": "x".repeat(4000),
    "nho.css": "a{color:red}",
  })) {
    mkdirSync(dirname(join(t.distDir, path)), { recursive: true });
    writeFileSync(join(t.distDir, path), body);
  }
  await compressFolder(t.distDir);
});
afterAll(() => t.close());

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressFolder", () => {
  it("writes .br and .gz of the text files over 1 KB only, each decompressing to the original", () => {
    for (const f of ["bai/index.html", "du-lieu/so.csv"]) {
      const original = readFileSync(join(t.distDir, f));
      expect(brotliDecompressSync(readFileSync(join(t.distDir, `${f}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(t.distDir, `${f}.gz`)))).toEqual(original);
    }
    for (const f of ["fonts/a.woff2", "nho.css", "index.html"]) {
      expect(existsSync(join(t.distDir, `${f}.br`)), f).toBe(false);
      expect(existsSync(join(t.distDir, `${f}.gz`)), f).toBe(false);
    }
  });
});

describe("serving the copies", () => {
  it("sends Brotli when accepted, with Vary and the same CSP as the plain page", async () => {
    const plain = await get("/bai/");
    const br = await get("/bai/", { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_HTML);
    expect(br.body.length).toBeLessThan(BIG_HTML.length / 5);
    const hash = createHash("sha256").update(SCRIPT).digest("base64");
    expect(br.headers["content-security-policy"]).toContain(`'sha256-${hash}'`);
    expect(br.headers["content-security-policy"]).toBe(plain.headers["content-security-policy"]);
  });

  it("sends gzip when Brotli is not accepted, and identity when nothing is", async () => {
    const gz = await get("/du-lieu/so.csv", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(BIG_CSV);
    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0", "deflate"]) {
      const res = await get("/du-lieu/so.csv", accept ? { "accept-encoding": accept } : {});
      expect(res.headers["content-encoding"], accept).toBeUndefined();
      expect(res.body.toString(), accept).toBe(BIG_CSV);
      expect(res.headers.vary, accept).toBe("Accept-Encoding");
    }
  });

  it("gives each encoding its own ETag, and a 304 only for the ETag of the encoding sent", async () => {
    const tags = new Map<string, string>();
    for (const accept of ["br", "gzip", "identity"]) {
      tags.set(accept, (await get("/bai/", { "accept-encoding": accept })).headers.etag as string);
    }
    expect(new Set(tags.values()).size).toBe(3);
    for (const [accept, etag] of tags) {
      const again = await get("/bai/", { "accept-encoding": accept, "if-none-match": etag });
      expect(again.status, accept).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.vary).toBe("Accept-Encoding");
      expect(again.headers.etag).toBe(etag);
    }
    // A Brotli ETag from a cache does not validate the gzip copy.
    const mixed = await get("/bai/", {
      "accept-encoding": "gzip",
      "if-none-match": tags.get("br")!,
    });
    expect(mixed.status).toBe(200);
    expect(mixed.headers["content-encoding"]).toBe("gzip");
  });

  it("sends the file itself when it was edited after its copies were written", async () => {
    const edited = BIG_HTML.replace("Kết nạp", "Đã sửa");
    const file = join(t.distDir, "bai/index.html");
    writeFileSync(file, edited);
    // Newer than its copies, whatever the file system's timestamp resolution.
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const res = await get("/bai/", { "accept-encoding": "br, gzip" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe(edited);
  });

  it("sends small files and fonts as they are", async () => {
    const css = await get("/nho.css", { "accept-encoding": "br, gzip" });
    expect(css.headers["content-encoding"]).toBeUndefined();
    expect(css.headers.vary).toBe("Accept-Encoding");
    const font = await get("/fonts/a.woff2", { "accept-encoding": "br, gzip" });
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.headers.vary).toBeUndefined();
  });
});
