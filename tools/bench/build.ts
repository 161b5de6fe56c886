// npm run bench:build [-- --sizes 1000,3000 --runs 3 --no-record --keep --no-warmup --profile
//                        --bare-concurrency N --index --index-all]
// Cold builds of a bare Astro + MDX site over N articles, of the same bare site over their text
// without components, and of the portal over the same N articles, alternating; prints wall time
// and peak memory for all three and records them in BENCHMARKS.md. --index also times the search
// index step of `npm run build` after each portal build at the largest N (--index-all: every N).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBareSite } from "./lib/bare-site.ts";
import { runIndexStep } from "./lib/index-step.ts";
import { writeTextCorpus } from "./lib/strip-components.ts";
import { readSourceArticles, writeCorpus } from "./lib/corpus.ts";
import { summariseProfile, type CpuProfile } from "./lib/cpu-profile.ts";
import { parseBuildLog } from "./lib/phases.ts";
import { canIsolateDotAstro, measureBuild } from "./lib/measure.ts";
import {
  growth,
  growthLines,
  indexTable,
  renderSection,
  routesTable,
  runsTable,
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
const MDX_COMPONENTS_MODULE = join(REPO, "src/components/mdx/components.ts");

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,3000" },
    runs: { type: "string", default: "3" },
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
const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
const bareConcurrency = values["bare-concurrency"];
if (bareConcurrency !== undefined) {
  if (!/^[1-9]\d*$/.test(bareConcurrency)) {
    console.error("--bare-concurrency takes a whole number of pages, e.g. 8");
    process.exit(2);
  }
  // The recorded comparison is always against Astro's defaults.
  values["no-record"] = true;
  process.env.BENCH_BARE_CONCURRENCY = bareConcurrency;
  console.log(`Bare site renders ${bareConcurrency} pages at a time (not recorded).`);
}
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error(
    "Usage: bench:build [-- --sizes 1000,3000 --runs 3 --no-record --keep --no-warmup --profile --bare-concurrency N --index --index-all]",
  );
  process.exit(2);
}

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

function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === "index.html") count++;
  }
  return count;
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
  const load = loadavg()[0] ?? 0;
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
  // A build that skipped articles would look fast: every article must have its page.
  const missing = slugs.filter((slug) => !existsSync(join(outDir, "tin-tuc", slug, "index.html")));
  if (missing.length > 0) {
    throw new Error(
      `${site} build wrote no page for ${missing.length} of ${slugs.length} articles, e.g. /tin-tuc/${missing[0]}/`,
    );
  }
  const pages = countPages(outDir);
  const phases = parseBuildLog(readFileSync(logFile, "utf8"));
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  console.log(
    `${(measure.wallMs / 1000).toFixed(1)} s (CPU ${(measure.cpuMs / 1000).toFixed(1)} s), ` +
      `peak ${mb(measure.peakBytes)} MiB (main ${mb(measure.mainMaxRssBytes)}; ` +
      `${measure.children} child process(es) peaking at ${mb(measure.childPeakBytes)} in all` +
      `${measure.largestChild ? `, largest ${measure.largestChild}` : ""}), ` +
      `${pages} pages, load ${load.toFixed(2)}`,
  );
  let indexed: Omit<IndexRun, "size" | "run" | "buildMs"> | undefined;
  if (index) {
    const indexLoad = loadavg()[0] ?? 0;
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

const sites = SITES;
/** The corpus each site builds: the bare-text site reads the articles without components. */
const newsDirOf = (site: Site, size: number) =>
  join(BENCH, site === "bare-text" ? `news-text-${size}` : `news-${size}`);
const writeCorpora = (size: number): string[] => {
  const slugs = writeCorpus(sources, size, newsDirOf("bare", size));
  writeTextCorpus(newsDirOf("bare", size), newsDirOf("bare-text", size));
  return slugs;
};

if (!values["no-warmup"]) {
  // Untimed: fills the OS file cache and fails fast if either site does not build.
  console.log(`Warm-up with the ${sources.length} real articles (not recorded):`);
  const dir = join(BENCH, "news-warmup");
  const textDir = join(BENCH, "news-text-warmup");
  const slugs = writeCorpus(sources, sources.length, dir);
  writeTextCorpus(dir, textDir);
  for (const site of sites) {
    await buildOnce(site, sources.length, site === "bare-text" ? textDir : dir, slugs, "warmup");
  }
}

const largest = Math.max(...sizes);
const results: RunResult[] = [];
const indexRuns: IndexRun[] = [];
for (const size of sizes) {
  const slugs = writeCorpora(size);
  console.log(
    `N = ${size}: ${sources.length} real articles + ${size - sources.length} copies in ` +
      `${newsDirOf("bare", size)}, without components in ${newsDirOf("bare-text", size)}`,
  );
  const index = values["index-all"] || (values.index && size === largest);
  for (let run = 1; run <= runs; run++) {
    for (const site of sites) {
      const { measure, pages, load, phases, indexed } = await buildOnce(
        site,
        size,
        newsDirOf(site, size),
        slugs,
        `run${run}`,
        [],
        index && site === "portal",
      );
      if (indexed) indexRuns.push({ size, run, buildMs: measure.wallMs, ...indexed });
      results.push({
        size,
        site,
        run,
        wallMs: measure.wallMs,
        cpuMs: measure.cpuMs,
        phases,
        peakBytes: measure.peakBytes,
        upperBoundBytes: measure.upperBoundBytes,
        pages,
        load,
      });
    }
  }
}

const summaries = summarise(results);
console.log(`\n${summaryTable(summaries)}\n`);
for (const line of growthLines(growth(summaries))) console.log(line);
console.log(`\n${routesTable(results)}\n`);
console.log(`${runsTable(results)}\n`);
if (indexRuns.length > 0)
  console.log(`Search index after each portal build:\n\n${indexTable(indexRuns)}\n`);

if (values.profile) {
  // Untimed extra builds under V8's sampling profiler: where the JavaScript time goes.
  const size = largest;
  const slugs = writeCorpora(size);
  console.log(`CPU profiles at N = ${size} (not recorded; the profiler slows the build):`);
  for (const site of sites) {
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
  const astroVersion = (
    JSON.parse(readFileSync(join(REPO, "node_modules/astro/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const meta: Meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    machine: `${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    astro: astroVersion,
    commit: `${commit}${dirty}`,
    runs,
    isolation: isolate ? "private .astro/ per build" : "shared .astro/ (no mount namespace)",
  };
  const file = join(REPO, "BENCHMARKS.md");
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, upsertSection(doc, renderSection(meta, results, indexRuns)));
  console.log(`Recorded in ${file}`);
}
