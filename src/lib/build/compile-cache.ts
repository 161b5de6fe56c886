// Node's compile cache for the build's own processes. Every step is a Node process that loads
// TypeScript: stripping types and compiling its modules was a third to a half of the checks' CPU
// time (0.3-0.8 s each at 1,000 articles), paid again each build. Astro's CLI already keeps its
// own modules in this cache (astro/bin/astro.mjs); the steps now share it.
import { enableCompileCache } from "node:module";

/**
 * Enables the cache here and names it in `env` for the processes and workers started from now on
 * (Node's default folder under the system's temporary folder unless NODE_COMPILE_CACHE names
 * one; NODE_DISABLE_COMPILE_CACHE=1 turns it off). A cache that cannot be used changes nothing.
 */
export function shareCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const { directory } = enableCompileCache();
  if (directory !== undefined) env.NODE_COMPILE_CACHE = directory;
}
