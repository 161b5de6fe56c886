// npm run bench:preview [-- --sizes 5,1000 --runs 20 --no-record]
// The newsroom's article preview (src/server/newsroom/preview.ts) over N articles: the first
// preview (the renderer process starts, compiles the page and its components), then `--runs`
// previews of a warm renderer, and the renderer's peak memory (VmHWM). N = the committed
// articles, or a corpus of N (tools/bench/lib/corpus.ts) as the published articles beside it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createArticlePreview } from "../../src/server/newsroom/preview.ts";
import { readSourceArticles, writeCorpus } from "./lib/corpus.ts";
import { table, upsertNamedSection } from "./lib/sections.ts";

const REPO = resolve(import.meta.dirname, "../..");
const HEADING = "## Newsroom preview (bench:preview)";
const NEWS = join(REPO, "content/news");
const ARTICLE = "tuyen-hoa-cung-co-to-chuc-co-so-dang";
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "5,1000" },
    runs: { type: "string", default: "20" },
    "no-record": { type: "boolean", default: false },
  },
});
const RUNS = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "bench-preview-"));

type Row = {
  size: number;
  coldMs: number;
  medianMs: number;
  maxMs: number;
  peakMiB: number;
  load: number;
};

const peakMiB = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function measure(size: number): Promise<Row> {
  const sources = readSourceArticles(NEWS);
  const newsDir = size <= sources.length ? NEWS : join(work, `news-${size}`);
  if (newsDir !== NEWS) writeCorpus(sources, size, newsDir);
  const mdx = readFileSync(join(NEWS, `${ARTICLE}.mdx`), "utf8");
  const preview = createArticlePreview({
    root: REPO,
    distDir: join(REPO, "dist"),
    newsDir,
    dataDir: join(REPO, "data"),
    timeoutMs: 600_000,
  });
  let load = loadavg()[0]!;
  try {
    const start = performance.now();
    const first = await preview(mdx, ARTICLE);
    if (!first.ok) throw new Error(first.message);
    const coldMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const result = await preview(mdx, ARTICLE);
      if (!result.ok) throw new Error(result.message);
      times.push(performance.now() - t);
      load = Math.max(load, loadavg()[0]!);
    }
    times.sort((a, b) => a - b);
    const peak = peakMiB(preview.rendererPid()!);
    return {
      size,
      coldMs,
      medianMs: times[Math.floor((times.length - 1) / 2)]!,
      maxMs: times.at(-1)!,
      peakMiB: peak,
      load,
    };
  } finally {
    await preview.close();
  }
}

const rows: Row[] = [];
for (const size of values.sizes.split(",").map(Number)) {
  const row = await measure(size);
  console.log(JSON.stringify(row));
  rows.push(row);
}
rmSync(work, { recursive: true, force: true });

const one = (n: number) => n.toFixed(1);
const section = `${HEADING}

_Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench:preview -- --sizes ${values.sizes} --runs ${RUNS}\`: one committed article (${ARTICLE}: two <Chart>, <DataFigure>s) previewed against N published articles; cold = the renderer process started by the first preview; warm = the next ${RUNS}; the highest 1-minute load average seen._

${table([
  ["N", "cold (s)", "warm median (ms)", "warm max (ms)", "renderer peak (MiB)", "load"],
  ...rows.map((r) => [
    String(r.size),
    one(r.coldMs / 1000),
    one(r.medianMs),
    one(r.maxMs),
    String(Math.round(r.peakMiB)),
    one(r.load),
  ]),
])}
`;
if (!values["no-record"]) {
  const file = join(REPO, "BENCHMARKS.md");
  writeFileSync(file, upsertNamedSection(readFileSync(file, "utf8"), section));
}
console.log(section);
