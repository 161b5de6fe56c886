// What the visit counter needs from a database (sqlite-visits.ts, postgres-visits.ts), and the
// windows both dialects count with.
import { ONLINE_MINUTES, VISIT_GAP_MINUTES } from "../../lib/visits/original.ts";

export type VisitTotals = {
  /** Visits counted here on `day`. */
  today: number;
  /** Visits counted here on every day. */
  total: number;
};

/** One page view of a visitor, identified only by a keyed hash (see visits/visitor.ts). */
export type VisitorView = {
  /** The visitor's key under today's salt. */
  key: string;
  /** The key under yesterday's salt: a visit that began before midnight continues under it. */
  previousKey?: string;
  /** Vietnam date of the view (yyyy-mm-dd): the day a new visit is counted on. */
  day: string;
  /** The view's instant, ms since the epoch. */
  at: number;
};

export type ViewResult = VisitTotals & {
  /** True when this view began a visit (no view of this visitor in the last 30 minutes). */
  newVisit: boolean;
  /** Visitors seen in the last 5 minutes, this one included. */
  online: number;
};

export type VisitStore = {
  /** Counts one visit on `day` (yyyy-mm-dd, Vietnam time) and returns the totals after it. */
  recordVisit(day: string): Promise<VisitTotals>;
  visitTotals(day: string): Promise<VisitTotals>;
  /**
   * Marks a page view: keeps the key with its expiry (5 minutes online, 30 minutes of visit),
   * counts a visit on `day` when it begins one, and answers the figures after it, atomically.
   */
  recordView(view: VisitorView): Promise<ViewResult>;
  /** Visitors seen in the 5 minutes before `at`. */
  onlineCount(at: number): Promise<number>;
  /** Deletes keys whose visit window ended before `at` (they can never match again). */
  pruneVisitors(at: number): Promise<void>;
};

/** The counter's definitions as readers read them (/thong-ke-truy-cap/), in ms. */
export const ONLINE_WINDOW_MS = ONLINE_MINUTES * 60_000;
export const VISIT_WINDOW_MS = VISIT_GAP_MINUTES * 60_000;

/** The whole second an instant (ms) falls in: the key of the online_seconds table. */
export const secondOf = (ms: number): number => Math.floor(ms / 1000);

/**
 * Online at `at` = the visitors of every second after `at`'s own (a sum over at most 300 rows)
 * + those of `at`'s own second still online (online_until in (at, next)): exact to the ms.
 */
export function onlineBounds(at: number): [second: number, next: number] {
  const second = secondOf(at);
  return [second, (second + 1) * 1000];
}

/** online_seconds rows before this second are past for every node, a minute of clock skew allowed. */
export const prunableBefore = (at: number): number => secondOf(at) - 60;
