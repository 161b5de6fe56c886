// Numbered schema migrations; each runs once, in order, inside its own transaction.
// The database never holds an address or a user agent: voters are hashed cookie ids and
// visits are per-day counts.

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
];
