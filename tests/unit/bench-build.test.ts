import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  readSourceArticles,
  rebaseRelativePaths,
  suffixTitle,
  writeCorpus,
} from "../../tools/bench/lib/corpus.ts";
import { parseBuildLog, routeGroup } from "../../tools/bench/lib/phases.ts";
import {
  growth,
  growthLines,
  HOW_TO_READ,
  indexTable,
  renderSection,
  routesTable,
  SECTION_HEADING,
  summarise,
  summaryTable,
  upsertSection,
  type IndexRun,
  type RunResult,
  type Site,
} from "../../tools/bench/lib/report.ts";

const REPO = resolve(import.meta.dirname, "../..");
const article = (title: string) => `---\ntitle: ${title}\nunit: "x"\n---\n\nBody title: keep\n`;

describe("suffixTitle", () => {
  it("keeps double and single quotes valid", () => {
    expect(suffixTitle(article('"Tin \\"A\\""'), " (bản sao 2)")).toContain(
      'title: "Tin \\"A\\" (bản sao 2)"',
    );
    expect(suffixTitle(article("'It''s'"), " (bản sao 3)")).toContain("title: 'It''s (bản sao 3)'");
  });

  it("appends to a plain title and leaves the body alone", () => {
    const out = suffixTitle(article("Tin A"), " (bản sao 1)");
    expect(out).toContain("title: Tin A (bản sao 1)\n");
    expect(out).toContain("Body title: keep");
  });

  it("refuses what it cannot rewrite safely", () => {
    expect(() => suffixTitle(article(">-"), " x", "a.mdx")).toThrow(/a.mdx: block-scalar/);
    expect(() => suffixTitle("no frontmatter", " x", "b.mdx")).toThrow(/b.mdx: no frontmatter/);
  });
});

describe("rebaseRelativePaths", () => {
  const text = 'import P from "../../src/components/P.astro";\n\n![a](./img/x.jpg)\n';

  it("leaves imports that resolve the same at the same depth, re-points files beside the article", () => {
    const out = rebaseRelativePaths(text, "/r/content/news", "/r/.bench/news-10");
    expect(out).toContain('from "../../src/components/P.astro"');
    expect(out).toContain("![a](../../content/news/img/x.jpg)");
  });

  it("re-points imports and images from a deeper folder", () => {
    const out = rebaseRelativePaths(text, "/r/content/news", "/r/.bench/n10/news");
    expect(out).toContain('from "../../../src/components/P.astro"');
    expect(out).toContain("![a](../../../content/news/img/x.jpg)");
  });
});

describe("writeCorpus", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("writes the real articles plus numbered copies with unique slugs and titles", () => {
    dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
    const sources = readSourceArticles(join(REPO, "content/news"));
    const size = sources.length * 2 + 1;
    const slugs = writeCorpus(sources, size, dir);
    expect(slugs).toHaveLength(size);
    expect(new Set(slugs).size).toBe(size);
    expect(readdirSync(dir)).toHaveLength(size);
    const first = sources[0]!;
    expect(readFileSync(join(dir, `${first.slug}.mdx`), "utf8")).toBe(first.text);
    const copy = readFileSync(join(dir, `${first.slug}-ban-sao-1.mdx`), "utf8");
    expect(copy).toMatch(/^title: .*\(bản sao 1\)"?$/m);
    expect(copy.split("\n---")[1]).toBe(first.text.split("\n---")[1]);
    expect(() => writeCorpus(sources, 1, dir!)).toThrow(/smaller than/);
  });
});

