// Preloaded into each measured build (node --import): on exit, write the kernel's exact peak RSS
// of the build process (getrusage ru_maxrss), which sampling could miss between two samples,
// and its CPU time (all threads), which other work on the machine disturbs less than wall time.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpuUs = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuUs }));
  });
}
