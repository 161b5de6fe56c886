// What a dataset page and the feed say of the history: pure, from the events.
import { isVietnamese } from "../language.ts";
import { dayOf, describeRow, type ColumnWords, type HistoryEvent } from "./history.ts";

/** Beside each row: "Lịch sử: 15/01/2024 sửa 6.100 → 6.120; 20/01/2024 thêm", oldest first. */
export function rowNotes(
  events: readonly HistoryEvent[],
  words: ColumnWords,
): Record<string, string> {
  const notes: Record<string, string[]> = {};
  for (const event of [...events].reverse()) {
    // The file's first version is where the rows start, not a change to them.
    if (event.created) continue;
    for (const change of event.rows) {
      (notes[change.id] ??= []).push(`${dayOf(event.date)} ${describeRow(change, words)}`);
    }
  }
  return Object.fromEntries(
    Object.entries(notes).map(([id, parts]) => [id, `Lịch sử: ${parts.join("; ")}`]),
  );
}

export type ChangeEntry = {
  commit: string;
  date: string;
  day: string;
  /** "Sửa 1 dòng", "Thêm 2 dòng, xóa 1 dòng": what the commit did, counted in readers' words. */
  summary: string;
  /** The commit message when it is written for readers (Vietnamese, as the newsroom writes it). */
  message?: string;
  items: string[];
};

const KIND_WORDS = [
  ["them", "thêm"],
  ["sua", "sửa"],
  ["xoa", "xóa"],
] as const;

/** The commit message if readers can read it: Vietnamese; English engineering messages are not shown. */
export function readerMessage(message: string): string | undefined {
  return isVietnamese(message) ? message : undefined;
}

/** What one commit did to a dataset's rows, counted. */
export function changeSummary(event: HistoryEvent): string {
  if (event.created) return `Tạo tệp với ${event.rows.length} dòng`;
  const counts = KIND_WORDS.flatMap(([kind, word]) => {
    const n = event.rows.filter((r) => r.kind === kind).length;
    return n > 0 ? [`${word} ${n} dòng`] : [];
  }).join(", ");
  return counts.charAt(0).toLocaleUpperCase("vi") + counts.slice(1);
}

/** The "Lịch sử thay đổi" list: one entry per commit, newest first, each row change named. */
export function changeList(events: readonly HistoryEvent[], words: ColumnWords): ChangeEntry[] {
  return events.map((event) => ({
    commit: event.commit,
    date: event.date,
    day: dayOf(event.date),
    summary: changeSummary(event),
    ...(readerMessage(event.message) !== undefined && { message: event.message }),
    items: event.created
      ? [`tạo tệp với ${event.rows.length} dòng`]
      : event.rows.map((change) => `dòng ${change.id}: ${describeRow(change, words)}`),
  }));
}
