// npm run bench:travel [-- --size 1000 --runs 2 --commits 1000 --no-record]
// What issue 21's travelling charts cost the build staff run (`npm run build --force`, cold, over
// N articles), against the same commit without them, alternating:
// - "portal": the site as it ships, data/ in a git repository of one commit;
// - "no previews": the same tree with the preview step (src/cli/previews.ts, beside Astro) replaced
//   by one that draws nothing;
// - "history": the site as it ships, its data/ in a repository of `--commits` commits that each
//   change one row, so the figure history reads that many commits.
// Each variant builds from its own detached worktree of HEAD (uncommitted changes are not measured).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { readSourceArticles, writeCorpus } from "./lib/corpus.ts";
import { measurePipeline } from "./lib/pipeline.ts";
import { table, upsertNamedSection } from "./lib/sections.ts";

const REPO = resolve(import.meta.dirname, "../..");
const HEADING = "## Charts that travel: previews and figure history (bench:travel)";
const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000" },
    runs: { type: "string", default: "2" },
    commits: { type: "string", default: "1000" },
    "no-record": { type: "boolean", default: false },
  },
});
const SIZE = Number(values.size);
const RUNS = Number(values.runs);
const COMMITS = Number(values.commits);
const work = mkdtempSync(join(tmpdir(), "bench-travel-"));

const git = (cwd: string, args: string[]) =>
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@localhost", ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();

/** A detached worktree of HEAD sharing node_modules; `replace` files are written over it. */
function worktree(name: string, replace: Record<string, string> = {}): string {
  const dir = join(work, name);
  git(REPO, ["worktree", "add", "--detach", "-q", dir, "HEAD"]);
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  for (const [path, text] of Object.entries(replace)) writeFileSync(join(dir, path), text);
  return dir;
}

/** The preview step as one that draws nothing: an empty images folder for the build to move in. */
const NO_PREVIEWS = [
  'import { mkdirSync } from "node:fs";',
  "mkdirSync(`${process.argv[2]}/anh-xem-truoc`, { recursive: true });",
  "",
].join("\n");

/** data/ in a repository of its own: one commit, then `extra` commits each changing one note. */
function dataRepo(name: string, extra: number): string {
  const root = join(work, name);
  cpSync(join(REPO, "data"), join(root, "data"), { recursive: true });
  git(root, ["init", "-q"]);
  git(root, ["add", "."]);
  git(root, ["commit", "-qm", "data"]);
  const file = join(root, "data", "ket-nap.csv");
  const original = Papa.parse<string[]>(readFileSync(file, "utf8"), { skipEmptyLines: true }).data;
  const note = original[0]!.indexOf("note");
  for (let k = 1; k <= extra; k++) {
    const rows = original.map((r, i) =>
      i === 1 + ((k - 1) % (original.length - 1))
        ? r.map((c, j) => (j === note ? `${c} (lần sửa ${k})`.trim() : c))
        : r,
    );
    writeFileSync(file, `${Papa.unparse(rows, { newline: "\n" })}\n`);
    git(root, ["commit", "-qam", `Sửa ghi chú lần ${k}`]);
  }
  return join(root, "data");
}

type Variant = { label: string; dir: string; dataDir: string; news: string };

/** The N articles, written against `tree`'s own content/news (their relative imports point there). */
function corpus(tree: string): string {
  const news = join(tree, ".bench-news");
  writeCorpus(readSourceArticles(join(tree, "content", "news")), SIZE, news);
  return news;
}
type Figure = {
  wallMs: number;
  cpuMs: number;
  peakBytes: number;
  astroMs: number;
  previewsMs: number;
  load: number;
};

