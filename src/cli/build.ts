// `npm run build [-- --force]`: check the data and the articles, build into a staging folder, index
// it, compress it, and only then replace dist/: a failed build loses nothing. Each step reuses what
// did not change since the published build (Astro's page cache, the published copies and index);
// --force builds everything afresh. BUILD_REPORT=<file> writes each step's time as JSON. --no-swap
// stops before the swap and leaves the checked build in <dist>-staging (the newsroom commits first).
// The preview images are drawn beside Astro (src/cli/previews.ts) at a lower priority
// (PREVIEWS_NICE; BUILD_PREVIEWS_NICE=0 to measure without).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { assetSourcesDigest, beginAstroBuild, endAstroBuild } from "../lib/build/astro-cache.ts";
import { astroEnv, astroNodeFlags } from "../lib/build/astro-memory.ts";
import { shareCompileCache } from "../lib/build/compile-cache.ts";
import { buildPaths } from "../lib/build/paths.ts";
import { articleLocations, createStackFilter } from "../lib/build/staff-output.ts";
import {
  createStepLog,
  describeTimes,
  inOrder,
  STEPS,
  writeReport,
  type StepId,
} from "../lib/build/steps.ts";
import { swapIn } from "../lib/build/swap.ts";
import { moveInto } from "../lib/previews/site-folder.ts";

const root = resolve(import.meta.dirname, "../..");
// Every step reads relative paths (DATA_DIR, NEWS_DIR…) from the repository, the checks here too.
process.chdir(root);
const paths = buildPaths(root);
const { dist, staging, cacheDir } = paths;
const noSwap = process.argv.includes("--no-swap");
const astroArgs = process.argv.slice(2).filter((a) => a !== "--no-swap");
const force = astroArgs.includes("--force");
/**
 * The preview step's niceness: lower than Astro's, so Astro's render thread keeps its core. Cold
 * builds at 1,000 articles on a busy 2-core machine, alternated: niceness 10 took 19.5, 41.1, 30.8
 * and 29.2 s, niceness 0 26.8, 55.6 and 43.8 s (Astro itself slowed from 9–19 s to 15–34 s).
 */
const PREVIEWS_NICE = process.env.BUILD_PREVIEWS_NICE ?? "10";
const log = createStepLog();
const buildStarted = performance.now();
shareCompileCache();

/** Processes of steps still running: a failed step ends them before the build stops. */
const running = new Set<ChildProcess>();

function stopped(status: number | null): never {
  for (const child of running) child.kill();
  console.error(`\nĐã dừng xây trang; ${dist} (bản đang đăng) giữ nguyên, không đổi gì.`);
  process.exit(status ?? 1);
}

type Ended = { status: number | null; pid: number; out: string; err: string };

/** A Node script of the build; `quiet`: its output kept and given back instead of shown. */
function node(args: string[], quiet = false): Promise<Ended> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  running.add(child);
  const kept = { out: "", err: "" };
  child.stdout?.on("data", (b: Buffer) => (kept.out += b));
  child.stderr?.on("data", (b: Buffer) => (kept.err += b));
  return new Promise((done) =>
    child.on("close", (status) => {
      running.delete(child);
      done({ status, pid: child.pid!, ...kept });
    }),
  );
}

/** Step `id` as its own process, timed; `quiet`: its output kept until `finish`. */
async function start(id: StepId, args: string[], quiet = false): Promise<Ended> {
  let ended: Ended | undefined;
  await log.time(id, async () => {
    ended = await node(args, quiet);
    return ended.pid;
  });
  return ended!;
}

/** Shows what a quiet step said; the build stops if the step failed. */
function finish(ended: Ended): Ended {
  process.stdout.write(ended.out);
  process.stderr.write(ended.err);
  if (ended.status !== 0) stopped(ended.status);
  return ended;
}

const step = async (id: StepId, args: string[]) => void finish(await start(id, args));

/** A step run in this process (its exit status); the build stops on a problem or a failure. */
async function here(id: StepId, run: () => Promise<number>): Promise<void> {
  let status = 1;
  await log.time(id, async () => {
    try {
      status = await run();
    } catch (error) {
      // A fault in the step's own code, not in the files: said so, with details for whoever fixes it.
      console.error(
        `Bước "${STEPS[id]}" gặp lỗi của chương trình, không phải lỗi trong dữ liệu hay bài viết. Chạy lại npm run build; nếu vẫn lỗi, gửi đoạn dưới đây cho người quản trị kỹ thuật.`,
      );
      console.error(error);
    }
  });
  if (status !== 0) stopped(status);
}

