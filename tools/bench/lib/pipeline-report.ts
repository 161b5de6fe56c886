// The "npm run build" section of BENCHMARKS.md: pure functions over measured pipeline runs and
// the bare site's cold builds at the same sizes.
import { STEPS, type StepId } from "../../../src/lib/build/steps.ts";
import type { PipelineRun } from "./pipeline.ts";
import type { Meta } from "./report.ts";
import { table } from "./sections.ts";

/** Cold `npm run build` over the bare site's cold `astro build` (issue 23, at 1,000 and 3,000). */
export const COLD_TARGET = 2.0;
/** Rebuild after one more article, caches in place, over the bare site's cold build (at 3,000). */
export const REBUILD_TARGET = 0.5;

export const PIPELINE_HEADING = "## npm run build, as staff run it (bench:build)";

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "—");
const mib = (bytes: number) =>
  Number.isFinite(bytes) && bytes > 0 ? String(Math.round(bytes / 2 ** 20)) : "—";
const ratio = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const mark = (x: number, target: number) =>
  Number.isFinite(x) ? (x <= target ? "yes" : "NO") : "—";
const STEP_IDS = Object.keys(STEPS) as StepId[];
/** The steps as this (English) document names them; the build prints them in Vietnamese. */
export const STEP_NAMES: Record<StepId, string> = {
  data: "data check",
  articles: "article check",
  astro: "astro build",
  previews: "preview images (beside astro)",
  index: "search index",
  compress: "compression",
  swap: "swap",
};

export type PipelineSummary = {
  size: number;
  kind: PipelineRun["kind"];
  runs: number;
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  steps: Record<StepId, { ms: number; peakBytes: number }>;
  astro: PipelineRun["astro"];
  rendered: number;
  restored: number;
  written: number;
  reused: number;
};

export function summarisePipeline(runs: PipelineRun[]): PipelineSummary[] {
  const keys = [...new Set(runs.map((r) => `${r.size}:${r.kind}`))];
  return keys
    .map((key) => {
      const of = runs.filter((r) => `${r.size}:${r.kind}` === key);
      const avg = (f: (r: PipelineRun) => number) => mean(of.map(f));
      const step = (id: StepId) => ({
        ms: avg((r) => r.steps.find((s) => s.id === id)?.ms ?? NaN),
        peakBytes: avg((r) => r.steps.find((s) => s.id === id)?.peakBytes ?? NaN),
      });
      return {
        size: of[0]!.size,
        kind: of[0]!.kind,
        runs: of.length,
        wallMs: avg((r) => r.wallMs),
        cpuMs: avg((r) => r.cpuMs),
        peakBytes: avg((r) => r.peakBytes),
        steps: Object.fromEntries(STEP_IDS.map((id) => [id, step(id)])) as PipelineSummary["steps"],
        astro: {
          syncMs: avg((r) => r.astro.syncMs),
          bundleMs: avg((r) => r.astro.bundleMs),
          renderMs: avg((r) => r.astro.renderMs),
        },
        rendered: avg((r) => r.rendered),
        restored: avg((r) => r.restored),
        written: avg((r) => r.compressed.written),
        reused: avg((r) => r.compressed.reused),
      };
    })
    .sort((a, b) => a.size - b.size || (a.kind === "cold" ? -1 : 1));
}

/** Time and peak memory of each step, cold and rebuild, at every size. */
export function stepsTable(summaries: PipelineSummary[]): string {
  return table([
    [
      "N",
      "build",
      "runs",
      ...STEP_IDS.map((id) => `${STEP_NAMES[id]} (s / MiB)`),
      "total (s)",
      "CPU (s)",
      "peak (MiB)",
    ],
    ...summaries.map((s) => [
      String(s.size),
      s.kind,
      String(s.runs),
      ...STEP_IDS.map((id) => `${seconds(s.steps[id].ms)} / ${mib(s.steps[id].peakBytes)}`),
      seconds(s.wallMs),
      seconds(s.cpuMs),
      mib(s.peakBytes),
    ]),
  ]);
}

/** What was reused: Astro's phases, pages rendered against copied, files compressed against kept. */
export function reuseTable(summaries: PipelineSummary[]): string {
  return table([
    [
      "N",
      "build",
      "Astro sync / bundle / render (s)",
      "pages rendered",
      "pages copied from cache",
      "files compressed",
      "copies kept",
    ],
    ...summaries.map((s) => [
      String(s.size),
      s.kind,
      [s.astro.syncMs, s.astro.bundleMs, s.astro.renderMs].map(seconds).join(" / "),
      String(Math.round(s.rendered)),
      String(Math.round(s.restored)),
      String(Math.round(s.written)),
      String(Math.round(s.reused)),
    ]),
  ]);
}

/** The bare site's cold `astro build` at one size: mean wall and CPU time. */
export type BareFigures = { ms: number; cpuMs: number };

/**
 * `npm run build` against the bare site's cold `astro build` at the same size: wall time (the
 * targets) and CPU time (steadier when other work shares the machine).
 */
