// Each dataset's history, from the git log of data/: per commit, the rows it added, removed and
// changed; then what the dataset page shows (a note beside each row, a "Lịch sử thay đổi" list)
// and the feed /du-lieu/thay-doi.xml, all from the same events.
import { formatDate } from "../format.ts";
import { readGitLog, type GitLog } from "./git-log.ts";
import { diffRows, rowsById, type RowChange, type RowsById } from "./rows.ts";

export type HistoryEvent = {
  commit: string;
  date: string;
  message: string;
  /** The CSV's name without ".csv" (the dataset id). */
  dataset: string;
  /** The commit that created the file: its rows are the first version, not additions. */
  created: boolean;
  rows: RowChange[];
};

export type History =
  { available: true; events: HistoryEvent[] } | { available: false; reason: string };

/** Every commit's row changes, newest first (commits that change no row, e.g. reformatting, drop out). */
export function historyOf(log: GitLog): History {
  if (!log.available) return log;
  // Each version is parsed once: a commit's "after" is the next commit's "before" of that file.
  const parsed = new Map<string, { text: string; rows: RowsById }>();
  const rowsOf = (file: string, text: string) => {
    const last = parsed.get(file);
    return last?.text === text ? last.rows : rowsById(text);
  };
  const events = log.changes
    .filter((c) => c.file.endsWith(".csv"))
    .map((c) => {
      const after = rowsById(c.after);
      const rows = diffRows(rowsOf(c.file, c.before), after);
      parsed.set(c.file, { text: c.after, rows: after });
      return {
        commit: c.commit,
        date: c.date,
        message: c.message,
        dataset: c.file.replace(/\.csv$/, ""),
        created: c.before.trim() === "",
        rows,
      };
    })
    .filter((e) => e.rows.length > 0)
    .reverse();
  return { available: true, events };
}

const memo = new Map<string, History>();

/** The history of the CSVs in `dataDir`, read once per build. */
export function readHistory(dataDir: string): History {
  let history = memo.get(dataDir);
  if (!history) {
    history = historyOf(readGitLog(dataDir));
    memo.set(dataDir, history);
  }
  return history;
}

/** One dataset's events, newest first. */
export function eventsOf(history: History, dataset: string): HistoryEvent[] {
  return history.available ? history.events.filter((e) => e.dataset === dataset) : [];
}

export const dayOf = (iso: string) => formatDate(new Date(iso));
const shown = (value: string) => (value === "" ? "(trống)" : value);

/** How a dataset's columns and coded values read ("period_kind" → "Loại kỳ", "year" → "Trong năm"). */
export type ColumnWords = {
  title: (column: string) => string;
  value?: (column: string, value: string) => string;
};

/** "sửa 6.100 → 6.120" (the count) or "sửa Ghi chú: a → b", each changed cell. */
export function describeRow(change: RowChange, words: ColumnWords): string {
  if (change.kind === "them") return "thêm";
  if (change.kind === "xoa") return "xóa";
  const value = (column: string, v: string) => shown(words.value?.(column, v) ?? v);
  return `sửa ${change.cells
    .map((c) => {
      const values = `${value(c.column, c.from)} → ${value(c.column, c.to)}`;
      return c.column === "count" ? values : `${words.title(c.column)}: ${values}`;
    })
    .join("; ")}`;
}
