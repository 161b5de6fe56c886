// Where a build writes: the staging folder it builds into, the published dist/ it replaces, and
// Astro's cache (content store and incremental pages), from the same variables astro.config.mjs reads.
import { resolve } from "node:path";

/** Astro's cacheDir unless ASTRO_CACHE_DIR names another (tests and benchmarks use their own). */
export const DEFAULT_CACHE_DIR = "./node_modules/.astro";

export type BuildPaths = { dist: string; staging: string; previous: string; cacheDir: string };

export function buildPaths(root: string, env: NodeJS.ProcessEnv = process.env): BuildPaths {
  const dist = resolve(root, env.ASTRO_OUT_DIR ?? "dist");
  return {
    dist,
    staging: `${dist}-staging`,
    previous: `${dist}-previous`,
    cacheDir: resolve(root, env.ASTRO_CACHE_DIR ?? DEFAULT_CACHE_DIR),
  };
}
