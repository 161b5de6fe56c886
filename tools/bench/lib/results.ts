// bench:build's results kept per N (.bench/results/build-<N>.json), so the sizes can be measured
// one at a time, on different days, and BENCHMARKS.md still shows them all together.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PipelineRun } from "./pipeline.ts";
import type { IndexRun, Meta, RunResult } from "./report.ts";

export type SizeResults = {
  size: number;
  meta: Meta & { load: number };
  /** Cold `astro build` of the bare, bare-text and portal sites (none with --only pipeline). */
  astro: RunResult[];
  /** `npm run build`, cold and after one more article (none with --only astro). */
  pipeline: PipelineRun[];
  index: IndexRun[];
};

const FILE = /^build-(\d+)\.json$/;

/** Maps (route timings) do not survive JSON: they are stored as arrays of entries. */
function toJson(results: SizeResults): string {
  return JSON.stringify(
    results,
    (_key, value: unknown) => (value instanceof Map ? { $map: [...value] } : value),
    1,
  );
}

function fromJson(text: string): SizeResults {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === "object" && "$map" in value
      ? new Map((value as { $map: [unknown, unknown][] }).$map)
      : value,
  ) as SizeResults;
}

export function saveSizeResults(dir: string, results: SizeResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `build-${results.size}.json`), `${toJson(results)}\n`);
}

/** Every size measured so far, smallest first. */
export function loadAllResults(dir: string): SizeResults[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => FILE.test(name))
    .map((name) => fromJson(readFileSync(join(dir, name), "utf8")))
    .sort((a, b) => a.size - b.size);
}

export function forgetResults(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((n) => FILE.test(n))) rmSync(join(dir, name));
}
