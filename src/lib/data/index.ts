// Build-time access to the datasets: read data/*.csv once, validate, hand out typed rows.
// Plain Node can import this (CLI, server): erasable TypeScript and .ts imports only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { DATASET_CHECKS } from "./checks.ts";
import { DATASET_IDS, DATASETS, type DatasetId, type RowOf } from "./datasets.ts";
import { computeGaps, type Gap } from "./gaps.ts";
import { formatIssue, sortIssues, type DataIssue } from "./issues.ts";
import { contentDir, dataDir, pagesDir, REPO_ROOT } from "./paths.ts";
import { isPartRow } from "./row.ts";
import { createSourceReader, type SourceReader } from "./sources.ts";
import { validateCsv } from "./validate.ts";

export { DATASETS, DATASET_IDS, isDatasetId, type DatasetId, type RowOf } from "./datasets.ts";
export type * from "./schemas.ts";
export type { Gap } from "./gaps.ts";
export { formatIssue, formatWarning, issueMessage, type DataIssue } from "./issues.ts";

export type LoadedDataset<K extends DatasetId = DatasetId> = {
  id: K;
  title: string;
  description: string;
  /** Path of the file as shown to staff, e.g. "data/dang-vien.csv". */
  file: string;
  /** Absolute path of the CSV file. */
  path: string;
  rows: RowOf<K>[];
  /** Line in the CSV file of each row (same order as rows). */
  lines: number[];
  /** Totals whose parts fall short: the remainder the source leaves unexplained. */
  gaps: Gap[];
};

export type AllDatasets = { [K in DatasetId]: LoadedDataset<K> };
export type LoadResult = {
  datasets: AllDatasets;
  issues: DataIssue[];
  /** Doubts for staff (data:check prints them) that do not stop the build. */
  warnings: DataIssue[];
};

function displayPath(path: string): string {
  const rel = relative(REPO_ROOT, path);
  return rel.startsWith("..") ? path : rel;
}

/** Names of the articles in `dir` (file names without .mdx). */
export function articleSlugs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => name.slice(0, -4))
    .sort();
}

/** Validate one dataset's CSV bytes (also used by tests on fixtures). */
export function checkDatasetBytes<K extends DatasetId>(
  id: K,
  bytes: Uint8Array,
  options: { file?: string; sources?: SourceReader; articles?: readonly string[] } = {},
): { rows: RowOf<K>[]; lines: number[]; issues: DataIssue[]; warnings: DataIssue[] } {
  const sources = options.sources ?? createSourceReader(contentDir(), pagesDir());
  const parsed = validateCsv(DATASETS[id].schema, bytes, {
    file: options.file ?? `data/${id}.csv`,
    sources,
    articles: options.articles ?? articleSlugs(contentDir()),
    checks: DATASET_CHECKS[id],
    labelColumn: DATASETS[id].labelColumn,
  });
  return {
    rows: parsed.rows as RowOf<K>[],
    lines: parsed.lines,
    issues: parsed.issues,
    warnings: parsed.warnings,
  };
}

/** Read and validate every dataset in `dir` (default: data/ or DATA_DIR). Never throws on bad data. */
export function loadAllDatasets(dir: string = dataDir()): LoadResult {
  const sources = createSourceReader(contentDir(), pagesDir());
  const articles = articleSlugs(contentDir());
  const issues: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const datasets = {} as Record<DatasetId, LoadedDataset>;
  for (const id of DATASET_IDS) {
    const path = join(dir, `${id}.csv`);
    const file = displayPath(path);
    const definition = DATASETS[id];
    const base = { id, title: definition.title, description: definition.description, file, path };
    if (!existsSync(path)) {
      issues.push({ file, line: 1, column: 1, key: "missing-file" });
      datasets[id] = { ...base, rows: [], lines: [], gaps: [] };
      continue;
    }
    const parsed = checkDatasetBytes(id, readFileSync(path), { file, sources, articles });
    issues.push(...parsed.issues);
    warnings.push(...parsed.warnings);
    const rows = parsed.rows;
    const gaps = "part_of" in definition.schema.shape ? computeGaps(rows.filter(isPartRow)) : [];
    datasets[id] = { ...base, rows, lines: parsed.lines, gaps };
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      if (
        name.toLowerCase().endsWith(".csv") &&
        !DATASET_IDS.includes(name.slice(0, -4) as DatasetId)
      ) {
        issues.push({
          file: displayPath(join(dir, name)),
          line: 1,
          column: 1,
          key: "unknown-dataset",
          detail: `khai báo bộ dữ liệu mới trong src/lib/data/datasets.ts (tên hợp lệ: ${DATASET_IDS.join(", ")})`,
        });
      }
    }
  }
  return {
    datasets: datasets as AllDatasets,
    issues: sortIssues(issues),
    warnings: sortIssues(warnings),
  };
}

const cache = new Map<string, LoadResult>();

/** Cached load of the current data folder. */
export function loadDatasets(): LoadResult {
  const dir = dataDir();
  let result = cache.get(dir);
  if (!result) {
    result = loadAllDatasets(dir);
    cache.set(dir, result);
  }
  return result;
}

/** Every dataset, validated; throws with every problem listed when the data is not clean. */
export function getDatasets(): AllDatasets {
  const { datasets, issues } = loadDatasets();
  if (issues.length > 0) {
    throw new Error(
      `Dữ liệu có lỗi (chạy npm run data:check để xem cách sửa):\n${issues.map(formatIssue).join("\n")}`,
    );
  }
  return datasets;
}

export function getDataset<K extends DatasetId>(id: K): LoadedDataset<K> {
  return getDatasets()[id] as LoadedDataset<K>;
}

export function getRows<K extends DatasetId>(id: K): RowOf<K>[] {
  return getDataset(id).rows;
}
