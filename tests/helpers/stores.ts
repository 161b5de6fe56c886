// Both store backends behind one factory, so every store test runs on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { openPostgresStore } from "../../src/server/store/postgres.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import type { StoreKind, Stores } from "../../src/server/store/types.ts";
import { createTestDatabase, POSTGRES_URL } from "./postgres.ts";

/** A fresh, empty database of one backend. */
export type TestStoreTarget = {
  /** Opens a store on this database (again: the same data, like a restart or a second node). */
  open(): Promise<Stores>;
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

/** Opens the stores on a fresh database, and closes and removes both after the test. */
export async function withStore<T>(
  backend: Backend,
  fn: (stores: Stores, target: TestStoreTarget) => Promise<T>,
): Promise<T> {
  const target = await backend.create();
  const stores = await target.open();
  try {
    return await fn(stores, target);
  } finally {
    await stores.close();
    await target.dispose();
  }
}

/**
 * Fresh stores on an empty database before each test of the enclosing describe, removed after
 * it; `use` receives them (and the database, to open a second node on it).
 */
export function freshStoresEach(
  backend: Backend,
  use: (stores: Stores, target: TestStoreTarget) => void,
): void {
  let opened: { stores: Stores; target: TestStoreTarget } | undefined;
  beforeEach(async () => {
    const target = await backend.create();
    opened = { stores: await target.open(), target };
    use(opened.stores, target);
  });
  afterEach(async () => {
    await opened?.stores.close();
    await opened?.target.dispose();
  });
}
