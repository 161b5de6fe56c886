// One file of the compression step (run in worker threads by compress-site.ts): hash it, keep the
// published copies when its bytes did not change, or write new .br and .gz copies beside it.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { isCompressible, MIN_COMPRESS_BYTES } from "../compression.ts";
import type { FileEntry } from "./compress-manifest.ts";
import { levelsFor, type Levels } from "./compression-levels.ts";

export type FileJob = { path: string; previous?: FileEntry | undefined };
export type FileDone = { path: string; entry: FileEntry; reused: boolean };

/** Where the site being built is, and the published one whose copies may be kept. */
export type Sites = { dir: string; previousDir?: string | undefined };

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
function reuse(sites: Sites, path: string, entry: FileEntry, previous: FileEntry): boolean {
  if (sites.previousDir === undefined || !entry.br || !entry.gz) return false;
  const same = (a: FileEntry["br"], b: FileEntry["br"]) => a?.level === b?.level;
  if (!same(entry.br, previous.br) || !same(entry.gz, previous.gz)) return false;
  const old = join(sites.previousDir, path);
  const file = statOf(old);
  const br = statOf(`${old}.br`);
  const gz = statOf(`${old}.gz`);
  if (!file || !br || !gz || file.size !== entry.size) return false;
  if (br.size !== previous.br!.bytes || gz.size !== previous.gz!.bytes) return false;
  if (br.mtimeMs < file.mtimeMs || gz.mtimeMs < file.mtimeMs) return false;
  const target = join(sites.dir, path);
  linkOrCopy(`${old}.br`, `${target}.br`);
  linkOrCopy(`${old}.gz`, `${target}.gz`);
  utimesSync(target, file.atime, file.mtime);
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

export function compressFile(sites: Sites, job: FileJob): FileDone {
  const file = join(sites.dir, job.path);
  const body = readFileSync(file);
  const entry: FileEntry = {
    sha256: createHash("sha256").update(body).digest("hex"),
    size: body.length,
  };
  const unchanged = job.previous?.sha256 === entry.sha256 && job.previous.size === entry.size;
  if (!isCompressible(job.path) || body.length <= MIN_COMPRESS_BYTES) {
    // No copies; an unchanged file still keeps its published modification time (its ETag).
    const old = sites.previousDir === undefined ? undefined : statOf(join(sites.previousDir, job.path));
    if (unchanged && old?.size === entry.size) utimesSync(file, old.atime, old.mtime);
    return { path: job.path, entry, reused: false };
  }
  const levels = levelsFor(job.path);
  entry.br = { level: levels.brotli, bytes: 0 };
  entry.gz = { level: levels.gzip, bytes: 0 };
  if (unchanged && reuse(sites, job.path, entry, job.previous!)) {
    return { path: job.path, entry, reused: true };
  }
  compress(file, body, levels, entry);
  return { path: job.path, entry, reused: false };
}
