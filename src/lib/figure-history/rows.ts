// Row-level changes between two versions of a CSV: rows added, removed, and each changed cell
// (old → new, as written in the file), matched by the id column.
import Papa from "papaparse";

export type CellChange = { column: string; from: string; to: string };
export type RowChange =
  | { kind: "them"; id: string; row: Record<string, string> }
  | { kind: "xoa"; id: string; row: Record<string, string> }
  | { kind: "sua"; id: string; row: Record<string, string>; cells: CellChange[] };

export type RowsById = Map<string, Record<string, string>>;

/** A CSV's rows by id (cells as written). */
export function rowsById(text: string): RowsById {
  if (text.trim() === "") return new Map();
  const { data } = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  return new Map(data.filter((r) => r.id).map((r) => [r.id!, r]));
}

/** The row changes from `old` to `now` (rowsById of two versions of one file). */
export function diffRows(old: RowsById, now: RowsById): RowChange[] {
  const changes: RowChange[] = [];
  // Papa gives every row of a version the header's keys: the columns are known once per diff.
  const first = (rows: RowsById) => Object.keys(rows.values().next().value ?? {});
  const columns = [...new Set([...first(old), ...first(now)])];
  for (const [id, row] of now) {
    const was = old.get(id);
    if (!was) {
      changes.push({ kind: "them", id, row });
      continue;
    }
    const cells = columns
      .filter((c) => (was[c] ?? "") !== (row[c] ?? ""))
      .map((column) => ({ column, from: was[column] ?? "", to: row[column] ?? "" }));
    if (cells.length > 0) changes.push({ kind: "sua", id, row, cells });
  }
  for (const [id, row] of old) if (!now.has(id)) changes.push({ kind: "xoa", id, row });
  return changes;
}
