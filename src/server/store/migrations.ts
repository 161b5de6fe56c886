// Numbered SQLite schema migrations; each runs once, in order, inside its own transaction.
// postgres-migrations.ts holds the same versions for PostgreSQL: add a table to both.
// The database never holds an address or a user agent: voters are hashed cookie ids, visitors
// are keyed hashes kept only until their visit window ends, and visits are per-day counts.

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "poll votes and daily visit counts",
    sql: `
      CREATE TABLE poll_votes (
        poll_id TEXT NOT NULL,
        voter TEXT NOT NULL,      -- sha256 of the browser's random cookie id
        option_id TEXT NOT NULL,
        voted_at TEXT NOT NULL,   -- ISO instant
        PRIMARY KEY (poll_id, voter)
      ) WITHOUT ROWID;
      CREATE INDEX poll_votes_option ON poll_votes (poll_id, option_id);
      CREATE TABLE visit_days (
        day TEXT PRIMARY KEY,     -- yyyy-mm-dd in Asia/Ho_Chi_Minh
        visits INTEGER NOT NULL CHECK (visits >= 0)
      ) WITHOUT ROWID;
      CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: "visitor keys with their expiry, shared by every node",
    sql: `
      CREATE TABLE visitors (
        key TEXT PRIMARY KEY,           -- keyed hash of (daily salt, address, user agent)
        online_until INTEGER NOT NULL,  -- ms since the epoch: counted Online until then
        visit_until INTEGER NOT NULL    -- ms: a view before then continues the visit; deleted after
      ) WITHOUT ROWID;
      CREATE INDEX visitors_online ON visitors (online_until);
      CREATE INDEX visitors_visit ON visitors (visit_until);
      -- How many visitors' online_until falls in each second: Online is a sum over at most
      -- 300 of these instead of a count over every visitor seen in the last 5 minutes.
      CREATE TABLE online_seconds (
        second INTEGER PRIMARY KEY,
        visitors INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
