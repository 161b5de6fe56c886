// npm run bench:build [-- --sizes 1000,3000,10000 --runs 3 --only astro|pipeline --scale 30000
//                        --fresh --report --no-record --keep --no-warmup --profile
//                        --bare-concurrency N --index --index-all]
// At each N: cold `astro build` of a bare Astro + MDX site over N articles, of the same bare site
// over their text without components, and of the portal, alternating (the "astro build" section);
// and `npm run build` as staff run it, cold and again after one more article, step by step (the
// "npm run build" section). Results are kept per N in .bench/results/ and BENCHMARKS.md is written
// from all of them, so one N can be measured (or measured again) at a time. --index also times the
// search index step after each portal astro build at the largest N (--index-all: every N).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBareSite } from "./lib/bare-site.ts";
import { runIndexStep } from "./lib/index-step.ts";
import { writeTextCorpus } from "./lib/strip-components.ts";
import { readSourceArticles, writeCorpus, writeNewArticle } from "./lib/corpus.ts";
import { summariseProfile, type CpuProfile } from "./lib/cpu-profile.ts";
import { parseBuildLog } from "./lib/phases.ts";
import { canIsolateDotAstro, measureBuild } from "./lib/measure.ts";
import { measurePipeline, type PipelineRun } from "./lib/pipeline.ts";
import { PIPELINE_HEADING, renderPipelineSection } from "./lib/pipeline-report.ts";
import { forgetResults, loadAllResults, saveSizeResults } from "./lib/results.ts";
import { upsertNamedSection } from "./lib/sections.ts";
import {
  growth,
  growthLines,
  indexTable,
  renderSection,
  routesTable,
  runsTable,
  SECTION_HEADING,
  summarise,
  summaryTable,
  upsertSection,
  SITES,
  type IndexRun,
  type Meta,
  type RunResult,
  type Site,
} from "./lib/report.ts";

const REPO = resolve(import.meta.dirname, "../..");
const BENCH = join(REPO, ".bench");
const RESULTS = join(BENCH, "results");
const MDX_COMPONENTS_MODULE = join(REPO, "src/components/mdx/components.ts");
const USAGE =
  "Usage: bench:build [-- --sizes 1000,3000,10000 --runs 3 --only astro|pipeline --scale 30000 " +
  "--fresh --report --no-record --keep --no-warmup --profile --bare-concurrency N --index --index-all]";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,3000,10000" },
    runs: { type: "string", default: "3" },
    // Only the astro build comparison, or only npm run build.
    only: { type: "string" },
    // One cold npm run build and one rebuild at each of these N, nothing else: --scale 30000.
    scale: { type: "string" },
    // Forget the results of earlier runs (every N) before this one.
    fresh: { type: "boolean", default: false },
    // Measure nothing: write BENCHMARKS.md again from the results kept in .bench/results/.
    report: { type: "boolean", default: false },
    "no-record": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "no-warmup": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    // A bare site rendering N pages at a time, as the portal does: shown, never recorded.
    "bare-concurrency": { type: "string" },
    // The search index step after each portal build at the largest N, or at every N.
    index: { type: "boolean", default: false },
    "index-all": { type: "boolean", default: false },
  },
});
const scale = values.scale !== undefined;
const sizes = values.report
  ? []
  : (values.scale ?? values.sizes).split(",").map((s) => Number(s.trim()));
const runs = scale ? 1 : Number(values.runs);
const only = scale ? "pipeline" : values.only;
const bareConcurrency = values["bare-concurrency"];
if (
  sizes.some((n) => !Number.isInteger(n) || n < 1) ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  (only !== undefined && only !== "astro" && only !== "pipeline") ||
  (bareConcurrency !== undefined && !/^[1-9]\d*$/.test(bareConcurrency))
) {
  console.error(USAGE);
  process.exit(2);
}
if (bareConcurrency !== undefined) {
  // The recorded comparison is always against Astro's defaults.
  values["no-record"] = true;
  process.env.BENCH_BARE_CONCURRENCY = bareConcurrency;
  console.log(`Bare site renders ${bareConcurrency} pages at a time (not recorded).`);
}
const runAstro = only !== "pipeline";
const runPipeline = only !== "astro";

