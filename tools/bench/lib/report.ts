// Summaries, the printed table and the BENCHMARKS.md section: pure functions over measured runs.
import type { Phases } from "./phases.ts";

/** The bare site over the articles as written, the same bare site over their text only, the portal. */
export type Site = "bare" | "bare-text" | "portal";

/** The order runs alternate in, and the order of every table. */
export const SITES: readonly Site[] = ["bare", "bare-text", "portal"];

export interface RunResult {
  size: number;
  site: Site;
  run: number;
  wallMs: number;
  /** CPU time of the build's process tree (user + system). */
  cpuMs: number;
  peakBytes: number;
  upperBoundBytes: number;
  /** Astro's own phase timings, from its build log. */
  phases: Phases;
  /** HTML pages written by the build. */
  pages: number;
  /** One-minute load average when the run started: other work on the machine skews timings. */
  load: number;
}

export interface SizeSummary {
  size: number;
  bareMs: number;
  portalMs: number;
  bareBytes: number;
  portalBytes: number;
  bareCpuMs: number;
  portalCpuMs: number;
  timeRatio: number;
  cpuRatio: number;
  memoryRatio: number;
  barePages: number;
  portalPages: number;
  /** The bare site over the text-only articles: NaN (and 0 pages) when it was not run. */
  bareTextMs: number;
  bareTextBytes: number;
  bareTextCpuMs: number;
  bareTextPages: number;
  /** Portal over the text-only bare site. */
  textTimeRatio: number;
  textMemoryRatio: number;
}

/** One run of the search index step after a portal build (`-- --index`). */
export interface IndexRun {
  size: number;
  run: number;
  wallMs: number;
  cpuMs: number;
  /** Peak memory of the step's process. */
  peakBytes: number;
  /** Wall time of the portal build it indexed. */
  buildMs: number;
  /** Pages indexed, files and bytes in dist/chi-muc. */
  pages: number;
  files: number;
  bytes: number;
  load: number;
}

export interface Meta {
  date: string;
  machine: string;
  node: string;
  astro: string;
  commit: string;
  runs: number;
  isolation: string;
}

export const TIME_TARGET = 1.1;
export const MEMORY_TARGET = 1.2;
/** Portal over the bare site whose articles are the same text without components (issue 10). */
export const TEXT_TIME_TARGET = 1.25;
/** Time per article at the largest size may exceed that at the smallest by this much and still count as linear. */
export const LINEAR_TOLERANCE = 1.1;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function summarise(results: RunResult[]): SizeSummary[] {
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  return sizes.map((size) => {
    const of = (site: Site) => results.filter((r) => r.size === size && r.site === site);
    const bare = of("bare");
    const bareText = of("bare-text");
    const portal = of("portal");
    const bareMs = mean(bare.map((r) => r.wallMs));
    const portalMs = mean(portal.map((r) => r.wallMs));
    const bareCpuMs = mean(bare.map((r) => r.cpuMs));
    const portalCpuMs = mean(portal.map((r) => r.cpuMs));
    const bareBytes = mean(bare.map((r) => r.peakBytes));
    const portalBytes = mean(portal.map((r) => r.peakBytes));
    const bareTextMs = mean(bareText.map((r) => r.wallMs));
    const bareTextBytes = mean(bareText.map((r) => r.peakBytes));
    return {
      size,
      bareMs,
      portalMs,
      bareBytes,
      portalBytes,
      bareCpuMs,
      portalCpuMs,
      timeRatio: portalMs / bareMs,
      cpuRatio: portalCpuMs / bareCpuMs,
      memoryRatio: portalBytes / bareBytes,
      barePages: bare[0]?.pages ?? 0,
      portalPages: portal[0]?.pages ?? 0,
      bareTextMs,
      bareTextBytes,
      bareTextCpuMs: mean(bareText.map((r) => r.cpuMs)),
      bareTextPages: bareText[0]?.pages ?? 0,
      textTimeRatio: portalMs / bareTextMs,
      textMemoryRatio: portalBytes / bareTextBytes,
    };
  });
}

