// Guards Astro's incremental-build cache. Astro writes each page it renders into cacheDir at once
// but its manifest (which key each cached page was rendered for) only when the whole build
// succeeds. After a failed or killed build the old manifest would vouch for pages overwritten by
// that build, and a later build whose keys match the old manifest (a change undone) would copy
// them. So a build that does not finish forgets the manifest: the next one renders every page.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Astro's own file (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = "incremental-build.json";
/** Ours: present while an Astro build runs, so the next build knows when one did not end. */
export const RUNNING_MARK = "portal-build-running";

export function forgetRenderedPages(cacheDir: string): void {
  rmSync(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
}

/** Before Astro starts: forget the pages of a build that never finished, then mark this one. */
export function beginAstroBuild(cacheDir: string): void {
  const mark = join(cacheDir, RUNNING_MARK);
  if (existsSync(mark)) forgetRenderedPages(cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(mark, `${process.pid}\n`);
}

/** After Astro: a failed build forgets its pages; either way the mark goes. */
export function endAstroBuild(cacheDir: string, succeeded: boolean): void {
  if (!succeeded) forgetRenderedPages(cacheDir);
  rmSync(join(cacheDir, RUNNING_MARK), { force: true });
}
