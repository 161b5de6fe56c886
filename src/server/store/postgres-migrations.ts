// PostgreSQL schema migrations: the same versions as migrations.ts (SQLite), in PostgreSQL's
// dialect. Each runs once, in order, in its own transaction, under an advisory lock so that
// nodes starting together migrate once.
import { STAFF_SESSION_INDEXES, type Migration } from "./migrations.ts";

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
      -- One page view in one round trip (a single statement is its own transaction): the same
      -- steps as the SQLite store's recordView, under row locks so nodes count one visit.
      CREATE FUNCTION record_view(p_key TEXT, p_prev TEXT, p_day TEXT, p_at BIGINT,
                                  p_online_ms BIGINT, p_visit_ms BIGINT)
      RETURNS TABLE (new_visit BOOLEAN, online BIGINT, today BIGINT, total BIGINT)
      LANGUAGE plpgsql AS $fn$
      #variable_conflict use_column
      DECLARE
        k TEXT := p_key;
        old_online BIGINT;
        old_visit BIGINT;
        has_row BOOLEAN;
        continuing BOOLEAN;
        until_ms BIGINT := p_at + p_online_ms;
        sec BIGINT := p_at / 1000;
      BEGIN
        SELECT online_until, visit_until INTO old_online, old_visit
          FROM visitors WHERE key = p_key FOR UPDATE;
        has_row := FOUND;
        continuing := has_row AND old_visit > p_at;
        IF NOT continuing AND p_prev IS NOT NULL THEN
          -- Still the visit that began before midnight, under yesterday's key.
          SELECT online_until INTO old_online
            FROM visitors WHERE key = p_prev AND visit_until > p_at FOR UPDATE;
          IF FOUND THEN
            k := p_prev;
            has_row := TRUE;
            continuing := TRUE;
          END IF;
        END IF;
        IF NOT has_row THEN
          INSERT INTO visitors (key, online_until, visit_until)
            VALUES (k, until_ms, p_at + p_visit_ms) ON CONFLICT (key) DO NOTHING;
          IF NOT FOUND THEN
            -- Another node inserted this visitor a moment ago: it counted the visit.
            SELECT online_until INTO old_online FROM visitors WHERE key = k FOR UPDATE;
            has_row := TRUE;
            continuing := TRUE;
          END IF;
        END IF;
        IF has_row THEN
          UPDATE visitors SET online_until = until_ms, visit_until = p_at + p_visit_ms WHERE key = k;
          -- Past seconds are never read again (and pruned): only a second still ahead is moved.
          IF old_online / 1000 >= sec THEN
            INSERT INTO online_seconds (second, visitors) VALUES (old_online / 1000, -1)
              ON CONFLICT (second) DO UPDATE SET visitors = online_seconds.visitors - 1;
          END IF;
        END IF;
        INSERT INTO online_seconds (second, visitors) VALUES (until_ms / 1000, 1)
          ON CONFLICT (second) DO UPDATE SET visitors = online_seconds.visitors + 1;
        IF NOT continuing THEN
          INSERT INTO visit_days (day, visits) VALUES (p_day, 1)
            ON CONFLICT (day) DO UPDATE SET visits = visit_days.visits + 1;
        END IF;
        RETURN QUERY SELECT NOT continuing,
          (SELECT COALESCE(SUM(s.visitors), 0) FROM online_seconds s WHERE s.second > sec)::BIGINT +
            (SELECT COUNT(*) FROM visitors v
              WHERE v.online_until > p_at AND v.online_until < (sec + 1) * 1000),
          COALESCE((SELECT d.visits FROM visit_days d WHERE d.day = p_day), 0)::BIGINT,
          (SELECT COALESCE(SUM(d.visits), 0) FROM visit_days d)::BIGINT;
      END
      $fn$;
    `,
  },
  {
    version: 3,
    // Dated so a merge with other branches' migrations shows which came first.
    name: "2026-12-01 comments, feedback, staff accounts, sessions, sign-ins, decision log",
    // SQLite's version 3 with PostgreSQL types: identity ids (BY DEFAULT, so a copy from SQLite
    // keeps its ids), TIMESTAMPTZ instants, BOOLEAN ok; the same keys, checks and cascades.
    sql: `
      CREATE TABLE comments (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('comment', 'feedback')),
        article TEXT,             -- slug; NULL for feedback
        name TEXT NOT NULL,
        email TEXT,               -- NULL when not given or after the retention period
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,  -- sha256 of the normalised text (duplicate refusal)
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
        created_at TIMESTAMPTZ NOT NULL,
        decided_at TIMESTAMPTZ
      );
      CREATE INDEX comments_article ON comments (article, status, created_at);
      CREATE INDEX comments_status ON comments (status, created_at);
      CREATE INDEX comments_text_hash ON comments (text_hash);
      CREATE INDEX comments_email ON comments (email);
      CREATE TABLE staff_accounts (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,  -- scrypt$N$r$p$salt$key (src/server/staff/password.ts)
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE staff_sessions (
        id_hash TEXT PRIMARY KEY,     -- sha256 of the cookie value
        username TEXT NOT NULL REFERENCES staff_accounts (username) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        last_seen_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX staff_sessions_username ON staff_sessions (username);
      CREATE INDEX staff_sessions_last_seen ON staff_sessions (last_seen_at);
      CREATE TABLE staff_signins (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        username TEXT NOT NULL,
        address_key TEXT NOT NULL,    -- keyed hash of the address, never the address
        ok BOOLEAN NOT NULL
      );
      CREATE INDEX staff_signins_username ON staff_signins (username, ok, at);
      CREATE INDEX staff_signins_address ON staff_signins (address_key, ok, at);
      CREATE TABLE moderation_log (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        username TEXT NOT NULL,       -- kept when the account is removed
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'spam')),
        at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX moderation_log_at ON moderation_log (at);
    `,
  },
  {
    version: 4,
    name: "2026-12-06 staff_sessions indexes (PostgreSQL made them in version 3)",
    // SQLite's version 4, to keep the version numbers equal; here both indexes already exist.
    sql: STAFF_SESSION_INDEXES,
  },
  {
    version: 5,
    name: "2026-12-06 comment senders: the hourly limit per address, shared by every node",
    sql: `
      CREATE TABLE comment_senders (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        sender TEXT NOT NULL,   -- keyed hash of the address, never the address; kept one hour
        at TIMESTAMPTZ NOT NULL
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
      ALTER TABLE staff_accounts ADD COLUMN disabled_at TIMESTAMPTZ;  -- NULL while it may sign in
      CREATE TABLE staff_log (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
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
    sql: `
      ALTER TABLE staff_log DROP CONSTRAINT staff_log_action_check;
      ALTER TABLE staff_log ADD CONSTRAINT staff_log_action_check
        CHECK (action IN ('add', 'password', 'role', 'disable', 'enable', 'remove',
            'publish', 'undo', 'published', 'publish-failed'));
    `,
  },
];
