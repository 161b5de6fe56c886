// npm run bench:search [-- --sizes 1000,3000,10000 --no-record --copies]
// --keep: leave each N's built site in .bench/out-search-<N>/.
// --shuffled: --copies with each copy's paragraphs word-shuffled (a worst case for the index).
// --copies: instead of an astro build, copy dist/ and give it N article pages by copying the
// built article pages under new URLs (titles marked "(bản sao k)"): the index step and the
// queries are measured the same; the build column then says "copied".
// For each N: a cold portal build of N articles (as bench:build makes them), then the search index
// step of `npm run build` on it, timed on its own; the index's files and size; then, in Chromium
// against the real server, the bytes a reader downloads for a first and a second query (gzip, as
// a compressing server or CDN sends them) and the time from pressing Enter to the results shown.
// Prints a table and updates "## Search (bench:search)" in BENCHMARKS.md.
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { buildSearchIndex } from "../../src/lib/search/build-index.ts";
import { INDEX_DIR } from "../../src/lib/search/index-files.ts";
import { readSourceArticles, writeCorpus } from "./lib/corpus.ts";
import { canIsolateDotAstro, measureBuild } from "./lib/measure.ts";
import { gzipBytes } from "./lib/page-weight.ts";

const REPO = resolve(import.meta.dirname, "../..");
const BENCH = join(REPO, ".bench");
const SECTION = "## Search (bench:search)";
const SECOND_QUERY_TARGET = 150 * 1024;
const FIRST_RESULT_TARGET_MS = 300;
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

