// node tools/bench/compare-dist.ts <before> <after>: are two built sites byte for byte the same?
// Lists the files only one of them has and the files whose bytes differ (compressed copies
// included); exits 1 when anything differs. For checking that a build change keeps every page.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `root`, by its path relative to root. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

export type DistDifference = { onlyBefore: string[]; onlyAfter: string[]; changed: string[] };

export function compareDist(before: string, after: string): DistDifference {
  const [a, b] = [listFiles(before), listFiles(after)];
  const inB = new Set(b);
  const inA = new Set(a);
  return {
    onlyBefore: a.filter((f) => !inB.has(f)),
    onlyAfter: b.filter((f) => !inA.has(f)),
    changed: a
      .filter((f) => inB.has(f))
      .filter((f) => !readFileSync(join(before, f)).equals(readFileSync(join(after, f)))),
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
  console.log(
    count === 0
      ? `identical: ${files} files`
      : `${count} differences (${diff.changed.length} changed, ${diff.onlyBefore.length} only before, ${diff.onlyAfter.length} only after) of ${files} files`,
  );
  process.exit(count === 0 ? 0 : 1);
}
