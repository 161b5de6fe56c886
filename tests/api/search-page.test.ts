// GET /tim-kiem/ on the server: results from the index in dist/, and a Vietnamese 503 (not a
// crash, not a wrong answer) when the index's files cannot be read.
import { readdirSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/lib/search/build-index.ts";
import { INDEX_DIR } from "../../src/lib/search/index-files.ts";
import { startApp, type TestApp } from "./harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
  const write = (path: string, body: string) => {
    mkdirSync(join(t.distDir, path, ".."), { recursive: true });
    writeFileSync(join(t.distDir, path), body);
  };
  write(
    "tim-kiem/index.html",
    '<!doctype html><html lang="vi"><body><main><!--search-live-->trống<!--/search-live--></main></body></html>',
  );
  write(
    "tin-tuc/bai-thu/index.html",
    '<!doctype html><html lang="vi"><body><article data-search-body><h1>Bài thử</h1>' +
      "<p>Kết nạp đảng viên mới ở xã Tân Lập.</p></article>" +
      '<span data-search-meta="kind">bai-viet</span></body></html>',
  );
  // The fake build's placeholder index goes; a real one is built from the page above.
  rmSync(join(t.distDir, INDEX_DIR), { recursive: true, force: true });
  await buildSearchIndex(t.distDir);
});
afterAll(() => t.close());

describe("the search page on the server", () => {
  it("answers ?q= with the results filled in", async () => {
    const res = await fetch(`${t.url}/tim-kiem/?q=ket+nap`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Tìm thấy 1 kết quả cho “ket nap”.");
    expect(html).toContain('<a href="/tin-tuc/bai-thu/">Bài thử</a>');
    expect(html).not.toContain("trống");
  });

  it("says in Vietnamese, with 503, that the index cannot be read when its files are gone", async () => {
    const [dir] = readdirSync(join(t.distDir, INDEX_DIR)).filter((name) => name !== "chi-muc.json");
    rmSync(join(t.distDir, INDEX_DIR, dir!, "tu"), { recursive: true });
    const res = await fetch(`${t.url}/tim-kiem/?q=${encodeURIComponent("Tân Lập")}`);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toContain("Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.");
    // The form is still there, with the words typed.
    expect(html).toContain('value="Tân Lập"');
  });
});