export interface Growth {
  site: Site;
  from: number;
  to: number;
  /** Wall time at `to` over wall time at `from`; linear growth gives at most to/from. */
  timeFactor: number;
  /** Time per article at `to` over time per article at `from` (≤ 1 when fixed costs dominate). */
  perArticleFactor: number;
  /** The same from CPU time, which other work on the machine disturbs less. */
  cpuPerArticleFactor: number;
  /** Extra milliseconds per extra article between the two sizes. */
  marginalMs: number;
  /** Extra peak memory per extra article, in KiB. */
  marginalKiB: number;
}

/** One site's means at one size, read from its summary. */
function meansOf(s: SizeSummary, site: Site): { ms: number; cpuMs: number; bytes: number } {
  if (site === "bare") return { ms: s.bareMs, cpuMs: s.bareCpuMs, bytes: s.bareBytes };
  if (site === "bare-text") {
    return { ms: s.bareTextMs, cpuMs: s.bareTextCpuMs, bytes: s.bareTextBytes };
  }
  return { ms: s.portalMs, cpuMs: s.portalCpuMs, bytes: s.portalBytes };
}

export function growth(summaries: SizeSummary[]): Growth[] {
  const first = summaries[0];
  const last = summaries.at(-1);
  if (!first || !last || first.size === last.size) return [];
  // A site not run (an older record, a test) has no growth line.
  const ran = SITES.filter(
    (site) => Number.isFinite(meansOf(first, site).ms) && Number.isFinite(meansOf(last, site).ms),
  );
  return ran.map((site) => {
    const { ms: a, cpuMs: ca, bytes: ma } = meansOf(first, site);
    const { ms: b, cpuMs: cb, bytes: mb } = meansOf(last, site);
    return {
      site,
      from: first.size,
      to: last.size,
      timeFactor: b / a,
      perArticleFactor: b / last.size / (a / first.size),
      cpuPerArticleFactor: cb / last.size / (ca / first.size),
      marginalMs: (b - a) / (last.size - first.size),
      marginalKiB: (mb - ma) / 1024 / (last.size - first.size),
    };
  });
}

const mark = (ok: boolean) => (ok ? "yes" : "NO");
/** A figure of a site that was not run shows as a dash. */
const orDash = (x: number, show: (x: number) => string) => (Number.isFinite(x) ? show(x) : "—");

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head!), line(head!.map(() => "---")), ...body.map(line)].join("\n");
}

export function runsTable(results: RunResult[]): string {
  return table([
    [
      "N",
      "site",
      "run",
      "wall (s)",
      "CPU (s)",
      "sync / bundle / render (s)",
      "peak RSS (MiB)",
      "upper bound (MiB)",
      "pages",
      "load",
    ],
    ...results.map((r) => [
      String(r.size),
      r.site,
      String(r.run),
      seconds(r.wallMs),
      seconds(r.cpuMs),
      [r.phases.syncMs, r.phases.bundleMs, r.phases.renderMs].map(seconds).join(" / "),
      mib(r.peakBytes),
      mib(r.upperBoundBytes),
      String(r.pages),
      r.load.toFixed(2),
    ]),
  ]);
}

export function summaryTable(summaries: SizeSummary[]): string {
  return table([
    [
      "N",
      "bare (s)",
      "bare-text (s)",
      "portal (s)",
      "time ×",
      `≤ ${TIME_TARGET}×`,
      "time × text",
      `≤ ${TEXT_TIME_TARGET}×`,
      "CPU ×",
      "bare (MiB)",
      "bare-text (MiB)",
      "portal (MiB)",
      "memory ×",
      `≤ ${MEMORY_TARGET}×`,
      "memory × text",
      "pages bare / bare-text / portal",
    ],
    ...summaries.map((s) => [
      String(s.size),
      seconds(s.bareMs),
      orDash(s.bareTextMs, seconds),
      seconds(s.portalMs),
      s.timeRatio.toFixed(2),
      mark(s.timeRatio <= TIME_TARGET),
      orDash(s.textTimeRatio, (x) => x.toFixed(2)),
      orDash(s.textTimeRatio, (x) => mark(x <= TEXT_TIME_TARGET)),
      s.cpuRatio.toFixed(2),
      mib(s.bareBytes),
      orDash(s.bareTextBytes, mib),
      mib(s.portalBytes),
      s.memoryRatio.toFixed(2),
      mark(s.memoryRatio <= MEMORY_TARGET),
      orDash(s.textMemoryRatio, (x) => x.toFixed(2)),
      `${s.barePages} / ${Number.isFinite(s.bareTextMs) ? s.bareTextPages : "—"} / ${s.portalPages}`,
    ]),
  ]);
}

