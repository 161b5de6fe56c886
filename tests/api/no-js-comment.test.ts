// Without JavaScript a comment goes in one send: the Node server stamps an article's built form
// with a fresh signed form time as it serves the page; the built page itself (a static host)
// says that comments need the server.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCommentForm } from "../../src/lib/comments/view.ts";
import { ARTICLE, startApp, type TestApp } from "./harness.ts";

let t: TestApp;
let clock = Date.parse("2026-12-01T03:00:00Z");
const built = `<!doctype html><html lang="vi"><body><h1>Bài thử</h1>${renderCommentForm({ article: ARTICLE, retentionDays: 180 })}</body></html>`;
beforeAll(async () => {
  t = await startApp({ now: () => clock, comments: { minSeconds: 3 } });
  mkdirSync(join(t.distDir, "tin-tuc", ARTICLE), { recursive: true });
  writeFileSync(join(t.distDir, "tin-tuc", ARTICLE, "index.html"), built);
});
afterAll(() => t.close());

const tokenOf = (html: string) =>
  html.match(/name="token" value="([^"]*)" data-comment-token/)?.[1];

describe("the comment form on a built article", () => {
  it("as built (a static host) has no form time and says comments need the server", () => {
    expect(tokenOf(built)).toBe("");
    expect(built).toContain("Gửi bình luận cần máy chủ");
  });

  it("served by the server carries a fresh form time, without the note, never cached by validators", async () => {
    const res = await fetch(`${t.url}/tin-tuc/${ARTICLE}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeNull();
    const html = await res.text();
    expect(tokenOf(html)).toMatch(new RegExp(`^${clock}\\.`));
    expect(html).not.toContain("Gửi bình luận cần máy chủ");
    clock += 1000;
    const again = await (await fetch(`${t.url}/tin-tuc/${ARTICLE}/`)).text();
    expect(tokenOf(again)).toMatch(new RegExp(`^${clock}\\.`));
  });

  it("is gzipped on the fly when the browser takes gzip; pages without a form keep their ETag", async () => {
    const res = await fetch(`${t.url}/tin-tuc/${ARTICLE}/`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    // fetch decodes the gzip: the page arrives whole, with its form time.
    expect(tokenOf(await res.text())).toMatch(/^\d+\./);
    const plain = await fetch(`${t.url}/tin-tuc/`);
    expect(plain.headers.get("etag")).not.toBeNull();
  });

  it("one send without JavaScript lands on the awaiting page (303)", async () => {
    const html = await (await fetch(`${t.url}/tin-tuc/${ARTICLE}/`)).text();
    clock += 5000; // the reader reads and types
    const res = await fetch(`${t.url}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        article: ARTICLE,
        name: "Bạn đọc",
        text: "Một lần gửi là đủ.",
        consent: "on",
        token: tokenOf(html)!,
      }).toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/binh-luan/?bai=${ARTICLE}&ket-qua=cho-duyet`);
  });
});