/** Astro's build with its log streamed; stack traces shown only with BUILD_DEBUG=1. */
async function runAstro(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const debug = process.env.BUILD_DEBUG === "1";
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["inherit", "pipe", "pipe"],
  });
  running.add(child);
  let log = "";
  const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    const keep = createStackFilter();
    createInterface({ input: from }).on("line", (line) => {
      log += `${line}\n`;
      if (debug || keep(line)) to.write(`${line}\n`);
    });
  };
  pipe(child.stdout!, process.stdout);
  pipe(child.stderr!, process.stderr);
  const status = await new Promise<number | null>((done) => child.on("close", done));
  running.delete(child);
  endAstroBuild(cacheDir, status === 0);
  if (status === 0) return child.pid!;
  for (const at of articleLocations(log)) {
    console.error(
      `${at} Bài viết có lỗi ở đây (dòng:cột); kiểm tra dấu { } < và các thẻ <PhotoCaption>…</PhotoCaption> đã đóng chưa.`,
    );
  }
  if (!debug)
    console.error("(Người lập trình: chạy lại với BUILD_DEBUG=1 để xem chi tiết kỹ thuật.)");
  stopped(status);
}

/** Articles the build will read (content/news or NEWS_DIR). */
function articleCount(): number {
  const dir = resolve(root, process.env.NEWS_DIR ?? "content/news");
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".mdx")).length : 0;
}

// The preview images need only the data and the articles: drawn from the start, beside the checks
// and Astro at a lower priority (on what Astro's one render thread leaves of the cores), then
// beside the index and compression steps; moved into the staged site last. Its output and its
// failure wait for the checks, whose messages say what is wrong with a file.
const previewsDir = join(cacheDir, "previews-site");
const drawing = start(
  "previews",
  [
    // Lets each worker free resvg's pixels after each image (src/lib/previews/draw-worker.ts).
    "--expose-gc",
    "src/cli/previews.ts",
    previewsDir,
    `--nice=${PREVIEWS_NICE}`,
    ...(force ? ["--force"] : []),
  ],
  true,
);
// The checks run here, one after the other: as two processes of their own they loaded Node, the
// TypeScript loader, zod and the frontmatter parser twice. Loaded once the previews have started.
await here("data", async () => (await import("./data-check.ts")).checkData({ coverage: false }));
await here("articles", async () => (await import("./article-check.ts")).checkArticles());
rmSync(staging, { recursive: true, force: true });
// A failed preview step stops the build at once (Astro with it) rather than after Astro.
const previews = drawing.then((ended) => (ended.status === 0 ? ended : finish(ended)));
await log.time("astro", () => {
  beginAstroBuild(cacheDir, assetSourcesDigest(resolve(root, "src")));
  const astro = resolve(root, "node_modules/astro/bin/astro.mjs");
  return runAstro([...astroNodeFlags(articleCount()), astro, "build", ...astroArgs], {
    ...astroEnv(),
    ASTRO_OUT_DIR: staging,
  });
});
// What the published build did is reused by the steps after Astro, unless --force says otherwise.
const previous = !force && existsSync(dist) ? dist : undefined;
const reuse = previous === undefined ? [] : ["--previous", previous];
// The search index is part of the build: if it fails, the published site stays as it was.
await step("index", ["src/cli/search-index.ts", staging, ...reuse]);
// .br and .gz beside the pages, the index and the assets (not the images: PNG is compressed
// already), beside the last preview images; in this process (its workers aside).
await here("compress", async () =>
  (await import("./compress.ts")).compressStep(staging, { previous }),
);
finish(await previews);
moveInto(previewsDir, staging);
if (noSwap) console.log(`Bản dựng đã kiểm tra nằm ở ${staging}; chưa đăng (--no-swap).`);
else {
  await log.time("swap", () => swapIn(paths));
  console.log(`Đã đăng bản mới vào ${dist}.`);
}
const steps = inOrder(log.steps);
console.log(describeTimes(steps, performance.now() - buildStarted));
writeReport(process.env.BUILD_REPORT, { force, steps });
