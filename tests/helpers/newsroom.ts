// A content checkout for newsroom tests: a temporary git repository holding copies of
// content/news and data (one commit), a dist/ and an Astro cache of its own, and articles made
// from a real one (its text, a title marked as a test copy, a slug of the test's choosing).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

import { serve } from "@hono/node-server";
import { originalSiteFigures } from "../../src/lib/data/original-site.ts";
import { createApp } from "../../src/server/app.ts";
import type { ArticleDeps } from "../../src/server/newsroom/article-routes.ts";
import { DEFAULTS } from "../../src/server/config.ts";
import type { RunningPublisher } from "../../src/server/newsroom/publisher.ts";
import { openNewsroom, type Newsroom } from "../../src/server/newsroom/setup.ts";
import type { Stores } from "../../src/server/store/types.ts";
import { BACKENDS } from "./stores.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SOURCE = "cao-lanh-doi-moi-phuong-thuc-lanh-dao-to-chuc-co-so-dang";

export type Checkout = {
  dir: string;
  /** The git repository. */
  publishDir: string;
  distDir: string;
  cacheDir: string;
  git(...args: string[]): string;
  head(): string;
  /** Every file under dist/ with its hash (what a failed publication must not change). */
  distListing(): string[];
  dispose(): void;
};

export function makeCheckout(): Checkout {
  const dir = mkdtempSync(join(tmpdir(), "portal-newsroom-"));
  const publishDir = join(dir, "noi-dung");
  mkdirSync(join(publishDir, "content"), { recursive: true });
  cpSync(join(ROOT, "content/news"), join(publishDir, "content/news"), { recursive: true });
  cpSync(join(ROOT, "data"), join(publishDir, "data"), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: publishDir, encoding: "utf8", env: gitEnv() });
  // Articles import ../../src/components/…: a real checkout is a clone of the project; here its
  // src/ is the project's own, linked and left out of git.
  symlinkSync(join(ROOT, "src"), join(publishDir, "src"));
  git("init", "-q", "-b", "main");
  writeFileSync(join(publishDir, ".git/info/exclude"), "/src\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Nội dung ban đầu");
  const distDir = join(dir, "dist");
  return {
    dir,
    publishDir,
    distDir,
    cacheDir: join(dir, "astro-cache"),
    git,
    head: () => git("rev-parse", "HEAD").trim(),
    distListing: () => (existsSync(distDir) ? listing(distDir) : []),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const gitEnv = () => ({
  ...process.env,
  GIT_AUTHOR_NAME: "Kho nội dung",
  GIT_AUTHOR_EMAIL: "kho@example.invalid",
  GIT_COMMITTER_NAME: "Kho nội dung",
  GIT_COMMITTER_EMAIL: "kho@example.invalid",
});

function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = join(e.parentPath, e.name);
      const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
      return `${relative(root, file)} ${hash}`;
    })
    .sort();
}

/** A real article's text under another title: content/news/<slug>.mdx for a test publication. */
export function testArticle(
  slug: string,
  label: string,
): { path: string; text: string; title: string } {
  const text = readFileSync(join(ROOT, "content/news", `${SOURCE}.mdx`), "utf8");
  const title = /^title: "(.*)"$/m.exec(text)![1]!;
  const newTitle = `${label} · ${title}`;
  return {
    path: `content/news/${slug}.mdx`,
    text: text.replace(`title: "${title}"`, `title: "${newTitle}"`),
    title: newTitle,
  };
}

/**
 * The newsroom on over `checkout` (its own dist/ and Astro cache), for startNewsroomServer;
 * `took` receives the running publisher, which the test waits for or stops at its end.
 */
export function checkoutNewsroom(
  checkout: Checkout,
  took: (publisher: RunningPublisher) => void,
  buildTimeoutMs = DEFAULTS.publish.buildTimeoutMs,
): (stores: Stores) => Promise<Newsroom> {
  return async (stores) => {
    const settings = {
      ...DEFAULTS.publish,
      dir: checkout.publishDir,
      cacheDir: checkout.cacheDir,
      buildTimeoutMs,
    };
    const opened = await openNewsroom({
      root: ROOT,
      distDir: checkout.distDir,
      settings,
      staff: stores.staff,
    });
    if (!opened.publisher) throw new Error(`newsroom off: ${opened.off}`);
    took(opened.publisher);
    return opened;
  };
}

export type NewsroomServer = {
  url: string;
  stores: Stores;
  close(): Promise<void>;
};

/** The real app over real HTTP on a temporary SQLite file, serving `distDir`, with `newsroom`. */
export async function startNewsroomServer(
  distDir: string,
  newsroom: (stores: Stores) => Promise<Newsroom> | Newsroom,
  articlePage?: ArticleDeps,
): Promise<NewsroomServer> {
  const target = await BACKENDS.find((b) => b.kind === "sqlite")!.create();
  const stores = await target.open();
  const app = createApp({
    stores,
    polls: new Map(),
    counterBaseline: originalSiteFigures().total,
    config: { distDir, trustProxy: 1, rateLimitPerMinute: 0 },
    newsroom: await newsroom(stores),
    ...(articlePage ? { articlePage } : {}),
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stores,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await stores.close();
      await target.dispose();
    },
  };
}

/** One lock per project folder: its builds share ROOT/.astro; other checkouts build freely. */
const LOCK = join(
  tmpdir(),
  `portal-builds-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`,
);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Holds the project's build lock until the returned release is called: Astro builds of one
 * project share its .astro/ folder, so test files that build wait for each other (vitest runs
 * files in parallel). A lock left by a process that died is taken over.
 */
export async function buildLock(waitMs = 15 * 60_000): Promise<() => void> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      return () => rmSync(LOCK, { force: true });
    } catch {
      const holder = Number(readFileSync(LOCK, "utf8") || "0");
      if (holder && !alive(holder)) rmSync(LOCK, { force: true });
      else if (Date.now() > until) throw new Error(`build lock held by ${holder} too long`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}