export function targetsTable(summaries: PipelineSummary[], bare: Map<number, BareFigures>): string {
  const sizes = [...new Set(summaries.map((s) => s.size))];
  const of = (size: number, kind: PipelineRun["kind"]) =>
    summaries.find((s) => s.size === size && s.kind === kind);
  return table([
    [
      "N",
      "bare site, cold astro build (s)",
      "npm run build, cold (s)",
      "cold × bare",
      `≤ ${COLD_TARGET.toFixed(1)}×`,
      "npm run build after one more article (s)",
      "rebuild × bare",
      `≤ ${REBUILD_TARGET.toFixed(1)}×`,
      "CPU × bare: cold / rebuild",
    ],
    ...sizes.map((size) => {
      const { ms, cpuMs } = bare.get(size) ?? { ms: NaN, cpuMs: NaN };
      const [cold, rebuild] = [of(size, "cold"), of(size, "rebuild")];
      const [coldX, rebuildX] = [(cold?.wallMs ?? NaN) / ms, (rebuild?.wallMs ?? NaN) / ms];
      return [
        String(size),
        seconds(ms),
        seconds(cold?.wallMs ?? NaN),
        ratio(coldX),
        mark(coldX, COLD_TARGET),
        seconds(rebuild?.wallMs ?? NaN),
        ratio(rebuildX),
        mark(rebuildX, REBUILD_TARGET),
        `${ratio((cold?.cpuMs ?? NaN) / cpuMs)} / ${ratio((rebuild?.cpuMs ?? NaN) / cpuMs)}`,
      ];
    }),
  ]);
}

export function pipelineRunsTable(runs: PipelineRun[]): string {
  return table([
    [
      "N",
      "run",
      "build",
      "total (s)",
      "CPU (s)",
      "peak (MiB)",
      ...STEP_IDS.map((id) => STEP_NAMES[id]),
      "load",
    ],
    ...runs.map((r) => [
      String(r.size),
      String(r.run),
      r.kind,
      seconds(r.wallMs),
      seconds(r.cpuMs),
      mib(r.peakBytes),
      ...STEP_IDS.map((id) => seconds(r.steps.find((s) => s.id === id)?.ms ?? NaN)),
      r.load.toFixed(2),
    ]),
  ]);
}

export const PIPELINE_HOW_TO_READ = `\`npm run bench:build\` also runs \`npm run build\` itself (\`node src/cli/build.ts\`, what the
npm script runs) over the same N articles, in \`.bench/pipeline-<N>/\`: a **cold** build (no
published \`dist/\`, empty Astro cache, empty \`.astro/\`), then a **rebuild** after one more
article (\`tools/bench/lib/corpus.ts\` \`writeNewArticle\`: a copy of the newest real article under a
new slug, dated after every other, as staff publish one), with the published site, Astro's cache
and \`.astro/\` left in place. The new article is removed before the next run's cold build.
- **steps** (time / peak memory): data check and article check (one after the other, in the build's own process), Astro (into the
  staging folder), the preview images (\`src/cli/previews.ts\`, at a lower priority beside Astro and the index step, so
  its time overlaps Astro's and is not added to the total), search index, compression, swap into
  \`dist/\` (with the old build's removal). Time is the build's own
  report (\`BUILD_REPORT\`); peak memory is the larger of the step's process's exact peak
  (\`ru_maxrss\`, written by \`tools/bench/lib/report-peak.ts\`, which every Node process of the build
  loads through \`NODE_OPTIONS\`) and the largest sum over the process tree sampled every 50 ms while
  the step ran. **total** is from spawning the build to its exit; **CPU** adds every process's own
  CPU time (threads included); **peak** is the largest of the steps'.
- **× bare**: the mean wall time over the bare site's mean cold \`astro build\` at the same N (the
  "bare" column of the \`astro build\` section); **CPU × bare** likewise with CPU time, steadier
  on a busy machine. Targets (issue 23): cold ≤ ${COLD_TARGET.toFixed(1)}× at 1,000 and
  3,000 articles; rebuild ≤ ${REBUILD_TARGET.toFixed(1)}× at 3,000. "—" where the bare site did not run (\`--only pipeline\`).
- **pages rendered / copied**: Astro's log lines with a render time, and those marked
  "(restored)" or "(cached)" (\`experimental.incrementalBuild\`; keys in \`src/lib/build/cache-keys.ts\`).
  **files compressed / copies kept**: the compression step's own counts.
- Results are kept per N in \`.bench/results/build-<N>.json\` and this section is written from all
  of them, so sizes can be measured one at a time (\`-- --sizes 10000\`); each size's date, commit
  and load are listed. \`-- --fresh\` forgets earlier sizes. \`-- --scale 30000\` is one cold build and
  one rebuild at that N, \`npm run build\` only.`;

export function renderPipelineSection(
  metas: Map<number, Meta & { load: number }>,
  runs: PipelineRun[],
  bare: Map<number, BareFigures>,
): string {
  const summaries = summarisePipeline(runs);
  const measured = [...metas]
    .sort(([a], [b]) => a - b)
    .map(
      ([size, m]) =>
        `- N = ${size}: ${m.date}, commit ${m.commit}, ${m.runs} run(s), load ${m.load.toFixed(2)} at the start; ${m.machine}; Node ${m.node}; Astro ${m.astro}.`,
    );
  return [
    PIPELINE_HEADING,
    "",
    PIPELINE_HOW_TO_READ,
    "",
    "### Measured",
    "",
    ...measured,
    "",
    "Against the bare site:",
    "",
    targetsTable(summaries, bare),
    "",
    "Step by step (means):",
    "",
    stepsTable(summaries),
    "",
    "What was reused (means):",
    "",
    reuseTable(summaries),
    "",
    "Every run:",
    "",
    pipelineRunsTable(runs),
    "",
  ].join("\n");
}
