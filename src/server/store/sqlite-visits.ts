// The visit store on SQLite: per-day counts, visitor keys with their expiry, per-second Online.
import type { DatabaseSync } from "node:sqlite";
import { prepareAll, transaction } from "./sqlite-db.ts";
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
  const q = prepareAll(db, {
    upsertVisit:
      "INSERT INTO visit_days (day, visits) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET visits = visits + 1 RETURNING visits",
    dayVisits: "SELECT visits FROM visit_days WHERE day = ?",
    allVisits: "SELECT COALESCE(SUM(visits), 0) AS n FROM visit_days",
    selectVisitor: "SELECT online_until, visit_until FROM visitors WHERE key = ?",
    upsertVisitor:
      "INSERT INTO visitors (key, online_until, visit_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET online_until = excluded.online_until, visit_until = excluded.visit_until",
    addToSecond:
      "INSERT INTO online_seconds (second, visitors) VALUES (?, ?) ON CONFLICT (second) DO UPDATE SET visitors = visitors + excluded.visitors",
    deleteExpired: "DELETE FROM visitors WHERE visit_until <= ?",
    deleteSeconds: "DELETE FROM online_seconds WHERE second < ?",
    countOnline: `SELECT
      (SELECT COALESCE(SUM(visitors), 0) FROM online_seconds WHERE second > ?) +
      (SELECT COUNT(*) FROM visitors WHERE online_until > ? AND online_until < ?) AS n`,
  });
  type VisitorRow = { online_until: number; visit_until: number };
  const visitorRow = (key: string) => q.selectVisitor.get(key) as VisitorRow | undefined;
  const total = () => Number((q.allVisits.get() as { n: number }).n);
  const addVisit = (day: string) => Number((q.upsertVisit.get(day) as { visits: number }).visits);
  const online = (at: number): number => {
    const [second, next] = onlineBounds(at);
    return Number((q.countOnline.get(second, at, next) as { n: number }).n);
  };
  const dayCount = (day: string) =>
    Number((q.dayVisits.get(day) as { visits: number } | undefined)?.visits ?? 0);
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
        if (from >= secondOf(at)) q.addToSecond.run(from, -1);
        q.addToSecond.run(secondOf(until), 1);
        q.upsertVisitor.run(key, until, at + VISIT_WINDOW_MS);
        const today = continuing ? dayCount(day) : addVisit(day);
        return { newVisit: !continuing, online: online(at), today, total: total() };
      });
    },
    async onlineCount(at) {
      return online(at);
    },
    async pruneVisitors(at) {
      transaction(db, () => {
        q.deleteExpired.run(at);
        q.deleteSeconds.run(prunableBefore(at));
      });
    },
  };
}
