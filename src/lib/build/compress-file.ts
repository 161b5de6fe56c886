// One file of the compression step (run in worker threads by compress-site.ts): hash it, keep the
// published copies when its bytes did not change, or write new .br and .gz copies beside it.
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  fstatSync,
  linkSync,
  openSync,
  readSync,
  statSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { isCompressible, MIN_COMPRESS_BYTES } from "../compression.ts";
import type { CompressManifest, FileEntry } from "./compress-manifest.ts";
import { levelsFor, type Levels } from "./compression-levels.ts";

export type FileDone = { path: string; entry: FileEntry; reused: boolean };

/** Where the site being built is, and the published one (with its manifest) whose copies may be kept. */
export type Sites = {
  dir: string;
  previousDir?: string | undefined;
  previous?: CompressManifest | undefined;
};

/** The published files by content: a file moved to a new path (a hashed folder) keeps its copies. */
export type ByContent = Map<string, { path: string; entry: FileEntry }>;

export function indexByContent(manifest: CompressManifest | undefined): ByContent {
  const index: ByContent = new Map();
  for (const [path, entry] of manifest ?? []) {
    if (entry.br && entry.gz && !index.has(entry.sha256)) index.set(entry.sha256, { path, entry });
  }
  return index;
}

function brotli(body: Buffer, quality: number): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

const statOf = (file: string) => statSync(file, { throwIfNoEntry: false });

/** The published file's times on the new one, to the sub-millisecond (a Date would round). */
function keepTimes(file: string, published: Stats): void {
  utimesSync(file, published.atimeMs / 1000, published.mtimeMs / 1000);
}

/** A hard link (the published copy's bytes, no new disk space), or a copy across file systems. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Keeps the published file's copies when they are what this build would write: same bytes, same
 * levels, the copies still there at their recorded sizes and not older than their file. The new
 * file then takes the published file's modification time, so a copy is never older than its file
 * (the server's rule) and an unchanged page keeps its Last-Modified and ETag.
 */
function reuse(
  sites: Sites,
  path: string,
  entry: FileEntry,
  previous: { path: string; entry: FileEntry },
): boolean {
  if (sites.previousDir === undefined || !entry.br || !entry.gz) return false;
  const same = (a: FileEntry["br"], b: FileEntry["br"]) => a?.level === b?.level;
  if (!same(entry.br, previous.entry.br) || !same(entry.gz, previous.entry.gz)) return false;
  const old = join(sites.previousDir, previous.path);
  const file = statOf(old);
  const br = statOf(`${old}.br`);
  const gz = statOf(`${old}.gz`);
  if (!file || !br || !gz || file.size !== entry.size) return false;
  if (br.size !== previous.entry.br!.bytes || gz.size !== previous.entry.gz!.bytes) return false;
  if (br.mtimeMs < file.mtimeMs || gz.mtimeMs < file.mtimeMs) return false;
  const target = join(sites.dir, path);
  linkOrCopy(`${old}.br`, `${target}.br`);
  linkOrCopy(`${old}.gz`, `${target}.gz`);
  keepTimes(target, file);
  entry.br.bytes = br.size;
  entry.gz.bytes = gz.size;
  return true;
}

function compress(file: string, body: Buffer, levels: Levels, entry: FileEntry): void {
  const br = brotli(body, levels.brotli);
  const gz = gzipSync(body, { level: levels.gzip });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  entry.br = { level: levels.brotli, bytes: br.length };
  entry.gz = { level: levels.gzip, bytes: gz.length };
}

/** The published file with these bytes: the same path first, else any path (moved files). */
function publishedTwin(sites: Sites, byContent: ByContent, path: string, entry: FileEntry) {
  const same = sites.previous?.get(path);
  if (same?.sha256 === entry.sha256 && same.size === entry.size) return { path, entry: same };
  const moved = byContent.get(entry.sha256);
  return moved?.entry.size === entry.size ? moved : undefined;
}

/**
 * A file settled without compressing: no copies to make, or the published copies kept. Undefined
 * when it needs new copies (compressFile, in a worker).
 */
export function settleFile(sites: Sites, byContent: ByContent, path: string): FileDone | undefined {
  return examine(sites, byContent, path).done;
}

export function compressFile(sites: Sites, byContent: ByContent, path: string): FileDone {
  const { done, file, body, entry } = examine(sites, byContent, path);
  if (done) return done;
  compress(file, body, levelsFor(path), entry);
  return { path, entry, reused: false };
}

let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The file's bytes in a buffer reused from file to file (valid until the next read): thousands of
 * unchanged pages are only hashed, and a new buffer each was a tenth of the step's time in garbage.
 */
function readReused(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > scratch.length) scratch = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return scratch.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function examine(sites: Sites, byContent: ByContent, path: string) {
  const file = join(sites.dir, path);
  const body = readReused(file);
  const entry: FileEntry = {
    sha256: createHash("sha256").update(body).digest("hex"),
    size: body.length,
  };
  const settled = (reused: boolean) => ({ done: { path, entry, reused }, file, body, entry });
  const twin = publishedTwin(sites, byContent, path, entry);
  if (!isCompressible(path) || body.length <= MIN_COMPRESS_BYTES) {
    // No copies; an unchanged file still keeps its published modification time (its ETag).
    const old =
      sites.previousDir === undefined || twin?.path !== path
        ? undefined
        : statOf(join(sites.previousDir, path));
    if (old?.size === entry.size) keepTimes(file, old);
    return settled(false);
  }
  const levels = levelsFor(path);
  entry.br = { level: levels.brotli, bytes: 0 };
  entry.gz = { level: levels.gzip, bytes: 0 };
  if (twin && reuse(sites, path, entry, twin)) return settled(true);
  return { done: undefined, file, body, entry };
}
