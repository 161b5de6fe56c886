// The visit store on SQLite: per-day counts, visitor keys with their expiry, per-second Online.
import type { DatabaseSync } from "node:sqlite";
import { transaction } from "./sqlite-db.ts";
import {
  onlineBounds,
  prunableBefore,
  secondOf,
  ONLINE_WINDOW_MS,
  VISIT_WINDOW_MS,
  type VisitStore,
  type VisitTotals,
} from "./visits.ts";

export function sqliteVisitStore(db: DatabaseSync): VisitStore {
  const s = (sql: string) => db.prepare(sql);
  const upsertVisit = s(
    "INSERT INTO visit_days (day, visits) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET visits = visits + 1 RETURNING visits",
  );
  const dayVisits = s("SELECT visits FROM visit_days WHERE day = ?");
  const allVisits = s("SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days");
  const selectVisitor = s("SELECT online_until, visit_until FROM visitors WHERE key = ?");
  const upsertVisitor = s(
    "INSERT INTO visitors (key, online_until, visit_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET online_until = excluded.online_until, visit_until = excluded.visit_until",
  );
  const addToSecond = s(
    "INSERT INTO online_seconds (second, visitors) VALUES (?, ?) ON CONFLICT (second) DO UPDATE SET visitors = visitors + excluded.visitors",
  );
  const countOnline = s(`SELECT
    (SELECT COALESCE(SUM(visitors), 0) FROM online_seconds WHERE second > ?) +
    (SELECT COUNT(*) FROM visitors WHERE online_until > ? AND online_until < ?) AS n`);
  const deleteExpired = s("DELETE FROM visitors WHERE visit_until <= ?");
  const deleteSeconds = s("DELETE FROM online_seconds WHERE second < ?");
  type VisitorRow = { online_until: number; visit_until: number };
  const visitorRow = (key: string) => selectVisitor.get(key) as VisitorRow | undefined;
  const total = () => Number((allVisits.get() as { n: number }).n);
  const addVisit = (day: string) => Number((upsertVisit.get(day) as { visits: number }).visits);
  const online = (at: number): number => {
    const [second, next] = onlineBounds(at);
    return Number((countOnline.get(second, at, next) as { n: number }).n);
  };
  const dayCount = (day: string) =>
    Number((dayVisits.get(day) as { visits: number } | undefined)?.visits ?? 0);
  const totals = (day: string): VisitTotals => ({ today: dayCount(day), total: total() });

  return {
    async recordVisit(day) {
      // The upsert returns the day's new count: only the all-days sum needs another read.
      return transaction(db, () => ({ today: addVisit(day), total: total() }));
    },
    async visitTotals(day) {
      return totals(day);
    },
    async recordView({ key, previousKey, day, at }) {
      return transaction(db, () => {
        let row = visitorRow(key);
        let continuing = row !== undefined && Number(row.visit_until) > at;
        if (!continuing && previousKey !== undefined) {
          const previous = visitorRow(previousKey);
          if (previous && Number(previous.visit_until) > at) {
            [key, row, continuing] = [previousKey, previous, true]; // the visit from before midnight
          }
        }
        const until = at + ONLINE_WINDOW_MS;
        // Past seconds are never read again (and pruned): only a second still ahead is moved.
        const from = row === undefined ? -1 : secondOf(Number(row.online_until));
        if (from >= secondOf(at)) addToSecond.run(from, -1);
        addToSecond.run(secondOf(until), 1);
        upsertVisitor.run(key, until, at + VISIT_WINDOW_MS);
        const today = continuing ? dayCount(day) : addVisit(day);
        return { newVisit: !continuing, online: online(at), today, total: total() };
      });
    },
    async onlineCount(at) {
      return online(at);
    },
    async pruneVisitors(at) {
      transaction(db, () => {
        deleteExpired.run(at);
        deleteSeconds.run(prunableBefore(at));
      });
    },
  };
}
