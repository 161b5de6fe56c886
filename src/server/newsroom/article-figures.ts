// The article page's figures slot filled by the figures step (figures-step.ts): the fieldset of
// the numbers the text states, each with its proposed row; on publish, every decision readable and
// every confirmed row passing data:check, or the publication waits; the rows' CSV files join it.
import { figureFiles } from "./figure-files.ts";
import { figuresStep } from "./figures-step.ts";
import type { FieldProblem } from "./article-draft.ts";
import type { FiguresPart, FiguresSlot } from "./figures-slot.ts";

/** The field the figures' problems are listed under (the fieldset's own messages sit by each row). */
const FIELD = "figures";

/** Why the figures keep the article from being published, one line each. */
function stepProblems(step: ReturnType<typeof figuresStep>): FieldProblem[] {
  const read = step.problems.map((p) => ({
    field: FIELD,
    message: p.n < 0 ? p.message : `Số liệu ${p.n + 1}: ${p.message}`,
  }));
  const checked = step.checks
    .filter((c) => !c.ok)
    .map((c) => ({ field: FIELD, message: `Số liệu ${c.n + 1}: ${c.message}` }));
  return [...read, ...checked];
}

export function articleFigures(dirs: { dataDir: string; newsDir: string }): FiguresSlot {
  return ({ action, slug, mdx, form }): FiguresPart => {
    const article = { slug, mdx };
    // A page just read has no decisions yet: the proposals alone, every one "skip".
    const step = figuresStep(action === "read" ? undefined : form, article, dirs);
    // The article's preview does not wait for its figures; their messages stand beside each row.
    if (action !== "publish") return { html: step.html };
    if (!step.ok) return { html: step.html, problems: stepProblems(step) };
    try {
      return { html: step.html, files: figureFiles(step.rows, { ...dirs, article }) };
    } catch (error) {
      return { html: step.html, problems: [{ field: FIELD, message: (error as Error).message }] };
    }
  };
}
