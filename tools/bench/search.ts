// npm run bench:search [-- --sizes 1000,3000,10000 --no-record --copies]
// --keep: leave each N's built site in .bench/out-search-<N>/.
// --shuffled: --copies with each copy's paragraphs word-shuffled (a worst case for the index).
// --copies: instead of an astro build, copy dist/ and give it N article pages by copying the
// built article pages under new URLs (titles marked "(bản sao k)"): the index step and the
// queries are measured the same; the build column then says "copied".
// --port <n>: serve the build on that port (default: any free port).
// --waterfall: print, for the first round, every file the page fetched around each query, with
// when it was asked for and when it arrived (ms from pressing Enter): where the time goes.
// The measured window is the reader's: from the keydown of Enter, as the page receives it, to
// the frame in which the results are on the page, both on the page's clock. What only the
// benchmark does is kept out of it: index response bodies are read (for their size) after it,
// Playwright's script in the page is set up before the box is filled, and press()'s own checks
// of the box come before the keydown (the old window, from before press(), is printed beside).
// For each N: a cold portal build of N articles (as bench:build makes them), then the search index
// step of `npm run build` on it, timed on its own, cold and again with one more article given the
// first index as --previous; the index's files and size; then, in Chromium against the real
// server, the bytes a reader downloads for a first and a second query (gzip, as a compressing
// server or CDN sends them), the time from pressing Enter to the results shown, and how much of
// it the page's main thread was busy. Prints a table and updates "## Search (bench:search)" in
// BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type CDPSession, type Locator, type Page, type Response } from "playwright-core";
import { buildSearchIndex } from "../../src/lib/search/build-index.ts";
import { INDEX_DIR } from "../../src/lib/search/index-files.ts";
import { readSourceArticles, writeCorpus } from "./lib/corpus.ts";
import { copySite, withOneMoreArticle } from "./lib/index-step.ts";
import { canIsolateDotAstro, measureBuild } from "./lib/measure.ts";
import { gzipBytes } from "./lib/page-weight.ts";
import { serveBuild } from "./lib/server.ts";

const REPO = resolve(import.meta.dirname, "../..");
const BENCH = join(REPO, ".bench");
const SECTION = "## Search (bench:search)";
const SECOND_QUERY_TARGET = 150 * 1024;
/** Issue 23: the first query's median at N = 10,000, and every round of the worst case. */
const FIRST_QUERY_TARGET_MS = 150;
const EVERY_ROUND_TARGET_MS = 300;
/** Fresh browser contexts per N; the times recorded are their median. */
const ROUNDS = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** A phrase every copy has (so the result list is as long as it gets), then one from a caption. */
const QUERIES = ["ket nap dang vien", "Phan Văn Thắng"];

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,3000,10000" },
    "no-record": { type: "boolean", default: false },
    copies: { type: "boolean", default: false },
    /**
     * With --copies: each copy's plain paragraphs get their words shuffled (seeded), so word pairs
     * are as varied as in an archive of different articles, or more: a worst case for the index.
     */
    shuffled: { type: "boolean", default: false },
    /** Leaves the built site of each N in .bench/out-search-<N>/ for a closer look. */
    keep: { type: "boolean", default: false },
    /** Prints the files of each query of the first round, with their timings. */
    waterfall: { type: "boolean", default: false },
    /** The port to serve the build on (0: any free port). */
    port: { type: "string", default: "0" },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 5)) {
  console.error("Usage: bench:search [-- --sizes 1000,3000,10000 --no-record] (N ≥ 5)");
  process.exit(2);
}

const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: REPO, encoding: "utf8" }).trim();
const commit = git("rev-parse", "--short", "HEAD");
const dirty =
  git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " plus uncommitted changes";

function folderSize(dir: string): { files: number; bytes: number; gzip: number } {
  let files = 0;
  let bytes = 0;
  let gzip = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const body = readFileSync(join(e.parentPath, e.name));
    files++;
    bytes += body.length;
    gzip += gzipBytes(body);
  }
  return { files, bytes, gzip };
}

