// npm run bench:pages [distDir] [--runs N] [--no-lighthouse]: per page type, gzip bytes of the HTML
// up to the end of the first chart (target ≤ 14,600), gzip bytes of all JavaScript the page loads
// (target ≤ 20 KB), and inline SVG bytes per chart; then, served by the real server to Chromium,
// the bytes a phone receives per page kind (fonts included; an article ≤ 150 KiB), elements per
// page, and Lighthouse's mobile performance score (target ≥ 98). Prints the tables and updates
// "## Pages (bench:pages)" in BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, lighthouseRuns, type LighthouseRun } from "./lib/lighthouse.ts";
import {
  gzipBytes,
  htmlToFirstChart,
  inlineCharts,
  measureLoad,
  javascriptBytes as scriptBytes,
} from "./lib/page-weight.ts";
import { serveBuild } from "./lib/server.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const args = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "2" }, "no-lighthouse": { type: "boolean" } },
});
const DIST = resolve(ROOT, args.positionals[0] ?? process.env.DIST_DIR ?? "dist");
const RUNS = Math.max(1, Number(args.values.runs) || 2);
const ARTICLE_BYTES = 150 * 1024;
const LIGHTHOUSE_TARGET = 98;
const HTML_TARGET = 14_600;
const JS_TARGET = 20 * 1024;
const SECTION = "## Pages (bench:pages)";

if (!existsSync(join(DIST, "index.html"))) {
  console.error(`No build in ${DIST}: run npm run build first (or pass the dist folder).`);
  process.exit(1);
}

function firstPageWithChart(dir: string): string | undefined {
  const base = join(DIST, dir);
  if (!existsSync(base)) return undefined;
  for (const name of readdirSync(base).sort()) {
    const file = join(base, name, "index.html");
    if (existsSync(file) && htmlToFirstChart(readFileSync(file, "utf8"))) return `/${dir}/${name}/`;
  }
  return undefined;
}

const pages: { type: string; path: string | undefined }[] = [
  { type: "home", path: "/" },
  { type: "article with chart", path: firstPageWithChart("tin-tuc") },
  { type: "dashboard", path: "/thong-ke/" },
  { type: "dataset page", path: firstPageWithChart("du-lieu") },
];

const javascriptBytes = (html: string) => scriptBytes(DIST, html);

const fmt = (n: number) => n.toLocaleString("en-US");
type Row = { type: string; path: string; html: string; js: string; charts: number; svgMax: string };
const rows: Row[] = [];
const chartSizes = new Map<string, { raw: number; gzip: number }>();
let failed = false;

for (const page of pages) {
  if (!page.path) {
    rows.push({
      type: page.type,
      path: "—",
      html: "no such page",
      js: "—",
      charts: 0,
      svgMax: "—",
    });
    continue;
  }
  const html = readFileSync(join(DIST, page.path, "index.html"), "utf8");
  const head = htmlToFirstChart(html);
  const htmlBytes = gzipBytes(head ?? html);
  const htmlOk = htmlBytes <= HTML_TARGET;
  const js = javascriptBytes(html);
  const jsOk = js.bytes <= JS_TARGET;
  if ((head && !htmlOk) || !jsOk) failed = true;
  const charts = inlineCharts(html);
  for (const c of charts) {
    chartSizes.set(c.id, { raw: Buffer.byteLength(c.svg), gzip: gzipBytes(c.svg) });
  }
  const largest = Math.max(0, ...charts.map((c) => Buffer.byteLength(c.svg)));
  rows.push({
    type: page.type,
    path: page.path,
    html: head
      ? `${fmt(htmlBytes)} ${htmlOk ? "✓" : "✗"}`
      : `${fmt(htmlBytes)} (whole page, no chart)`,
    js: `${fmt(js.bytes)} ${jsOk ? "✓" : "✗"} (${js.files} file${js.files === 1 ? "" : "s"} + inline)`,
    charts: charts.length,
    svgMax: charts.length ? fmt(largest) : "—",
  });
}

/** Every kind of page a reader meets, for the browser measures (the first of each kind). */
const kinds: { type: string; path: string | undefined }[] = [
  { type: "home", path: "/" },
  { type: "article with chart", path: firstPageWithChart("tin-tuc") },
  { type: "article list", path: "/tin-tuc/" },
  { type: "dashboard", path: "/thong-ke/" },
  { type: "filtered dashboard", path: "/thong-ke/lang-son/" },
  { type: "dataset index", path: "/du-lieu/" },
  { type: "dataset page", path: firstPageWithChart("du-lieu") },
  { type: "search", path: "/tim-kiem/?q=%C4%91%E1%BA%A3ng%20vi%C3%AAn" },
];

