// PostgreSQL schema migrations: the same versions as migrations.ts (SQLite), in PostgreSQL's
// dialect. Each runs once, in order, in its own transaction, under an advisory lock so that
// nodes starting together migrate once.
import type { Migration } from "./migrations.ts";

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "poll votes and daily visit counts",
    sql: `
      CREATE TABLE poll_votes (
        poll_id TEXT NOT NULL,
        voter TEXT NOT NULL,             -- sha256 of the browser's random cookie id
        option_id TEXT NOT NULL,
        voted_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (poll_id, voter)
      );
      CREATE INDEX poll_votes_option ON poll_votes (poll_id, option_id);
      CREATE TABLE visit_days (
        day TEXT PRIMARY KEY,            -- yyyy-mm-dd in Asia/Ho_Chi_Minh
        visits BIGINT NOT NULL CHECK (visits >= 0)
      );
      CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: "visitor keys with their expiry, shared by every node",
    sql: `
      CREATE TABLE visitors (
        key TEXT PRIMARY KEY,            -- keyed hash of (daily salt, address, user agent)
        online_until BIGINT NOT NULL,    -- ms since the epoch: counted Online until then
        visit_until BIGINT NOT NULL      -- ms: a view before then continues the visit; deleted after
      );
      CREATE INDEX visitors_online ON visitors (online_until);
      CREATE INDEX visitors_visit ON visitors (visit_until);
      -- How many visitors' online_until falls in each second: Online is a sum over at most
      -- 300 of these instead of a count over every visitor seen in the last 5 minutes.
      CREATE TABLE online_seconds (
        second BIGINT PRIMARY KEY,
        visitors BIGINT NOT NULL
      );
    `,
  },
];
