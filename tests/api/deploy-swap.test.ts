// A deploy swaps dist/ with two renames; every route that reads the build (static files and the
// pages and indexes the server fills in) waits out the gap instead of answering 404.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readThroughSwap } from "../../src/server/site/files.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ comments: { minSeconds: 0 } });
  mkdirSync(join(t.distDir, "tim-kiem"), { recursive: true });
  writeFileSync(
    join(t.distDir, "tim-kiem/index.html"),
    '<!doctype html><html lang="vi"><body>Tìm kiếm</body></html>',
  );
});
afterAll(() => t.close());

const ROUTES = [
  "/",
  "/tin-tuc/",
  "/binh-chon/",
  "/gop-y/",
  "/tim-kiem/?q=dang",
  `/binh-luan/?bai=${ARTICLE}`,
  `/api/comments?article=${ARTICLE}`,
];

describe("during a deploy's swap", () => {
  it("server-rendered routes and static files wait for the new build: 200, not 404", async () => {
    const away = `${t.distDir}-previous`;
    renameSync(t.distDir, away);
    const pending = ROUTES.map((path) => fetch(`${t.url}${path}`).then((r) => [path, r.status]));
    // The second rename of `npm run build`, a moment later.
    await new Promise((r) => setTimeout(r, 150));
    renameSync(away, t.distDir);
    expect(await Promise.all(pending)).toEqual(ROUTES.map((path) => [path, 200]));
  });

  it("a read that missed is made again even when dist/ is back before the first check", async () => {
    const root = mkdtempSync(join(tmpdir(), "portal-swap-"));
    try {
      let reads = 0;
      // The first read missed (mid-swap); by the time the swap is checked, dist/ is back.
      const value = await readThroughSwap(root, async () => (++reads === 1 ? undefined : "page"));
      expect(value).toBe("page");
      expect(reads).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("with no swap in progress a missing file is a 404 at once", async () => {
    const started = Date.now();
    const res = await fetch(`${t.url}/khong-co-trang-nay/`);
    expect(res.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
