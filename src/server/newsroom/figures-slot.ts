// The article page's slot for the figures fieldset: what it is given on each action and what it
// gives back. article-figures.ts fills it with the figures step; a test may fill it with its own.
import type { FormFields } from "../staff/session.ts";
import type { FieldProblem } from "./article-draft.ts";
import type { PublicationFile } from "./publication.ts";

/**
 * The figures fieldset (the numbers the text states, each with a proposed dataset row to confirm,
 * change or skip), by default the figures step's (article-figures.ts). Called on every action
 * with the article's slug, the MDX our template writes for the form as it stands (on "read", for
 * the pasted page), the body textarea and the whole posted form (its own fields are in it); its
 * HTML goes inside the article form after the body. On "publish" its problems stop the
 * publication (listed at the top) and its files (data/<id>.csv) join the article's commit.
 */
export type FiguresSlot = (input: {
  action: "read" | "preview" | "publish";
  slug: string;
  mdx: string;
  body: string;
  form: FormFields;
}) => Promise<FiguresPart> | FiguresPart;
export type FiguresPart = { html: string; problems?: FieldProblem[]; files?: PublicationFile[] };
