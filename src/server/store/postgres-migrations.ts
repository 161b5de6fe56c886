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
];
