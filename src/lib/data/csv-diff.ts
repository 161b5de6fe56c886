// What an uploaded version of a dataset changes against the committed one: rows added, rows
// removed (by id), and for each changed row only its changed cells, with the column's Vietnamese
// title as the dataset page shows it. Both texts are canonical CSV (canonical.ts).
import { diffRows, rowsById } from "../figure-history/rows.ts";
import { DATASETS, type DatasetId } from "./datasets.ts";
import { columnsOf } from "./present.ts";

export type CellDiff = { column: string; title: string; from: string; to: string };
export type DatasetDiff = {
  added: { id: string; label: string }[];
  removed: { id: string; label: string }[];
  changed: { id: string; label: string; cells: CellDiff[] }[];
};

export const isUnchanged = (diff: DatasetDiff): boolean =>
  diff.added.length + diff.removed.length + diff.changed.length === 0;

/** The changes from `committed` to `uploaded`, two canonical texts of dataset `id`. */
export function datasetDiff(id: DatasetId, committed: string, uploaded: string): DatasetDiff {
  const { schema, labelColumn } = DATASETS[id];
  const columns = columnsOf(schema);
  const titles = new Map(columns.map((c) => [c.name, c.title]));
  const labels = columns.find((c) => c.name === labelColumn)?.labels ?? {};
  // A coded label ("tong-so") as the page names it ("Tổng số").
  const labelOf = (row: Record<string, string>) => {
    const value = row[labelColumn] ?? "";
    return Object.hasOwn(labels, value) ? labels[value]! : value;
  };
  const diff: DatasetDiff = { added: [], removed: [], changed: [] };
  for (const change of diffRows(rowsById(committed), rowsById(uploaded))) {
    const entry = { id: change.id, label: labelOf(change.row) };
    if (change.kind === "them") diff.added.push(entry);
    else if (change.kind === "xoa") diff.removed.push(entry);
    else {
      const cells = change.cells.map((c) => ({ ...c, title: titles.get(c.column) ?? c.column }));
      diff.changed.push({ ...entry, cells });
    }
  }
  return diff;
}
