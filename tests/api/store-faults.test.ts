// The database failing under a running server, on both stores: every page and no-JavaScript form
// answers a Vietnamese 503 page with Retry-After (the API keeps JSON), /api/health says 503 when
// a write would fail, and the server recovers without a restart.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/server/store/postgres.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import { findPgBin, startPgCluster, type PgCluster } from "../helpers/pg-cluster.ts";
import type { Backend } from "../helpers/stores.ts";
import { ARTICLE, POLL, startApp, type TestApp } from "./harness.ts";

const form = { "content-type": "application/x-www-form-urlencoded" };
const UNAVAILABLE = "Tạm thời gián đoạn";

/** Requests a reader makes that need the database; each must answer the 503 page. */
const PAGES: [string, string, RequestInit?][] = [
  ["GET", "/binh-chon/"],
  ["GET", `/binh-luan/?bai=${ARTICLE}`],
  ["GET", "/gop-y/"],
  ["GET", "/quan-tri/"],
  [
    "POST vote form",
    `/api/polls/${POLL}/votes`,
    { method: "POST", headers: form, body: "optionId=huu-ich" },
  ],
  [
    "POST comment form",
    "/api/comments",
    {
      method: "POST",
      headers: form,
      body: `article=${ARTICLE}&name=A&text=Ý+kiến+rõ&consent=on&token=`,
    },
  ],
];

async function expectPage(t: TestApp, path: string, init?: RequestInit) {
  const res = await fetch(`${t.url}${path}`, { ...init, redirect: "manual" });
  expect(res.status, path).toBe(503);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(res.headers.get("retry-after")).toBe("30");
  const html = await res.text();
  expect(html).toContain('lang="vi"');
  expect(html).toContain(UNAVAILABLE);
  expect(html).not.toContain("internal error");
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("not recovered in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

const status = async (url: string) => (await fetch(url)).status;

describe.runIf(findPgBin() !== undefined)("PostgreSQL stopped, then started again", () => {
  let cluster: PgCluster;
  let t: TestApp;
  beforeAll(async () => {
    cluster = await startPgCluster();
    const backend: Backend = {
      kind: "postgres",
      available: true,
      create: async () => ({
        open: () => openPostgresStore(cluster.url, { connectTimeout: 2 }),
        env: { DATABASE_URL: cluster.url },
        dispose: async () => {},
      }),
    };
    t = await startApp({ backend });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    cluster?.stop();
  });

  it("pages and forms answer the Vietnamese 503 page, the API JSON 503; all recover without a restart", async () => {
    expect(await status(`${t.url}/binh-chon/`)).toBe(200);
    cluster.pause();
    for (const [, path, init] of PAGES) await expectPage(t, path, init);
    const api = await fetch(`${t.url}/api/polls/${POLL}`);
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/json");
    expect(api.headers.get("retry-after")).toBe("30");
    expect(await status(`${t.url}/api/health`)).toBe(503);
    // Static pages need no database.
    expect(await status(`${t.url}/tin-tuc/`)).toBe(200);
    cluster.resume();
    await until(async () => (await status(`${t.url}/binh-chon/`)) === 200);
    await until(async () => (await status(`${t.url}/api/health`)) === 200);
    expect(await status(`${t.url}/quan-tri/`)).toBe(200);
  }, 60_000);
});

/** A 2 MB tmpfs the test can fill, where the test runs as root and may mount one. */
function smallFilesystem(): { dir: string; unmount(): void } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "portal-full-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir]);
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount() {
      execFileSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("SQLite that cannot write", () => {
  let clock = Date.now();
  const now = () => clock;

  it("a full filesystem: health 503, a vote form gets the 503 page; health 200 once there is room", async (ctx) => {
    const fs = smallFilesystem();
    if (!fs)
      return ctx.skip(
        "no small filesystem here (needs root and mount); the simulated case below runs",
      );
    const path = join(fs.dir, "portal.sqlite");
    const backend: Backend = {
      kind: "sqlite",
      available: true,
      create: async () => ({
        open: async () => openSqliteStore(path),
        env: { DATABASE_PATH: path },
        dispose: async () => {},
      }),
    };
    const t = await startApp({ backend, now });
    try {
      expect(await status(`${t.url}/api/health`)).toBe(200);
      const filler = join(fs.dir, "filler");
      fillUp(filler);
      clock += 6000; // past the write probe's cache
      expect(await status(`${t.url}/api/health`)).toBe(503);
      await expectPage(t, `/api/polls/${POLL}/votes`, PAGES[4]![2]);
      rmSync(filler);
      clock += 6000;
      expect(await status(`${t.url}/api/health`)).toBe(200);
    } finally {
      await t.close();
      fs.unmount();
    }
  });

  it("a write failure simulated through the store: health 503 while reads still answer", async () => {
    const t = await startApp({ now });
    try {
      expect(await status(`${t.url}/api/health`)).toBe(200);
      const probe = t.stores.probeWrite;
      (t.stores as { probeWrite: () => Promise<void> }).probeWrite = () =>
        Promise.reject(new Error("database or disk is full"));
      clock += 6000;
      const res = await fetch(`${t.url}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, store: "sqlite" });
      (t.stores as { probeWrite: () => Promise<void> }).probeWrite = probe;
      // Cached for 5 s: a flood of health checks writes once.
      expect(await status(`${t.url}/api/health`)).toBe(503);
      clock += 6000;
      expect(await status(`${t.url}/api/health`)).toBe(200);
    } finally {
      await t.close();
    }
  });
});

/** Writes until the filesystem has no room left. */
function fillUp(file: string): void {
  const block = Buffer.alloc(64 * 1024, 1);
  let size = 0;
  try {
    for (;;) {
      writeFileSync(file, block, { flag: "a" });
      size += block.length;
    }
  } catch {
    // ENOSPC: full; smaller pieces fill the rest.
    const byte = Buffer.alloc(512, 1);
    try {
      for (;;) writeFileSync(file, byte, { flag: "a" });
    } catch {
      // Full to the last block.
    }
  }
  expect(size).toBeGreaterThan(0);
}
