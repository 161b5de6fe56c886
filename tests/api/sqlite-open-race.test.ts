// Several nodes started at once on one new SQLite file (the multi-node set-up, or a restart of
// all of them): each must open it, whichever applies the migrations. Before the check under the
// write lock, about one open in sixty failed with "table … already exists"; switching the new
// file to WAL could also answer "database is locked" at once (CI saw it in the multi-node test).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/server/store/migrations.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";

const STORE = resolve(import.meta.dirname, "../../src/server/store/sqlite.ts");

/** One process opening the store at `file`: its exit code and error text. */
function openInChild(file: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        "-e",
        `import(${JSON.stringify(STORE)}).then((m) => m.openSqliteStore(${JSON.stringify(file)}))`,
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => done({ code: code ?? 1, stderr }));
  });
}

describe("opening one new SQLite file from several processes at once", () => {
  it("every process opens it and each migration is applied once", async () => {
    // The race is a matter of timing: 30 rounds caught the old code in most runs here.
    for (let round = 0; round < 30; round++) {
      const dir = mkdtempSync(join(tmpdir(), "portal-open-race-"));
      try {
        const file = join(dir, "portal.sqlite");
        const results = await Promise.all([1, 2, 3].map(() => openInChild(file)));
        for (const r of results) expect(r.code, r.stderr).toBe(0);
        const store = openSqliteStore(file) as unknown as { close?: () => void };
        store.close?.();
        const { DatabaseSync } = await import("node:sqlite");
        const db = new DatabaseSync(file);
        const rows = db.prepare("SELECT version FROM schema_version ORDER BY version").all();
        db.close();
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
