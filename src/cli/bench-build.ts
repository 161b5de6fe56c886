// npm run bench:build [-- --sizes 1000,3000 --runs 3 --no-record --keep --no-warmup --profile
//                        --bare-concurrency N]
// Cold builds of the portal and of a bare Astro + MDX site over the same N articles, alternating;
// prints wall time and peak memory for both and records them in BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBareSite } from "./bench/bare-site.ts";
import { readSourceArticles, writeCorpus } from "./bench/corpus.ts";
import { summariseProfile, type CpuProfile } from "./bench/cpu-profile.ts";
import { parseBuildLog } from "./bench/phases.ts";
import { canIsolateDotAstro, measureBuild } from "./bench/measure.ts";
import {
  growth,
  growthLines,
  renderSection,
  routesTable,
  runsTable,
  summarise,
  summaryTable,
  upsertSection,
  type Meta,
  type RunResult,
  type Site,
} from "./bench/report.ts";

const REPO = resolve(import.meta.dirname, "../..");
const BENCH = join(REPO, ".bench");

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
    "Usage: bench:build [-- --sizes 1000,3000 --runs 3 --no-record --keep --no-warmup --profile --bare-concurrency N]",
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
) {
  const outDir = join(BENCH, `out-${site}-${size}`);
  const load = loadavg()[0] ?? 0;
  const logFile = join(LOGS, `${site}-${size}-${tag}.log`);
  process.stdout.write(`  ${site.padEnd(6)} N=${size} ${tag} … `);
  const measure = await measureBuild({
    root: site === "portal" ? REPO : BARE_ROOT,
    outDir,
    cacheDir: join(REPO, `node_modules/.astro-bench-${site}`),
    newsDir,
    logFile,
    privateDotAstro: isolate ? join(BENCH, `dot-astro-${site}`) : undefined,
    nodeFlags,
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
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  console.log(
    `${(measure.wallMs / 1000).toFixed(1)} s (CPU ${(measure.cpuMs / 1000).toFixed(1)} s), ` +
      `peak ${mb(measure.peakBytes)} MiB (main ${mb(measure.mainMaxRssBytes)}; ` +
      `${measure.children} child process(es) peaking at ${mb(measure.childPeakBytes)} in all` +
      `${measure.largestChild ? `, largest ${measure.largestChild}` : ""}), ` +
      `${pages} pages, load ${load.toFixed(2)}`,
  );
  return { measure, pages, load, phases };
}

const sites: Site[] = ["bare", "portal"];

if (!values["no-warmup"]) {
  // Untimed: fills the OS file cache and fails fast if either site does not build.
  console.log(`Warm-up with the ${sources.length} real articles (not recorded):`);
  const dir = join(BENCH, "news-warmup");
  const slugs = writeCorpus(sources, sources.length, dir);
  for (const site of sites) await buildOnce(site, sources.length, dir, slugs, "warmup");
}

const results: RunResult[] = [];
for (const size of sizes) {
  const dir = join(BENCH, `news-${size}`);
  const slugs = writeCorpus(sources, size, dir);
  console.log(
    `N = ${size}: ${sources.length} real articles + ${size - sources.length} copies in ${dir}`,
  );
  for (let run = 1; run <= runs; run++) {
    for (const site of sites) {
      const { measure, pages, load, phases } = await buildOnce(site, size, dir, slugs, `run${run}`);
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

if (values.profile) {
  // Untimed extra builds under V8's sampling profiler: where the JavaScript time goes.
  const size = Math.max(...sizes);
  const dir = join(BENCH, `news-${size}`);
  const slugs = writeCorpus(sources, size, dir);
  console.log(`CPU profiles at N = ${size} (not recorded; the profiler slows the build):`);
  for (const site of sites) {
    const profDir = join(BENCH, "prof", `${site}-${size}`);
    rmSync(profDir, { recursive: true, force: true });
    await buildOnce(site, size, dir, slugs, "profile", ["--cpu-prof", `--cpu-prof-dir=${profDir}`]);
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
  writeFileSync(file, upsertSection(doc, renderSection(meta, results)));
  console.log(`Recorded in ${file}`);
}