describe("upsertSection", () => {
  const ours = `${SECTION_HEADING}\n\nnew figures\n`;

  it("creates the file", () => {
    expect(upsertSection("", ours)).toBe(`# Benchmarks\n\n${ours}`);
  });

  it("appends after others' sections and replaces only ours later", () => {
    const doc = "# Benchmarks\n\n## Data (bench:data)\n\nfast\n";
    const appended = upsertSection(doc, ours);
    expect(appended).toBe(`${doc}\n${ours}`);
    const withNext = `${appended}\n## API (bench:api)\n\nrates\n`;
    const replaced = upsertSection(withNext, `${SECTION_HEADING}\n\nnewer\n`);
    expect(replaced).toContain("## Data (bench:data)\n\nfast\n");
    expect(replaced).toContain(`${SECTION_HEADING}\n\nnewer\n\n## API (bench:api)\n\nrates\n`);
    expect(replaced).not.toContain("new figures");
  });

  it("keeps the last search index block when a run without --index replaces the figures", () => {
    const index = "### Search index (`-- --index`): 2026-12-02\n\n| 10000 | 1 |\n";
    const doc = `# Benchmarks\n\n${SECTION_HEADING}\n\nold\n\n${index}\n### Findings\n\n- x\n`;
    const replaced = upsertSection(doc, `${SECTION_HEADING}\n\nnew\n`);
    expect(replaced).toBe(
      `# Benchmarks\n\n${SECTION_HEADING}\n\nnew\n\n${index}\n### Findings\n\n- x\n`,
    );
    const newer = "### Search index (`-- --index`): 2026-12-03\n\n| 10000 | 2 |\n";
    const again = upsertSection(replaced, `${SECTION_HEADING}\n\nnewer\n\n${newer}`);
    expect(again).toContain(newer);
    expect(again).not.toContain("| 10000 | 1 |");
  });

  it("keeps the hand-written findings at the end of our section", () => {
    const doc = `# Benchmarks\n\n${SECTION_HEADING}\n\nold\n\n### Findings\n\n- slow lists\n\n## API\n\nx\n`;
    const replaced = upsertSection(doc, `${SECTION_HEADING}\n\nnew\n`);
    expect(replaced).toBe(
      `# Benchmarks\n\n${SECTION_HEADING}\n\nnew\n\n### Findings\n\n- slow lists\n\n## API\n\nx\n`,
    );
  });
});

describe("parseBuildLog", () => {
  it("reads phases and per-route render times", () => {
    const log = [
      "\x1b[2m10:00:00\x1b[22m [types] Generated 1.38s",
      "10:00:01 [vite] ✓ built in 13.25s",
      "10:00:01 [vite] ✓ built in 44ms",
      " generating static routes ",
      "10:00:02   ├─ /tin-tuc/a/index.html (+2ms) ",
      "10:00:02   └─ /tin-tuc/b/index.html (+4ms) ",
      "10:00:02   ├─ /rss.xml (+1.20s) ",
      "10:00:02 ✓ Completed in 9.97s.",
      "10:00:02 [build] ✓ Completed in 24.20s.",
      "10:00:03 [build] 3 page(s) built in 25.84s",
    ].join("\n");
    const phases = parseBuildLog(log);
    expect(phases.syncMs).toBe(1380);
    expect(phases.bundleMs).toBeCloseTo(13294);
    expect(phases.renderMs).toBeCloseTo(9970);
    expect(phases.totalMs).toBeCloseTo(25840);
    expect(phases.routes.get("/tin-tuc/*")).toEqual({ pages: 2, ms: 6 });
    expect(phases.routes.get("/rss.xml")).toEqual({ pages: 1, ms: 1200 });
  });

  it("groups routes by their parent path", () => {
    expect(routeGroup("/tin-tuc/trang/2/index.html")).toBe("/tin-tuc/trang/*");
    expect(routeGroup("/chu-de/x/trang/2/index.html")).toBe("/chu-de/*/trang/*");
    expect(routeGroup("/dia-phuong/a/b/index.html")).toBe("/dia-phuong/*/*");
    expect(routeGroup("/index.html")).toBe("/");
    expect(routeGroup("/404.html")).toBe("/404.html");
  });
});