const contentConfig = readFileSync(join(REPO, "src/content.config.ts"), "utf8");
if (!contentConfig.includes("process.env.NEWS_DIR")) {
  console.error(
    "src/content.config.ts does not read NEWS_DIR; the portal cannot build another folder.",
  );
  process.exit(1);
}

// The code measured is what is checked out when the run starts (others may commit meanwhile).
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: REPO, encoding: "utf8" }).trim();
const commit = `\`${git("rev-parse", "--short", "HEAD")}\``;
const dirty =
  git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " plus uncommitted changes";

const sources = readSourceArticles(join(REPO, "content/news"));
const isolate = canIsolateDotAstro();
if (!isolate) {
  console.warn(
    "warning: cannot make a private mount namespace (unshare -m); builds share .astro/ with any " +
      "other build running in this checkout.",
  );
}
const BARE_ROOT = join(BENCH, "bare");
const LOGS = join(BENCH, "logs");
mkdirSync(LOGS, { recursive: true });
writeBareSite(BARE_ROOT);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const load1 = () => loadavg()[0] ?? 0;

function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === "index.html") count++;
  }
  return count;
}

/** A build that skipped articles would look fast: every article must have its page. */
function checkArticlePages(site: string, outDir: string, slugs: string[]): void {
  const missing = slugs.filter((slug) => !existsSync(join(outDir, "tin-tuc", slug, "index.html")));
  if (missing.length > 0) {
    throw new Error(
      `${site} build wrote no page for ${missing.length} of ${slugs.length} articles, e.g. /tin-tuc/${missing[0]}/`,
    );
  }
}

async function buildOnce(
  site: Site,
  size: number,
  newsDir: string,
  slugs: string[],
  tag: string,
  nodeFlags: string[] = [],
  index = false,
) {
  const outDir = join(BENCH, `out-${site}-${size}`);
  const load = load1();
  const logFile = join(LOGS, `${site}-${size}-${tag}.log`);
  process.stdout.write(`  ${site.padEnd(9)} N=${size} ${tag} … `);
  const measure = await measureBuild({
    root: site === "portal" ? REPO : BARE_ROOT,
    outDir,
    cacheDir: join(REPO, `node_modules/.astro-bench-${site}`),
    newsDir,
    logFile,
    privateDotAstro: isolate ? join(BENCH, `dot-astro-${site}`) : undefined,
    nodeFlags,
    // The bare site renders the articles' components with the portal's own; the text-only one has none.
    env: { BENCH_MDX_COMPONENTS: site === "bare" ? MDX_COMPONENTS_MODULE : "" },
  });
  checkArticlePages(site, outDir, slugs);
  const pages = countPages(outDir);
  const phases = parseBuildLog(readFileSync(logFile, "utf8"));
  console.log(
    `${(measure.wallMs / 1000).toFixed(1)} s (CPU ${(measure.cpuMs / 1000).toFixed(1)} s), ` +
      `peak ${mb(measure.peakBytes)} MiB (main ${mb(measure.mainMaxRssBytes)}; ` +
      `${measure.children} child process(es) peaking at ${mb(measure.childPeakBytes)} in all` +
      `${measure.largestChild ? `, largest ${measure.largestChild}` : ""}), ` +
      `${pages} pages, load ${load.toFixed(2)}`,
  );
  let indexed: Omit<IndexRun, "size" | "run" | "buildMs"> | undefined;
  if (index) {
    const indexLoad = load1();
    process.stdout.write(`  ${"index".padEnd(9)} N=${size} ${tag} … `);
    const step = await runIndexStep(REPO, outDir, join(LOGS, `index-${size}-${tag}.log`));
    indexed = { ...step, load: indexLoad };
    console.log(
      `${(step.wallMs / 1000).toFixed(1)} s (CPU ${(step.cpuMs / 1000).toFixed(1)} s), ` +
        `peak ${mb(step.peakBytes)} MiB, ${step.pages} pages indexed, ${step.files} files, ` +
        `${(step.bytes / 2 ** 20).toFixed(1)} MiB, load ${indexLoad.toFixed(2)}`,
    );
  }
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  return { measure, pages, load, phases, indexed };
}

