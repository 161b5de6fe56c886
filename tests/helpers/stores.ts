// Both store backends behind one factory, so every store test runs on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPostgresStore } from "../../src/server/store/postgres.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import type { Store, StoreKind } from "../../src/server/store/types.ts";
import { createTestDatabase, POSTGRES_URL } from "./postgres.ts";

/** A fresh, empty database of one backend. */
export type TestStoreTarget = {
  /** Opens a store on this database (again: the same data, like a restart or a second node). */
  open(): Promise<Store>;
  /** DATABASE_PATH or DATABASE_URL for a server process on this database. */
  env: Record<string, string>;
  /** Removes the database. */
  dispose(): Promise<void>;
};

export type Backend = {
  kind: StoreKind;
  /** False where PostgreSQL could not be started (the test setup said so). */
  available: boolean;
  create(): Promise<TestStoreTarget>;
};

export const BACKENDS: Backend[] = [
  {
    kind: "sqlite",
    available: true,
    async create() {
      const dir = mkdtempSync(join(tmpdir(), "portal-store-"));
      const path = join(dir, "portal.sqlite");
      return {
        open: async () => openSqliteStore(path),
        env: { DATABASE_PATH: path },
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    kind: "postgres",
    available: POSTGRES_URL !== "",
    async create() {
      const db = await createTestDatabase();
      return {
        open: () => openPostgresStore(db.url),
        env: { DATABASE_URL: db.url },
        dispose: () => db.drop(),
      };
    },
  },
];

/** Opens a store on a fresh database, and closes and removes both after the test. */
export async function withStore<T>(
  backend: Backend,
  fn: (store: Store, target: TestStoreTarget) => Promise<T>,
): Promise<T> {
  const target = await backend.create();
  const store = await target.open();
  try {
    return await fn(store, target);
  } finally {
    await store.close();
    await target.dispose();
  }
}