export function growthLines(growths: Growth[]): string[] {
  return growths.map(
    (g) =>
      `- ${g.site}: N ${g.from} → ${g.to} (×${g.to / g.from}) took ×${g.timeFactor.toFixed(2)} the time; ` +
      `time per article ×${g.perArticleFactor.toFixed(2)}; ${g.marginalMs.toFixed(1)} ms and ` +
      `${Math.round(g.marginalKiB)} KiB of peak memory per extra article; ` +
      `linear in wall time: ${mark(g.perArticleFactor <= LINEAR_TOLERANCE)}; ` +
      `CPU per article ×${g.cpuPerArticleFactor.toFixed(2)}, linear in CPU time: ` +
      `${mark(g.cpuPerArticleFactor <= LINEAR_TOLERANCE)}`,
  );
}

/** Render time per route group in the last run of each site at the largest size. */
export function routesTable(results: RunResult[]): string {
  const size = Math.max(...results.map((r) => r.size));
  const last = (site: Site) => results.filter((r) => r.size === size && r.site === site).at(-1);
  const empty = () => new Map<string, { pages: number; ms: number }>();
  const bare = last("bare")?.phases.routes ?? empty();
  const bareText = last("bare-text")?.phases.routes;
  const portal = last("portal")?.phases.routes ?? empty();
  const groups = [...new Set([...bare.keys(), ...(bareText?.keys() ?? []), ...portal.keys()])].sort(
    (a, b) => (portal.get(b)?.ms ?? 0) - (portal.get(a)?.ms ?? 0),
  );
  const total = (routes: Map<string, { pages: number; ms: number }>) =>
    [...routes.values()].reduce((a, b) => ({ pages: a.pages + b.pages, ms: a.ms + b.ms }), {
      pages: 0,
      ms: 0,
    });
  const cell = (x: { pages: number; ms: number } | undefined) =>
    x ? `${x.pages} / ${seconds(x.ms)} / ${(x.ms / x.pages).toFixed(1)}` : "—";
  // The text-only bare site's column only when it ran.
  const text = <T>(x: T): T[] => (bareText ? [x] : []);
  return table([
    [
      `route (N = ${size})`,
      "bare: pages / render s / ms per page",
      ...text("bare-text: pages / render s / ms per page"),
      "portal: pages / render s / ms per page",
    ],
    ...groups.map((g) => [
      `\`${g}\``,
      cell(bare.get(g)),
      ...text(cell(bareText?.get(g))),
      cell(portal.get(g)),
    ]),
    [
      "all pages",
      cell(total(bare)),
      ...text(cell(total(bareText ?? empty()))),
      cell(total(portal)),
    ],
  ]);
}

/** The search index step after each portal build (`-- --index`). */
export function indexTable(runs: IndexRun[]): string {
  return table([
    [
      "N",
      "run",
      "index (s)",
      "CPU (s)",
      "index ÷ portal build",
      "peak RSS (MiB)",
      "pages indexed",
      "files",
      "dist/chi-muc (MiB)",
      "load",
    ],
    ...runs.map((r) => [
      String(r.size),
      String(r.run),
      seconds(r.wallMs),
      seconds(r.cpuMs),
      (r.wallMs / r.buildMs).toFixed(2),
      mib(r.peakBytes),
      String(r.pages),
      String(r.files),
      (r.bytes / 2 ** 20).toFixed(1),
      r.load.toFixed(2),
    ]),
  ]);
}

export const SECTION_HEADING = "## Build (bench:build)";

