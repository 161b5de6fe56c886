// Guards Astro's incremental-build cache. Astro writes each page it renders into cacheDir at once
// but its manifest (which key each cached page was rendered for) only when the whole build
// succeeds. After a failed or killed build the old manifest would vouch for pages overwritten by
// that build, and a later build whose keys match the old manifest (a change undone) would copy
// them. So a build that does not finish forgets the manifest: the next one renders every page.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Astro's own file (astro/dist/core/build/incremental.js). */
export const INCREMENTAL_MANIFEST = "incremental-build.json";
/** Ours: present while an Astro build runs, so the next build knows when one did not end. */
export const RUNNING_MARK = "portal-build-running";

export function forgetRenderedPages(cacheDir: string): void {
  rmSync(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
}

/** Ours: the digest of the sources of the built CSS and scripts the cached pages link to. */
export const ASSETS_MARK = "portal-assets-digest";

/**
 * A digest of every source that shapes the site's shared CSS and script files (.astro, .css and
 * src/scripts). Astro names those files by content but keys a cached page by its route's own code,
 * so after a style change elsewhere it would copy pages that link a style file no longer built.
 */
export function assetSourcesDigest(srcDir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(astro|css)$/.test(f) || /^scripts[\\/]/.test(f))
    .sort();
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(srcDir, file)));
  return hash.digest("base64url");
}

/**
 * Before Astro starts: forget the pages of a build that never finished, or of one built with other
 * CSS and scripts (`assets`: assetSourcesDigest), then mark this one.
 */
export function beginAstroBuild(cacheDir: string, assets?: string): void {
  const mark = join(cacheDir, RUNNING_MARK);
  if (existsSync(mark)) forgetRenderedPages(cacheDir);
  const digestFile = join(cacheDir, ASSETS_MARK);
  if (assets !== undefined) {
    const before = existsSync(digestFile) ? readFileSync(digestFile, "utf8") : undefined;
    if (before !== assets) forgetRenderedPages(cacheDir);
  }
  mkdirSync(cacheDir, { recursive: true });
  if (assets !== undefined) writeFileSync(digestFile, assets);
  writeFileSync(mark, `${process.pid}\n`);
}

/** After Astro: a failed build forgets its pages; either way the mark goes. */
export function endAstroBuild(cacheDir: string, succeeded: boolean): void {
  if (!succeeded) forgetRenderedPages(cacheDir);
  rmSync(join(cacheDir, RUNNING_MARK), { force: true });
}