describe("summarise and growth", () => {
  const run = (size: number, site: Site, wallMs: number, mib: number): RunResult => ({
    size,
    site,
    run: 1,
    wallMs,
    cpuMs: wallMs,
    peakBytes: mib * 2 ** 20,
    upperBoundBytes: mib * 2 ** 20,
    phases: { syncMs: 0, bundleMs: 0, renderMs: 0, totalMs: 0, routes: new Map() },
    pages: size,
    load: 0,
  });

  it("averages runs and divides portal by bare at each size", () => {
    const [s] = summarise([
      run(1000, "bare", 10_000, 1000),
      run(1000, "portal", 12_000, 1100),
      run(1000, "bare", 12_000, 1000),
      run(1000, "portal", 10_000, 1300),
    ]);
    expect(s!.bareMs).toBe(11_000);
    expect(s!.timeRatio).toBe(1);
    expect(s!.memoryRatio).toBeCloseTo(1.2);
  });

  it("reports growth per article between the smallest and largest size", () => {
    const [bare, portal] = growth(
      summarise([
        run(1000, "bare", 10_000, 1000),
        run(1000, "portal", 11_000, 1000),
        run(3000, "bare", 20_000, 2000),
        run(3000, "portal", 36_000, 2000),
      ]),
    );
    expect(bare!.timeFactor).toBe(2);
    expect(bare!.marginalMs).toBe(5);
    expect(bare!.marginalKiB).toBeCloseTo(512);
    expect(portal!.perArticleFactor).toBeCloseTo(36 / 3 / 11);
  });

  const three = [
    run(1000, "bare", 10_000, 1000),
    run(1000, "bare-text", 8_000, 900),
    run(1000, "portal", 11_000, 1100),
    run(3000, "bare", 20_000, 2000),
    run(3000, "bare-text", 16_000, 1600),
    run(3000, "portal", 20_000, 2100),
  ];

  it("divides the portal by the text-only bare site too", () => {
    const [s] = summarise(three);
    expect(s!.bareTextMs).toBe(8_000);
    expect(s!.textTimeRatio).toBeCloseTo(11 / 8);
    expect(s!.textMemoryRatio).toBeCloseTo(1100 / 900);
    expect(s!.timeRatio).toBeCloseTo(1.1);
  });

  it("renders the text-only columns with their target, and dashes when that site did not run", () => {
    const [head, , first, second] = summaryTable(summarise(three)).split("\n");
    const cells = (line: string | undefined) =>
      line!.split(" | ").map((c) => c.replace(/^\| |\s\|$/g, ""));
    const h = cells(head);
    const at = (name: string) => h.indexOf(name);
    expect(h).toEqual([
      "N",
      "bare (s)",
      "bare-text (s)",
      "portal (s)",
      "time ×",
      "≤ 1.1×",
      "time × text",
      "≤ 1.25×",
      "CPU ×",
      "bare (MiB)",
      "bare-text (MiB)",
      "portal (MiB)",
      "memory ×",
      "≤ 1.2×",
      "memory × text",
      "pages bare / bare-text / portal",
    ]);
    const row = cells(first);
    expect(row[at("bare-text (s)")]).toBe("8.0");
    expect(row[at("time × text")]).toBe("1.38");
    expect(row[at("≤ 1.25×")]).toBe("NO");
    expect(row[at("≤ 1.1×")]).toBe("yes");
    expect(row[at("memory × text")]).toBe("1.22");
    expect(row[at("pages bare / bare-text / portal")]).toBe("1000 / 1000 / 1000");
    expect(cells(second)[at("≤ 1.25×")]).toBe("yes");

    const old = summaryTable(summarise(three.filter((r) => r.site !== "bare-text")));
    const oldRow = cells(old.split("\n")[2]);
    expect(oldRow[at("bare-text (s)")]).toBe("—");
    expect(oldRow[at("time × text")]).toBe("—");
    expect(oldRow[at("≤ 1.25×")]).toBe("—");
    expect(oldRow[at("pages bare / bare-text / portal")]).toBe("1000 / — / 1000");
  });

  it("gives a growth line per site that ran", () => {
    const lines = growthLines(growth(summarise(three)));
    expect(lines.map((l) => l.split(":")[0])).toEqual(["- bare", "- bare-text", "- portal"]);
    expect(lines[1]).toContain("×2.00 the time");
    const two = growth(summarise(three.filter((r) => r.site !== "bare-text")));
    expect(two.map((g) => g.site)).toEqual(["bare", "portal"]);
  });

  it("adds a text-only column to the route table only when that site ran", () => {
    expect(routesTable(three).split("\n")[0]).toContain("bare-text: pages");
    expect(routesTable(three.filter((r) => r.site !== "bare-text"))).not.toContain("bare-text");
  });

  it("records the search index table only when the index step ran", () => {
    const index: IndexRun[] = [
      {
        size: 3000,
        run: 1,
        wallMs: 11_000,
        cpuMs: 12_000,
        peakBytes: 300 * 2 ** 20,
        buildMs: 22_000,
        pages: 3011,
        files: 3100,
        bytes: 9.5 * 2 ** 20,
        load: 0.25,
      },
    ];
    expect(indexTable(index).split("\n")[2]).toBe(
      "| 3000 | 1 | 11.0 | 12.0 | 0.50 | 300 | 3011 | 3100 | 9.5 | 0.25 |",
    );
    const meta = {
      date: "2026-12-02T00:00:00Z",
      machine: "2 cores",
      node: "v24",
      astro: "7",
      commit: "`abc`",
      runs: 1,
      isolation: "private",
    };
    const withIndex = renderSection(meta, three, index);
    expect(withIndex).toContain("### Search index (`-- --index`): 2026-12-02T00:00:00Z");
    expect(withIndex).toContain(
      "| 3000 | 1 | 11.0 | 12.0 | 0.50 | 300 | 3011 | 3100 | 9.5 | 0.25 |",
    );
    expect(withIndex).toContain("≤ 1.25×");
    expect(renderSection(meta, three)).not.toContain("Search index");
  });
});

describe("BENCHMARKS.md", () => {
  it("explains the build section with the generator's own text", () => {
    const doc = readFileSync(join(REPO, "BENCHMARKS.md"), "utf8");
    expect(doc).toContain(`${SECTION_HEADING}\n\n${HOW_TO_READ}\n\n### Last run`);
  });
});
