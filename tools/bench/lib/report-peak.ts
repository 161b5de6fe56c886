// Preloaded into each measured build (node --import): on exit, write the kernel's exact peak RSS
// of the build process (getrusage ru_maxrss), which sampling could miss between two samples,
// and its CPU time (all threads), which other work on the machine disturbs less than wall time.
// BENCH_PEAK_FILE is for the measured process alone (taken out of the environment, so processes
// it starts do not overwrite it); with BENCH_PEAK_DIR (through NODE_OPTIONS) every Node process of
// `npm run build` writes <dir>/<pid>.json, which bench:build maps to the build's steps.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_PEAK_FILE;
const dir = process.env.BENCH_PEAK_DIR;
delete process.env.BENCH_PEAK_FILE;

if (isMainThread && (file || dir)) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpuUs = usage.userCPUTime + usage.systemCPUTime;
    const figures = { maxRssKiB: usage.maxRSS, cpuUs, argv: process.argv.slice(1) };
    if (file) writeFileSync(file, JSON.stringify(figures));
    if (dir) writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(figures));
  });
}
