// The figures part of one article-form request, in one call: the proposals for the article's text,
// the decisions posted (none on the first showing), the rows they yield checked with data:check's
// rules, and the fieldset to show beside the article. figureFiles(step.rows, …) on publish.
import { checkFigureRows, type FigureRowCheck } from "../../lib/newsroom/figure-check.ts";
import { figureRows, type FigureDecision, type FigureRow } from "../../lib/newsroom/figure-rows.ts";
import {
  proposeFigures,
  type ArticleFigures,
  type FigureArticle,
} from "../../lib/newsroom/figures.ts";
import type { FormFields } from "../staff/session.ts";
import { readFigureDecisions, type FigureDecisionProblem } from "./figure-decisions.ts";
import { figuresFieldset } from "./figures-form.ts";

export type FiguresStep = {
  figures: ArticleFigures;
  decisions: FigureDecision[];
  /** Rows to add (confirmed or changed), in figure order. */
  rows: FigureRow[];
  checks: FigureRowCheck[];
  problems: FigureDecisionProblem[];
  /** Every decision read and every row passes data:check: the figures may be published. */
  ok: boolean;
  /** The fieldset for the article form. */
  html: string;
};

const UNREADABLE =
  "Chưa đọc được phần đầu của bài (tiêu đề, ngày, đơn vị…) nên chưa đề xuất được số liệu: sửa các ô của bài rồi bấm Xem trước lại.";

/** The fieldset when the article's text cannot be read: nothing proposed, nothing lost. */
function unreadable(article: FigureArticle): FiguresStep {
  const figures: ArticleFigures = { slug: article.slug, proposals: [], cited: [], dataIssues: 0 };
  const html = `<fieldset class="figures"><legend>Số liệu của bài</legend><p class="figure-check" data-ok="false" role="alert">${UNREADABLE}</p></fieldset>`;
  const empty = { decisions: [], rows: [], checks: [] };
  return { figures, ...empty, problems: [{ n: -1, message: UNREADABLE }], ok: false, html };
}

export function figuresStep(
  form: FormFields | undefined,
  article: FigureArticle,
  options: { dataDir?: string; newsDir?: string } = {},
): FiguresStep {
  let figures: ArticleFigures;
  try {
    figures = proposeFigures(article, options);
  } catch {
    // Broken frontmatter (the article's own check names the line); the figures wait for it.
    return unreadable(article);
  }
  const { decisions, problems } = form
    ? readFigureDecisions(form, figures.proposals)
    : { decisions: [], problems: [] };
  const rows = figureRows(figures.proposals, decisions, article.slug);
  const checks = rows.length > 0 ? checkFigureRows(rows, { ...options, article }) : [];
  const ok = problems.length === 0 && checks.every((check) => check.ok);
  const html = figuresFieldset(figures, { decisions, checks, problems });
  return { figures, decisions, rows, checks, problems, ok, html };
}
