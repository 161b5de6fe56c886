// Coverage of every article (or those named) against the loaded datasets and the explained
// numbers listed in data/README.md, as the report `data:coverage` prints (or writes as --json).
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseFrontmatter } from "astro/markdown";
import {
  articleCoverage,
  readAccepted,
  type AcceptedNumber,
  type ArticleCoverage,
  type CitingRow,
} from "./coverage.ts";
import { layoutAll, type DataRow } from "./coverage-layout.ts";
import type { ArticleReport, CoverageReport } from "./coverage-report.ts";
import { draftRows, type ArticleFacts } from "./coverage-rows.ts";
import { RULE_NAMES } from "./coverage-rules.ts";
import { DATASET_IDS, type DatasetId } from "./datasets.ts";
import type { AllDatasets } from "./index.ts";
import { REPO_ROOT } from "./paths.ts";

/** The staff guide holding the list of numbers that are no dataset figure, with why. */
export const ACCEPTED_LIST = join(REPO_ROOT, "data", "README.md");

/** Every row of the data, with where it is and what a proposal is compared on. */
export function dataRows(datasets: AllDatasets): DataRow[] {
  return DATASET_IDS.flatMap((dataset) => {
    const loaded = datasets[dataset];
    return (loaded.rows as Record<string, unknown>[]).map((row, i) => ({
      dataset,
      id: String(row.id),
      line: loaded.lines[i] ?? 0,
      period: typeof row.period === "string" ? row.period : "",
      periodKind: String(row.period_kind),
      unit: String(row.unit),
      values: row,
    }));
  });
}

export function citingRows(datasets: AllDatasets): Map<string, CitingRow[]> {
  const bySlug = new Map<string, CitingRow[]>();
  for (const row of dataRows(datasets)) {
    const { values } = row;
    if (typeof values.quote !== "string" || values.derived === true) continue;
    const numbers = Object.values(values).filter((v): v is number => typeof v === "number");
    const { dataset, id, line, period, periodKind } = row;
    const slug = String(values.source);
    bySlug.set(slug, [
      ...(bySlug.get(slug) ?? []),
      { quote: values.quote, values: numbers, ref: { dataset, id, line, period, periodKind } },
    ]);
  }
  return bySlug;
}

/** What the article's frontmatter says about itself: its date, unit and place. */
export function articleFacts(slug: string, mdx: string): ArticleFacts {
  const data = parseFrontmatter(mdx).frontmatter as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const locality = (data.locality ?? {}) as Record<string, unknown>;
  const facts: ArticleFacts = { slug };
  const fields = {
    published: text(data.published),
    unit: text(data.unit),
    province: text(locality.province),
    district: text(locality.district),
  };
  for (const [key, value] of Object.entries(fields))
    if (value) Object.assign(facts, { [key]: value });
  return facts;
}

/** Each dataset file's header as it stands (the first line of data/<id>.csv). */
function headers(datasets: AllDatasets): Partial<Record<DatasetId, string[]>> {
  const out: Partial<Record<DatasetId, string[]>> = {};
  for (const id of DATASET_IDS) {
    const path = datasets[id].path;
    if (!existsSync(path)) continue;
    const first = readFileSync(path, "utf8")
      .replace(/^\ufeff/, "")
      .split(/\r?\n/)[0]!;
    out[id] = first
      .split(first.includes(";") && !first.includes(",") ? ";" : ",")
      .map((c) => c.trim());
  }
  return out;
}

/** The explained numbers of data/README.md (none when the list is missing). */
function acceptedNumbers(): AcceptedNumber[] {
  return existsSync(ACCEPTED_LIST) ? readAccepted(readFileSync(ACCEPTED_LIST, "utf8")) : [];
}

/** The numbers of each article: cited by a row, left out by rule, explained, or not yet in the data. */
export function coverageOf(
  datasets: AllDatasets,
  contentDir: string,
  slugs: readonly string[],
): ArticleCoverage[] {
  const rows = citingRows(datasets);
  const accepted = acceptedNumbers();
  return slugs.map((slug) =>
    articleCoverage(
      slug,
      readFileSync(join(contentDir, `${slug}.mdx`), "utf8"),
      rows.get(slug) ?? [],
      accepted,
    ),
  );
}

const at = ({ token, line, column }: { token: string; line: number; column: number }) => ({
  token,
  line,
  column,
});

/** What each article is compared with; ids proposed for one article are taken for the next. */
export type CoverageContext = {
  rows: DataRow[];
  citing: Map<string, CitingRow[]>;
  accepted: AcceptedNumber[];
  headers: Partial<Record<DatasetId, string[]>>;
  taken: Map<string, Set<string>>;
};

export function coverageContext(datasets: AllDatasets): CoverageContext {
  const rows = dataRows(datasets);
  const taken = new Map<string, Set<string>>();
  for (const row of rows) taken.set(row.dataset, (taken.get(row.dataset) ?? new Set()).add(row.id));
  const citing = citingRows(datasets);
  return { rows, citing, accepted: acceptedNumbers(), headers: headers(datasets), taken };
}

/** One article's report from its text: a committed file, or an article still in the newsroom. */
export function articleReport(
  context: CoverageContext,
  slug: string,
  mdx: string,
  file: string,
): ArticleReport {
  const article = articleCoverage(slug, mdx, context.citing.get(slug) ?? [], context.accepted);
  const facts = articleFacts(slug, mdx);
  const ctx = { facts, headers: context.headers, rows: context.rows, taken: context.taken };
  return {
    slug,
    file,
    published: facts.published ?? null,
    proposals: layoutAll(draftRows(article.uncovered, facts), ctx),
    covered: article.covered.map((n) => ({ ...at(n), rows: n.rows })),
    excluded: article.excluded.map((n) => ({
      ...at(n),
      rule: n.rule,
      ruleName: RULE_NAMES[n.rule],
    })),
    accepted: article.accepted.map((n) => ({ ...at(n), why: n.why })),
  };
}

/** The full report: per article, a ready-to-paste row per proposal and every other number marked. */
export function coverageReport(
  datasets: AllDatasets,
  contentDir: string,
  slugs: readonly string[],
): CoverageReport {
  const context = coverageContext(datasets);
  const articles = slugs.map((slug) => {
    const path = join(contentDir, `${slug}.mdx`);
    const rel = relative(REPO_ROOT, path);
    return articleReport(
      context,
      slug,
      readFileSync(path, "utf8"),
      rel.startsWith("..") ? path : rel,
    );
  });
  return { articles };
}
