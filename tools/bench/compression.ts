// npm run bench:compression [-- --dir dist --sample-mib 8 --label "what the folder is" --no-record]
// Size against time for each compressible file type of a built site, at each Brotli and gzip
// level: the measurement behind the levels in src/lib/build/compression-levels.ts. Files are
// sampled evenly up to --sample-mib per type and compressed one at a time on one thread.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { COMPRESSIBLE, MIN_COMPRESS_BYTES } from "../../src/lib/compression.ts";
import { LEVELS, levelsFor } from "../../src/lib/build/compression-levels.ts";
import {
  measureLevels,
  renderCompressionSection,
  type TypeSample,
} from "./lib/compression-report.ts";
import { upsertNamedSection } from "./lib/sections.ts";

const REPO = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    dir: { type: "string", default: join(REPO, "dist") },
    "sample-mib": { type: "string", default: "8" },
    // What the folder is, for the record (e.g. "npm run build of 1,000 benchmark articles").
    label: { type: "string" },
    "no-record": { type: "boolean", default: false },
  },
});
const dir = resolve(values.dir);
const budget = Number(values["sample-mib"]) * 2 ** 20;
if (!existsSync(dir) || !(budget > 0)) {
  console.error("Usage: bench:compression [-- --dir <built site> --sample-mib 8 --no-record]");
  process.exit(2);
}

/** Files of one type, every k-th so the sample spreads over the site, up to `budget` bytes. */
function sample(files: string[]): { files: string[]; bytes: number } {
  const sizes = files.map((f) => statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const step = Math.max(1, Math.ceil(total / budget));
  const picked = files.filter((_, i) => i % step === 0);
  return { files: picked, bytes: picked.reduce((n, f) => n + statSync(f).size, 0) };
}

const all = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => join(e.parentPath, e.name))
  .filter((f) => statSync(f).size > MIN_COMPRESS_BYTES)
  .sort();
const load = loadavg()[0] ?? 0;
const samples: TypeSample[] = [];
for (const ext of COMPRESSIBLE) {
  const files = all.filter((f) => f.toLowerCase().endsWith(ext));
  if (files.length === 0) continue;
  const picked = sample(files);
  const bodies = picked.files.map((f) => readFileSync(f));
  process.stdout.write(`${ext}: ${picked.files.length} of ${files.length} files … `);
  const rows = measureLevels(bodies);
  samples.push({
    ext,
    files: files.length,
    sampled: picked.files.length,
    bytes: picked.bytes,
    rows,
    chosen: levelsFor(`x${ext}`),
  });
  console.log("done");
}

const meta = {
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  machine: `${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})`,
  node: process.version,
  site: values.label ?? dir,
  load,
};
const section = renderCompressionSection(meta, samples, LEVELS);
console.log(`\n${section}`);
if (!values["no-record"]) {
  const file = join(REPO, "BENCHMARKS.md");
  const doc = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, upsertNamedSection(doc, section));
  console.log(`Recorded in ${file}`);
}
