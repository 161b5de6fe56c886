// The data part of incremental-build keys (cache-keys.ts): what charts and figures read from files.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDatasets } from "../data/index.ts";
import { dataDir } from "../data/paths.ts";
import { digestOf, shownDigest, type KeyedEntry } from "./cache-keys.ts";

/** Every file under `dir` (names and bytes, in a fixed order): a folder's digest. */
function folderDigest(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    hash.update(`${file.slice(dir.length)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("base64url");
}

let dataDigestMemo: { dir: string; digest: string } | undefined;

/**
 * What charts and figures read besides code: every file in data/, and the articles the rows cite
 * (charts name and date their sources). One value per build, shared by every page that uses it.
 */
export function dataDigest(entries: readonly KeyedEntry[]): string {
  const dir = dataDir();
  if (dataDigestMemo?.dir === dir) return dataDigestMemo.digest;
  const cited = new Set<string>();
  for (const dataset of Object.values(loadDatasets().datasets)) {
    for (const row of dataset.rows as { source?: unknown }[]) {
      if (typeof row.source === "string") cited.add(row.source);
    }
  }
  const sources = entries
    .filter((e) => cited.has(e.id))
    .map((e) => [e.id, e.digest ?? shownDigest(e)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));
  const digest = digestOf([folderDigest(dir), sources]);
  dataDigestMemo = { dir, digest };
  return digest;
}
