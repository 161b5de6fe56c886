// The compression step over a whole built site: every file hashed, .br and .gz copies written
// beside the text files over 1 KB by worker threads over the cores, or kept from the published
// site when a file's bytes did not change; then the manifest the next build compares against.
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { relative, sep } from "node:path";
import { indexByContent, settleFile, type FileDone, type Sites } from "./compress-file.ts";
import { runPool } from "./worker-pool.ts";
import {
  MANIFEST_PATH,
  readManifest,
  writeManifest,
  type CompressManifest,
} from "./compress-manifest.ts";

export type CompressSummary = {
  /** Files that have copies, their bytes, and the bytes of their .br and .gz copies. */
  files: number;
  bytes: number;
  br: number;
  gzip: number;
  /** Of those files, how many kept the published copies and how many were compressed. */
  reused: number;
  written: number;
};

export type CompressOptions = {
  /** The published site (dist/) whose copies may be kept; none: compress everything. */
  previous?: string | undefined;
  /** Worker threads; default one per core. */
  threads?: number | undefined;
};

/** Files a batch sends to a worker: enough to keep messages few, few enough to share the work. */
const BATCH = 32;
const MANIFEST_DIR = MANIFEST_PATH.split("/")[0]!;

/** Every file of the site, site-relative with "/", leaving out copies and the manifest's folder. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => relative(dir, `${e.parentPath}${sep}${e.name}`).split(sep).join("/"))
    .filter((path) => path.split("/")[0] !== MANIFEST_DIR)
    .sort();
}

/**
 * After a rebuild most files are unchanged: hashing them and linking their published copies here
 * is quicker than starting workers for it (a few milliseconds a batch, and two threads on two
 * busy cores only contend). Without a published site every file goes to the workers.
 */
function settleUnchanged(sites: Sites, paths: string[]): { settled: FileDone[]; jobs: string[] } {
  if (sites.previousDir === undefined) return { settled: [], jobs: paths };
  const byContent = indexByContent(sites.previous);
  const settled: FileDone[] = [];
  const jobs: string[] = [];
  for (const path of paths) {
    const done = settleFile(sites, byContent, path);
    if (done) settled.push(done);
    else jobs.push(path);
  }
  return { settled, jobs };
}

function summarise(done: FileDone[]): CompressSummary {
  const summary: CompressSummary = { files: 0, bytes: 0, br: 0, gzip: 0, reused: 0, written: 0 };
  for (const { entry, reused } of done) {
    if (!entry.br || !entry.gz) continue;
    summary.files++;
    summary.bytes += entry.size;
    summary.br += entry.br.bytes;
    summary.gzip += entry.gz.bytes;
    if (reused) summary.reused++;
    else summary.written++;
  }
  return summary;
}

/** Compress the site in `dir` (keeping `previous`'s copies where they fit) and record it. */
export async function compressFolder(
  dir: string,
  options: CompressOptions = {},
): Promise<CompressSummary> {
  const previous = options.previous === undefined ? undefined : readManifest(options.previous);
  const sites: Sites = { dir, previousDir: options.previous, previous };
  const { settled, jobs } = settleUnchanged(sites, siteFiles(dir));
  const compressed =
    jobs.length === 0
      ? []
      : await runPool<string, FileDone>(jobs, {
          worker: new URL("./compress-worker.ts", import.meta.url),
          workerData: sites,
          threads: options.threads ?? availableParallelism(),
          batch: BATCH,
        });
  const done = [...settled, ...compressed];
  const manifest: CompressManifest = new Map(done.map((d) => [d.path, d.entry]));
  writeManifest(dir, manifest);
  return summarise(done);
}
