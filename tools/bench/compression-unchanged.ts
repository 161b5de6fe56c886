// npm run bench:compression-unchanged [-- --dir .bench/pipeline-3000/dist --runs 5]
// The compression step over a tree in which no file changed, as after a build that changed
// nothing: each run copies the published site (--dir, with its .br/.gz and manifest) without its
// copies into a fresh folder and times `node src/cli/compress.ts <copy> --previous <dir>`, the
// command `npm run build` runs, from spawn to exit, with Node's compile cache as the build gives it
// to its steps (src/lib/build/compile-cache.ts). Target (issue 23): under 1 s at N = 3,000.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { shareCompileCache } from "../../src/lib/build/compile-cache.ts";

// As src/cli/build.ts does for every step it starts.
shareCompileCache();

const REPO = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    dir: { type: "string", default: join(REPO, ".bench/pipeline-3000/dist") },
    runs: { type: "string", default: "5" },
  },
});
const published = resolve(values.dir);
const runs = Number(values.runs);
if (!existsSync(join(published, ".build/compressed.tsv")) || !(runs > 0)) {
  console.error(
    "Usage: bench:compression-unchanged [-- --dir <a site built by npm run build> --runs 5]",
  );
  process.exit(2);
}

/** The published site as Astro and the index leave it: no copies, no manifest. */
function stagedCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "compress-unchanged-")), "site");
  cpSync(published, dir, { recursive: true });
  rmSync(join(dir, ".build"), { recursive: true, force: true });
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && /\.(br|gz)$/.test(e.name)) unlinkSync(join(e.parentPath, e.name));
  return dir;
}

const times: number[] = [];
for (let run = 1; run <= runs; run++) {
  const dir = stagedCopy();
  const load = loadavg()[0]!;
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["src/cli/compress.ts", dir, "--previous", published],
    { cwd: REPO, encoding: "utf8" },
  );
  const seconds = (performance.now() - started) / 1000;
  rmSync(resolve(dir, ".."), { recursive: true, force: true });
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(1);
  }
  times.push(seconds);
  console.log(
    `run ${run}: ${seconds.toFixed(2)} s (load ${load.toFixed(2)}) ${result.stdout.trim()}`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s, ` +
    `${times[0]!.toFixed(2)}–${times.at(-1)!.toFixed(2)} s over ${runs} runs (${published})`,
);
