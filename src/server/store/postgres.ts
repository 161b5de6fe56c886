// PostgreSQL store (postgres.js, pooled): migrations at open under an advisory lock, every
// write in one transaction, so several nodes on one database agree.
import postgres from "postgres";
import { redactUrl, StoreOpenError } from "./errors.ts";
import type { Migration } from "./migrations.ts";
import { postgresCommentStore } from "./postgres-comments.ts";
import { PG_MIGRATIONS } from "./postgres-migrations.ts";
import {
  onlineBounds,
  prunableBefore,
  ONLINE_WINDOW_MS,
  VISIT_WINDOW_MS,
  type Store,
  type VisitTotals,
  type VoteResult,
} from "./types.ts";

export type PostgresOptions = {
  /** Connections in this node's pool. */
  max?: number;
  /** Seconds to wait for a connection before a query fails. */
  connectTimeout?: number;
};

/** Any fixed number: nodes starting together take this lock so migrations run once. */
const MIGRATION_LOCK = 4_271_305;

type Sql = postgres.Sql;
type Tx = Sql | postgres.TransactionSql;

export async function openPostgresStore(
  url: string,
  options: PostgresOptions = {},
): Promise<Store> {
  let sql: Sql | undefined;
  try {
    sql = postgres(url, {
      max: options.max ?? 10,
      connect_timeout: options.connectTimeout ?? 5,
      idle_timeout: 60,
      onnotice: () => {},
    });
    await migrate(sql, PG_MIGRATIONS);
    // A real write at start: a read-only database stops the server now, not later.
    await sql`INSERT INTO server_meta (key, value) VALUES ('last_start', ${new Date().toISOString()})
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
  } catch (error) {
    await sql?.end({ timeout: 1 }).catch(() => {});
    throw new StoreOpenError(
      `Cannot open or write the database at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  }
  return postgresStore(sql);
}

export async function migrate(sql: Sql, migrations: Migration[]): Promise<number> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`;
    const [row] = await tx<{ v: number | null }[]>`SELECT MAX(version) AS v FROM schema_version`;
    const current = row?.v ?? 0;
    for (const m of migrations.filter((m) => m.version > current)) {
      await tx.unsafe(m.sql);
      await tx`INSERT INTO schema_version (version, name, applied_at) VALUES (${m.version}, ${m.name}, now())`;
    }
    return Math.max(current, ...migrations.map((m) => m.version));
  });
}

/** BIGINT and COUNT arrive as strings; ours stay far below 2^53. */
const n = (value: unknown): number => Number(value ?? 0);

function postgresStore(sql: Sql): Store {
  /** Adds one visit to `day` and answers the totals after it, in one statement. */
  const addVisit = async (tx: Tx, day: string): Promise<VisitTotals> => {
    const [row] = await tx`
      WITH d AS (
        INSERT INTO visit_days (day, visits) VALUES (${day}, 1)
        ON CONFLICT (day) DO UPDATE SET visits = visit_days.visits + 1 RETURNING visits
      )
      SELECT d.visits AS today,
        d.visits + (SELECT COALESCE(SUM(visits), 0) FROM visit_days WHERE day <> ${day}) AS total
      FROM d`;
    return { today: n(row!.today), total: n(row!.total) };
  };
  const totals = async (tx: Tx, day: string): Promise<VisitTotals> => {
    const [row] = await tx`
      SELECT (SELECT visits FROM visit_days WHERE day = ${day}) AS today,
        (SELECT COALESCE(SUM(visits), 0) FROM visit_days) AS total`;
    return { today: n(row!.today), total: n(row!.total) };
  };
  const onlineAt = async (tx: Tx, at: number): Promise<number> => {
    const [second, next] = onlineBounds(at);
    const [row] = await tx`
      SELECT (SELECT COALESCE(SUM(visitors), 0) FROM online_seconds WHERE second > ${second}) +
        (SELECT COUNT(*) FROM visitors WHERE online_until > ${at} AND online_until < ${next}) AS n`;
    return n(row!.n);
  };

  return {
    kind: "postgres",
    ...postgresCommentStore(sql),
    async recordVote(pollId, voter, optionId, at): Promise<VoteResult> {
      const inserted = await sql`
        INSERT INTO poll_votes (poll_id, voter, option_id, voted_at)
        VALUES (${pollId}, ${voter}, ${optionId}, ${at}) ON CONFLICT DO NOTHING RETURNING 1`;
      if (inserted.length === 1) return { status: "recorded" };
      const [row] = await sql<{ option_id: string }[]>`
        SELECT option_id FROM poll_votes WHERE poll_id = ${pollId} AND voter = ${voter}`;
      return { status: "duplicate", optionId: row!.option_id };
    },
    async optionVotes(pollId) {
      const rows = await sql<{ option_id: string; n: number }[]>`
        SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE poll_id = ${pollId} GROUP BY option_id`;
      return new Map(rows.map((r) => [r.option_id, n(r.n)]));
    },
    async voteOf(pollId, voter) {
      const [row] = await sql<{ option_id: string }[]>`
        SELECT option_id FROM poll_votes WHERE poll_id = ${pollId} AND voter = ${voter}`;
      return row?.option_id;
    },
    async recordVisit(day) {
      return addVisit(sql, day);
    },
    async visitTotals(day) {
      return totals(sql, day);
    },
    async recordView({ key, previousKey, day, at }) {
      // record_view (postgres-migrations.ts): one round trip, atomic, locking this visitor's rows.
      const [row] = await sql<
        { new_visit: boolean; online: string; today: string; total: string }[]
      >`
        SELECT * FROM record_view(${key}, ${previousKey ?? null}, ${day}, ${at},
          ${ONLINE_WINDOW_MS}, ${VISIT_WINDOW_MS})`;
      return {
        newVisit: row!.new_visit,
        online: n(row!.online),
        today: n(row!.today),
        total: n(row!.total),
      };
    },
    async onlineCount(at) {
      return onlineAt(sql, at);
    },
    async pruneVisitors(at) {
      await sql`DELETE FROM visitors WHERE visit_until <= ${at}`;
      await sql`DELETE FROM online_seconds WHERE second < ${prunableBefore(at)}`;
    },
    async ping() {
      await sql`SELECT 1`;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
