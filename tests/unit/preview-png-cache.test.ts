// The preview images' own cache (src/lib/previews/png-cache.ts) and the build step over it
// (site-images.ts): an unchanged card is linked from the cache, not drawn again; a changed card is
// drawn; --force draws everything; a cached image is the very bytes a fresh drawing gives; images
// no page shows any more are forgotten.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { previewSvg } from "../../src/lib/previews/card.ts";
import {
  cachedFile,
  defaultPngCache,
  keepOnly,
  missingKeys,
  previewKey,
  storePng,
  type PngCache,
} from "../../src/lib/previews/png-cache.ts";
import { renderPng } from "../../src/lib/previews/render.ts";
import { buildPreviews } from "../../src/lib/previews/site-images.ts";
import { previewImages } from "../../src/lib/previews/images.ts";
import { moveInto } from "../../src/lib/previews/site-folder.ts";
import { readArticles } from "../../src/lib/content/article-files.ts";

const root = mkdtempSync(join(tmpdir(), "portal-png-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
const freshCache = (force = false): PngCache => ({ dir: join(root, `c${++folders}`), force });

const card = (title: string) =>
  previewSvg({ kicker: "Bài viết", title, lines: ["Tóm tắt."], footer: "Lạng Sơn · 28/02/2023" });

describe("preview PNG cache", () => {
  it("asks for a new card once, and no more once its image is kept", () => {
    const cache = freshCache();
    const key = previewKey(card("Một"));
    expect(missingKeys(cache, [key, key])).toEqual([key]);
    storePng(cache, key, Buffer.from("png"));
    expect(missingKeys(cache, [key])).toEqual([]);
    expect(readFileSync(cachedFile(cache, key), "utf8")).toBe("png");
  });

  it("asks for a changed card again (its key changes with any byte of its SVG)", () => {
    const cache = freshCache();
    const [a, b] = [card("Một"), card("Một.")];
    expect(previewKey(a)).not.toBe(previewKey(b));
    storePng(cache, previewKey(a), Buffer.from("a"));
    expect(missingKeys(cache, [previewKey(a), previewKey(b)])).toEqual([previewKey(b)]);
  });

  it("with --force asks for every card again", () => {
    const cache = freshCache();
    const key = previewKey(card("Một"));
    storePng(cache, key, Buffer.from("png"));
    expect(missingKeys({ ...cache, force: true }, [key])).toEqual([key]);
  });

  it("forgets images no page shows and half-written files, keeps the rest", () => {
    const cache = freshCache();
    const [a, b] = [previewKey(card("Một")), previewKey(card("Hai"))];
    storePng(cache, a, Buffer.from("a"));
    storePng(cache, b, Buffer.from("b"));
    writeFileSync(join(cache.dir, `${a}.png.123.part`), "half");
    keepOnly(cache, [a]);
    expect(readdirSync(cache.dir)).toEqual([`${a}.png`]);
    keepOnly(freshCache(), []); // a cache never written is no error
  });

  it("lives beside Astro's cache and follows --force", () => {
    const cache = defaultPngCache({ ASTRO_CACHE_DIR: join(root, "astro") }, ["build"]);
    expect(cache).toEqual({ dir: join(root, "astro", "previews"), force: false });
    expect(defaultPngCache({}, ["build", "--force"]).force).toBe(true);
    expect(existsSync(cache.dir)).toBe(false);
  });
});

describe("the preview step (buildPreviews)", () => {
  const articles = readArticles();
  const pngs = (dir: string) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".png"))
      .sort();

  it("draws what the cache lacks, links the rest, and its images are fresh drawings' bytes", async () => {
    const cache = freshCache();
    const out = join(root, "out");
    const first = await buildPreviews({ articles, cache, outDir: out, threads: 2 });
    expect(first.drawn).toBeGreaterThan(articles.length);
    expect(first.reused).toBe(first.images - first.drawn);
    const files = pngs(out);
    expect(files).toHaveLength(first.images);
    expect(files).toContain(`anh-xem-truoc/tin-tuc/${articles[0]!.id}.png`);
    const again = await buildPreviews({ articles: articles.slice(1), cache, outDir: out });
    expect(again).toEqual({ images: first.images - 1, drawn: 0, reused: first.images - 1 });
    // The article gone: its image left the site and the cache.
    expect(pngs(out)).toEqual(files.filter((f) => !f.endsWith(`/${articles[0]!.id}.png`)));
    const shown = previewImages(articles.slice(1));
    expect(readdirSync(cache.dir).sort()).toEqual(
      [...new Set(shown.map((i) => `${i.key}.png`))].sort(),
    );
    // A second name for the cached file, not a copy; the very bytes a fresh drawing gives.
    const sample = shown.find((i) => i.kind === "tin-tuc")!;
    expect(statSync(join(out, sample.path)).nlink).toBeGreaterThan(1);
    expect(readFileSync(join(out, sample.path)).equals(await renderPng(sample.svg))).toBe(true);
    const forced = await buildPreviews({ articles, cache: { ...cache, force: true }, outDir: out });
    expect(forced.drawn).toBe(first.drawn);
    expect(pngs(out)).toEqual(files);
  });

  it("moves its folder into the staged site, replacing what was there", () => {
    const [from, site] = [join(root, "from"), join(root, "site")];
    storePng({ dir: join(from, "anh-xem-truoc", "du-lieu") }, "a", Buffer.from("new"));
    storePng({ dir: join(site, "anh-xem-truoc", "du-lieu") }, "b", Buffer.from("old"));
    moveInto(from, site);
    expect(pngs(site)).toEqual(["anh-xem-truoc/du-lieu/a.png"]);
    expect(existsSync(from)).toBe(false);
  });
});
