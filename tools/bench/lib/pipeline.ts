// One `npm run build` (node src/cli/build.ts, what the npm script runs) over a benchmark corpus,
// measured step by step: each step's time from the build's own report (BUILD_REPORT), its CPU
// time and exact peak memory from the preload every Node process of the build loads
// (report-peak.ts through NODE_OPTIONS), and the peak of the whole process tree while it ran.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { BuildReport, StepId } from "../../../src/lib/build/steps.ts";
import { measureNode } from "./measure.ts";
import { parseBuildLog } from "./phases.ts";

const PRELOAD = join(import.meta.dirname, "report-peak.ts");

export type StepFigure = { id: StepId; ms: number; cpuMs: number | undefined; peakBytes: number };

export type PipelineRun = {
  size: number;
  run: number;
  /** "cold": no published site, no caches; "rebuild": after one more article, all in place. */
  kind: "cold" | "rebuild";
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  steps: StepFigure[];
  /** Astro's own phases inside the "astro" step. */
  astro: { syncMs: number; bundleMs: number; renderMs: number };
  /** Pages Astro rendered, and pages it copied from its cache. */
  rendered: number;
  restored: number;
  /** Files the compression step compressed, and files that kept the published copies. */
  compressed: { written: number; reused: number };
  load: number;
};

export type PipelineSpec = {
  repo: string;
  newsDir: string;
  /** The published site (dist/); its cache folder and staging sit beside it. */
  outDir: string;
  cacheDir: string;
  logFile: string;
  /** Private .astro/ for this corpus, kept between the cold build and the rebuild. */
  privateDotAstro: string | undefined;
  /** Extra arguments for the build, e.g. --force. */
  args?: string[];
  /** Extra environment for the build, e.g. DATA_DIR. */
  env?: Record<string, string>;
};

type ProcessFigures = { maxRssKiB: number; cpuUs: number };

function readPeaks(dir: string): Map<number, ProcessFigures> {
  const peaks = new Map<number, ProcessFigures>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    peaks.set(Number(name.slice(0, -5)), JSON.parse(readFileSync(join(dir, name), "utf8")));
  }
  return peaks;
}

/** "1.424 tệp nén mới, 0 tệp không đổi": the compression step's own counts. */
export function compressionCounts(log: string): { written: number; reused: number } {
  const m = /([\d.]+) tệp nén mới, ([\d.]+) tệp không đổi/.exec(log);
  const n = (s: string | undefined) => Number((s ?? "0").replace(/\./g, ""));
  return { written: n(m?.[1]), reused: n(m?.[2]) };
}

/** Pages Astro rendered ("(+12ms)") and copied from its cache ("(restored)", "(cached)"). */
export function pageCounts(log: string): { rendered: number; restored: number } {
  const plain = stripVTControlCharacters(log);
  return {
    rendered: (plain.match(/\(\+[\d.]+\s*m?s\)/g) ?? []).length,
    restored: (plain.match(/\((?:restored|cached)\)/g) ?? []).length,
  };
}

export async function measurePipeline(
  spec: PipelineSpec,
): Promise<Omit<PipelineRun, "size" | "run" | "kind" | "load">> {
  const peakDir = `${spec.logFile}.peaks`;
  const reportFile = `${spec.logFile}.report.json`;
  rmSync(peakDir, { recursive: true, force: true });
  mkdirSync(peakDir, { recursive: true });
  const measure = await measureNode({
    label: `npm run build over ${spec.newsDir}`,
    cwd: spec.repo,
    script: [join(spec.repo, "src/cli/build.ts"), ...(spec.args ?? [])],
    logFile: spec.logFile,
    privateDotAstro:
      spec.privateDotAstro === undefined
        ? undefined
        : { dir: spec.privateDotAstro, target: join(spec.repo, ".astro"), keep: true },
    env: {
      ASTRO_TELEMETRY_DISABLED: "1",
      NEWS_DIR: spec.newsDir,
      ASTRO_OUT_DIR: spec.outDir,
      ASTRO_CACHE_DIR: spec.cacheDir,
      BUILD_REPORT: reportFile,
      BENCH_PEAK_DIR: peakDir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PRELOAD}`.trim(),
      ...spec.env,
    },
  });
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as BuildReport;
  const peaks = readPeaks(peakDir);
  const steps = report.steps.map((step): StepFigure => {
    const own = step.pid === undefined ? undefined : peaks.get(step.pid);
    const end = step.startedAt + step.ms;
    const sampled = measure.timeline
      .filter((s) => s.t >= step.startedAt && s.t <= end)
      .reduce((max, s) => Math.max(max, s.bytes), 0);
    return {
      id: step.id,
      ms: step.ms,
      cpuMs: own ? own.cpuUs / 1000 : undefined,
      peakBytes: Math.max(sampled, (own?.maxRssKiB ?? 0) * 1024),
    };
  });
  const log = readFileSync(spec.logFile, "utf8");
  const phases = parseBuildLog(log);
  const cpuUs = [...peaks.values()].reduce((sum, p) => sum + p.cpuUs, 0);
  return {
    wallMs: measure.wallMs,
    cpuMs: Math.max(cpuUs / 1000, measure.cpuMs),
    peakBytes: Math.max(measure.peakBytes, ...steps.map((s) => s.peakBytes)),
    steps,
    astro: { syncMs: phases.syncMs, bundleMs: phases.bundleMs, renderMs: phases.renderMs },
    ...pageCounts(log),
    compressed: compressionCounts(log),
  };
}
