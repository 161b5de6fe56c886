// The PostgreSQL stores (postgres.js, pooled): migrations at open under an advisory lock, every
// write in one transaction, so several nodes on one database agree; one module per feature's store.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { redactUrl, StoreOpenError } from "./errors.ts";
import type { Migration } from "./migrations.ts";
import { postgresCommentStore } from "./postgres-comments.ts";
import { PG_MIGRATIONS } from "./postgres-migrations.ts";
import { postgresPollStore } from "./postgres-polls.ts";
import { postgresStaffStore } from "./postgres-staff.ts";
import { postgresVisitStore } from "./postgres-visits.ts";
import { cachedSecrets } from "./secrets.ts";
import { str } from "./rows.ts";
import type { SecretStore, Stores } from "./types.ts";

export type PostgresOptions = {
  /** Connections in this node's pool. */
  max?: number;
  /** Seconds to wait for a connection before a query fails. */
  connectTimeout?: number;
};

/** Any fixed number: nodes starting together take this lock so migrations run once. */
const MIGRATION_LOCK = 4_271_305;

type Sql = postgres.Sql;

export async function openPostgresStore(
  url: string,
  options: PostgresOptions = {},
): Promise<Stores> {
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
  return postgresStores(sql);
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

function postgresSecretStore(sql: Sql): SecretStore {
  return {
    async secret(name) {
      const key = `secret:${name}`;
      // ON CONFLICT DO NOTHING waits for a concurrent first insert to commit, and the next
      // statement sees it: the first node to ask decides, every other node reads that value.
      await sql`
        INSERT INTO server_meta (key, value) VALUES (${key}, ${randomBytes(32).toString("base64url")})
        ON CONFLICT (key) DO NOTHING`;
      const [row] = await sql`SELECT value FROM server_meta WHERE key = ${key}`;
      return str(row!.value);
    },
  };
}

function postgresStores(sql: Sql): Stores {
  return {
    kind: "postgres",
    polls: postgresPollStore(sql),
    visits: postgresVisitStore(sql),
    comments: postgresCommentStore(sql),
    staff: postgresStaffStore(sql),
    secrets: cachedSecrets(postgresSecretStore(sql)),
    async ping() {
      await sql`SELECT 1`;
    },
    async probeWrite() {
      await sql`INSERT INTO server_meta (key, value) VALUES ('health_probe', ${new Date().toISOString()})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
