// bench:publish's report: the medians and their ratio against the 1.15× target, one row per run
// with the publication split into its build and the rest, and the load beside each figure.
import { describe, expect, it } from "vitest";
import {
  PUBLISH_HEADING,
  publishSummary,
  renderPublishSection,
  type PublishRun,
} from "../../tools/bench/lib/publish-report.ts";

const run = (n: number, buildMs: number, publishMs: number): PublishRun => ({
  run: n,
  buildMs,
  publishMs,
  stagedBuildMs: publishMs - 200,
  load: { build: [9.5, 10.8], publish: [10.8, 9.6] },
});
const meta = {
  at: "2026-12-06T23:04:51Z",
  commit: "abc1234",
  size: 1000,
  coldMs: 136_400,
  cpus: "2 × CPU",
  memoryGiB: 24,
};

describe("bench:publish report", () => {
  it("reads the medians, not one run", () => {
    const runs = [run(1, 40_400, 29_800), run(2, 34_900, 35_300), run(3, 27_900, 32_800)];
    expect(publishSummary(runs)).toEqual({
      build: 34_900,
      publish: 32_800,
      ratio: 32_800 / 34_900,
    });
  });

  it("writes one row per run and says whether the median meets 1.15×", () => {
    const ok = renderPublishSection(meta, [run(1, 40_000, 44_000)]);
    expect(ok.startsWith(`${PUBLISH_HEADING}\n`)).toBe(true);
    expect(ok).toContain("| 1 | 40.0 | 44.0 | 43.8 | 0.2 | 1.10 | 9.5 → 10.8 | 10.8 → 9.6 |");
    expect(ok).toContain("**1.10×** (target ≤ 1.15×: yes)");
    const slow = renderPublishSection(meta, [run(1, 40_000, 48_000)]);
    expect(slow).toContain("**1.20×** (target ≤ 1.15×: NO)");
  });
});