export const HOW_TO_READ = `\`npm run bench:build\` (\`tools/bench/build.ts\`) makes N articles — the five real ones plus
renamed copies (\`<slug>-ban-sao-<k>\`, titled "… (bản sao k)") in \`.bench/news-<N>/\` — and runs a
cold \`astro build\` (\`node node_modules/astro/bin/astro.mjs build\`, no data check, no staging)
of three sites:
- **bare**: a bare Astro + MDX site (\`.bench/bare/\`: one glob collection over the same folder,
  no schema, an index page and one \`/tin-tuc/[slug]/\` page per article with a minimal layout).
  The articles use the portal's components (\`<Chart>\`, \`<DataFigure>\`, \`<PhotoCaption>\`),
  with or without import lines, so the bare site renders them with the portal's own
  (\`src/components/mdx/components.ts\`, as the portal's article page passes them): they are the
  articles' content. The ratio to it measures the rest of the portal — its layouts, the extra
  pages (lists, localities, topics, data, charts, feed, sitemap) and integrations.
- **bare-text**: the same bare site over the same N articles with their components taken out
  (\`.bench/news-text-<N>/\`, made by \`tools/bench/lib/strip-components.ts\`): frontmatter and words
  unchanged, import/export lines and component tags removed, what a component wraps kept (a
  photo caption stays as a paragraph, a figure's number stays in its sentence, a chart goes).
  The ratio to it is what the portal costs over plain text, charts included.
- **portal**: the real portal (\`NEWS_DIR\` pointed at \`.bench/news-<N>/\`).

This section is \`astro build\` alone; \`npm run build\` as staff run it (checks, Astro, search index,
compression, swap; cold and after one more article) is the next section, from the same runs.
Runs alternate bare, bare-text, portal, bare, …; output and cache folders are deleted before each
run, and each build gets an empty private \`.astro/\` (a bind mount in its own mount namespace;
without it Astro would rewrite the shared \`.astro/content-modules.mjs\` that other builds in this
checkout read), so every run is cold. \`-- --profile\` adds an untimed V8 CPU profile of each site
at the largest N and prints self time by package and the project's hot functions. \`-- --index\`
runs the search index step of \`npm run build\` (\`node src/cli/search-index.ts\` over the
build's output, as \`src/cli/build.ts\` runs it on the staged build) after each portal build at
the largest N (\`-- --index-all\`: at every N), timed on its own.

How to read the results:
- **wall (s)**: from spawning the build to its exit, Node start-up included.
- **CPU (s)**: user + system CPU time of the build (all threads) and its child processes; less
  disturbed than wall time by other work on the machine, but it counts parallel work twice.
- **sync / bundle / render**: Astro's own phase timings from its log: content sync and types,
  Vite/Rolldown bundling, rendering the static pages. The route table splits the render phase
  by route (the sum of each page's own "+N ms"). The portal renders 8 pages at a time
  (\`build.concurrency: 8\` in \`astro.config.mjs\`: one page's file is written while the next
  renders); the bare sites keep Astro's default of 1. Overlapping pages each count the time they
  share, so the portal's route sums exceed its render phase: read them as shares.
- **peak RSS**: the larger of the build process's own peak resident memory from the kernel
  (\`ru_maxrss\`, exact) and the largest sum of \`VmRSS\` over the whole process tree seen in one
  50 ms sample (which catches child processes: esbuild, \`git\` from the data pages).
  "Upper bound" adds every child's own peak (\`VmHWM\`) to the main peak as if all happened at
  once; short-lived children make it overstate.
- **time × / memory ×**: portal mean over bare mean at the same N. Targets: time ≤ ${TIME_TARGET}×,
  memory ≤ ${MEMORY_TARGET}×.
- **time × text / memory × text**: portal mean over bare-text mean at the same N. Target: time
  ≤ ${TEXT_TIME_TARGET}× at N = 1,000 and 3,000 (issue 10); the memory ratio is shown, with no
  target of its own.
- **linear**: time per article at the largest N is at most ${LINEAR_TOLERANCE}× that at the smallest N,
  judged on wall time and on CPU time (trust CPU time when the load column is high).
  "ms per extra article" is the slope between the two sizes.
- **pages** counts \`index.html\` files: the portal also writes list, locality, topic and
  data pages, which is part of what it costs.
- **index (s)** (with \`-- --index\`): the search index step alone, from spawning it to its exit;
  \`npm run build\` takes the portal build plus this (plus data check and compression).
  **CPU (s)** and **peak RSS** as for the builds, over the step's process;
  **index ÷ portal build** is what it adds to that run's build (wall time); **pages indexed** is
  the index's own count (article and dataset pages); **files** and **dist/chi-muc (MiB)** are
  everything the step leaves in \`dist/chi-muc/\`, uncompressed. A later run without \`--index\` keeps the last
  index table (its heading gives its date), so the figures at N = 10,000 stay beside those at
  N = 1,000 and 3,000.
- **load**: the one-minute load average when the run started; on this 2-core machine anything
  above ~0.5 means other work shared the CPU and the times are noisy.
- Results are kept per N (\`.bench/results/\`), so the sizes in these tables may come from different
  runs: the next section lists when and at which commit each was measured. "Last run" is the newest.`;

