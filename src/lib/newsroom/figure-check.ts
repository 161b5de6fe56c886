// Confirmed figure rows checked at once by data:check's own code: each dataset with the rows added
// (figure-merge.ts) is validated as the build would, the new article counted as a source. Each row
// gets its problems, its doubts and one Vietnamese message to show beside it.
import { columnMeta } from "../data/columns.ts";
import { DATASETS, type DatasetId } from "../data/datasets.ts";
import {
  articleSlugs,
  checkDatasetBytes,
  issueMessage,
  loadAllDatasets,
  type DataIssue,
} from "../data/index.ts";
import { ISSUE_FIXES, issueFix } from "../data/issue-fixes.ts";
import { contentDir, dataDir, pagesDir } from "../data/paths.ts";
import { articleSource, createSourceReader, type SourceReader } from "../data/sources.ts";
import { mergeFigureRows, type MergedDataset } from "./figure-merge.ts";
import type { FigureRow } from "./figure-rows.ts";
import type { FigureArticle, RowPlace } from "./figures.ts";

export type FigureCheckOptions = {
  /** The article the rows come from (not yet in the news folder): their source. */
  article: FigureArticle;
  /** The datasets (default data/ or DATA_DIR). */
  dataDir?: string;
  /** The committed articles (default content/news or NEWS_DIR). */
  newsDir?: string;
};

/** A problem as staff read it beside the row: which column, what is wrong, how to fix it. */
export type FigureProblem = { column: string; text: string; fix: string };

export type FigureRowCheck = {
  n: number;
  dataset: DatasetId;
  /** The row passes data:check (added, or already there). */
  ok: boolean;
  /** The file already holds this row: it is not added again. */
  existing: RowPlace | null;
  problems: FigureProblem[];
  /** data:check's warnings: the build goes on, staff should look. */
  warnings: FigureProblem[];
  /** Things said plainly that are no error (a unit the dataset has not had before). */
  notes: string[];
  /** The one line shown beside the row, in Vietnamese. */
  message: string;
};

/** The committed articles as sources, with the new article's text in place of any file. */
export function sourcesWith(article: FigureArticle, newsDir: string): SourceReader {
  const committed = createSourceReader(newsDir, pagesDir());
  const own = articleSource(article.mdx);
  return (slug) => (slug === article.slug ? own : committed(slug));
}

function problemOf(issue: DataIssue, dataset: DatasetId, header: string, warning = false) {
  const shape = DATASETS[dataset].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  const title = Object.hasOwn(shape, header) ? columnMeta(shape[header]!).title : header;
  return {
    column: header,
    text: `${title}: ${issueMessage(issue)}`,
    fix: warning ? ISSUE_FIXES[issue.key] : issueFix(issue),
  };
}

function messageOf(check: Omit<FigureRowCheck, "message">, file: string): string {
  if (check.existing) return `Đã có trong ${check.existing.place}; không thêm lần nữa.`;
  if (!check.ok)
    return `Chưa thêm được vào ${file}: ${check.problems.map((p) => p.text).join("; ")}.`;
  const more = [...check.warnings.map((w) => w.text), ...check.notes];
  return `Đúng quy tắc của data:check; sẽ thêm vào ${file}.${more.length ? ` Lưu ý: ${more.join("; ")}.` : ""}`;
}

type CheckContext = { sources: SourceReader; articles: string[]; units: Set<string> };

/** Every unit the committed datasets name. */
function knownUnits(dir: string): Set<string> {
  const { datasets } = loadAllDatasets(dir);
  return new Set(Object.values(datasets).flatMap((d) => d.rows.map((r) => String(r.unit))));
}

/** The rows of one merged dataset, checked together. */
function checkMerged(merged: MergedDataset, rows: FigureRow[], context: CheckContext) {
  const { sources, articles, units } = context;
  const { dataset, file, text } = merged;
  const header = text.slice(0, text.indexOf("\n")).split(",");
  const parsed = checkDatasetBytes(dataset, Buffer.from(text, "utf8"), { file, sources, articles });
  const lineOf = new Map([...merged.added].map(([n, line]) => [line, n]));
  // A problem on a committed line comes from the rows added (the committed file was valid).
  const mine = (issue: DataIssue, n: number) => (lineOf.get(issue.line) ?? n) === n;
  return rows.map((row): FigureRowCheck => {
    const existing = merged.already.get(row.n) ?? null;
    const of = (list: DataIssue[], warning = false) =>
      existing
        ? []
        : list
            .filter((i) => mine(i, row.n))
            .map((i) => problemOf(i, dataset, header[i.column - 1] ?? "", warning));
    const unit = row.cells.unit ?? "";
    const notes =
      existing || unit === "" || units.has(unit)
        ? []
        : [
            `đơn vị “${unit}” chưa có trong dữ liệu: sẽ thêm như một đơn vị mới (xem lại chính tả nếu là đơn vị đã có)`,
          ];
    const check = {
      n: row.n,
      dataset,
      existing,
      problems: of(parsed.issues),
      warnings: of(parsed.warnings, true),
      notes,
    };
    const result = { ...check, ok: check.problems.length === 0 };
    return { ...result, message: messageOf(result, file) };
  });
}

/** Each confirmed row checked with data:check's rules, on its dataset with the rows added. */
export function checkFigureRows(
  rows: readonly FigureRow[],
  options: FigureCheckOptions,
): FigureRowCheck[] {
  const newsDir = options.newsDir ?? contentDir();
  const dir = options.dataDir ?? dataDir();
  const context: CheckContext = {
    sources: sourcesWith(options.article, newsDir),
    articles: [...new Set([...articleSlugs(newsDir), options.article.slug])],
    units: knownUnits(dir),
  };
  const checks = mergeFigureRows(rows, dir).flatMap((merged) =>
    checkMerged(
      merged,
      rows.filter((r) => r.dataset === merged.dataset),
      context,
    ),
  );
  return rows.map((row) => checks.find((c) => c.n === row.n)!);
}
