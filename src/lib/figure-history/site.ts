// The history as the site shows it: for data/ (or DATA_DIR), read once per build.
import { digestOf } from "../build/cache-keys.ts";
import { DATASETS, isDatasetId } from "../data/datasets.ts";
import { dataDir } from "../data/paths.ts";
import { columnsOf } from "../data/present.ts";
import { eventsOf, readHistory, type History } from "./history.ts";
import { changeList, rowNotes, type ChangeEntry } from "./view.ts";

export function siteHistory(): History {
  return readHistory(dataDir());
}

/** A column's Vietnamese title in a dataset ("count" → "Số đảng viên"), else its name. */
export function columnTitle(dataset: string, column: string): string {
  if (!isDatasetId(dataset)) return column;
  return columnsOf(DATASETS[dataset].schema).find((c) => c.name === column)?.title ?? column;
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
  const titleOf = (column: string) => columnTitle(dataset, column);
  const entries = changeList(events, titleOf);
  return {
    notes: rowNotes(events, titleOf),
    entries,
    unavailable: undefined,
    digest: digestOf(entries),
  };
}