export function renderSection(
  meta: Meta,
  results: RunResult[],
  indexRuns: IndexRun[] = [],
): string {
  const summaries = summarise(results);
  const machine =
    `Machine: ${meta.machine}; Node ${meta.node}; Astro ${meta.astro}; commit ${meta.commit}; ` +
    `${meta.runs} run(s) per site and size; ${meta.isolation}.`;
  const index =
    indexRuns.length > 0
      ? [
          `${INDEX_HEADING}: ${meta.date}`,
          "",
          machine,
          "",
          "After each portal build:",
          "",
          indexTable(indexRuns),
          "",
        ]
      : [];
  return [
    SECTION_HEADING,
    "",
    HOW_TO_READ,
    "",
    `### Last run: ${meta.date}`,
    "",
    machine,
    "",
    summaryTable(summaries),
    "",
    ...growthLines(growth(summaries)),
    "",
    "Where the render time goes:",
    "",
    routesTable(results),
    "",
    "Every run:",
    "",
    runsTable(results),
    "",
    ...index,
  ].join("\n");
}

/** Hand-written notes at the end of our section, kept when a new run replaces the figures. */
export const NOTES_HEADING = "### Findings";

/**
 * The index step's figures (`-- --index`, usually a single large N): a later run without
 * `--index` keeps them, so the N = 10,000 index figures survive the N = 1,000 / 3,000 runs.
 */
export const INDEX_HEADING = "### Search index (`-- --index`)";

/** Lines of the block under `heading…` up to the next `### ` heading, or none. */
function block(lines: string[], heading: string): string[] {
  const at = lines.findIndex((l) => l.startsWith(heading));
  if (at === -1) return [];
  const next = lines.findIndex((l, i) => i > at && /^### /.test(l));
  return lines.slice(at, next === -1 ? lines.length : next);
}

/**
 * Replace our section in `doc` (up to the next `## ` heading), or append it; others' sections
 * stay, and so does a "### Findings" block at the end of ours, and the last search index block
 * when the new section has none.
 */
export function upsertSection(doc: string, section: string): string {
  let body = section.endsWith("\n") ? section : `${section}\n`;
  if (doc.trim() === "") return `# Benchmarks\n\n${body}`;
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === SECTION_HEADING);
  if (start === -1) return `${doc.trimEnd()}\n\n${body}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  const old = lines.slice(start, end);
  const oldIndex = block(old, INDEX_HEADING);
  if (oldIndex.length > 0 && !body.split("\n").some((l) => l.startsWith(INDEX_HEADING))) {
    body = `${body.trimEnd()}\n\n${oldIndex.join("\n").trimEnd()}\n`;
  }
  const notes = lines.findIndex((l, i) => i > start && i < end && l.trimEnd() === NOTES_HEADING);
  if (notes !== -1) {
    const kept = lines.slice(notes, end).join("\n").trimEnd();
    body = `${body.trimEnd()}\n\n${kept}\n`;
  }
  const before = lines.slice(0, start).join("\n");
  const after = lines.slice(end).join("\n");
  return `${before}${before ? "\n" : ""}${body}${after ? `\n${after}` : ""}`;
}
