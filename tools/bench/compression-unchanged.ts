// npm run bench:compression-unchanged [-- --dir .bench/pipeline-3000/dist --runs 5]
// The compression step over a tree in which no file changed, as after a build that changed
// nothing: each run copies the published site (--dir, with its .br/.gz and manifest) without its
// copies into a fresh folder and times the step two ways, alternated: as `npm run build` runs it,
// in its own process (lib/compress-step.ts: from importing the step to its end), and as the
// command `node src/cli/compress.ts <copy> --previous <dir>` from spawn to exit; both with Node's
// compile cache as the build gives it to its steps (src/lib/build/compile-cache.ts). The copy leaves out the preview images, as the
// build's step never sees them (they join the staged site after it, src/cli/build.ts). Target
// (issue 23): under 1 s at N = 3,000.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { shareCompileCache } from "../../src/lib/build/compile-cache.ts";
import { PREVIEW_DIR } from "../../src/lib/previews/site-folder.ts";

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

/** The published site as Astro and the index leave it: no copies, no manifest, no images yet. */
function stagedCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "compress-unchanged-")), "site");
  cpSync(published, dir, { recursive: true });
  rmSync(join(dir, ".build"), { recursive: true, force: true });
  rmSync(join(dir, PREVIEW_DIR), { recursive: true, force: true });
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && /\.(br|gz)$/.test(e.name)) unlinkSync(join(e.parentPath, e.name));
  return dir;
}

/** How a way is timed: the step's own figure from inside its process, or spawn to exit. */
type Way = { name: string; args: (dir: string) => string[]; clock: "step" | "process" };
/** The two ways the step runs: in the build (its main figure), and as its own command. */
const WAYS: Way[] = [
  {
    name: "in the build (import + step)",
    args: (dir) => ["tools/bench/lib/compress-step.ts", dir, published],
    clock: "step",
  },
  {
    name: "as its own command (spawn to exit)",
    args: (dir) => ["src/cli/compress.ts", dir, "--previous", published],
    clock: "process",
  },
];

function once(way: Way): { seconds: number; out: string } {
  const dir = stagedCopy();
  const started = performance.now();
  const result = spawnSync(process.execPath, way.args(dir), { cwd: REPO, encoding: "utf8" });
  const wall = performance.now() - started;
  rmSync(resolve(dir, ".."), { recursive: true, force: true });
  const stepMs = /^step-ms ([\d.]+)$/m.exec(result.stdout)?.[1];
  if (result.status !== 0 || (way.clock === "step" && stepMs === undefined)) {
    console.error(result.stderr || result.stdout);
    process.exit(1);
  }
  const seconds = way.clock === "step" ? Number(stepMs) / 1000 : wall / 1000;
  return { seconds, out: result.stdout.replace(/^step-ms.*$/m, "").trim() };
}

const times = WAYS.map(() => [] as number[]);
for (let run = 1; run <= runs; run++) {
  // Alternated, each way first in turn.
  const order = run % 2 === 1 ? [0, 1] : [1, 0];
  for (const w of order) {
    const load = loadavg()[0]!;
    const { seconds, out } = once(WAYS[w]!);
    times[w]!.push(seconds);
    console.log(
      `run ${run}, ${WAYS[w]!.name}: ${seconds.toFixed(2)} s (load ${load.toFixed(2)}) ${out}`,
    );
  }
}
for (const [w, list] of times.entries()) {
  list.sort((a, b) => a - b);
  console.log(
    `${WAYS[w]!.name}: median ${list[Math.floor(list.length / 2)]!.toFixed(2)} s, ` +
      `${list[0]!.toFixed(2)}–${list.at(-1)!.toFixed(2)} s over ${runs} runs (${published})`,
  );
}