type QueryFigures = {
  query: string;
  requests: number;
  gzip: number;
  /** From the keydown of Enter in the page to the frame that shows the results. */
  ms: number;
  /** The same from before Playwright's press() (its checks of the box included), as measured before. */
  pressMs: number;
  /** From the query complete in the box (fill()'s input event), Enter pressed at once after. */
  typedMs: number;
  /** Time the page's main thread spent in tasks between Enter and the results (CDP TaskDuration). */
  mainMs: number;
  total: string;
};

/** The page's main-thread task time so far, in ms. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
}

/** Every file under /chi-muc/ fetched since `since` (page time), relative to it. */
async function printWaterfall(page: Page, since: number): Promise<void> {
  const entries = await page.evaluate(
    (from) =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.startTime >= from - 500 && e.name.includes("/chi-muc/"))
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          return [new URL(r.name).pathname, r.startTime - from, r.responseEnd - from] as const;
        }),
    since,
  );
  for (const [path, start, end] of entries)
    console.log(`    ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)} ms  ${path}`);
}

/**
 * Notes in the page, as `window[name]`, the time stamp of the box's next `event` (from a listener
 * that runs before the page's own): when the query is typed, when Enter comes.
 */
async function noteEventTime(box: Locator, event: "input" | "keydown", name: string) {
  await box.evaluate(
    (el, [event, name]) => {
      const w = window as unknown as Record<string, number>;
      delete w[name];
      el.addEventListener(event, (e) => (w[name] = e.timeStamp), { capture: true, once: true });
    },
    [event, name] as const,
  );
}

/** The page's clock in the animation frame in which the query's results are on the page. */
async function resultsShownAt(page: Page, query: string, before: string | null): Promise<number> {
  const shown = await page.waitForFunction(
    ([q, old]) => {
      const s = document.querySelector(".search-status")?.textContent ?? "";
      const done = s !== old && s.includes(`“${q}”`) && !!document.querySelector(".search-hit");
      return done && performance.now();
    },
    [query, before] as const,
    { polling: "raf", timeout: 120_000 },
  );
  return (await shown.jsonValue()) as number;
}

/** Gzipped bytes of the index responses, read once the measured window is over. */
async function gzipSizes(responses: Response[]): Promise<number[]> {
  return Promise.all(responses.map((r) => r.body().then(gzipBytes, () => 0)));
}

/** Counts what the page fetches of the index while one query is answered. */
async function measureQuery(
  page: Page,
  cdp: CDPSession,
  query: string,
  waterfall: boolean,
): Promise<QueryFigures> {
  // Responses are only noted here; their bodies are read over CDP after the measured window, where
  // reading them at once had the DevTools agent working in the page while the query ran.
  const responses: Response[] = [];
  const onResponse = (response: Response) => {
    if (new URL(response.url()).pathname.startsWith(`/${INDEX_DIR}/`)) responses.push(response);
  };
  page.on("response", onResponse);
  // Playwright's script in the page, which waitForFunction below needs, is set up before the box is
  // filled: set up inside the measured window it took 12–40 ms of the page's main thread there.
  await page.waitForFunction(() => true, null, { polling: "raf" });
  const box = page.locator("#search-q");
  // The query complete in the box (fill()'s input event): the page may start its search there.
  await noteEventTime(box, "input", "typedAt");
  await box.fill(query);
  const before = await page.locator(".search-status").textContent();
  const busy = await taskMs(cdp);
  // Enter as the page receives it: Playwright's press() first checks the box over round trips.
  await noteEventTime(box, "keydown", "enterAt");
  const started = await page.evaluate(() => performance.now());
  await box.press("Enter");
  const shownAt = await resultsShownAt(page, query, before);
  const [enterAt, typedAt] = await page.evaluate(() => {
    const w = window as unknown as { enterAt: number; typedAt: number };
    return [w.enterAt, w.typedAt];
  });
  const ms = shownAt - enterAt;
  const mainMs = (await taskMs(cdp)) - busy;
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  if (waterfall) {
    console.log(`  “${query}”, ${ms.toFixed(0)} ms:`);
    await printWaterfall(page, started);
  }
  const sizes = await gzipSizes(responses);
  const total = (await page.locator(".search-status").textContent()) ?? "";
  const gzip = sizes.reduce((x, y) => x + y, 0);
  const [pressMs, typedMs] = [shownAt - started, shownAt - typedAt];
  return { query, requests: sizes.length, gzip, ms, pressMs, typedMs, mainMs, total };
}

