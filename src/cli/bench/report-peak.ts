// Preloaded into each measured build (node --import): on exit, write the kernel's exact peak RSS
// of the build process (getrusage ru_maxrss), which sampling could miss between two samples.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
