// The SQLite helpers every SQLite store uses: writes in BEGIN IMMEDIATE, migrations at open.
import type { DatabaseSync, StatementSync } from "node:sqlite";
import type { Migration } from "./migrations.ts";

/** Each statement prepared once, by name: a store's queries read as one table. */
export function prepareAll<K extends string>(
  db: DatabaseSync,
  statements: Record<K, string>,
): Record<K, StatementSync> {
  const entries = Object.entries<string>(statements).map(([k, sql]) => [k, db.prepare(sql)]);
  return Object.fromEntries(entries) as Record<K, StatementSync>;
}

/** Runs `fn` in BEGIN IMMEDIATE (takes the write lock up front, so no upgrade deadlocks). */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
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
