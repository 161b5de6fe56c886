// The stores the configuration asks for: PostgreSQL when DATABASE_URL is set, else SQLite.
import type { ServerConfig } from "../config.ts";
import { openPostgresStore } from "./postgres.ts";
import { openSqliteStore } from "./sqlite.ts";
import type { Stores } from "./types.ts";

export function openStore(
  config: Pick<ServerConfig, "databaseUrl" | "databasePath" | "synchronous">,
): Promise<Stores> {
  if (config.databaseUrl) return openPostgresStore(config.databaseUrl);
  return Promise.resolve(openSqliteStore(config.databasePath, { synchronous: config.synchronous }));
}
