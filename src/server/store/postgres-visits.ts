// The visit store on PostgreSQL: the same steps as sqlite-visits.ts; a page view is one call of
// record_view (postgres-migrations.ts), so nodes sharing the database count one visit.
import type postgres from "postgres";
import {
  onlineBounds,
  prunableBefore,
  ONLINE_WINDOW_MS,
  VISIT_WINDOW_MS,
  type VisitStore,
  type VisitTotals,
} from "./visits.ts";

/** BIGINT and COUNT arrive as strings; ours stay far below 2^53. */
const n = (value: unknown): number => Number(value ?? 0);

export function postgresVisitStore(sql: postgres.Sql): VisitStore {
  return {
    async recordVisit(day): Promise<VisitTotals> {
      // Adds one visit to `day` and answers the totals after it, in one statement.
      const [row] = await sql`
        WITH d AS (
          INSERT INTO visit_days (day, visits) VALUES (${day}, 1)
          ON CONFLICT (day) DO UPDATE SET visits = visit_days.visits + 1 RETURNING visits
        )
        SELECT d.visits AS today,
          d.visits + (SELECT COALESCE(SUM(visits), 0) FROM visit_days WHERE day <> ${day}) AS total
        FROM d`;
      return { today: n(row!.today), total: n(row!.total) };
    },
    async visitTotals(day) {
      const [row] = await sql`
        SELECT (SELECT visits FROM visit_days WHERE day = ${day}) AS today,
          (SELECT COALESCE(SUM(visits), 0) FROM visit_days) AS total`;
      return { today: n(row!.today), total: n(row!.total) };
    },
    async recordView({ key, previousKey, day, at }) {
      // One round trip, atomic, locking this visitor's rows.
      const [row] = await sql<
        { new_visit: boolean; online: string; today: string; total: string }[]
      >`
        SELECT * FROM record_view(${key}, ${previousKey ?? null}, ${day}, ${at},
          ${ONLINE_WINDOW_MS}, ${VISIT_WINDOW_MS})`;
      return {
        newVisit: row!.new_visit,
        online: n(row!.online),
        today: n(row!.today),
        total: n(row!.total),
      };
    },
    async onlineCount(at) {
      const [second, next] = onlineBounds(at);
      const [row] = await sql`
        SELECT (SELECT COALESCE(SUM(visitors), 0) FROM online_seconds WHERE second > ${second}) +
          (SELECT COUNT(*) FROM visitors WHERE online_until > ${at} AND online_until < ${next}) AS n`;
      return n(row!.n);
    },
    async pruneVisitors(at) {
      await sql`DELETE FROM visitors WHERE visit_until <= ${at}`;
      await sql`DELETE FROM online_seconds WHERE second < ${prunableBefore(at)}`;
    },
  };
}
