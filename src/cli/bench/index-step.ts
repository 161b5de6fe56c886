// The search index step of `npm run build` (src/cli/build.ts runs `node src/cli/search-index.ts
// <staging>`), run the same way over a benchmark build's output and timed from spawn to exit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { INDEX_DIR } from "../../lib/build/search-index.ts";
import { measureNode } from "./measure.ts";

export interface IndexStep {
  wallMs: number;
  cpuMs: number;
  /** Peak memory of the step's process tree (Node and Pagefind's own binary). */
  peakBytes: number;
  /** Pages in the index, as Pagefind's entry files count them (summed over split indexes). */
  pages: number;
  /** Files and bytes in dist/pagefind. */
  files: number;
  bytes: number;
}

/** Pages indexed, summed over the languages of Pagefind's `pagefind-entry.json`. */
export function pagesIndexed(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/** Index the built site `outDir` with the repository's own CLI; its output goes to `logFile`. */
export async function runIndexStep(
  repo: string,
  outDir: string,
  logFile: string,
): Promise<IndexStep> {
  const measure = await measureNode({
    label: `Search index step over ${outDir}`,
    cwd: repo,
    script: [join(repo, "src/cli/search-index.ts"), outDir],
    logFile,
  });
  const dir = join(outDir, INDEX_DIR);
  return {
    wallMs: measure.wallMs,
    cpuMs: measure.cpuMs,
    peakBytes: measure.peakBytes,
    // A large site's index is split (shard-*/), each part with its own entry file.
    pages: readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === "pagefind-entry.json")
      .reduce((sum, e) => sum + pagesIndexed(readFileSync(join(e.parentPath, e.name), "utf8")), 0),
    ...folderSize(dir),
  };
}
