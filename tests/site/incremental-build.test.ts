// `npm run build` again after one more article: the published site is byte for byte what a cold
// build of the same articles gives (compressed copies and manifests included), and Astro rendered
// exactly the pages whose content changed: the new article and the lists it joins, no older article.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INCREMENTAL_MANIFEST } from "../../src/lib/build/astro-cache.ts";
import { readSourceArticles, writeCorpus, writeNewArticle } from "../../tools/bench/lib/corpus.ts";
import { ROOT } from "../helpers/server.ts";

/** More articles than "Các tin khác" lists, so no older article's list can take the new one. */
const ARTICLES = 12;
const BUILD_TIMEOUT = 300_000;

const dir = mkdtempSync(join(tmpdir(), "portal-incremental-"));
const sources = readSourceArticles(join(ROOT, "content/news"));
const site = (name: string) => ({
  news: join(dir, name, "news"),
  dist: join(dir, name, "dist"),
  cache: join(dir, name, "cache"),
});
const rebuilt = site("rebuilt");
const cold = site("cold");

function build(at: ReturnType<typeof site>, args: string[] = []): string {
  const result = spawnSync(process.execPath, ["src/cli/build.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NEWS_DIR: at.news,
      ASTRO_OUT_DIR: at.dist,
      ASTRO_CACHE_DIR: at.cache,
    },
  });
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${output}`);
  return output;
}

/** Every file under `root` with its bytes, by site-relative path. */
function files(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out.set(path.slice(root.length + 1), readFileSync(path));
  }
  return out;
}

/** The pages Astro's cache knows (those with a cacheKey), as site-relative output files. */
function keyedPages(cache: string): string[] {
  type Manifest = { routes: Record<string, { paths: Record<string, { outputFile: string }> }> };
  const manifest = JSON.parse(readFileSync(join(cache, INCREMENTAL_MANIFEST), "utf8")) as Manifest;
  return Object.values(manifest.routes).flatMap((r) =>
    Object.values(r.paths).map((p) => p.outputFile),
  );
}

let before: Map<string, Buffer>;
let cachedAt: Map<string, number>;
let newSlug: string;
let log: string;

beforeAll(() => {
  writeCorpus(sources, ARTICLES, rebuilt.news);
  build(rebuilt);
  before = files(rebuilt.dist);
  // Astro rewrites a page's copy in its cache only when it renders the page.
  cachedAt = new Map(
    keyedPages(rebuilt.cache).map((p) => [p, statSync(join(rebuilt.cache, "dist", p)).mtimeMs]),
  );
  newSlug = writeNewArticle(sources, rebuilt.news, 1);
  log = build(rebuilt);
  writeCorpus(sources, ARTICLES, cold.news);
  writeNewArticle(sources, cold.news, 1);
  build(cold);
}, BUILD_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a rebuild after one more article", () => {
  it("publishes exactly what a cold build publishes, compressed copies included", () => {
    const [a, b] = [files(rebuilt.dist), files(cold.dist)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([p]) => p);
    expect(differ).toEqual([]);
    expect([...a.keys()].filter((p) => p.endsWith(".br")).length).toBeGreaterThan(ARTICLES);
  });

  it("renders again only the pages whose content changed, and all of them", () => {
    const after = files(rebuilt.dist);
    const keyed = keyedPages(rebuilt.cache);
    const rendered = keyed.filter(
      (p) => statSync(join(rebuilt.cache, "dist", p)).mtimeMs !== cachedAt.get(p),
    );
    const changed = keyed.filter((p) => !before.get(p)?.equals(after.get(p)!));
    expect(rendered.sort()).toEqual(changed.sort());
    // The new article and the lists it joins; no older article's page.
    const articles = rendered.filter((p) => /^tin-tuc\/(?!trang\/)[^/]+\/index\.html$/.test(p));
    expect(articles).toEqual([`tin-tuc/${newSlug}/index.html`]);
    expect(keyed.length - rendered.length).toBeGreaterThan(ARTICLES);
    expect(log).toMatch(/\(restored\)|\(cached\)/);
  });

  it(
    "with --force renders every page again and still publishes the same site",
    { timeout: BUILD_TIMEOUT },
    () => {
      const output = build(rebuilt, ["--force"]);
      expect(output).not.toMatch(/\(restored\)|\(cached\)/);
      expect(output).toContain(" 0 tệp không đổi giữ bản nén cũ");
      const [a, b] = [files(rebuilt.dist), files(cold.dist)];
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      expect([...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!))).toEqual([]);
    },
  );
});
