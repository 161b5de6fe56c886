// SQLite-only behaviour on temporary files: WAL, refusing a bad file, the busy timeout.
// What every store does is in store-contract.test.ts.
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

describe("SQLite visits", () => {
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
    expect(await store.visits.recordVisit("2026-03-01")).toEqual({ today: 1, total: 6 });
    await once(holder, "exit");
    store.close();
  });
});
