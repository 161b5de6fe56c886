// bench:build's `npm run build` measurement: log counts, summaries, targets, the kept results,
// the section's place in BENCHMARKS.md and the one more article a rebuild adds.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSourceArticles, writeCorpus, writeNewArticle } from "../../tools/bench/lib/corpus.ts";
import { compressionCounts, pageCounts, type PipelineRun } from "../../tools/bench/lib/pipeline.ts";
import {
  renderPipelineSection,
  summarisePipeline,
  targetsTable,
} from "../../tools/bench/lib/pipeline-report.ts";
import { forgetResults, loadAllResults, saveSizeResults } from "../../tools/bench/lib/results.ts";
import { upsertNamedSection } from "../../tools/bench/lib/sections.ts";

const REPO = resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "bench-pipeline-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const step = (id: PipelineRun["steps"][number]["id"], ms: number) => ({
  id,
  ms,
  cpuMs: ms,
  peakBytes: 100 * 2 ** 20,
});
const run = (size: number, kind: PipelineRun["kind"], astroMs: number, n = 1): PipelineRun => ({
  size,
  run: n,
  kind,
  wallMs: astroMs + 2000,
  cpuMs: astroMs,
  peakBytes: 1000 * 2 ** 20,
  steps: [step("data", 1000), step("astro", astroMs), step("swap", 1000)],
  astro: { syncMs: 1, bundleMs: 2, renderMs: 3 },
  rendered: kind === "cold" ? 100 : 4,
  restored: kind === "cold" ? 0 : 96,
  compressed: { written: 10, reused: 0 },
  load: 0.1,
});

describe("reading the build's log", () => {
  it("pageCounts(log) counts rendered and copied pages, coloured or not", () => {
    const log =
      "├─ /a/index.html (+12ms)\n├─ /b/index.html \x1b[32m(restored)\x1b[39m\n (+1.20s)\n(cached)";
    expect(pageCounts(log)).toEqual({ rendered: 2, restored: 2 });
  });

  it("compressionCounts(log) reads the compression step's counts, thousands with dots", () => {
    const log =
      "Đã nén trước 2.436 tệp (x): 1.024 tệp nén mới, 1.412 tệp không đổi giữ bản nén cũ;";
    expect(compressionCounts(log)).toEqual({ written: 1024, reused: 1412 });
  });
});

