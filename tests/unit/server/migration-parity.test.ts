// Both dialects' migrations leave the same schema: after migrating a fresh SQLite file and a fresh
// PostgreSQL database, their tables, columns (name, not null, place in the primary key), indexes
// (name, columns, unique) and foreign keys match; only the type names may differ.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../src/server/store/migrations.ts";
import { PG_MIGRATIONS } from "../../../src/server/store/postgres-migrations.ts";
import { openPostgresStore } from "../../../src/server/store/postgres.ts";
import { openSqliteStore } from "../../../src/server/store/sqlite.ts";
import { createTestDatabase, POSTGRES_URL } from "../../helpers/postgres.ts";

/** One table as both dialects can describe it, each list sorted. */
type Table = { columns: string[]; indexes: string[]; foreignKeys: string[] };
type Schema = Record<string, Table>;

type Column = { table: string; name: string; notnull: boolean; pk: number };
type Index = { table: string; name: string; unique: boolean; columns: string[] };
type ForeignKey = { table: string; column: string; refTable: string; refColumn: string };
type Described = {
  columns: Column[];
  indexes: Index[];
  foreignKeys: (ForeignKey & { onDelete: string })[];
};

function schemaOf(d: Described): Schema {
  const schema: Schema = {};
  const table = (name: string) => (schema[name] ??= { columns: [], indexes: [], foreignKeys: [] });
  for (const c of d.columns) {
    // A primary key column never holds NULL in either dialect (SQLite's rowid tables accept a NULL
    // key only by a legacy quirk this code never uses).
    const notnull = c.notnull || c.pk > 0;
    table(c.table).columns.push(
      `${c.name}${notnull ? " not null" : ""}${c.pk ? ` pk${c.pk}` : ""}`,
    );
  }
  for (const i of d.indexes) {
    table(i.table).indexes.push(`${i.name} (${i.columns.join(", ")})${i.unique ? " unique" : ""}`);
  }
  for (const f of d.foreignKeys) {
    table(f.table).foreignKeys.push(
      `${f.column} -> ${f.refTable}.${f.refColumn} on delete ${f.onDelete}`,
    );
  }
  for (const t of Object.values(schema)) {
    t.columns.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  return schema;
}

function describeSqlite(path: string): Described {
  const db = new DatabaseSync(path, { readOnly: true });
  const all = <T>(sql: string, ...params: string[]) => db.prepare(sql).all(...params) as T[];
  try {
    const tables = all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    ).map((t) => t.name);
    const described: Described = { columns: [], indexes: [], foreignKeys: [] };
    for (const table of tables) {
      for (const c of all<{ name: string; notnull: number; pk: number }>(
        'SELECT name, "notnull", pk FROM pragma_table_info(?)',
        table,
      )) {
        described.columns.push({ table, name: c.name, notnull: c.notnull === 1, pk: c.pk });
      }
      // origin 'c': made by CREATE INDEX (a primary key's own index is not listed by PostgreSQL).
      for (const i of all<{ name: string; unique: number }>(
        "SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c'",
        table,
      )) {
        const columns = all<{ name: string }>(
          "SELECT name FROM pragma_index_info(?) ORDER BY seqno",
          i.name,
        ).map((c) => c.name);
        described.indexes.push({ table, name: i.name, unique: i.unique === 1, columns });
      }
      for (const f of all<{ table: string; from: string; to: string; on_delete: string }>(
        'SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)',
        table,
      )) {
        described.foreignKeys.push({
          table,
          column: f.from,
          refTable: f.table,
          refColumn: f.to,
          onDelete: f.on_delete,
        });
      }
    }
    return described;
  } finally {
    db.close();
  }
}

const PG_DELETE_RULES: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function describePostgres(url: string): Promise<Described> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const columns = await sql<Column[]>`
      SELECT c.relname AS table, a.attname AS name, a.attnotnull AS notnull,
        COALESCE((SELECT k.ord FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
          WHERE k.attnum = a.attnum), 0)::int AS pk
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`;
    const indexes = await sql<Index[]>`
      SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique,
        array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_class ic ON ic.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary
      GROUP BY t.relname, ic.relname, i.indisunique`;
    const keys = await sql<(ForeignKey & { rule: string })[]>`
      SELECT cl.relname AS table, a.attname AS column, rt.relname AS "refTable",
        ra.attname AS "refColumn", con.confdeltype AS rule
      FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
      WHERE con.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace`;
    return {
      columns: [...columns],
      indexes: [...indexes],
      foreignKeys: keys.map(({ rule, ...k }) => ({ ...k, onDelete: PG_DELETE_RULES[rule]! })),
    };
  } finally {
    await sql.end();
  }
}

describe("migrations", () => {
  it("have the same version numbers and names on both dialects", () => {
    const list = (ms: typeof MIGRATIONS) => ms.map((m) => [m.version, m.name]);
    expect(list(PG_MIGRATIONS)).toEqual(list(MIGRATIONS));
  });

  it.runIf(POSTGRES_URL !== "")(
    "leave SQLite and PostgreSQL with the same tables, columns, indexes and foreign keys",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "portal-parity-"));
      const db = await createTestDatabase();
      try {
        const path = join(dir, "portal.sqlite");
        await openSqliteStore(path).close();
        await (await openPostgresStore(db.url)).close();
        const sqlite = schemaOf(describeSqlite(path));
        const pg = schemaOf(await describePostgres(db.url));
        expect(Object.keys(sqlite).sort()).toEqual(Object.keys(pg).sort());
        expect(sqlite).toEqual(pg);
        // The SQLite staff_sessions indexes of migration 4 are there.
        expect(sqlite.staff_sessions!.indexes).toEqual([
          "staff_sessions_last_seen (last_seen_at)",
          "staff_sessions_username (username)",
        ]);
      } finally {
        await db.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
