// Preview PNGs kept between builds, named by the digest of everything they draw (the card's SVG,
// the font files, resvg's version, our outliner's with HarfBuzz's, our renderer's and encoder's:
// previewKey). A build draws only the cards whose key it does not find (about 6 ms of CPU for an
// article's card, 14 for a chart's; 1,000+ at 1,000 articles) and links the rest from here into
// the site; `--force` reads nothing from it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import resvgPackage from "@resvg/resvg-js/package.json" with { type: "json" };
import { digestOf } from "../build/cache-keys.ts";
import { buildPaths } from "../build/paths.ts";
import { REPO_ROOT } from "../data/paths.ts";
import { fontDigest } from "./fonts.ts";
import { OUTLINER } from "./outline.ts";
import { PNG_ENCODER } from "./png-encode.ts";
import { RENDERER } from "./render.ts";

/** The image's key: the same SVG, fonts, shaper, rasterizer and encoder, the same PNG. */
export function previewKey(svg: string): string {
  return digestOf([svg, fontDigest(), resvgPackage.version, OUTLINER, RENDERER, PNG_ENCODER]);
}

export type PngCache = {
  /** The folder holding `<key>.png`. */
  dir: string;
  /** Draw every image afresh (`npm run build -- --force`), still keeping what it draws. */
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

/** Where the image for `key` is kept. */
export const cachedFile = (cache: Pick<PngCache, "dir">, key: string) =>
  join(cache.dir, `${key}.png`);

/** The keys whose image must be drawn: not kept yet, or all of them with --force. */
export function missingKeys(cache: PngCache, keys: Iterable<string>): string[] {
  const unique = [...new Set(keys)];
  return cache.force ? unique : unique.filter((key) => !existsSync(cachedFile(cache, key)));
}

/** Keeps `png` as the image for `key`: written under another name first, then renamed. */
export function storePng(cache: Pick<PngCache, "dir">, key: string, png: Uint8Array): void {
  const file = cachedFile(cache, key);
  mkdirSync(cache.dir, { recursive: true });
  // A build killed while writing never leaves half an image under a key's name.
  const part = `${file}.${process.pid}.${threadId}.part`;
  writeFileSync(part, png);
  renameSync(part, file);
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
