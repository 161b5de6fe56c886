// The index of the build published before this one (`--previous <dist>`): what a rebuild reuses.
// Anything missing, unreadable or written by other indexer code means no previous index, and the
// build reads every page, with the same result.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  bucketPath,
  FILTER_FIELDS,
  INDEX_DIR,
  isPageValuesFile,
  MANIFEST_FILE,
  manifestSchema,
  PAGE_VALUES_FILE,
  pageValuesOf,
  SOURCES_FILE,
  type FilterField,
  type Manifest,
} from "./index-files.ts";
import { readSources, type SourceRow } from "./index-sources.ts";

/** The previous index turned out unusable mid-build: the build starts over, reading every page. */
export class PreviousUnusable extends Error {}

export type PreviousIndex = {
  /** The previous build's folder, absolute. */
  dir: string;
  manifest: Manifest;
  /** Pages by the hash of their HTML: their number then, and their row of the sources table. */
  byKey: Map<string, { page: number; row: SourceRow }>;
  /** A page's filter values, by its number then. */
  filters(page: number): Record<FilterField, string[]>;
  /** The text of every word file, by number. */
  bucketTexts(): string[];
};

/** A file's text, or "" when it cannot be read. */
const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};
/** A file's JSON, or undefined when it cannot be read or parsed. */
const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readText(file));
  } catch {
    return undefined;
  }
};

/** The index in `dist`, or why it cannot be reused. */
export function readPreviousIndex(
  dist: string,
  version: string,
): { index: PreviousIndex } | { reason: string } {
  const root = join(dist, INDEX_DIR);
  const parsed = manifestSchema.safeParse(readJson(join(root, MANIFEST_FILE)));
  if (!parsed.success) return { reason: `không có chỉ mục đọc được trong ${root}` };
  const manifest = parsed.data;
  const dir = join(root, manifest.dir);
  const sources = readSources(readText(join(dir, SOURCES_FILE)));
  if (!sources || sources.rows.length !== manifest.pages)
    return { reason: "chỉ mục cũ thiếu bảng trang" };
  if (sources.version !== version) return { reason: "chỉ mục cũ do mã khác tạo ra" };
  const values = readJson(join(dir, PAGE_VALUES_FILE));
  const known = (c: number[][]) => c.every((list, k) => list.every((v) => v < lists[k]!.length));
  const lists = FILTER_FIELDS.map((field) => manifest.values[field]);
  if (!isPageValuesFile(values, manifest.pages) || !values.combos.every(known))
    return { reason: "chỉ mục cũ thiếu tệp lọc" };
  const byKey = new Map(sources.rows.map((row, page) => [row.key, { page, row }]));
  return {
    index: {
      dir,
      manifest,
      byKey,
      filters: (page) => {
        const positions = pageValuesOf(values, page);
        const strings = FILTER_FIELDS.map((field, k) =>
          positions[k]!.map((v) => manifest.values[field][v]!),
        );
        return Object.fromEntries(FILTER_FIELDS.map((f, k) => [f, strings[k]!])) as Record<
          FilterField,
          string[]
        >;
      },
      bucketTexts: () =>
        Array.from({ length: manifest.buckets }, (_, k) =>
          readFileSync(join(dir, bucketPath(k)), "utf8"),
        ),
    },
  };
}
