// Global setup: a PostgreSQL server for the store tests. TEST_DATABASE_URL when given, else a
// throwaway cluster started here. Where neither works the PostgreSQL runs are skipped, said
// plainly; in CI that is a failure, so CI always runs both backends.
import type { TestProject } from "vitest/node";
import { startPgCluster, type PgCluster } from "../helpers/pg-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** An admin URL tests create their own databases with; "" when PostgreSQL is unavailable. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    return () => {};
  }
  let cluster: PgCluster;
  try {
    cluster = await startPgCluster();
  } catch (error) {
    const reason = `PostgreSQL could not be started (${(error as Error).message.split("\n")[0]})`;
    if (process.env.CI) throw new Error(`${reason}; CI must test both stores.`, { cause: error });
    console.warn(
      `\n*** ${reason}: the PostgreSQL store tests are SKIPPED; only SQLite is tested. ` +
        "Install the server (apt-get install -y postgresql) or set TEST_DATABASE_URL. ***\n",
    );
    project.provide("postgresUrl", "");
    return () => {};
  }
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
