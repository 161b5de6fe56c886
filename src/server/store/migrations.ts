// Numbered SQLite schema migrations; each runs once, in order, inside its own transaction.
// postgres-migrations.ts holds the same versions for PostgreSQL: add a table to both.
// The database never holds an address or a user agent: voters are hashed cookie ids, visitors
// are keyed hashes kept only until their visit window ends, and visits are per-day counts.

export type Migration = { version: number; name: string; sql: string };

/** Sessions are found by user name (ended with the account) and by age (idle ones deleted). */
export const STAFF_SESSION_INDEXES = `
  CREATE INDEX IF NOT EXISTS staff_sessions_username ON staff_sessions (username);
  CREATE INDEX IF NOT EXISTS staff_sessions_last_seen ON staff_sessions (last_seen_at);
`;

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
  {
    version: 3,
    // Dated so a merge with other branches' migrations shows which came first.
    name: "2026-12-01 comments, feedback, staff accounts, sessions, sign-ins, decision log",
    // Portable SQL: TEXT instants (ISO), INTEGER ids, CHECK lists; no SQLite-only types.
    sql: `
      CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('comment', 'feedback')),
        article TEXT,             -- slug; NULL for feedback
        name TEXT NOT NULL,
        email TEXT,               -- NULL when not given or after the retention period
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,  -- sha256 of the normalised text (duplicate refusal)
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
        created_at TEXT NOT NULL,
        decided_at TEXT
      );
      CREATE INDEX comments_article ON comments (article, status, created_at);
      CREATE INDEX comments_status ON comments (status, created_at);
      CREATE INDEX comments_text_hash ON comments (text_hash);
      CREATE INDEX comments_email ON comments (email);
      CREATE TABLE staff_accounts (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,  -- scrypt$N$r$p$salt$key (src/server/staff/password.ts)
        created_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        id_hash TEXT PRIMARY KEY,     -- sha256 of the cookie value
        username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      );
      CREATE TABLE staff_signins (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        username TEXT NOT NULL,
        address_key TEXT NOT NULL,    -- keyed hash of the address, never the address
        ok INTEGER NOT NULL CHECK (ok IN (0, 1))
      );
      CREATE INDEX staff_signins_username ON staff_signins (username, ok, at);
      CREATE INDEX staff_signins_address ON staff_signins (address_key, ok, at);
      CREATE TABLE moderation_log (
        id INTEGER PRIMARY KEY,
        comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        username TEXT NOT NULL,       -- kept when the account is removed
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'spam')),
        at TEXT NOT NULL
      );
      CREATE INDEX moderation_log_at ON moderation_log (at);
    `,
  },
  {
    version: 4,
    name: "2026-12-06 staff_sessions indexes (PostgreSQL made them in version 3)",
    // IF NOT EXISTS: the same statements on both dialects; PostgreSQL already has both indexes.
    sql: STAFF_SESSION_INDEXES,
  },
  {
    version: 5,
    name: "2026-12-06 comment senders: the hourly limit per address, shared by every node",
    sql: `
      CREATE TABLE comment_senders (
        id INTEGER PRIMARY KEY,
        sender TEXT NOT NULL,   -- keyed hash of the address, never the address; kept one hour
        at TEXT NOT NULL
      );
      CREATE INDEX comment_senders_sender ON comment_senders (sender, at);
      CREATE INDEX comment_senders_at ON comment_senders (at);
    `,
  },
  {
    version: 6,
    name: "2026-12-06 staff roles, disabled accounts and the account log",
    // Literal role names: a migration is history (src/server/staff/roles.ts holds today's list).
    sql: `
      ALTER TABLE staff_accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'kiem-duyet'
        CHECK (role IN ('kiem-duyet', 'bien-tap', 'quan-tri'));
      ALTER TABLE staff_accounts ADD COLUMN disabled_at TEXT;  -- NULL while the account may sign in
      CREATE TABLE staff_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,    -- who did it, or '(dòng lệnh)' for staff:add/remove
        action TEXT NOT NULL
          CHECK (action IN ('add', 'password', 'role', 'disable', 'enable', 'remove')),
        target TEXT NOT NULL,   -- the account acted on
        role TEXT               -- the role given (add, role); NULL otherwise
      );
      CREATE INDEX staff_log_at ON staff_log (at);
    `,
  },
  {
    version: 7,
    name: "2026-12-06 newsroom actions in the staff log",
    // SQLite cannot change a CHECK in place: the log is copied into a table with the new one.
    sql: `
      CREATE TABLE staff_log_new (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL
          CHECK (action IN ('add', 'password', 'role', 'disable', 'enable', 'remove',
            'publish', 'undo', 'published', 'publish-failed')),
        target TEXT NOT NULL,   -- the account, or for the newsroom "<publication id> <files or commit>"
        role TEXT
      );
      INSERT INTO staff_log_new (id, at, actor, action, target, role)
        SELECT id, at, actor, action, target, role FROM staff_log;
      DROP TABLE staff_log;
      ALTER TABLE staff_log_new RENAME TO staff_log;
      CREATE INDEX staff_log_at ON staff_log (at);
    `,
  },
];
