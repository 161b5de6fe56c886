// Databases of their own on the test PostgreSQL server (see tests/setup/postgres.ts).
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";

/** The admin URL, or "" when PostgreSQL is unavailable here (the setup said so). */
export const POSTGRES_URL = inject("postgresUrl");

export type TestDatabase = { url: string; drop(): Promise<void> };

/** Creates an empty database; `drop()` removes it even with connections still open. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
