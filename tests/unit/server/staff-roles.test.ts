// Roles: the permissions table, the role parser, and what migration 6 makes of an account
// created before roles existed (kiem-duyet, enabled, its password still good), on both stores.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { may, parseRole, PERMISSIONS, ROLES } from "../../../src/server/staff/roles.ts";
import { MIGRATIONS } from "../../../src/server/store/migrations.ts";
import { PG_MIGRATIONS } from "../../../src/server/store/postgres-migrations.ts";
import {
  migrate as migratePostgres,
  openPostgresStore,
} from "../../../src/server/store/postgres.ts";
import { migrate as migrateSqlite, openSqliteStore } from "../../../src/server/store/sqlite.ts";
import type { Stores } from "../../../src/server/store/types.ts";
import { createTestDatabase, POSTGRES_URL } from "../../helpers/postgres.ts";

describe("roles", () => {
  it("each role may exactly what the table says, each one more than the last", () => {
    const allowed = ROLES.map((r) =>
      (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => may(r, p)),
    );
    expect(allowed).toEqual([
      ["moderate"],
      ["moderate", "publish"],
      ["moderate", "publish", "manageAccounts"],
    ]);
  });

  it("parses the three role names and names them when refusing anything else", () => {
    expect(parseRole("bien-tap")).toEqual({ role: "bien-tap" });
    for (const bad of ["admin", "Quan-tri", "", "toString", "__proto__"]) {
      expect(parseRole(bad)).toEqual({
        problem: `Vai trò «${bad}» không hợp lệ; chỉ dùng một trong: kiem-duyet, bien-tap, quan-tri.`,
      });
    }
  });
});

const BEFORE_ROLES = 5;
const at = "2026-11-30T03:00:00.000Z";

async function expectMigratedAccount(stores: Stores) {
  try {
    expect(await stores.staff.staffAccount("cu")).toEqual({
      username: "cu",
      role: "kiem-duyet",
      disabled: false,
      createdAt: at,
      lastSigninAt: null,
    });
    expect(await stores.staff.staffPasswordHash("cu")).toBe("scrypt$cu");
    expect((await stores.staff.sessionOf("phien", new Date(at), new Date(at)))?.role).toBe(
      "kiem-duyet",
    );
  } finally {
    await stores.close();
  }
}

describe("migration 6 on an account made before roles", () => {
  it("SQLite: the account becomes an enabled kiem-duyet and its session goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-roles-"));
    const path = join(dir, "portal.sqlite");
    try {
      const db = new DatabaseSync(path);
      migrateSqlite(db, MIGRATIONS.slice(0, BEFORE_ROLES));
      db.prepare("INSERT INTO staff_accounts VALUES ('cu', 'scrypt$cu', ?)").run(at);
      db.prepare("INSERT INTO staff_sessions VALUES ('phien', 'cu', 'c', ?, ?)").run(at, at);
      db.close();
      await expectMigratedAccount(openSqliteStore(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(POSTGRES_URL !== "")("PostgreSQL: the same", async () => {
    const db = await createTestDatabase();
    try {
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      await migratePostgres(sql, PG_MIGRATIONS.slice(0, BEFORE_ROLES));
      await sql`INSERT INTO staff_accounts VALUES ('cu', 'scrypt$cu', ${at})`;
      await sql`INSERT INTO staff_sessions VALUES ('phien', 'cu', 'c', ${at}, ${at})`;
      await sql.end();
      await expectMigratedAccount(await openPostgresStore(db.url));
    } finally {
      await db.drop();
    }
  });
});
