// The table of pages an index was built from (SOURCES_FILE in its folder): for each page number,
// a hash of the page's HTML, its URL, kind and publication moment. The next build reads it to
// reuse every page whose HTML did not change instead of reading that page again.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { FORMAT } from "./index-files.ts";

export type SourceRow = {
  /** sha256 of the page's HTML, 32 hex digits. */
  key: string;
  url: string;
  kind: "bai-viet" | "du-lieu";
  /** ISO date or moment of publication; "" for an undated article or a dataset page. */
  published: string;
};

/** A page's key: a hash of its HTML's bytes. */
export const pageKey = (html: Buffer) =>
  createHash("sha256").update(html).digest("hex").slice(0, 32);

const INDEXER_FILES = [
  "build-index.ts",
  "build-page-files.ts",
  "build-pages.ts",
  "build-terms.ts",
  "extract.ts",
  "index-files.ts",
  "index-sources.ts",
  "text.ts",
];

/**
 * A hash of the indexer's own code: an index written by other code is never reused, so a change
 * to how pages are read or words are split always reaches every page.
 */
export function indexerVersion(): string {
  const hash = createHash("sha256").update(`format ${FORMAT}\n`);
  for (const file of INDEXER_FILES) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(new URL(file, import.meta.url)));
  }
  return hash.digest("hex").slice(0, 16);
}

const FIELD = /^[^\t\n]*$/;

/** The table as text: the indexer's version, then a line per page number. */
export function writeSources(version: string, rows: readonly SourceRow[]): string {
  const lines = rows.map((r) => [r.key, r.url, r.kind, r.published].join("\t"));
  return `${[`v\t${version}`, ...lines].join("\n")}\n`;
}

/** Reads a table; undefined when it is not one (a build then reads every page). */
export function readSources(text: string): { version: string; rows: SourceRow[] } | undefined {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const head = /^v\t([0-9a-f]+)$/.exec(lines[0] ?? "");
  if (!head) return undefined;
  const rows: SourceRow[] = [];
  for (const line of lines.slice(1)) {
    const [key, url, kind, published, ...rest] = line.split("\t");
    if (rest.length || !key || !url || published === undefined) return undefined;
    if (kind !== "bai-viet" && kind !== "du-lieu") return undefined;
    rows.push({ key, url, kind, published });
  }
  return { version: head[1]!, rows };
}

/** Whether a page's fields can be written in the table (no tab or line break). */
export const fitsSources = (row: SourceRow) =>
  FIELD.test(row.url) && FIELD.test(row.published) && FIELD.test(row.key);
