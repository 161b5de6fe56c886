// How article Markdown reads, for the body renderer (article-body.ts) and Astro's MDX integration
// (astro.config.mjs): GFM tables and lists on; no "smart" quotes or ellipses, so articles are
// published as the sources print them.
export const MDX_FEATURES = { gfm: true, smartPunctuation: false } as const;
