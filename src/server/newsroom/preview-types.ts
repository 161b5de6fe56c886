// The newsroom's article preview: an article's MDX text rendered as the site will show it, without
// publishing anything. preview.ts implements it; the article page (article-routes.ts) calls it.

export type PreviewResult =
  /** The whole page as the site would serve it (its layout, styles, <DataFigure> and <Chart>). */
  | { ok: true; html: string }
  /** Why it could not be rendered, in Vietnamese, with line:column in the MDX where known. */
  | { ok: false; message: string };

/** Renders `mdx` as content/news/<slug>.mdx would be published. */
export type ArticlePreview = (mdx: string, slug: string) => Promise<PreviewResult>;
