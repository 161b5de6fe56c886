// How hard the build compresses each file type: Brotli's quality and gzip's level, chosen by
// measuring size against time on the built site (npm run bench:compression; BENCHMARKS.md,
// "Compression levels"). Each file is compressed once, when its bytes change (compress-site.ts).

export type Levels = { brotli: number; gzip: number };

/**
 * The stylesheet and scripts every page loads are few and small: the smallest copies are worth
 * Brotli's slowest quality (11, about 9% smaller than 8 on our JS and 5% on CSS).
 */
const EVERY_PAGE: Levels = { brotli: 11, gzip: 9 };

/** By extension (lower case, with the dot); every other compressible type: DEFAULT_LEVELS. */
export const LEVELS: Record<string, Levels> = {
  ".css": EVERY_PAGE,
  ".js": EVERY_PAGE,
  ".mjs": EVERY_PAGE,
};

/**
 * Pages, charts, data and the search index: thousands of files, most read by few readers.
 * Brotli 8 is within 9% of 11's size at about 40 times its speed; 9 is no smaller and ten times
 * slower; 10 saves 7% more at fifteen times the time. gzip 9 gains under 1% over 6 on HTML.
 */
export const DEFAULT_LEVELS: Levels = { brotli: 8, gzip: 6 };

export function levelsFor(path: string): Levels {
  const dot = path.lastIndexOf(".");
  return (dot === -1 ? undefined : LEVELS[path.slice(dot).toLowerCase()]) ?? DEFAULT_LEVELS;
}
