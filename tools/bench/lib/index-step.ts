// The search index step of `npm run build` (src/cli/build.ts runs `node src/cli/search-index.ts
// <staging>`), run the same way over a benchmark build's output and timed from spawn to exit.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { INDEX_DIR, MANIFEST_FILE } from "../../../src/lib/search/index-files.ts";
import { measureNode } from "./measure.ts";

export interface IndexStep {
  wallMs: number;
  cpuMs: number;
  /** Peak memory of the step's process. */
  peakBytes: number;
  /** Pages in the index, as its manifest counts them. */
  pages: number;
  /** Files and bytes in dist/chi-muc. */
  files: number;
  bytes: number;
}

/** Pages indexed, as the index's manifest (chi-muc.json) counts them. */
export function pagesIndexed(manifestJson: string): number {
  const manifest = JSON.parse(manifestJson) as { pages?: unknown };
  return typeof manifest.pages === "number" ? manifest.pages : 0;
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
    pages: pagesIndexed(readFileSync(join(dir, MANIFEST_FILE), "utf8")),
    ...folderSize(dir),
  };
}