async function main(): Promise<void> {
  const portal = worktree("portal");
  const bare = worktree("bare", { "src/cli/previews.ts": NO_PREVIEWS });
  const [portalNews, bareNews] = [corpus(portal), corpus(bare)];
  const variants: Variant[] = [
    {
      label: "portal (data/ with 1 commit)",
      dir: portal,
      dataDir: dataRepo("data-1", 0),
      news: portalNews,
    },
    {
      label: "no previews (step draws nothing)",
      dir: bare,
      dataDir: dataRepo("data-1b", 0),
      news: bareNews,
    },
    {
      label: `history (data/ with ${COMMITS + 1} commits)`,
      dir: portal,
      dataDir: dataRepo("data-n", COMMITS),
      news: portalNews,
    },
  ];
  const figures = new Map<string, Figure[]>();
  for (let run = 1; run <= RUNS; run++) {
    for (const v of variants) {
      const out = join(work, `out-${run}-${figures.size}-${v.label.length}`);
      const r = await measurePipeline({
        repo: v.dir,
        newsDir: v.news,
        outDir: join(out, "dist"),
        cacheDir: join(out, "cache"),
        logFile: join(work, `build-${run}-${v.label.length}.log`),
        privateDotAstro: undefined,
        args: ["--force"],
        env: { DATA_DIR: v.dataDir },
      });
      const stepMs = (id: string) => r.steps.find((s) => s.id === id)?.ms ?? 0;
      const [astroMs, previewsMs] = [stepMs("astro"), stepMs("previews")];
      const f = { ...r, astroMs, previewsMs, load: loadavg()[0]! };
      (figures.get(v.label) ?? figures.set(v.label, []).get(v.label)!).push(f);
      console.log(
        `run ${run} ${v.label}: wall ${(r.wallMs / 1000).toFixed(1)} s, CPU ${(r.cpuMs / 1000).toFixed(1)} s, astro ${(astroMs / 1000).toFixed(1)} s, previews ${(previewsMs / 1000).toFixed(1)} s`,
      );
      rmSync(out, { recursive: true, force: true });
    }
  }
  const section = report(figures);
  console.log(section);
  if (!values["no-record"]) {
    const path = join(REPO, "BENCHMARKS.md");
    writeFileSync(path, upsertNamedSection(readFileSync(path, "utf8"), section));
    console.log(`Wrote "${HEADING}" in BENCHMARKS.md`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const s = (ms: number) => (ms / 1000).toFixed(1);

function report(figures: Map<string, Figure[]>): string {
  const [base, bare, history] = [...figures.values()].map((runs) => ({
    wall: median(runs.map((r) => r.wallMs)),
    cpu: median(runs.map((r) => r.cpuMs)),
    astro: median(runs.map((r) => r.astroMs)),
    previews: median(runs.map((r) => r.previewsMs)),
    peak: Math.max(...runs.map((r) => r.peakBytes)),
    load: Math.max(...runs.map((r) => r.load)),
  }));
  const rows = [...figures.keys()].map((label, i) => {
    const f = [base, bare, history][i]!;
    return [
      label,
      s(f.wall),
      s(f.cpu),
      s(f.astro),
      s(f.previews),
      `${Math.round(f.peak / 2 ** 20)} MiB`,
      f.load.toFixed(1),
    ];
  });
  return [
    HEADING,
    "",
    `_Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:travel\`: cold \`npm run build --force\` over ${SIZE} articles, lower median of ${RUNS} runs per variant (the faster of two), alternating; the highest 1-minute load average seen._`,
    "",
    table([
      [
        "variant",
        "wall s",
        "CPU s",
        "astro step s",
        "previews step s (beside astro)",
        "peak memory",
        "load",
      ],
      ...rows,
    ]),
    "",
    `- Preview images add ${s(base!.wall - bare!.wall)} s wall (${((base!.wall / bare!.wall - 1) * 100).toFixed(0)} %) and ${s(base!.cpu - bare!.cpu)} s CPU to the build.`,
    `- Figure history over ${COMMITS + 1} commits to data/ adds ${s(history!.wall - base!.wall)} s wall and ${s(history!.cpu - base!.cpu)} s CPU against a repository of one commit.`,
    "",
  ].join("\n");
}

try {
  await main();
} finally {
  for (const name of ["portal", "bare"]) {
    try {
      git(REPO, ["worktree", "remove", "--force", join(work, name)]);
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
}
