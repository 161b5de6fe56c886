// Preview PNGs kept between builds, named by the digest of everything they draw (the card's SVG,
// the font files, resvg's version: previewKey). Astro's own page cache is forgotten whenever a
// style, a script or a failed build changes the site's shared files, and then every image (about
// 18 ms of CPU each, 1,000+ at 1,000 articles) was drawn and encoded again although not one pixel
// changed; with this cache only a card whose SVG changed is drawn. `--force` reads nothing from it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import resvgPackage from "@resvg/resvg-js/package.json" with { type: "json" };
import { digestOf } from "../build/cache-keys.ts";
import { buildPaths } from "../build/paths.ts";
import { REPO_ROOT } from "../data/paths.ts";
import { fontDigest } from "./fonts.ts";

/** The image's key (and its page's cacheKey): the same SVG, fonts and rasterizer, the same PNG. */
export function previewKey(svg: string): string {
  return digestOf([svg, fontDigest(), resvgPackage.version]);
}

export type PngCache = {
  /** The folder holding `<key>.png`. */
  dir: string;
  /** Render every image afresh (`astro build --force`), still keeping what it renders. */
  force: boolean;
};

/** Beside Astro's page cache (ASTRO_CACHE_DIR, as astro.config.mjs reads it). */
export function defaultPngCache(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): PngCache {
  return {
    dir: join(buildPaths(REPO_ROOT, env).cacheDir, "previews"),
    force: argv.includes("--force"),
  };
}

const fileOf = (cache: PngCache, key: string) => join(cache.dir, `${key}.png`);

/** The stored image for `key`, or `render()`'s, stored under another name first, then renamed. */
export async function cachedPng(
  cache: PngCache,
  key: string,
  render: () => Promise<Buffer>,
): Promise<Buffer> {
  const file = fileOf(cache, key);
  if (!cache.force) {
    try {
      return readFileSync(file);
    } catch {
      // Not drawn yet: draw it below.
    }
  }
  const png = await render();
  mkdirSync(cache.dir, { recursive: true });
  // A build killed while writing never leaves half an image under a key's name.
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, png);
  renameSync(part, file);
  return png;
}

/** Forgets every image that no page of this build shows (and any half-written file). */
export function keepOnly(cache: PngCache, keys: Iterable<string>): void {
  const wanted = new Set([...keys].map((key) => `${key}.png`));
  let names: string[];
  try {
    names = readdirSync(cache.dir);
  } catch {
    return;
  }
  for (const name of names)
    if (!wanted.has(name)) rmSync(join(cache.dir, name), { force: true, recursive: true });
}
