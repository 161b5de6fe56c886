// Counter definitions; the original site's figures themselves live in data/trang-goc.csv
// (read through originalSiteFigures() in src/lib/data/original-site.ts).

/** Definitions shown on the counter's explanation page and used by the server. */
export const ONLINE_MINUTES = 5;
export const VISIT_GAP_MINUTES = 30;

/** The JSON body of GET and POST /api/visits. */
export type VisitFigures = {
  /** Distinct visitors seen in the last 5 minutes. */
  online: number;
  /** Visits since 00:00 Asia/Ho_Chi_Minh. */
  today: number;
  /** The original site's total plus every visit counted here. */
  total: number;
  /** Whether this request counted a visit (false for repeat views, bots, prefetches, GET). */
  counted: boolean;
};