describe("summarisePipeline and targetsTable", () => {
  const runs = [
    run(1000, "cold", 10_000, 1),
    run(1000, "rebuild", 4_000, 1),
    run(1000, "cold", 12_000, 2),
    run(1000, "rebuild", 6_000, 2),
  ];

  it("averages runs of each size and kind, cold first", () => {
    const [cold, rebuild] = summarisePipeline(runs);
    expect(cold).toMatchObject({ size: 1000, kind: "cold", runs: 2, wallMs: 13_000 });
    expect(cold!.steps.astro.ms).toBe(11_000);
    expect(rebuild).toMatchObject({ kind: "rebuild", rendered: 4, restored: 96 });
  });

  it("divides by the bare site's cold build and marks the targets", () => {
    const bare = new Map([[1000, { ms: 13_000, cpuMs: 10_000 }]]);
    const row = targetsTable(summarisePipeline(runs), bare).split("\n")[2];
    expect(row).toBe("| 1000 | 13.0 | 13.0 | 1.00 | yes | 7.0 | 0.54 | NO | 1.10 / 0.50 |");
    const none = targetsTable(summarisePipeline(runs), new Map()).split("\n")[2];
    expect(none).toBe("| 1000 | — | 13.0 | — | — | 7.0 | — | — | — / — |");
  });

  it("renders a section that lists when each size was measured", () => {
    const meta = {
      date: "2026-12-06T00:00:00Z",
      machine: "2 cores",
      node: "v24",
      astro: "7.3.5",
      commit: "`abc`",
      runs: 2,
      isolation: "private",
      load: 0.5,
    };
    const section = renderPipelineSection(new Map([[1000, meta]]), runs, new Map());
    expect(section).toMatch(/^## npm run build, as staff run it \(bench:build\)\n/);
    expect(section).toContain(
      "- N = 1000: 2026-12-06T00:00:00Z, commit `abc`, 2 run(s), load 0.50",
    );
    expect(section).toContain("| data check (s / MiB) |");
    expect(section).toContain("| 1000 | 2 | rebuild |");
  });
});

describe("results kept per size", () => {
  it("saves and loads every size, route maps included, and forgets them on request", () => {
    const dir = join(tmp, "results");
    const phases = {
      syncMs: 1,
      bundleMs: 2,
      renderMs: 3,
      totalMs: 6,
      routes: new Map([["/tin-tuc/*", { pages: 2, ms: 5 }]]),
    };
    const meta = {
      date: "d",
      machine: "m",
      node: "n",
      astro: "a",
      commit: "c",
      runs: 1,
      isolation: "i",
      load: 0,
    };
    const astro = [
      {
        size: 3000,
        site: "bare" as const,
        run: 1,
        wallMs: 1,
        cpuMs: 1,
        peakBytes: 1,
        upperBoundBytes: 1,
        phases,
        pages: 1,
        load: 0,
      },
    ];
    saveSizeResults(dir, { size: 3000, meta, astro, pipeline: [], index: [] });
    saveSizeResults(dir, {
      size: 1000,
      meta,
      astro: [],
      pipeline: [run(1000, "cold", 1)],
      index: [],
    });
    const all = loadAllResults(dir);
    expect(all.map((r) => r.size)).toEqual([1000, 3000]);
    expect(all[1]!.astro[0]!.phases.routes.get("/tin-tuc/*")).toEqual({ pages: 2, ms: 5 });
    forgetResults(dir);
    expect(loadAllResults(dir)).toEqual([]);
  });
});

describe("upsertNamedSection(doc, section, follows)", () => {
  const doc =
    "# Benchmarks\n\n## Build (bench:build)\n\nastro\n\n## Pages (bench:pages)\n\npages\n";

  it("puts a new section after the one it follows, and replaces it in place later", () => {
    const added = upsertNamedSection(doc, "## npm run build\n\nfirst\n", "## Build (bench:build)");
    expect(added).toBe(
      "# Benchmarks\n\n## Build (bench:build)\n\nastro\n\n## npm run build\n\nfirst\n\n## Pages (bench:pages)\n\npages\n",
    );
    const again = upsertNamedSection(
      `${added.replace("first\n", "first\n\n### Findings\n\n- kept\n")}`,
      "## npm run build\n\nsecond\n",
    );
    expect(again).toContain("## npm run build\n\nsecond\n\n### Findings\n\n- kept\n\n## Pages");
    expect(again).not.toContain("first");
  });

  it("appends when there is nothing to follow", () => {
    expect(upsertNamedSection(doc, "## X\n\nx\n", "## Nope")).toBe(`${doc}\n## X\n\nx\n`);
  });
});

describe("writeNewArticle", () => {
  it("adds one article, newer than every other, under a slug of its own", () => {
    const dir = join(tmp, "news");
    const sources = readSourceArticles(join(REPO, "content/news"));
    const slugs = writeCorpus(sources, sources.length + 2, dir);
    const slug = writeNewArticle(sources, dir, 3);
    expect(slugs).not.toContain(slug);
    expect(readdirSync(dir)).toHaveLength(sources.length + 3);
    const text = readFileSync(join(dir, `${slug}.mdx`), "utf8");
    expect(text).toMatch(/^title: .*\(bài mới 3\)"?$/m);
    const dates = readdirSync(dir).flatMap(
      (f) => /^published: "([^"]+)"/m.exec(readFileSync(join(dir, f), "utf8"))?.slice(1) ?? [],
    );
    expect(dates.sort().at(-1)).toBe("2030-01-04T08:00:00");
    expect(dates.filter((d) => d === "2030-01-04T08:00:00")).toHaveLength(1);
  });
});