/** A query's figures with the time of every round (`ms` and `mainMs` are their medians). */
type Timed = QueryFigures & { all: number[]; pressAll: number[]; typedAll: number[] };

type Row = {
  size: number;
  buildS: number;
  indexS: number;
  /** The index step again with one more article, the first index given as --previous. */
  rebuildS: number;
  rebuildRead: number;
  pages: number;
  files: number;
  mib: number;
  gzipMib: number;
  first: Timed;
  second: Timed;
  load: number;
};

/** The built (or copied) site for N articles in `outDir`; the astro build's time, or NaN. */
async function siteFor(size: number, outDir: string): Promise<number> {
  if (values.copies || values.shuffled) {
    copySite(join(REPO, "dist"), size, outDir, values.shuffled);
    return Number.NaN;
  }
  const newsDir = join(BENCH, `news-${size}`);
  writeCorpus(sources, size, newsDir);
  const build = await measureBuild({
    root: REPO,
    outDir,
    cacheDir: join(REPO, "node_modules/.astro-bench-search"),
    newsDir,
    logFile: join(BENCH, "logs", `search-${size}.log`),
    privateDotAstro: isolate ? join(BENCH, "dot-astro-search") : undefined,
  });
  return build.wallMs;
}

/** The index step cold over `outDir`, then again over a copy with one more article. */
async function indexSteps(outDir: string) {
  let started = performance.now();
  const summary = await buildSearchIndex(outDir);
  const indexS = (performance.now() - started) / 1000;
  const next = `${outDir}-next`;
  withOneMoreArticle(outDir, next);
  started = performance.now();
  const again = await buildSearchIndex(next, { previous: outDir });
  const rebuildS = (performance.now() - started) / 1000;
  rmSync(next, { recursive: true, force: true });
  if (again.unused) throw new Error(`the rebuild did not reuse the index: ${again.unused}`);
  return { summary, indexS, rebuildS, rebuildRead: again.read };
}

/** Both queries in `ROUNDS` fresh browser contexts (nothing cached); medians and every round. */
async function queryRounds(url: string): Promise<[Timed, Timed]> {
  const rounds: [QueryFigures, QueryFigures][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(`${url}/tim-kiem/`);
    const waterfall = values.waterfall && round === 0;
    const first = await measureQuery(page, cdp, QUERIES[0]!, waterfall);
    rounds.push([first, await measureQuery(page, cdp, QUERIES[1]!, waterfall)]);
    await context.close();
  }
  return ([0, 1] as const).map((k) => {
    const runs = rounds.map((r) => r[k]);
    return {
      ...runs[0]!,
      ms: median(runs.map((q) => q.ms)),
      pressMs: median(runs.map((q) => q.pressMs)),
      mainMs: median(runs.map((q) => q.mainMs)),
      all: runs.map((q) => q.ms),
      pressAll: runs.map((q) => q.pressMs),
      typedMs: median(runs.map((q) => q.typedMs)),
      typedAll: runs.map((q) => q.typedMs),
    };
  }) as [Timed, Timed];
}

