// The SQLite stores (node:sqlite) on one file: WAL, busy timeout, migrations at open, writes in
// BEGIN IMMEDIATE (sqlite-db.ts); one module per feature's store (sqlite-polls.ts, …).
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { StoreOpenError } from "./errors.ts";
import { MIGRATIONS } from "./migrations.ts";
import { cachedSecrets } from "./secrets.ts";
import { str, type Row } from "./rows.ts";
import { sqliteCommentStore } from "./sqlite-comments.ts";
import { migrate, transaction } from "./sqlite-db.ts";
import { sqlitePollStore } from "./sqlite-polls.ts";
import { sqliteStaffStore } from "./sqlite-staff.ts";
import { sqliteVisitStore } from "./sqlite-visits.ts";
import type { SecretStore, Stores } from "./types.ts";

/**
 * NORMAL: a commit is in the WAL (the OS has it) before we answer, so it survives kill -9 of
 * the server; only a power loss or OS crash can drop the last commits. FULL adds an fsync per
 * commit and survives those too.
 */
export type Synchronous = "NORMAL" | "FULL";

export type SqliteOptions = { synchronous?: Synchronous; busyTimeoutMs?: number };

export { migrate, StoreOpenError };

/** How long opening waits out another process that holds the new file's lock: 10 s in all. */
const OPEN_RETRIES = 100;
const OPEN_RETRY_MS = 100;

export function openSqliteStore(path: string, options: SqliteOptions = {}): Stores {
  // Switching a new file to WAL needs it alone, and SQLite may answer "database is locked" at
  // once, without the busy timeout, while another node is opening it too: wait and try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return sqliteStores(openOnce(path, options));
    } catch (error) {
      const busy = error instanceof StoreOpenError && /database is locked/.test(error.message);
      if (!busy || attempt >= OPEN_RETRIES) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, OPEN_RETRY_MS);
    }
  }
}

function openOnce(path: string, options: SqliteOptions): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    const mode = db.prepare("PRAGMA journal_mode = WAL").get() as { journal_mode: string };
    if (path !== ":memory:" && mode.journal_mode.toLowerCase() !== "wal") {
      throw new Error(`journal_mode is ${mode.journal_mode}, WAL is required`);
    }
    db.exec(`PRAGMA synchronous = ${options.synchronous ?? "NORMAL"}`);
    db.exec("PRAGMA foreign_keys = ON");
    migrate(db, MIGRATIONS);
    // A real write at start: a read-only file or full disk stops the server now, not later.
    const opened = db;
    transaction(opened, () =>
      opened
        .prepare("INSERT OR REPLACE INTO server_meta (key, value) VALUES ('last_start', ?)")
        .run(new Date().toISOString()),
    );
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Already unusable: the error below says why.
    }
    throw new StoreOpenError(
      `Cannot open or write the database at ${path}: ${(error as Error).message}`,
    );
  }
}

function sqliteSecretStore(db: DatabaseSync): SecretStore {
  const getMeta = db.prepare("SELECT value FROM server_meta WHERE key = ?");
  const putMeta = db.prepare(
    "INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  return {
    async secret(name) {
      const key = `secret:${name}`;
      return transaction(db, () => {
        // ON CONFLICT DO NOTHING: the first server to ask decides; the others read it.
        putMeta.run(key, randomBytes(32).toString("base64url"));
        return str((getMeta.get(key) as Row).value);
      });
    },
  };
}

function sqliteStores(db: DatabaseSync): Stores {
  const probe = db.prepare(
    "INSERT OR REPLACE INTO server_meta (key, value) VALUES ('health_probe', ?)",
  );
  return {
    kind: "sqlite",
    polls: sqlitePollStore(db),
    visits: sqliteVisitStore(db),
    comments: sqliteCommentStore(db),
    staff: sqliteStaffStore(db),
    secrets: cachedSecrets(sqliteSecretStore(db)),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async probeWrite() {
      transaction(db, () => probe.run(new Date().toISOString()));
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
