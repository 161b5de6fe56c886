// The search index step of `npm run build` (src/cli/build.ts runs `node src/cli/search-index.ts
// <staging>`), run the same way over a benchmark build's output and timed from spawn to exit.
import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { INDEX_DIR } from "../../lib/build/search-index.ts";

export interface IndexStep {
  wallMs: number;
  /** Pages in the index, as Pagefind's entry file counts them. */
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
  const log = openSync(logFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, [join(repo, "src/cli/search-index.ts"), outDir], {
    cwd: repo,
    stdio: ["ignore", log, log],
  });
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const wallMs = performance.now() - started;
  closeSync(log);
  if (code !== 0) {
    throw new Error(
      `Bước tạo chỉ mục tìm kiếm thất bại (mã ${code}); xem ${logFile}:\n${readFileSync(logFile, "utf8")}`,
    );
  }
  const dir = join(outDir, INDEX_DIR);
  return {
    wallMs,
    pages: pagesIndexed(readFileSync(join(dir, "pagefind-entry.json"), "utf8")),
    ...folderSize(dir),
  };
}