async function startServer(dist: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = join(BENCH, "search-db");
  rmSync(dir, { recursive: true, force: true });
  const child = spawn(process.execPath, [join(REPO, "src/server/main.ts")], {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      DIST_DIR: dist,
      DATABASE_PATH: join(dir, "bench.sqlite"),
      RATE_LIMIT_PER_MINUTE: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/[\d.]+:\d+/.exec(out);
      if (m) ok(m[0]);
    });
    child.on("exit", () => fail(new Error(`server exited: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

/** A small seeded generator (mulberry32): the same shuffles on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of every plain <p> shuffled. */
function shuffleParagraphs(html: string, random: () => number): string {
  return html.replace(/<p>([^<]*)<\/p>/g, (_, text: string) => {
    const words = text.split(" ");
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [words[i], words[j]] = [words[j]!, words[i]!];
    }
    return `<p>${words.join(" ")}</p>`;
  });
}

/** dist/ with N article pages: the built ones and renamed copies of them (no astro build). */
function copySite(size: number, outDir: string, shuffled: boolean): void {
  const dist = join(REPO, "dist");
  rmSync(outDir, { recursive: true, force: true });
  cpSync(dist, outDir, { recursive: true });
  rmSync(join(outDir, INDEX_DIR), { recursive: true, force: true });
  const news = join(outDir, "tin-tuc");
  const built = readdirSync(news).filter(
    (slug) => slug !== "trang" && existsSync(join(news, slug, "index.html")),
  );
  for (let k = 1; built.length * k < size; k++) {
    for (const [i, slug] of built.entries()) {
      if (built.length * k + i >= size) break;
      const html = readFileSync(join(news, slug, "index.html"), "utf8")
        .replace(
          /(<h1 id="article-title"[^>]*>)([^<]*)/,
          (_, open: string, title: string) => `${open}${title} (bản sao ${k})`,
        )
        // Copy k is dated k days before its original, so copies of different articles alternate
        // in the index's newest-first order as a real archive's do (undated ones stay undated).
        .replace(
          /(<span data-search-meta="published">)(\d{4}-\d{2}-\d{2})/,
          (_, open: string, day: string) =>
            `${open}${new Date(Date.parse(day) - k * 86_400_000).toISOString().slice(0, 10)}`,
        );
      mkdirSync(join(news, `${slug}-ban-sao-${k}`));
      writeFileSync(
        join(news, `${slug}-ban-sao-${k}`, "index.html"),
        shuffled ? shuffleParagraphs(html, seeded(k * 31 + i)) : html,
      );
    }
  }
}

type QueryFigures = { query: string; requests: number; gzip: number; ms: number; total: string };

/** Counts what the page fetches of the index while one query is answered. */
async function measureQuery(page: Page, query: string): Promise<QueryFigures> {
  const bodies: Promise<number>[] = [];
  const onResponse = (response: import("playwright-core").Response) => {
    if (!new URL(response.url()).pathname.startsWith(`/${INDEX_DIR}/`)) return;
    bodies.push(
      response
        .body()
        .then((b) => gzipBytes(b))
        .catch(() => 0),
    );
  };
  page.on("response", onResponse);
  const box = page.locator("#search-q");
  await box.fill(query);
  const before = await page.locator(".search-status").textContent();
  const started = await page.evaluate(() => performance.now());
  await box.press("Enter");
  await page.waitForFunction(
    ([q, old]) => {
      const s = document.querySelector(".search-status")?.textContent ?? "";
      return s !== old && s.includes(`“${q}”`) && !!document.querySelector(".search-hit");
    },
    [query, before] as const,
    { polling: "raf", timeout: 120_000 },
  );
  const ms = (await page.evaluate(() => performance.now())) - started;
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const sizes = await Promise.all(bodies);
  const total = (await page.locator(".search-status").textContent()) ?? "";
  return { query, requests: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0), ms, total };
}

/** A query's figures with the time of every round (`ms` is their median). */
type Timed = QueryFigures & { all: number[] };

type Row = {
  size: number;
  buildS: number;
  indexS: number;
  pages: number;
  files: number;
  mib: number;
  gzipMib: number;
  first: Timed;
  second: Timed;
  load: number;
};

const sources = readSourceArticles(join(REPO, "content/news"));
const isolate = canIsolateDotAstro();
mkdirSync(join(BENCH, "logs"), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
const rows: Row[] = [];
try {
  for (const size of sizes) {
    const newsDir = join(BENCH, `news-${size}`);
    if (!values.copies && !values.shuffled) writeCorpus(sources, size, newsDir);
    const outDir = join(BENCH, `out-search-${size}`);
    const load = loadavg()[0] ?? 0;
    const how = values.shuffled ? "shuffled copies" : values.copies ? "copies" : "build";
    process.stdout.write(`N=${size}: ${how} … `);
    let buildMs = Number.NaN;
    if (values.copies || values.shuffled) copySite(size, outDir, values.shuffled);
    else {
      const build = await measureBuild({
        root: REPO,
        outDir,
        cacheDir: join(REPO, "node_modules/.astro-bench-search"),
        newsDir,
        logFile: join(BENCH, "logs", `search-${size}.log`),
        privateDotAstro: isolate ? join(BENCH, "dot-astro-search") : undefined,
      });
      buildMs = build.wallMs;
    }
    process.stdout.write(`${(buildMs / 1000).toFixed(1)} s; index … `);
    const started = performance.now();
    const summary = await buildSearchIndex(outDir);
    const indexS = (performance.now() - started) / 1000;
    const size_ = folderSize(join(outDir, INDEX_DIR));
    console.log(
      `${indexS.toFixed(1)} s, ${summary.pages} pages, ${size_.files} files, ` +
        `${(size_.bytes / 2 ** 20).toFixed(1)} MiB`,
    );
    const server = await startServer(outDir);
    try {
      // Each round a fresh browser context (nothing cached): times are the median of the rounds.
      const rounds: [QueryFigures, QueryFigures][] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}/tim-kiem/`);
        rounds.push([await measureQuery(page, QUERIES[0]!), await measureQuery(page, QUERIES[1]!)]);
        await context.close();
      }
      const [first, second] = ([0, 1] as const).map((k) => {
        const runs = rounds.map((r) => r[k]);
        return { ...runs[0]!, ms: median(runs.map((q) => q.ms)), all: runs.map((q) => q.ms) };
      }) as [Timed, Timed];
      for (const q of [first, second]) {
        console.log(
          `  “${q.query}”: ${q.requests} requests, ${(q.gzip / 1024).toFixed(1)} KiB gzip, ` +
            `${q.ms.toFixed(0)} ms to the results, median of ${q.all.map((ms) => ms.toFixed(0)).join(" / ")} (${q.total})`,
        );
      }
      rows.push({
        size,
        buildS: buildMs / 1000,
        indexS,
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
const table = [
  "| N | build (s) | index (s) | index ÷ build | pages indexed | index files | index (MiB) | gzip (MiB) | 1st query (KiB gzip) | 1st query (ms) | 2nd query (KiB gzip) | ≤ 150 KB | 2nd query (ms) | ≤ 300 ms | load |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.size} | ${Number.isNaN(r.buildS) ? "copied" : r.buildS.toFixed(1)} | ${r.indexS.toFixed(1)} | ${Number.isNaN(r.buildS) ? "—" : (r.indexS / r.buildS).toFixed(2)} | ${r.pages} | ${r.files} | ${r.mib.toFixed(1)} | ${r.gzipMib.toFixed(1)} | ${kib(r.first.gzip)} | ${spread(r.first)} | ${kib(r.second.gzip)} | ${r.second.gzip <= SECOND_QUERY_TARGET ? "yes" : "no"} | ${spread(r.second)} | ${Math.max(r.first.ms, r.second.ms) <= FIRST_RESULT_TARGET_MS ? "yes" : "no"} | ${r.load.toFixed(2)} |`,
  ),
].join("\n");
console.log(`\n${table}\n`);

if (!values["no-record"]) {
  const section = [
    SECTION,
    "",
    "`npm run bench:search` (`tools/bench/search.ts`) builds the portal cold over N articles (the",
    "bench:build corpus: the five real ones plus renamed copies), then runs the search index step of",
    "`npm run build` (`src/lib/search/build-index.ts`: the portal's own index of the article and",
    "dataset pages) on that output, timed on its own. It then serves the build with the real server",
    "and, in Chromium, opens `/tim-kiem/`, fills the box and presses Enter at once: first",
    `“${QUERIES[0]}” (every copy has it: the longest result list), then “${QUERIES[1]}”.`,
    "",
    "- **build (s)**: the cold `astro build` (no index), or “copied” with `-- --copies` (dist/ plus",
    "  renamed copies of its built article pages, copy k dated k days before its original, no",
    "  build); **index (s)**: the index step alone; `npm run build` takes their sum. **index ÷",
    "  build** is what the index adds to a build.",
    "- **index (MiB) / gzip (MiB)**: everything in `dist/chi-muc/`, raw and gzipped file by file",
    "  (the build also writes .br/.gz beside each file over 1 KB; they are not counted).",
    "- **query (KiB gzip)**: the bytes the page fetched under `/chi-muc/` for that query, gzipped",
    "  as a compressing server or CDN sends them, from filling the box until the network was idle.",
    "  The first includes the manifest (fetched when the box gets focus) and every page's filter",
    "  values; each includes the word files of its words and word pairs and the files of the ten",
    "  results shown. Target for a query after the first: ≤ 150 KB.",
    `- **query (ms)**: the median over ${ROUNDS} fresh browser contexts (nothing cached) of the time`,
    "  from pressing Enter to the results on the page. The box was filled just",
    "  before, so the first query waits for most of the index's first files (a reader who types",
    "  has them by the time they finish). The lowest and highest round are in brackets. Target",
    "  ≤ 300 ms, judged on the median.",
    "- **load**: one-minute load average at the start; above ~0.5 on this 2-core machine the",
    "  times are noisy.",
    "",
    `### Last run: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    "",
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"}); Node ${process.version}; commit \`${commit}\`${dirty}.`,
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
