// The figures of an article in the newsroom: every number its text states, with the row
// data:coverage proposes for it (dataset, unit, period as the source gives it, qualifier, quote),
// or the rows that already hold it. Coverage's own code reads the article's text, never a guess:
// what it cannot tell stays blank and is named in `unknown`.
import { articleFacts, articleReport, coverageContext } from "../data/coverage-load.ts";
import type { ExistingRow, ProposalReport } from "../data/coverage-report.ts";
import { requiredBlanks } from "../data/coverage-layout.ts";
import { isDatasetId } from "../data/datasets.ts";
import { loadAllDatasets } from "../data/index.ts";
import { dataDir } from "../data/paths.ts";

/** The article as the editor has it: its slug and the MDX text the newsroom would write. */
export type FigureArticle = { slug: string; mdx: string };

/** Where a row already is: "data/ket-nap.csv:4". */
export type RowPlace = { file: string; line: number; id: string; place: string };

/** A required column the proposal leaves blank because the text does not say it. */
export type UnknownCell = { column: string; title: string };

export type FigureProposal = ProposalReport & {
  /** The figure's number in the form's field names (figure.<n>.…), from 0. */
  n: number;
  /** The paragraph (or photo caption) of the body it stands in, from 1, as the editor sees it. */
  paragraph: number;
  /** The row already holding this very figure (same unit, period and value): shown, not added. */
  existing: RowPlace | null;
  unknown: UnknownCell[];
};

/** A number of the text that rows already cite. */
export type CitedFigure = {
  token: string;
  line: number;
  column: number;
  paragraph: number;
  rows: RowPlace[];
};

export type ArticleFigures = {
  slug: string;
  proposals: FigureProposal[];
  /** Numbers already in the datasets (cited by rows whose source is this article). */
  cited: CitedFigure[];
  /** Problems of the committed data (data:check's count); proposals are compared with valid rows only. */
  dataIssues: number;
};

export const placeOf = (row: ExistingRow): RowPlace => {
  const file = `data/${row.dataset}.csv`;
  return { file, line: row.line, id: row.id, place: `${file}:${row.line}` };
};

/** The body's block (paragraph or caption, from 1) holding each line of the MDX text. */
export function paragraphsOf(mdx: string): (line: number) => number {
  const lines = mdx.replace(/\r\n?/g, "\n").split("\n");
  const end = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  const block: number[] = [];
  let count = 0;
  lines.forEach((raw, i) => {
    const prose = i > end && raw.trim() !== "" && !/^(import|export)\s/.test(raw);
    if (prose && (i === end + 1 || (lines[i - 1] ?? "").trim() === "")) count++;
    block.push(count);
  });
  return (line) => block[line - 1] ?? count;
}

/** Required columns of the proposed row that are blank: the text does not say, staff decide. */
function unknownCells(proposal: ProposalReport): UnknownCell[] {
  const dataset = proposal.dataset;
  if (dataset === null || !isDatasetId(dataset))
    return [{ column: "dataset", title: "Bộ dữ liệu" }];
  return requiredBlanks(dataset, proposal.row);
}

/** The numbers `article` states, each with its proposed row or the rows that already hold it. */
export function proposeFigures(
  article: FigureArticle,
  options: { dataDir?: string } = {},
): ArticleFigures {
  const { datasets, issues } = loadAllDatasets(options.dataDir ?? dataDir());
  const report = articleReport(
    coverageContext(datasets),
    article.slug,
    article.mdx,
    `content/news/${article.slug}.mdx`,
  );
  const facts = articleFacts(article.slug, article.mdx);
  // With no dataset coverage writes no row; where the figure is from still comes from the article.
  const place = {
    unit: facts.unit ?? "",
    province: facts.province ?? "",
    district: facts.district ?? "",
    source: article.slug,
  };
  const paragraph = paragraphsOf(article.mdx);
  const proposals = report.proposals.map((proposal, n): FigureProposal => ({
    ...proposal,
    paragraph: paragraph(proposal.numbers[0]?.line ?? 0),
    row: proposal.dataset === null ? place : proposal.row,
    n,
    existing: proposal.alreadyIn ? placeOf(proposal.alreadyIn) : null,
    unknown: unknownCells(proposal),
  }));
  const cited = report.covered.map(({ rows, ...at }) => ({
    ...at,
    paragraph: paragraph(at.line),
    rows: rows.map(placeOf),
  }));
  return { slug: article.slug, proposals, cited, dataIssues: issues.length };
}
