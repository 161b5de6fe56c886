// The real app over real HTTP, in-process, with a temporary SQLite file and a small fake build.
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { DatabaseSync } from "node:sqlite";
import type { Server } from "node:http";
import { originalSiteFigures } from "../../src/lib/data/original-site.ts";
import { createApp, type AppOptions } from "../../src/server/app.ts";
import { loadPolls } from "../../src/server/polls/definitions.ts";
import type { Stores } from "../../src/server/store/types.ts";
import { BACKENDS, type Backend, type TestStoreTarget } from "../helpers/stores.ts";
import { parsePollDefinition } from "../../src/lib/polls/schema.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const POLL = "danh-gia-website";
/** An article the fake build lists for comments. */
export const ARTICLE = "bai-thu";
export const INLINE_SCRIPT = "document.documentElement.dataset.js='1'";

/** A browser-like user agent the counter counts. */
export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/** Writes a tiny build: pages, a hashed asset, a 404 page and the poll result page. */
export function writeFakeDist(dir: string): void {
  const files: Record<string, string> = {
    "index.html": `<!doctype html><html lang="vi"><head><script>${INLINE_SCRIPT}</script></head><body>Trang chủ</body></html>`,
    "404.html": '<!doctype html><html lang="vi"><body>Không tìm thấy trang</body></html>',
    "tin-tuc/index.html": '<!doctype html><html lang="vi"><body>Tin tức</body></html>',
    "thong-ke/index.html": '<!doctype html><html lang="vi"><body>Thống kê</body></html>',
    "_astro/app.AbC123.js": "console.log('app')",
    "chi-muc/chi-muc.json": '{"format":1}',
    "chi-muc/0123456789ab/tu/0.json": "{}",
    "favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "binh-chon/index.html":
      '<!doctype html><html lang="vi"><body><!--poll-live-->baked<!--/poll-live--></body></html>',
    "binh-luan/index.html":
      '<!doctype html><html lang="vi"><body><!--comments-live-->baked<!--/comments-live--></body></html>',
    "gop-y/index.html":
      '<!doctype html><html lang="vi"><body><!--feedback-form-->baked<!--/feedback-form--> <!--retention-days-->180<!--/retention-days--> ngày</body></html>',
    "binh-luan/bai-viet.json": JSON.stringify({
      [ARTICLE]: { title: "Bài thử", path: `/tin-tuc/${ARTICLE}/` },
      "bai-khac": { title: "Bài khác", path: "/tin-tuc/bai-khac/" },
    }),
  };
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  writeFileSync(join(dirname(dir), "secret.txt"), "outside dist");
}

export type TestApp = {
  url: string;
  stores: Stores;
  /** The SQLite file ("" on PostgreSQL: read through `stores` or `target`). */
  databasePath: string;
  /** The database, to open a second connection (or node) on it. */
  target: TestStoreTarget;
  distDir: string;
  /** Counts straight from the database file (a second connection). */
  counts(): { votes: number; visits: number };
  close(): Promise<void>;
};

export async function startApp(
  options: {
    rateLimitPerMinute?: number;
    trustProxy?: number;
    now?: () => number;
    comments?: AppOptions["comments"];
    staff?: AppOptions["staff"];
    articlePage?: AppOptions["articlePage"];
    /** The database backend (SQLite unless told). */
    backend?: Backend;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "portal-api-"));
  const distDir = join(dir, "dist");
  writeFakeDist(distDir);
  const target = await (options.backend ?? BACKENDS[0]!).create();
  const databasePath = target.env.DATABASE_PATH ?? "";
  const stores = await target.open();
  const polls = loadPolls(join(ROOT, "content/polls"));
  for (const extra of [
    {
      id: "da-dong",
      question: "Đã đóng?",
      options: [
        { id: "a", label: "A" },
        { id: "b", label: "B" },
      ],
      closesAt: "2020-01-01T00:00:00+07:00",
    },
    {
      id: "chua-mo",
      question: "Chưa mở?",
      options: [
        { id: "a", label: "A" },
        { id: "b", label: "B" },
      ],
      opensAt: "2999-01-01T00:00:00+07:00",
    },
  ]) {
    polls.set(extra.id, parsePollDefinition(extra, `${extra.id}.json`));
  }
  const app = createApp({
    stores,
    polls,
    counterBaseline: originalSiteFigures().total,
    now: options.now,
    comments: options.comments,
    staff: options.staff,
    articlePage: options.articlePage,
    config: {
      distDir,
      trustProxy: options.trustProxy ?? 0,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    },
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const reader = databasePath ? new DatabaseSync(databasePath, { readOnly: true }) : undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    stores,
    databasePath,
    target,
    distDir,
    counts() {
      if (!reader) throw new Error("counts() reads the SQLite file; use the stores on PostgreSQL");
      const votes = reader.prepare("SELECT COUNT(*) AS n FROM poll_votes").get() as { n: number };
      const visits = reader
        .prepare("SELECT COALESCE(SUM(visits),0) AS n FROM visit_days")
        .get() as {
        n: number;
      };
      return { votes: Number(votes.n), visits: Number(visits.n) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      reader?.close();
      await stores.close();
      await target.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `voter=...` pair from a response, for sending back as a Cookie header. */
export function voterCookie(res: Response): string | undefined {
  return res.headers.get("set-cookie")?.match(/voter=[^;]+/)?.[0];
}
