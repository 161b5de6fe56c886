// node tools/bench/compare-dist.ts <before> <after>: are two built sites byte for byte the same?
// Lists the files only one of them has and the files whose bytes differ (compressed copies
// included); exits 1 when anything differs. For checking that a build change keeps every page.
// PNGs whose bytes differ but whose decoded pixels are the same (another encoder) are listed
// apart as "samePixels" and do not count as differences.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PNG } from "pngjs";

/** Every file under `root`, by its path relative to root. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

export type DistDifference = {
  onlyBefore: string[];
  onlyAfter: string[];
  changed: string[];
  /** PNGs of other bytes that decode to the very same pixels. */
  samePixels: string[];
};

function samePixels(a: Buffer, b: Buffer): boolean {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  return x.width === y.width && x.height === y.height && x.data.equals(y.data);
}

export function compareDist(before: string, after: string): DistDifference {
  const [a, b] = [listFiles(before), listFiles(after)];
  const inB = new Set(b);
  const inA = new Set(a);
  const differing = a
    .filter((f) => inB.has(f))
    .filter((f) => !readFileSync(join(before, f)).equals(readFileSync(join(after, f))));
  const pixelsKept = (f: string) =>
    f.endsWith(".png") && samePixels(readFileSync(join(before, f)), readFileSync(join(after, f)));
  return {
    onlyBefore: a.filter((f) => !inB.has(f)),
    onlyAfter: b.filter((f) => !inA.has(f)),
    changed: differing.filter((f) => !pixelsKept(f)),
    samePixels: differing.filter(pixelsKept),
  };
}

if (import.meta.main) {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error("Usage: node tools/bench/compare-dist.ts <before> <after>");
    process.exit(2);
  }
  const diff = compareDist(before, after);
  const files = listFiles(before).length;
  for (const [label, list] of Object.entries(diff))
    for (const file of list.slice(0, 50)) console.log(`${label}: ${file}`);
  const count = diff.onlyBefore.length + diff.onlyAfter.length + diff.changed.length;
  const pngs = diff.samePixels.length;
  const note = pngs ? `; ${pngs} PNGs of other bytes with the same pixels` : "";
  console.log(
    count === 0
      ? `identical: ${files} files${note}`
      : `${count} differences (${diff.changed.length} changed, ${diff.onlyBefore.length} only before, ${diff.onlyAfter.length} only after) of ${files} files${note}`,
  );
  process.exit(count === 0 ? 0 : 1);
}