const kib = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadBefore = loadavg()[0]!.toFixed(1);
const availableCores = availableParallelism();
const server = await serveBuild(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
const browserRows: string[] = [];
try {
  for (const kind of kinds) {
    if (!kind.path || !existsSync(join(DIST, kind.path.split("?")[0]!, "index.html"))) continue;
    const load = await measureLoad(browser, server.url + kind.path);
    const isArticle = kind.type.startsWith("article with");
    const over = isArticle && load.bytes > ARTICLE_BYTES;
    if (over) failed = true;
    let lighthouse = "not run";
    if (!args.values["no-lighthouse"]) {
      const runs: LighthouseRun[] = await lighthouseRuns(server.url + kind.path, RUNS);
      const scores = runs.map((r) => r.score);
      const ok = Math.min(...scores) >= LIGHTHOUSE_TARGET ? "✓" : "✗";
      lighthouse =
        `${scores.join(", ")} ${ok} | ${Math.round(median(runs.map((r) => r.fcp)))} | ` +
        `${Math.round(median(runs.map((r) => r.lcp)))} | ${Math.round(median(runs.map((r) => r.tbt)))} | ` +
        `${median(runs.map((r) => r.cls)).toFixed(3)}`;
    } else {
      lighthouse = "— | — | — | — | —";
    }
    browserRows.push(
      `| ${kind.type} | \`${kind.path}\` | ${kib(load.bytes)}${isArticle ? (over ? " ✗" : " ✓") : ""} | ` +
        `${kib(load.fontBytes)} | ${fmt(load.elements)} | ${lighthouse} |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
const loadAfter = loadavg()[0]!.toFixed(1);
const browserTable = [
  `| page kind | path | KiB transferred (article ≤ 150) | of which fonts | elements | Lighthouse mobile performance (runs; ≥ ${LIGHTHOUSE_TARGET}) | FCP ms | LCP ms | TBT ms | CLS |`,
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...browserRows,
].join("\n");

const pageTable = [
  "| page type | path | HTML gzip to end of first chart (≤ 14,600) | JS gzip (≤ 20,480) | charts | largest inline SVG (bytes) |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) => `| ${r.type} | \`${r.path}\` | ${r.html} | ${r.js} | ${r.charts} | ${r.svgMax} |`,
  ),
].join("\n");
const chartTable = [
  "| chart | inline SVG (bytes) | gzip (bytes) |",
  "| --- | --- | --- |",
  ...[...chartSizes].map(([id, s]) => `| \`${id}\` | ${fmt(s.raw)} | ${fmt(s.gzip)} |`),
].join("\n");

console.log(pageTable);
console.log();
console.log(chartTable);
console.log();
console.log(browserTable);

let commit = "unknown";
try {
  commit = execFileSync("git", ["log", "-1", "--format=%h %s"], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
} catch {
  // Not a git checkout: the figures still stand.
}
const section = `${SECTION}

\`npm run bench:pages [dist]\` (\`tools/bench/pages.ts\`) reads a finished build (argument, \`DIST_DIR\`,
or \`dist/\`). For one page of each type it measures, with gzip at Node's default level:
- **HTML to the end of the first chart**: the page's bytes from the start up to the first chart's
  \`</svg>\` — what must arrive before the first chart can be drawn. Target ≤ 14,600 bytes (about
  the first ten TCP packets). A page without a chart shows its whole HTML instead.
- **JS**: every script the page runs — inline scripts and module files with all their imports,
  each gzipped on its own as a server would send it. Target ≤ 20 KB (20,480 bytes) for the whole
  page: charts, poll, counter and font size together.
- **inline SVG per chart**: raw and gzip bytes of each chart's \`<svg>\` on the pages measured.
- **In the browser** (\`tools/bench/lib/page-weight.ts\` \`measureLoad\`): the build served by the real
  server (Brotli as it sends it) to Debian's Chromium in a 390 px window with an empty cache: the
  bytes received for the page and everything it loads (fonts included; an article ≤ 150 KiB), and
  the elements in the document. **Lighthouse** 12 (npm, pinned) with its default mobile settings
  (simulated slow 4G, 4× CPU slowdown), performance only, \`--runs\` fresh runs per page (default 2):
  every score, then the median FCP, LCP, TBT and CLS. TBT is timed on this machine's CPU: a busy
  machine lowers the scores, so compare runs made on a quiet one.

### Last run: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}

Build: \`${DIST.replace(`${ROOT}/`, "")}\`; commit \`${commit}\`.

${pageTable}

${chartTable}

In the browser (load average ${loadBefore} before, ${loadAfter} after, on ${availableCores} cores):

${browserTable}
`;

const benchFile = join(ROOT, "BENCHMARKS.md");
const current = existsSync(benchFile) ? readFileSync(benchFile, "utf8") : "# Benchmarks\n";
const at = current.indexOf(SECTION);
let updated: string;
if (at === -1) {
  updated = `${current.trimEnd()}\n\n${section}`;
} else {
  // Replace only our section: up to the next "## " heading (others' sections stay as they are).
  const next = current.indexOf("\n## ", at + SECTION.length);
  updated = current.slice(0, at) + section + (next === -1 ? "" : `\n${current.slice(next + 1)}`);
}
writeFileSync(benchFile, updated);
console.log(`\nUpdated ${SECTION} in BENCHMARKS.md`);
if (failed) {
  console.error("A page is over its budget (✗ above).");
  process.exitCode = 1;
}
