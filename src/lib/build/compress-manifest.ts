// What the compression step knows of a built site, kept inside it (dist/.build/compressed.tsv, a
// dot-folder the server never serves): each file's content hash and the copies written beside
// it, so the next build keeps the copies of every file whose bytes did not change. Tab-separated
// text, one file a line: small and quick to read at tens of thousands of pages.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Inside the site folder, relative to it. */
export const MANIFEST_PATH = ".build/compressed.tsv";
const HEADER = "# compressed v1\tpath\tsha256\tsize\tbr-level\tbr-bytes\tgz-level\tgz-bytes";

export type Copy = { level: number; bytes: number };

export type FileEntry = {
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  size: number;
  /** The .br copy beside it, when the file gets copies: the quality it was written at, its size. */
  br?: Copy | undefined;
  /** The .gz copy, likewise. */
  gz?: Copy | undefined;
};

/** Site-relative paths ("/" separators) to what is known of each file. */
export type CompressManifest = Map<string, FileEntry>;

const whole = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);

function copyOf(level: string | undefined, bytes: string | undefined): Copy | undefined {
  const [l, b] = [whole(level), whole(bytes)];
  return Number.isNaN(l) || Number.isNaN(b) ? undefined : { level: l, bytes: b };
}

/** One line back to an entry; undefined for a line we cannot trust (then nothing is reused). */
function parseLine(line: string): [string, FileEntry] | undefined {
  const [path, sha256, size, brLevel, brBytes, gzLevel, gzBytes] = line.split("\t");
  if (!path || !sha256 || !/^[0-9a-f]{64}$/.test(sha256) || Number.isNaN(whole(size))) return;
  return [
    path,
    { sha256, size: whole(size), br: copyOf(brLevel, brBytes), gz: copyOf(gzLevel, gzBytes) },
  ];
}

/** The manifest of the site in `dir`, empty when it has none or one of another version. */
export function readManifest(dir: string | undefined): CompressManifest {
  const manifest: CompressManifest = new Map();
  const file = dir === undefined ? undefined : join(dir, MANIFEST_PATH);
  if (file === undefined || !existsSync(file)) return manifest;
  const [header, ...lines] = readFileSync(file, "utf8").split("\n");
  if (header !== HEADER) return manifest;
  for (const line of lines) {
    const parsed = line ? parseLine(line) : undefined;
    if (parsed) manifest.set(...parsed);
  }
  return manifest;
}

/** True for a path the manifest can hold (no tab or line break). */
export const canRecord = (path: string): boolean => !/[\t\r\n]/.test(path);

export function writeManifest(dir: string, manifest: CompressManifest): void {
  const file = join(dir, MANIFEST_PATH);
  mkdirSync(dirname(file), { recursive: true });
  const copy = (c: Copy | undefined) => (c ? `${c.level}\t${c.bytes}` : "\t");
  const lines = [...manifest]
    .filter(([path]) => canRecord(path))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, e]) => `${path}\t${e.sha256}\t${e.size}\t${copy(e.br)}\t${copy(e.gz)}`);
  writeFileSync(file, `${[HEADER, ...lines].join("\n")}\n`);
}
