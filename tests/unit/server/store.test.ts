// The SQLite store on temporary files: migrations, votes, visits, and refusing a bad database.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../src/server/store/migrations.ts";
import { openSqliteStore, StoreOpenError } from "../../../src/server/store/sqlite.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "portal-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date("2026-03-01T03:00:00Z");

describe("openSqliteStore", () => {
  it("creates its folder, runs every migration once and uses WAL", () => {
    const path = join(dir, "nested/var/portal.sqlite");
    openSqliteStore(path).close();
    openSqliteStore(path).close();
    const db = new DatabaseSync(path);
    const versions = db.prepare("SELECT version FROM schema_version").all();
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    db.close();
  });

  it("refuses a file that is not a database with a clear message", () => {
    const path = join(dir, "not-a-db.sqlite");
    writeFileSync(path, "this is not sqlite ".repeat(100));
    expect(() => openSqliteStore(path)).toThrow(StoreOpenError);
    expect(() => openSqliteStore(path)).toThrow(
      /Cannot open or write the database at .*not-a-db\.sqlite/,
    );
  });

  it("refuses a path inside a folder it cannot create", () => {
    writeFileSync(join(dir, "file"), "");
    expect(() => openSqliteStore(join(dir, "file/portal.sqlite"))).toThrow(StoreOpenError);
  });

  it("refuses a path that is a folder", () => {
    expect(() => openSqliteStore(dir)).toThrow(/Cannot open or write the database at/);
  });
});

describe("votes", () => {
  it("records one vote per voter and poll, and counts per option", async () => {
    const store = openSqliteStore(join(dir, "v.sqlite"));
    expect(await store.recordVote("p", "v1", "a", at)).toEqual({ status: "recorded" });
    expect(await store.recordVote("p", "v1", "b", at)).toEqual({
      status: "duplicate",
      optionId: "a",
    });
    expect(await store.recordVote("p", "v2", "b", at)).toEqual({ status: "recorded" });
    expect(await store.recordVote("q", "v1", "b", at)).toEqual({ status: "recorded" });
    expect(await store.optionVotes("p")).toEqual(
      new Map([
        ["a", 1],
        ["b", 1],
      ]),
    );
    expect(await store.voteOf("p", "v1")).toBe("a");
    expect(await store.voteOf("p", "v3")).toBeUndefined();
    store.close();
  });

  it("keeps committed votes after closing and reopening", async () => {
    const path = join(dir, "v.sqlite");
    const store = openSqliteStore(path);
    await store.recordVote("p", "v1", "a", at);
    store.close();
    const again = openSqliteStore(path);
    expect(await again.optionVotes("p")).toEqual(new Map([["a", 1]]));
    again.close();
  });
});

describe("visits", () => {
  it("counts visits per day and in total", async () => {
    const store = openSqliteStore(join(dir, "c.sqlite"));
    expect(await store.visitTotals("2026-03-01")).toEqual({ today: 0, total: 0 });
    expect(await store.recordVisit("2026-03-01")).toEqual({ today: 1, total: 1 });
    expect(await store.recordVisit("2026-03-01")).toEqual({ today: 2, total: 2 });
    expect(await store.recordVisit("2026-03-02")).toEqual({ today: 1, total: 3 });
    expect(await store.visitTotals("2026-03-01")).toEqual({ today: 2, total: 3 });
    store.close();
  });

  it("waits for another process's write lock instead of failing (busy timeout)", async () => {
    const path = join(dir, "b.sqlite");
    const store = openSqliteStore(path);
    // Another process takes the write lock, says so, and commits a moment later.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const { DatabaseSync } = require("node:sqlite");
         const db = new DatabaseSync(${JSON.stringify(path)});
         db.exec("BEGIN IMMEDIATE");
         db.exec("INSERT INTO visit_days (day, visits) VALUES ('2026-02-28', 5)");
         console.log("locked");
         setTimeout(() => { db.exec("COMMIT"); db.close(); }, 300);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(holder.stdout!, "data");
    expect(await store.recordVisit("2026-03-01")).toEqual({ today: 1, total: 6 });
    await once(holder, "exit");
    store.close();
  });
});
