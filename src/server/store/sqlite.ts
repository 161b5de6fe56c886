// SQLite store (node:sqlite): WAL, busy timeout, migrations at open, writes in BEGIN IMMEDIATE.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { StoreOpenError } from "./errors.ts";
import { MIGRATIONS, type Migration } from "./migrations.ts";
import {
  onlineBounds,
  prunableBefore,
  secondOf,
  ONLINE_WINDOW_MS,
  VISIT_WINDOW_MS,
  type Store,
  type VisitTotals,
  type VoteResult,
} from "./types.ts";
import { sqliteCommentStore } from "./sqlite-comments.ts";

/**
 * NORMAL: a commit is in the WAL (the OS has it) before we answer, so it survives kill -9 of
 * the server; only a power loss or OS crash can drop the last commits. FULL adds an fsync per
 * commit and survives those too.
 */
export type Synchronous = "NORMAL" | "FULL";

export type SqliteOptions = { synchronous?: Synchronous; busyTimeoutMs?: number };

export { StoreOpenError };

/** How long opening waits out another process that holds the new file's lock: 10 s in all. */
const OPEN_RETRIES = 100;
const OPEN_RETRY_MS = 100;

export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  // Switching a new file to WAL needs it alone, and SQLite may answer "database is locked" at
  // once, without the busy timeout, while another node is opening it too: wait and try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return openOnce(path, options);
    } catch (error) {
      const busy = error instanceof StoreOpenError && /database is locked/.test(error.message);
      if (!busy || attempt >= OPEN_RETRIES) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, OPEN_RETRY_MS);
    }
  }
}

function openOnce(path: string, options: SqliteOptions): Store {
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
  return sqliteStore(db);
}

/** Runs `fn` in BEGIN IMMEDIATE (takes the write lock up front, so no upgrade deadlocks). */
function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = fn();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

export function migrate(db: DatabaseSync, migrations: Migration[]): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as {
    v: number | null;
  };
  const current = row.v ?? 0;
  for (const m of migrations.filter((m) => m.version > current)) {
    transaction(db, () => {
      // Two nodes opening a new file at once both read "not applied"; under the write lock, the
      // second finds the first's row and skips (it would fail on "table already exists").
      if (db.prepare("SELECT 1 FROM schema_version WHERE version = ?").get(m.version)) return;
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    });
  }
  return Math.max(current, ...migrations.map((m) => m.version));
}

function sqliteStore(db: DatabaseSync): Store {
  const s = (sql: string): StatementSync => db.prepare(sql);
  const insertVote = s(
    "INSERT INTO poll_votes (poll_id, voter, option_id, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const selectVote = s("SELECT option_id FROM poll_votes WHERE poll_id = ? AND voter = ?");
  const countVotes = s(
    "SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ? GROUP BY option_id",
  );
  const upsertVisit = s(
    "INSERT INTO visit_days (day, visits) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET visits = visits + 1 RETURNING visits",
  );
  const dayVisits = s("SELECT visits FROM visit_days WHERE day = ?");
  const allVisits = s("SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days");
  const selectVisitor = s("SELECT online_until, visit_until FROM visitors WHERE key = ?");
  const upsertVisitor = s(
    "INSERT INTO visitors (key, online_until, visit_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET online_until = excluded.online_until, visit_until = excluded.visit_until",
  );
  const addToSecond = s(
    "INSERT INTO online_seconds (second, visitors) VALUES (?, ?) ON CONFLICT (second) DO UPDATE SET visitors = visitors + excluded.visitors",
  );
  const countOnline = s(`SELECT
    (SELECT COALESCE(SUM(visitors), 0) FROM online_seconds WHERE second > ?) +
    (SELECT COUNT(*) FROM visitors WHERE online_until > ? AND online_until < ?) AS n`);
  const deleteExpired = s("DELETE FROM visitors WHERE visit_until <= ?");
  const deleteSeconds = s("DELETE FROM online_seconds WHERE second < ?");
  type VisitorRow = { online_until: number; visit_until: number };
  const visitorRow = (key: string) => selectVisitor.get(key) as VisitorRow | undefined;
  const online = (at: number): number => {
    const [second, next] = onlineBounds(at);
    return Number((countOnline.get(second, at, next) as { n: number }).n);
  };

  const totals = (day: string): VisitTotals => ({
    today: Number((dayVisits.get(day) as { visits: number } | undefined)?.visits ?? 0),
    total: Number((allVisits.get() as { n: number }).n),
  });

  return {
    kind: "sqlite",
    ...sqliteCommentStore(db, (fn) => transaction(db, fn)),
    async recordVote(pollId, voter, optionId, at): Promise<VoteResult> {
      return transaction(db, () => {
        const { changes } = insertVote.run(pollId, voter, optionId, at.toISOString());
        if (Number(changes) === 1) return { status: "recorded" };
        const row = selectVote.get(pollId, voter) as { option_id: string };
        return { status: "duplicate", optionId: row.option_id };
      });
    },
    async optionVotes(pollId) {
      const rows = countVotes.all(pollId) as { option_id: string; n: number }[];
      return new Map(rows.map((r) => [r.option_id, Number(r.n)]));
    },
    async voteOf(pollId, voter) {
      return (selectVote.get(pollId, voter) as { option_id: string } | undefined)?.option_id;
    },
    async recordVisit(day) {
      return transaction(db, () => {
        // The upsert returns the day's new count: only the all-days sum needs another read.
        const today = Number((upsertVisit.get(day) as { visits: number }).visits);
        return { today, total: Number((allVisits.get() as { n: number }).n) };
      });
    },
    async visitTotals(day) {
      return totals(day);
    },
    async recordView({ key, previousKey, day, at }) {
      return transaction(db, () => {
        let row = visitorRow(key);
        let continuing = row !== undefined && Number(row.visit_until) > at;
        if (!continuing && previousKey !== undefined) {
          const previous = visitorRow(previousKey);
          if (previous && Number(previous.visit_until) > at) {
            [key, row, continuing] = [previousKey, previous, true]; // the visit from before midnight
          }
        }
        const until = at + ONLINE_WINDOW_MS;
        // Past seconds are never read again (and pruned): only a second still ahead is moved.
        const from = row === undefined ? -1 : secondOf(Number(row.online_until));
        if (from >= secondOf(at)) addToSecond.run(from, -1);
        addToSecond.run(secondOf(until), 1);
        upsertVisitor.run(key, until, at + VISIT_WINDOW_MS);
        const today = continuing
          ? totals(day).today
          : Number((upsertVisit.get(day) as { visits: number }).visits);
        const total = Number((allVisits.get() as { n: number }).n);
        return { newVisit: !continuing, online: online(at), today, total };
      });
    },
    async onlineCount(at) {
      return online(at);
    },
    async pruneVisitors(at) {
      transaction(db, () => {
        deleteExpired.run(at);
        deleteSeconds.run(prunableBefore(at));
      });
    },
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
}
