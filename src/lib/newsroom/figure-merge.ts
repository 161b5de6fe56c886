// Figure rows added to their datasets, in memory: the committed data/<id>.csv in data:format's
// canonical form with the new rows at the end (columns a row needs and the file lacks put where the
// schema has them). A row the file already holds is not added twice. Nothing is written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalCsv, csvCell } from "../data/canonical.ts";
import { parseCsvText } from "../data/csv.ts";
import { DATASETS, type DatasetId } from "../data/datasets.ts";
import type { FigureRow } from "./figure-rows.ts";
import { valueColumn } from "./figure-rows.ts";
import type { RowPlace } from "./figures.ts";

export type MergedDataset = {
  dataset: DatasetId;
  /** data/<id>.csv */
  file: string;
  /** The new text (canonical); equal to the committed text when nothing is added. */
  text: string;
  /** Line of each added row in `text`, by figure number. */
  added: Map<number, number>;
  /** Rows the file already holds, by figure number: not added again. */
  already: Map<number, RowPlace>;
};

type Table = { header: string[]; rows: { cells: Record<string, string>; line: number }[] };

/** The committed file as a table; a missing file is an empty table with the schema's columns. */
function committedTable(dataset: DatasetId, dataDir: string): Table {
  const schema = DATASETS[dataset].schema;
  const path = join(dataDir, `${dataset}.csv`);
  if (!existsSync(path)) return { header: Object.keys(schema.shape), rows: [] };
  const canonical = canonicalCsv(schema, readFileSync(path));
  const parsed = canonical.ok ? parseCsvText(canonical.text) : undefined;
  if (!parsed?.ok)
    throw new Error(`data/${dataset}.csv đang có lỗi; chạy npm run data:check và sửa trước.`);
  const { header, rows } = parsed.table;
  return {
    header,
    rows: rows.map(({ cells, line }) => ({
      cells: Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ""])),
      line,
    })),
  };
}

/** Columns that tell figures of one dataset apart besides unit and period (as coverage compares). */
const KIND_COLUMNS = [
  "status",
  "measure",
  "rating",
  "group",
  "kind",
  "action",
  "activity",
  "years",
];

/**
 * The same figure, from whichever article: unit, period, what is counted and its value alike. A
 * row that does not yet say what it counts (its label blank) is no other row's twin.
 */
function sameRow(dataset: DatasetId, a: Record<string, string>, b: Record<string, string>) {
  if ((b[DATASETS[dataset].labelColumn] ?? "") === "") return false;
  const keys = ["unit", "period", "period_kind", DATASETS[dataset].labelColumn, ...KIND_COLUMNS];
  return [...keys, valueColumn(dataset)].every((k) => (a[k] ?? "") === (b[k] ?? ""));
}

const canonicalOf = (dataset: DatasetId, text: string): string => {
  const result = canonicalCsv(DATASETS[dataset].schema, Buffer.from(text, "utf8"));
  return result.ok ? result.text : text;
};

/** One dataset with its new rows added. */
function mergeOne(dataset: DatasetId, rows: FigureRow[], dataDir: string): MergedDataset {
  const file = `data/${dataset}.csv`;
  const table = committedTable(dataset, dataDir);
  const value = valueColumn(dataset);
  const ids = new Set(table.rows.map((r) => r.cells.id));
  const already = new Map<number, RowPlace>();
  const fresh: FigureRow[] = [];
  for (const row of rows) {
    // Cells as the file writes them, so “6001” and “6.001” are the same figure.
    const cells = { ...row.cells, [value]: canonicalValue(dataset, value, row.cells[value] ?? "") };
    const held = table.rows.find((r) => sameRow(dataset, r.cells, cells));
    const twice = fresh.find((f) => sameRow(dataset, f.cells, cells));
    if (held) {
      already.set(row.n, {
        file,
        line: held.line,
        id: held.cells.id!,
        place: `${file}:${held.line}`,
      });
      continue;
    }
    if (twice) {
      const place = `${file} (cùng dòng với số liệu ${twice.n + 1})`;
      already.set(row.n, { file, line: 0, id: twice.cells.id!, place });
      continue;
    }
    let id = cells.id ?? "";
    for (let k = 2; ids.has(id); k++) id = `${cells.id}-${k}`;
    ids.add(id);
    fresh.push({ ...row, cells: { ...cells, id } });
  }
  const schemaColumns = Object.keys(DATASETS[dataset].schema.shape);
  const header = schemaColumns.filter(
    (c) => table.header.includes(c) || fresh.some((r) => (r.cells[c] ?? "") !== ""),
  );
  const line = (cells: Record<string, string>) =>
    header.map((c) => csvCell(cells[c] ?? "")).join(",");
  const lines = [header.map(csvCell).join(","), ...table.rows.map((r) => line(r.cells))];
  const text = canonicalOf(
    dataset,
    `${[...lines, ...fresh.map((r) => line(r.cells))].join("\n")}\n`,
  );
  const parsed = parseCsvText(text);
  const written = parsed.ok ? parsed.table.rows.slice(table.rows.length) : [];
  const added = new Map(fresh.map((r, i) => [r.n, written[i]?.line ?? 0]));
  return { dataset, file, text, added, already };
}

/** A figure's value cell as data:format writes it (a cell it cannot read stays as typed). */
function canonicalValue(dataset: DatasetId, column: string, raw: string): string {
  const parsed = parseCsvText(canonicalOf(dataset, `${csvCell(column)}\n${csvCell(raw)}\n`));
  return parsed.ok ? (parsed.table.rows[0]?.cells[0] ?? raw) : raw;
}

/** Every dataset the rows go to, each with its rows added. */
export function mergeFigureRows(rows: readonly FigureRow[], dataDir: string): MergedDataset[] {
  const byDataset = new Map<DatasetId, FigureRow[]>();
  for (const row of rows) byDataset.set(row.dataset, [...(byDataset.get(row.dataset) ?? []), row]);
  return [...byDataset].map(([dataset, list]) => mergeOne(dataset, list, dataDir));
}

/** The new text of each dataset that gains a row: data/<id>.csv, canonical. */
export function figureTexts(
  rows: readonly FigureRow[],
  dataDir: string,
): { path: string; text: string }[] {
  return mergeFigureRows(rows, dataDir)
    .filter((merged) => merged.added.size > 0)
    .map((merged) => ({ path: merged.file, text: merged.text }));
}
