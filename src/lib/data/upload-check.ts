// An uploaded CSV for one dataset, in memory: formatted as `data:format` does, checked as
// `data:check` does (committed articles as sources), and compared with the committed file. Lines
// point into the uploaded file as the spreadsheet saved it. Nothing is written anywhere.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalCsv } from "./canonical.ts";
import { parseCsvText } from "./csv.ts";
import { csvProblemIssue } from "./csv-issue.ts";
import { datasetDiff, type DatasetDiff } from "./csv-diff.ts";
import { DATASETS, type DatasetId } from "./datasets.ts";
import {
  articleSlugs,
  checkDatasetBytes,
  formatIssue,
  formatWarning,
  type DataIssue,
} from "./index.ts";
import { issueFix, ISSUE_FIXES } from "./issue-fixes.ts";
import { sortIssues } from "./issues.ts";
import { dataDir, pagesDir } from "./paths.ts";
import { createSourceReader } from "./sources.ts";

/** A problem as data:check prints it (the uploaded file's name for the path), and its fix. */
export type UploadProblem = { text: string; fix: string };

export type UploadResult =
  | { ok: false; problems: UploadProblem[] }
  | {
      ok: true;
      /** The formatted CSV: what publishing writes to data/<id>.csv. */
      text: string;
      diff: DatasetDiff;
      /** data:check's warnings (the build goes on), as it prints them. */
      warnings: UploadProblem[];
      /** Lines where a spreadsheet's date (15/01/2024) was written back as 2024-01-15. */
      dates: number[];
    };

/** Maps a line of the canonical text back to the uploaded file's (blank rows, `sep=` line). */
function lineMapper(original: string, canonical: string): (line: number) => number {
  const from = parseCsvText(original);
  const to = parseCsvText(canonical);
  if (!from.ok || !to.ok) return (line) => line;
  const starts = [to.table.headerLine, ...to.table.rows.map((r) => r.line)];
  const origin = [from.table.headerLine, ...from.table.rows.map((r) => r.line)];
  return (line) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > line) i--;
    return origin[i]! + (line - starts[i]!);
  };
}

/** Other rows a detail names ("dòng 4 ghi …", "dòng 5, 6"), mapped as the issue's own line. */
const linesIn = (detail: string, map: (line: number) => number) =>
  detail.replace(
    /(dòng )(\d+(?:, \d+)*)/g,
    (_, word: string, list: string) =>
      `${word}${list
        .split(", ")
        .map((n) => map(Number(n)))
        .join(", ")}`,
  );

/** The issue with data:check's fix (found from the dataset's own path) and the upload's name. */
function shown(issue: DataIssue, fileName: string, warning = false): UploadProblem {
  const named = { ...issue, file: fileName };
  return {
    text: warning ? formatWarning(named) : formatIssue(named),
    fix: warning ? ISSUE_FIXES[issue.key] : issueFix(issue),
  };
}

/** The committed data/<id>.csv, or "" when there is none yet (every row is then added). */
export function committedText(id: DatasetId, dir: string = dataDir()): string {
  const path = join(dir, `${id}.csv`);
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** Where the upload is compared and checked: a content checkout's data/ and content/news. */
export type UploadBase = { dataDir: string; newsDir: string };

export function checkUpload(
  id: DatasetId,
  bytes: Uint8Array,
  fileName: string,
  base?: UploadBase,
): UploadResult {
  const path = `data/${id}.csv`;
  const formatted = canonicalCsv(DATASETS[id].schema, bytes);
  if (!formatted.ok) {
    const problems = formatted.problems.map((p) => shown(csvProblemIssue(path, p), fileName));
    return { ok: false, problems };
  }
  const text = formatted.text;
  const toUpload = lineMapper(new TextDecoder().decode(bytes), text);
  const against = base && {
    sources: createSourceReader(base.newsDir, pagesDir()),
    articles: articleSlugs(base.newsDir),
  };
  const checked = checkDatasetBytes(id, Buffer.from(text, "utf8"), { file: path, ...against });
  const back = (issue: DataIssue): DataIssue => {
    const detail = issue.detail && linesIn(issue.detail, toUpload);
    return { ...issue, line: toUpload(issue.line), ...(detail ? { detail } : {}) };
  };
  if (checked.issues.length > 0) {
    const problems = sortIssues(checked.issues.map(back)).map((i) => shown(i, fileName));
    return { ok: false, problems };
  }
  return {
    ok: true,
    text,
    diff: datasetDiff(id, committedText(id, base?.dataDir), text),
    warnings: sortIssues(checked.warnings.map(back)).map((w) => shown(w, fileName, true)),
    dates: formatted.dates,
  };
}
