// The files of dist/: paths that stay inside it, an in-memory cache checked against each file's
// mtime, and the wait through a deploy's swap (dist → dist-previous, staging → dist).
import { readFile, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { htmlPolicy, inlineScriptHashes, RESOURCE_POLICY } from "../http/security.ts";

export type CachedFile = { mtimeMs: number; size: number; body: Buffer; etag: string; csp: string };

const MAX_CACHED_FILES = 2000;
/** How long a request waits for dist/ to reappear during a deploy's swap: up to 2 s. */
const SWAP_WAIT_MS = 20;
const SWAP_WAIT_STEPS = 100;

/** Reads files through a bounded cache; a file changed on disk is read again. */
export function fileCache(): (file: string) => Promise<CachedFile | undefined> {
  const cache = new Map<string, CachedFile>();
  return async (file) => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
    const body = await readFile(file);
    const entry: CachedFile = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      etag: `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`,
      csp: file.endsWith(".html")
        ? htmlPolicy(inlineScriptHashes(body.toString("utf8")))
        : RESOURCE_POLICY,
    };
    // Only small files stay in memory; the site is mostly small HTML, CSS, JS and fonts.
    if (body.length <= 512 * 1024) {
      cache.delete(file);
      cache.set(file, entry);
      // Bounded: drop the oldest entries (Maps keep insertion order) on large sites.
      if (cache.size > MAX_CACHED_FILES) cache.delete(cache.keys().next().value!);
    }
    return entry;
  };
}

/** Maps a URL path to a file inside `root`, or undefined when it would leave it. */
export function fileOf(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const file = resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (decoded.split("/").some((part) => part.startsWith(".") && part !== "")) return undefined;
  return decoded.endsWith("/") ? join(file, "index.html") : file;
}

const exists = async (dir: string) => !!(await stat(dir).catch(() => undefined));

/**
 * `npm run build` swaps the new build in with two renames (dist → dist-previous, staging → dist).
 * Resolves once `root` is there again, at once when no swap is in progress, or after 2 s.
 */
export async function swapGap(root: string): Promise<void> {
  for (let i = 0; i < SWAP_WAIT_STEPS; i++) {
    if (await exists(root)) return;
    // Only a swap in progress is worth waiting for; a dist/ that is simply gone is not.
    if (!(await exists(`${root}-previous`)) && !(await exists(`${root}-staging`))) return;
    await new Promise((r) => setTimeout(r, SWAP_WAIT_MS));
  }
}

/**
 * Reads something from the build in `root`; when it is not there, waits out a deploy's swap and
 * reads once more. The one rule for every file, page and index the server reads from dist/:
 * the second read also covers a swap that ended before the first check (dist/ back already).
 */
export async function readThroughSwap<T>(
  root: string,
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const first = await read();
  if (first !== undefined) return first;
  await swapGap(root);
  return read();
}