const sources = readSourceArticles(join(REPO, "content/news"));
const isolate = canIsolateDotAstro();
mkdirSync(join(BENCH, "logs"), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
const rows: Row[] = [];
try {
  for (const size of sizes) {
    const outDir = join(BENCH, `out-search-${size}`);
    const load = loadavg()[0] ?? 0;
    const how = values.shuffled ? "shuffled copies" : values.copies ? "copies" : "build";
    process.stdout.write(`N=${size}: ${how} … `);
    const buildMs = await siteFor(size, outDir);
    process.stdout.write(
      `${Number.isNaN(buildMs) ? "" : `${(buildMs / 1000).toFixed(1)} s; `}index … `,
    );
    const { summary, indexS, rebuildS, rebuildRead } = await indexSteps(outDir);
    const size_ = folderSize(join(outDir, INDEX_DIR));
    console.log(
      `${indexS.toFixed(1)} s (one more article: ${rebuildS.toFixed(1)} s, ${rebuildRead} read), ` +
        `${summary.pages} pages, ${size_.files} files, ${(size_.bytes / 2 ** 20).toFixed(1)} MiB`,
    );
    const server = await serveBuild(outDir, Number(values.port));
    try {
      const [first, second] = await queryRounds(server.url);
      for (const q of [first, second]) {
        console.log(
          `  “${q.query}”: ${q.requests} requests, ${(q.gzip / 1024).toFixed(1)} KiB gzip, ` +
            `${q.ms.toFixed(0)} ms to the results (main thread ${q.mainMs.toFixed(0)} ms), median of ${q.all.map((ms) => ms.toFixed(0)).join(" / ")}; from press(): ${q.pressAll.map((ms) => ms.toFixed(0)).join(" / ")}; from the query typed: ${q.typedAll.map((ms) => ms.toFixed(0)).join(" / ")} (${q.total})`,
        );
      }
      rows.push({
        size,
        buildS: buildMs / 1000,
        indexS,
        rebuildS,
        rebuildRead,
        pages: summary.pages,
        files: size_.files,
        mib: size_.bytes / 2 ** 20,
        gzipMib: size_.gzip / 2 ** 20,
        first,
        second,
        load,
      });
    } finally {
      await server.stop();
    }
    if (!values.keep) rmSync(outDir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}

const kib = (n: number) => (n / 1024).toFixed(1);
const spread = (q: Timed) =>
  `${q.ms.toFixed(0)} (${Math.min(...q.all).toFixed(0)}–${Math.max(...q.all).toFixed(0)})`;
const spreadOf = (median: number, all: number[]) =>
  `${median.toFixed(0)} (${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)})`;
const pressSpread = (q: Timed) => spreadOf(q.pressMs, q.pressAll);
const typedSpread = (q: Timed) => spreadOf(q.typedMs, q.typedAll);
const yes = (ok: boolean) => (ok ? "yes" : "no");
const table = [
  "| N | build (s) | index (s) | +1 article (s) | pages indexed | index files | index (MiB) | gzip (MiB) | 1st query (KiB gzip) | 1st query (ms) | main thread (ms) | ≤ 150 ms | 2nd query (KiB gzip) | ≤ 150 KB | 2nd query (ms) | every round ≤ 300 ms | from press(): 1st / 2nd (ms) | from the query typed: 1st / 2nd (ms) | load |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) => {
    const everyRound = [...r.first.all, ...r.second.all].every((ms) => ms <= EVERY_ROUND_TARGET_MS);
    return `| ${r.size} | ${Number.isNaN(r.buildS) ? "copied" : r.buildS.toFixed(1)} | ${r.indexS.toFixed(1)} | ${r.rebuildS.toFixed(1)} | ${r.pages} | ${r.files} | ${r.mib.toFixed(1)} | ${r.gzipMib.toFixed(1)} | ${kib(r.first.gzip)} | ${spread(r.first)} | ${r.first.mainMs.toFixed(0)} | ${yes(r.first.ms <= FIRST_QUERY_TARGET_MS)} | ${kib(r.second.gzip)} | ${yes(r.second.gzip <= SECOND_QUERY_TARGET)} | ${spread(r.second)} | ${yes(everyRound)} | ${pressSpread(r.first)} / ${pressSpread(r.second)} | ${typedSpread(r.first)} / ${typedSpread(r.second)} | ${r.load.toFixed(2)} |`;
  }),
].join("\n");
console.log(`\n${table}\n`);

if (!values["no-record"]) {
  const how = values.shuffled
    ? "shuffled copies (`-- --shuffled`)"
    : values.copies
      ? "copies (`-- --copies`)"
      : "built";
  const section = [
    SECTION,
    "",
    "`npm run bench:search` (`tools/bench/search.ts`) builds the portal cold over N articles (the",
    "bench:build corpus: the five real ones plus renamed copies), then runs the search index step of",
    "`npm run build` (`src/lib/search/build-index.ts`: the portal's own index of the article and",
    "dataset pages) on that output, timed on its own, and once more over a copy with one more",
    "article, the first index given as `--previous` (as `npm run build` does after publishing).",
    "It then serves the build with the real server and, in Chromium, opens `/tim-kiem/`, fills the",
    "box and presses Enter at once: first",
    `“${QUERIES[0]}” (every copy has it: the longest result list), then “${QUERIES[1]}”.`,
    "",
    "- **build (s)**: the cold `astro build` (no index), or “copied” with `-- --copies` (dist/ plus",
    "  renamed copies of its built article pages, copy k dated k days before its original, no",
    "  build; `-- --shuffled`: the copies' paragraphs word-shuffled, the worst case for the index).",
    "  **index (s)**: the index step alone, every page read; **+1 article (s)**: the step after",
    "  one more article with `--previous`: only that page is read, the rest is carried over, and",
    "  the result is the cold index byte for byte (`tests/unit/search/build.test.ts`).",
    "- **index (MiB) / gzip (MiB)**: everything in `dist/chi-muc/`, raw and gzipped file by file",
    "  (the build also writes .br/.gz beside each file over 1 KB; they are not counted).",
    "- **query (KiB gzip)**: the bytes the page fetched under `/chi-muc/` for that query, gzipped",
    "  as a compressing server or CDN sends them, from filling the box until the network was idle.",
    "  The first includes the manifest (fetched when the box gets focus) and every page's filter",
    "  values; each includes the word files of its words and word pairs and the files of the ten",
    "  results shown. Target for a query after the first: ≤ 150 KB.",
    `- **query (ms)**: the median over ${ROUNDS} fresh browser contexts (nothing cached) of the time`,
    "  from pressing Enter to the results on the page, the lowest and highest round in brackets:",
    "  from the keydown's own time stamp in the page to the animation frame in which the results",
    "  are there, both on the page's clock (since 2026-12-07 session 2; before, from before",
    "  Playwright's `press()`, which first checks the box over several round trips, to when",
    "  this process heard back). **from press()** keeps the old window for comparison. The page",
    "  starts the search of what is typed once its word files are in, so Enter can find it done;",
    "  **from the query typed** is from fill()'s input event (the whole query at once, Enter a few",
    "  round trips later: sooner than any reader presses it) to the results: the search's own time.",
    "  The box was filled just before, so the first query waits for the index's first files.",
    "  **main thread (ms)**: the median time the page's main thread was busy in that interval",
    "  (Chromium's TaskDuration): the rest is waiting for files. `-- --waterfall` prints every file",
    "  of the first round with when it was asked for and when it arrived. What only the benchmark",
    "  does stays out of the window: the index responses' bodies are read for their size after it,",
    "  and Playwright's script is set up in the page before the box is filled (both were inside it",
    "  until 2026-12-07; the script alone then cost the page ~65 ms of main thread).",
    `  Targets (issue 23, N = 10,000): the first query ≤ ${FIRST_QUERY_TARGET_MS} ms median; every`,
    `  round of both queries ≤ ${EVERY_ROUND_TARGET_MS} ms, also with \`-- --shuffled\`.`,
    "- **load**: one-minute load average at the start; above ~0.5 on this 2-core machine the",
    "  times are noisy.",
    "",
    `### Last run: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    "",
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}); Node ${process.version}; commit \`${commit}\`${dirty}; ${how} site.`,
    "",
    table,
    "",
  ].join("\n");
  const file = join(REPO, "BENCHMARKS.md");
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === SECTION);
  let next: string;
  if (start === -1) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end === -1) end = lines.length;
    next = [...lines.slice(0, start), section, ...lines.slice(end)].join("\n");
  }
  writeFileSync(file, `${next.trimEnd()}\n`);
  console.log(`Recorded in ${file}`);
}
