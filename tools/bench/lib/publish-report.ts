// bench:publish's section of BENCHMARKS.md: per run, `npm run build` after one more article and a
// publication of one more article (publish to the article answering 200), their ratio and the
// machine's load while each ran.
import { table } from "./sections.ts";

export const PUBLISH_HEADING = "## Time to publish (bench:publish)";
/** Issue 20: a publication takes no more than this times `npm run build` on the same tree. */
export const PUBLISH_TARGET = 1.15;

export type PublishRun = {
  run: number;
  /** `npm run build` after one more article, wall time. */
  buildMs: number;
  /** publisher.submit() to the new article's page answering 200 at the served site. */
  publishMs: number;
  /** Of publishMs: its staged build (npm run build -- --no-swap); the rest is git, swap, serving. */
  stagedBuildMs: number;
  /** One-minute load average at the start and the end of each. */
  load: { build: [number, number]; publish: [number, number] };
};

export type PublishMeta = {
  at: string;
  commit: string;
  size: number;
  coldMs: number;
  cpus: string;
  memoryGiB: number;
};

const s = (ms: number) => (ms / 1000).toFixed(1);
const l = ([a, b]: [number, number]) => `${a.toFixed(1)} → ${b.toFixed(1)}`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function publishSummary(runs: PublishRun[]): {
  build: number;
  publish: number;
  ratio: number;
} {
  const build = median(runs.map((r) => r.buildMs));
  const publish = median(runs.map((r) => r.publishMs));
  return { build, publish, ratio: publish / build };
}

export function renderPublishSection(meta: PublishMeta, runs: PublishRun[]): string {
  const sum = publishSummary(runs);
  const rows = runs.map((r) => [
    String(r.run),
    s(r.buildMs),
    s(r.publishMs),
    s(r.stagedBuildMs),
    s(r.publishMs - r.stagedBuildMs),
    (r.publishMs / r.buildMs).toFixed(2),
    l(r.load.build),
    l(r.load.publish),
  ]);
  const verdict = sum.ratio <= PUBLISH_TARGET ? "yes" : "NO";
  return [
    PUBLISH_HEADING,
    "",
    `_\`npm run bench:publish\` at \`${meta.commit}\`, ${meta.at}; ${meta.cpus}, ${meta.memoryGiB} GiB. ` +
      "The machine is shared with other sessions' builds and tests: the load average (1 min) at the " +
      "start and end of each measurement is in the table, and the figures are only as steady as it._",
    "",
    `N = ${meta.size.toLocaleString("en")} articles in a content checkout (a git repository: the real ` +
      "articles and renamed copies, data/ as committed), built cold once first " +
      `(${s(meta.coldMs)} s) so a published dist/ and Astro's cache exist. Then, alternating which goes ` +
      "first, each run times (a) `npm run build` (node src/cli/build.ts, what the script runs) after " +
      "one more article is written, and (b) one more article published: from `publisher.submit()` " +
      "(what the article page's publish POST calls after its checks) until `GET /tin-tuc/<slug>/` " +
      "answers 200 from the real server over HTTP, the article written, built with --no-swap, " +
      "committed, swapped in and served. Both use the same checkout, dist/ and cache.",
    "",
    table([
      [
        "run",
        "npm run build (s)",
        "publish → 200 (s)",
        "of which its build (s)",
        "git, swap, first 200 (s)",
        "ratio",
        "load during build",
        "load during publish",
      ],
      ...rows,
    ]),
    "",
    `Median: npm run build ${s(sum.build)} s, publish → 200 ${s(sum.publish)} s: ` +
      `**${sum.ratio.toFixed(2)}×** (target ≤ ${PUBLISH_TARGET}×: ${verdict}).`,
    "",
  ].join("\n");
}
