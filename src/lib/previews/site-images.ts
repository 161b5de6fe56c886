// The preview images' build step: every card of the list (images.ts) drawn once into the PNG cache
// on worker threads over the cores, then linked into the site at its path. Runs beside Astro's
// build (src/cli/build.ts), into a folder of its own that the build moves into the staged site.
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { runPool } from "../build/worker-pool.ts";
import type { ArticleFile } from "../content/article-files.ts";
import type { DrawJob, DrawSetup } from "./draw-worker.ts";
import { previewFontFiles } from "./fonts.ts";
import { previewImages, type PreviewImage } from "./images.ts";
import { cachedFile, keepOnly, missingKeys, type PngCache } from "./png-cache.ts";

export type PreviewSummary = { images: number; drawn: number; reused: number };

export type PreviewOptions = {
  articles: readonly Pick<ArticleFile, "id" | "data">[];
  cache: PngCache;
  /** The folder the images go to, each at its site path (emptied first). */
  outDir: string;
  threads?: number | undefined;
};

/** Cards a worker takes at a time: a few, so the last ones are shared between the threads. */
const BATCH = 8;

async function draw(cache: PngCache, jobs: DrawJob[], threads: number): Promise<void> {
  if (jobs.length === 0) return;
  const setup: DrawSetup = { dir: cache.dir, fontFiles: await previewFontFiles() };
  await runPool<DrawJob, string>(jobs, {
    worker: new URL("./draw-worker.ts", import.meta.url),
    workerData: setup,
    threads,
    batch: BATCH,
  });
}

/** A second name for the cached file (a copy where the file system refuses links). */
function place(cache: PngCache, outDir: string, image: PreviewImage): void {
  const target = join(outDir, image.path);
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(cachedFile(cache, image.key), target);
  } catch {
    copyFileSync(cachedFile(cache, image.key), target);
  }
}

export async function buildPreviews(options: PreviewOptions): Promise<PreviewSummary> {
  const { cache, outDir } = options;
  const images = previewImages(options.articles);
  const keys = images.map((i) => i.key);
  // Images no page shows any more leave the cache.
  keepOnly(cache, keys);
  const missing = new Set(missingKeys(cache, keys));
  // Each missing key drawn once, though two pages may share a card.
  const jobs = images.filter((i) => missing.delete(i.key)).map(({ key, svg }) => ({ key, svg }));
  await draw(cache, jobs, options.threads ?? availableParallelism());
  rmSync(outDir, { recursive: true, force: true });
  for (const image of images) place(cache, outDir, image);
  return { images: images.length, drawn: jobs.length, reused: images.length - jobs.length };
}
