// npm run bench:publish [-- --size 1000 --runs 3 --no-record]
// Time to publish: in a content checkout of N articles (a git repository, as PUBLISH_DIR), the
// time from a publication's submit to the new article answering 200 at the served site, beside
// `npm run build` after one more article on the same tree. Writes its BENCHMARKS.md section.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { originalSiteFigures } from "../../src/lib/data/original-site.ts";
import { createApp } from "../../src/server/app.ts";
import { DEFAULTS } from "../../src/server/config.ts";
import type { RunningPublisher } from "../../src/server/newsroom/publisher.ts";
import { openNewsroom } from "../../src/server/newsroom/setup.ts";
import { openSqliteStore } from "../../src/server/store/sqlite.ts";
import { readSourceArticles, writeCorpus, writeNewArticle } from "./lib/corpus.ts";
import { renderPublishSection, type PublishRun } from "./lib/publish-report.ts";
import { upsertNamedSection } from "./lib/sections.ts";

const REPO = resolve(import.meta.dirname, "../..");
const BENCH = join(REPO, ".bench/publish");
const CHECKOUT = join(BENCH, "checkout");
const NEWS = join(CHECKOUT, "content/news");
const DIST = join(BENCH, "dist");
const CACHE = join(BENCH, "astro-cache");
const PORT = Number(process.env.BENCH_PORT ?? 4600);

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    "no-record": { type: "boolean", default: false },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const load1 = () => loadavg()[0] ?? 0;
const git = (...args: string[]) =>
  execFileSync("git", args, {
    cwd: CHECKOUT,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "bench",
      GIT_AUTHOR_EMAIL: "bench@example.invalid",
      GIT_COMMITTER_NAME: "bench",
      GIT_COMMITTER_EMAIL: "bench@example.invalid",
    },
  });

/** The checkout: N articles (the real ones and copies), data/ as committed, one commit. */
function makeCheckout(): void {
  rmSync(BENCH, { recursive: true, force: true });
  mkdirSync(CHECKOUT, { recursive: true });
  writeCorpus(readSourceArticles(join(REPO, "content/news")), size, NEWS);
  cpSync(join(REPO, "data"), join(CHECKOUT, "data"), { recursive: true });
  // A real checkout is a clone of the project; its code here is the project's own.
  symlinkSync(join(REPO, "src"), join(CHECKOUT, "src"));
  git("init", "-q");
  writeFileSync(join(CHECKOUT, ".git/info/exclude"), "/src\n");
  git("add", "-A");
  git("commit", "-q", "-m", `Bench: ${size} articles`);
}

/** `npm run build` (what the script runs) over the checkout, swapping into DIST; wall ms. */
function npmRunBuild(): Promise<number> {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    NEWS_DIR: NEWS,
    DATA_DIR: join(CHECKOUT, "data"),
    ASTRO_OUT_DIR: DIST,
    ASTRO_CACHE_DIR: CACHE,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, "src/cli/build.ts")], {
    cwd: REPO,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((done, fail) =>
    child.on("close", (status) =>
      status === 0
        ? done(performance.now() - started)
        : fail(new Error(`npm run build: exit ${status}`)),
    ),
  );
}

async function answers200(url: string, limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  while (performance.now() < until) {
    if ((await fetch(url).catch(() => undefined))?.status === 200) return;
    // Ten requests a second: a tenth of a second's resolution without loading the server.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${limitMs / 1000} s`);
}

let k = 0;
const sources = readSourceArticles(join(REPO, "content/news"));

async function timeBuild(url: string): Promise<{ ms: number; load: [number, number] }> {
  const slug = writeNewArticle(sources, NEWS, ++k);
  const start = load1();
  const ms = await npmRunBuild();
  const load: [number, number] = [start, load1()];
  await answers200(`${url}/tin-tuc/${slug}/`, 5_000);
  git("add", "-A");
  git("commit", "-q", "-m", `Bench: ${slug}`);
  return { ms, load };
}

async function timePublish(publisher: RunningPublisher, url: string) {
  const slug = writeNewArticle(sources, NEWS, ++k);
  const path = `content/news/${slug}.mdx`;
  const text = readFileSync(join(CHECKOUT, path), "utf8");
  rmSync(join(CHECKOUT, path));
  const start = load1();
  const started = performance.now();
  const p = publisher.submit({
    kind: "article",
    title: slug,
    username: "bench",
    files: [{ path, text }],
  });
  await answers200(`${url}/tin-tuc/${slug}/`, 30 * 60_000);
  const ms = performance.now() - started;
  await publisher.idle();
  if (p.state !== "published") throw new Error(`publication ${p.state}: ${p.message}`);
  return { ms, stagedBuildMs: p.buildMs ?? 0, load: [start, load1()] as [number, number] };
}

makeCheckout();
console.log(`Checkout of ${size} articles in ${CHECKOUT}; cold build first…`);
const coldMs = await npmRunBuild();
console.log(`Cold npm run build: ${(coldMs / 1000).toFixed(1)} s`);
const stores = await openSqliteStore(join(BENCH, "portal.sqlite"));
const settings = {
  ...DEFAULTS.publish,
  dir: CHECKOUT,
  cacheDir: CACHE,
  buildTimeoutMs: 30 * 60_000,
};
const newsroom = await openNewsroom({ root: REPO, distDir: DIST, settings, staff: stores.staff });
if (!newsroom.publisher) throw new Error(`Newsroom off: ${newsroom.off}`);
const app = createApp({
  stores,
  polls: new Map(),
  counterBaseline: originalSiteFigures().total,
  config: { distDir: DIST, trustProxy: 0, rateLimitPerMinute: 0 },
  newsroom,
});
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: PORT }) as Server;
const url = `http://127.0.0.1:${PORT}`;
const results: PublishRun[] = [];
for (let run = 1; run <= runs; run++) {
  // Alternate which goes first: neither always meets a warmer cache.
  const first = run % 2 === 1 ? "build" : "publish";
  const b = first === "build" ? await timeBuild(url) : undefined;
  const p = await timePublish(newsroom.publisher, url);
  const build = b ?? (await timeBuild(url));
  results.push({
    run,
    buildMs: build.ms,
    publishMs: p.ms,
    stagedBuildMs: p.stagedBuildMs,
    load: { build: build.load, publish: p.load },
  });
  console.log(
    `run ${run}: npm run build ${(build.ms / 1000).toFixed(1)} s, publish → 200 ${(p.ms / 1000).toFixed(1)} s`,
  );
}
server.close();
await stores.close();
const meta = {
  at: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: REPO,
    encoding: "utf8",
  }).trim(),
  size,
  coldMs,
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};
const section = renderPublishSection(meta, results);
console.log(section);
if (!values["no-record"]) {
  const file = join(REPO, "BENCHMARKS.md");
  writeFileSync(file, upsertNamedSection(readFileSync(file, "utf8"), section));
}