/** `npm run build` over the corpus in `newsDir`: cold, then after one more article (`run`). */
async function pipelineOnce(size: number, newsDir: string, slugs: string[], run: number) {
  const work = join(BENCH, `pipeline-${size}`);
  const dotAstro = isolate ? join(BENCH, "dot-astro-pipeline") : undefined;
  rmSync(work, { recursive: true, force: true });
  if (dotAstro) rmSync(dotAstro, { recursive: true, force: true });
  const figures: PipelineRun[] = [];
  for (const kind of ["cold", "rebuild"] as const) {
    const added = kind === "rebuild" ? writeNewArticle(sources, newsDir, run) : undefined;
    const load = load1();
    process.stdout.write(`  npm run build N=${size} run${run} ${kind} … `);
    const measured = await measurePipeline({
      repo: REPO,
      newsDir,
      outDir: join(work, "dist"),
      cacheDir: join(work, "cache"),
      logFile: join(LOGS, `pipeline-${size}-run${run}-${kind}.log`),
      privateDotAstro: dotAstro,
    });
    checkArticlePages("npm run build", join(work, "dist"), added ? [...slugs, added] : slugs);
    if (added) rmSync(join(newsDir, `${added}.mdx`));
    figures.push({ size, run, kind, load, ...measured });
    console.log(
      `${(measured.wallMs / 1000).toFixed(1)} s (CPU ${(measured.cpuMs / 1000).toFixed(1)} s), ` +
        `peak ${mb(measured.peakBytes)} MiB; ` +
        measured.steps.map((s) => `${s.id} ${(s.ms / 1000).toFixed(1)} s`).join(", ") +
        `; pages rendered ${measured.rendered}, copied ${measured.restored}; load ${load.toFixed(2)}`,
    );
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  return figures;
}

/** The corpus each site builds: the bare-text site reads the articles without components. */
const newsDirOf = (site: Site, size: number) =>
  join(BENCH, site === "bare-text" ? `news-text-${size}` : `news-${size}`);
const writeCorpora = (size: number): string[] => {
  const slugs = writeCorpus(sources, size, newsDirOf("bare", size));
  if (runAstro) writeTextCorpus(newsDirOf("bare", size), newsDirOf("bare-text", size));
  return slugs;
};

if (!values["no-warmup"] && runAstro && !values.report) {
  // Untimed: fills the OS file cache and fails fast if either site does not build.
  console.log(`Warm-up with the ${sources.length} real articles (not recorded):`);
  const dir = join(BENCH, "news-warmup");
  const textDir = join(BENCH, "news-text-warmup");
  const slugs = writeCorpus(sources, sources.length, dir);
  writeTextCorpus(dir, textDir);
  for (const site of SITES) {
    await buildOnce(site, sources.length, site === "bare-text" ? textDir : dir, slugs, "warmup");
  }
}

const meta = (): Meta & { load: number } => ({
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  machine: `${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  astro: (
    JSON.parse(readFileSync(join(REPO, "node_modules/astro/package.json"), "utf8")) as {
      version: string;
    }
  ).version,
  commit: `${commit}${dirty}`,
  runs,
  isolation: isolate ? "private .astro/ per build" : "shared .astro/ (no mount namespace)",
  load: load1(),
});

if (values.fresh && !values["no-record"]) forgetResults(RESULTS);
const largest = Math.max(...sizes);
const results: RunResult[] = [];
const indexRuns: IndexRun[] = [];
const pipelineRuns: PipelineRun[] = [];
for (const size of sizes) {
  const sizeMeta = meta();
  const slugs = writeCorpora(size);
  console.log(`N = ${size}: ${sources.length} real articles + ${size - sources.length} copies`);
  const index = values["index-all"] || (values.index && size === largest);
  const [astroRuns, sizeIndex, sizePipeline]: [RunResult[], IndexRun[], PipelineRun[]] = [
    [],
    [],
    [],
  ];
  for (let run = 1; run <= runs; run++) {
    for (const site of runAstro ? SITES : []) {
      const built = await buildOnce(
        site,
        size,
        newsDirOf(site, size),
        slugs,
        `run${run}`,
        [],
        index && site === "portal",
      );
      if (built.indexed)
        sizeIndex.push({ size, run, buildMs: built.measure.wallMs, ...built.indexed });
      astroRuns.push({
        size,
        site,
        run,
        wallMs: built.measure.wallMs,
        cpuMs: built.measure.cpuMs,
        phases: built.phases,
        peakBytes: built.measure.peakBytes,
        upperBoundBytes: built.measure.upperBoundBytes,
        pages: built.pages,
        load: built.load,
      });
    }
    if (runPipeline)
      sizePipeline.push(...(await pipelineOnce(size, newsDirOf("bare", size), slugs, run)));
  }
  results.push(...astroRuns);
  indexRuns.push(...sizeIndex);
  pipelineRuns.push(...sizePipeline);
  // Saved as soon as a size is done: a later size that fails keeps this one.
  if (!values["no-record"]) {
    saveSizeResults(RESULTS, {
      size,
      meta: sizeMeta,
      astro: astroRuns,
      pipeline: sizePipeline,
      index: sizeIndex,
    });
  }
}

if (results.length > 0) {
  const summaries = summarise(results);
  console.log(`\n${summaryTable(summaries)}\n`);
  for (const line of growthLines(growth(summaries))) console.log(line);
  console.log(`\n${routesTable(results)}\n`);
  console.log(`${runsTable(results)}\n`);
}
if (indexRuns.length > 0)
  console.log(`Search index after each portal build:\n\n${indexTable(indexRuns)}\n`);

if (values.profile && !values.report) {
  // Untimed extra builds under V8's sampling profiler: where the JavaScript time goes.
  const size = largest;
  const slugs = writeCorpora(size);
  console.log(`CPU profiles at N = ${size} (not recorded; the profiler slows the build):`);
  for (const site of SITES) {
    const profDir = join(BENCH, "prof", `${site}-${size}`);
    rmSync(profDir, { recursive: true, force: true });
    await buildOnce(site, size, newsDirOf(site, size), slugs, "profile", [
      "--cpu-prof",
      `--cpu-prof-dir=${profDir}`,
    ]);
    for (const name of readdirSync(profDir).filter((n) => n.endsWith(".cpuprofile"))) {
      const profile = JSON.parse(readFileSync(join(profDir, name), "utf8")) as CpuProfile;
      const summary = summariseProfile(profile, REPO);
      console.log(
        `\n${site}: ${(summary.totalMs / 1000).toFixed(1)} s of main-thread samples (${profDir}/${name})`,
      );
      console.log("  self time by package or file:");
      for (const [k, ms] of summary.selfByBucket)
        console.log(`    ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
      console.log("  inclusive time of project code (src/ and built chunks):");
      for (const [k, ms] of summary.inclusiveOwn)
        console.log(`    ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
    }
  }
}

if (!values["no-record"]) {
  // Everything measured so far, this run's sizes replacing their earlier results.
  const all = loadAllResults(RESULTS);
  const astroAll = all.flatMap((r) => r.astro);
  const pipelineAll = all.flatMap((r) => r.pipeline);
  const file = join(REPO, "BENCHMARKS.md");
  let doc = existsSync(file) ? readFileSync(file, "utf8") : "";
  const withAstro = all.filter((r) => r.astro.length > 0);
  if (withAstro.length > 0) {
    const newest = withAstro.map((r) => r.meta).sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
    doc = upsertSection(
      doc,
      renderSection(
        newest,
        astroAll,
        all.flatMap((r) => r.index),
      ),
    );
  }
  if (pipelineAll.length > 0) {
    const bare = new Map(
      summarise(astroAll).map((s) => [s.size, { ms: s.bareMs, cpuMs: s.bareCpuMs }]),
    );
    const metas = new Map(all.filter((r) => r.pipeline.length > 0).map((r) => [r.size, r.meta]));
    doc = upsertNamedSection(doc, renderPipelineSection(metas, pipelineAll, bare), SECTION_HEADING);
  }
  writeFileSync(file, doc);
  console.log(`Recorded in ${file} (${PIPELINE_HEADING.slice(3)} and ${SECTION_HEADING.slice(3)})`);
}
