// The history as the site shows it: for data/ (or DATA_DIR), read once per build.
import { digestOf } from "../build/cache-keys.ts";
import { DATASETS, isDatasetId } from "../data/datasets.ts";
import { dataDir } from "../data/paths.ts";
import { columnsOf } from "../data/present.ts";
import { eventsOf, readHistory, type ColumnWords, type History } from "./history.ts";
import { changeList, rowNotes, type ChangeEntry } from "./view.ts";

export function siteHistory(): History {
  return readHistory(dataDir());
}

/** A dataset's column titles ("count" → "Số đảng viên") and choice labels ("year" → "Trong năm"). */
export function columnWords(dataset: string): ColumnWords {
  const columns = isDatasetId(dataset) ? columnsOf(DATASETS[dataset].schema) : [];
  const find = (name: string) => columns.find((c) => c.name === name);
  return {
    title: (column) => find(column)?.title ?? column,
    value: (column, value) => find(column)?.labels?.[value] ?? value,
  };
}

export type DatasetHistoryView = {
  notes: Record<string, string>;
  entries: ChangeEntry[] | undefined;
  unavailable: string | undefined;
  /** Part of the dataset page's cache key. */
  digest: string;
};

export function datasetHistory(dataset: string): DatasetHistoryView {
  const history = siteHistory();
  if (!history.available)
    return { notes: {}, entries: undefined, unavailable: history.reason, digest: history.reason };
  const events = eventsOf(history, dataset);
  const words = columnWords(dataset);
  const entries = changeList(events, words);
  return {
    notes: rowNotes(events, words),
    entries,
    unavailable: undefined,
    digest: digestOf(entries),
  };
}
